"""Saving and loading a world file, with errors a user can act on.

The file is JSON with one fixed key order so that the same seed gives byte-identical files. Loading checks the
schema version first (a file from another version is named as such, not as a pile of field errors), then the
fields, then that every reference points at a person of the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from multipriv.errors import MultiPrivError
from multipriv.world.schema import SCHEMA_VERSION, World


def dumps(world: World) -> str:
    return json.dumps(world.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def save_world(world: World, path: Path) -> None:
    """The bytes of `dumps`, written person by person: the whole text (and the dict it is made from) of a large
    world is several times the world itself, and would be a build's peak."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        if list(World.model_fields)[-1] != "persons" or not world.persons:
            fh.write(dumps(world))
        else:
            head = json.dumps(world.model_dump(mode="json", exclude={"persons"}), ensure_ascii=False, indent=1)
            fh.write(head.removesuffix("\n}") + ',\n "persons": [')
            sep = "\n"
            for person in world.persons:
                body = json.dumps(person.model_dump(mode="json"), ensure_ascii=False, indent=1)
                fh.write(sep + "  " + body.replace("\n", "\n  "))  # two levels deep at indent 1
                sep = ",\n"
            fh.write("\n ]\n}\n")
    tmp.replace(path)  # never leave a half-written world behind


def first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(part) for part in err["loc"]) or "(top level)"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {err['msg']}{more}"


def check_references(world: World) -> None:
    ids = {p.id for p in world.persons}
    if len(ids) != len(world.persons):
        raise MultiPrivError("duplicate person ids")
    for person in world.persons:
        for rel in person.relations:
            if rel.person_id not in ids:
                raise MultiPrivError(f"{person.id}: relation to unknown person {rel.person_id}")
            back = world.person(rel.person_id).relations
            if not any(r.person_id == person.id and r.kind == rel.kind for r in back):
                raise MultiPrivError(f"{person.id}: {rel.kind} relation to {rel.person_id} is not reciprocal")
        if person.lookalike and person.lookalike.of not in ids:
            raise MultiPrivError(f"{person.id}: look-alike of unknown person {person.lookalike.of}")
        if person.lookalike and "full_name" in person.lookalike.shared:
            model = world.person(person.lookalike.of)
            if model.name != person.name or abs(model.birth_date.year - person.birth_date.year) < 3:
                raise MultiPrivError(f"{person.id}: namesake of {model.id} without the same name or with a birth"
                                     " year less than 3 years apart")


def parse_world(data: Any, source: str = "world") -> World:
    if not isinstance(data, dict):
        raise MultiPrivError(f"{source}: not a world file (expected a JSON object)")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise MultiPrivError(
            f"{source}: schema version {version!r}, this MultiPriv reads version {SCHEMA_VERSION}; "
            "regenerate it with `multipriv world`"
        )
    try:
        world = World.model_validate(data)
    except ValidationError as exc:
        raise MultiPrivError(f"{source}: invalid world file: {first_error(exc)}") from None
    try:
        check_references(world)
    except MultiPrivError as exc:
        raise MultiPrivError(f"{source}: {exc}") from None
    return world


def load_world(path: Path) -> World:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MultiPrivError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MultiPrivError(f"{path}: cannot read: {exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise MultiPrivError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    return parse_world(data, str(path))
