"""What every task module shares: prompt templates, the build context, twin items and balanced choices.

Every question exists in English and Chinese as twins: one `key` describes the question independently of
language, and `twins` builds both items from it, with one twin id. Ids are hashes of keys, so they are stable
across builds of the same seed and do not depend on the order tasks run in.
"""

from __future__ import annotations

import hashlib
import random
import tomllib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from multipriv.render.annotations import AnnotationSet, FieldBox, ImageAnnotation
from multipriv.render.face_source import FaceSource, ProceduralFaceSource
from multipriv.tasks.schema import AnswerType, Item, Lang, Level
from multipriv.world.schema import Person, World
from multipriv.world.taxonomy import BY_ID, Normaliser
from multipriv.world.values import value

LANGS: tuple[Lang, Lang] = ("en", "zh")
LETTERS = "ABCDEFGHIJ"


@cache
def templates(lang: str) -> dict[str, Any]:
    with resources.files("multipriv.tasks.templates").joinpath(f"{lang}.toml").open("rb") as fh:
        return tomllib.load(fh)


def template_version() -> str:
    return "+".join(f"{lang}{templates(lang)['version']}" for lang in LANGS)


def say(lang: str, section: str, key: str, **values: object) -> str:
    return str(templates(lang)[section][key]).format(**values)


def prompt(lang: str, question: str, answer_type: AnswerType) -> str:
    return f"{question}\n{templates(lang)['answer_format'][answer_type.value]}"


def attr_name(attr_id: str, lang: str) -> str:
    attr = BY_ID[attr_id]
    return attr.name_zh if lang == "zh" else attr.name_en


def short_hash(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()[:12]


@dataclass
class TaskContext:
    world: World
    annotations: AnnotationSet
    seed: int
    faces: FaceSource = field(default_factory=ProceduralFaceSource)
    by_person: dict[str, list[ImageAnnotation]] = field(default_factory=dict)
    by_kind: dict[str, list[ImageAnnotation]] = field(default_factory=dict)
    lookalikes: dict[str, set[str]] = field(default_factory=dict)  # symmetric
    perception_ids: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (lang, path, attr) -> id
    extra_images: list[tuple[ImageAnnotation, bytes]] = field(default_factory=list)  # rendered by tasks
    _choice_counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def __post_init__(self) -> None:
        by_person: dict[str, list[ImageAnnotation]] = defaultdict(list)
        by_kind: dict[str, list[ImageAnnotation]] = defaultdict(list)
        for ann in self.annotations.images:
            by_person[ann.person_ids[0]].append(ann)
            by_kind[ann.kind].append(ann)
        self.by_person, self.by_kind = dict(by_person), dict(by_kind)
        looks: dict[str, set[str]] = defaultdict(set)
        for person in self.world.persons:
            if person.lookalike:
                looks[person.id].add(person.lookalike.of)
                looks[person.lookalike.of].add(person.id)
        self.lookalikes = dict(looks)

    def others_with(self, person: Person, kind: str, rng: random.Random, k: int,
                    exclude: set[str] | None = None) -> list[ImageAnnotation]:
        """Up to `k` images of `kind` of other persons of the same locale: look-alikes first, so that one clue
        is not enough to tell them apart, then anyone."""
        banned = {person.id} | (exclude or set())
        # An image of someone else that shows or names this person would be a wrong "other".
        pool = [a for a in self.by_kind.get(kind, ()) if a.person_ids[0] not in banned
                and person.id not in a.person_ids and all(f.person_id != person.id for f in a.faces)
                and self.person(a.person_ids[0]).locale == person.locale]
        looks = [a for a in pool if a.person_ids[0] in self.lookalikes.get(person.id, set())]
        look_paths = {a.path for a in looks}
        rest = [a for a in pool if a.path not in look_paths]
        rng.shuffle(looks)
        rng.shuffle(rest)
        return (looks + rest)[:k]

    def rng(self, *parts: object) -> random.Random:
        return random.Random(":".join(str(p) for p in (self.seed, "tasks", *parts)))

    def person(self, person_id: str) -> Person:
        return self.world.person(person_id)

    def image(self, person_id: str, kind: str) -> ImageAnnotation | None:
        for ann in self.by_person.get(person_id, ()):
            if ann.kind == kind:
                return ann
        return None

    def core(self) -> list[Person]:
        return [p for p in self.world.persons if p.tier == "core"]

    def balanced_position(self, pool: str, n_options: int) -> int:
        """The correct option's position: cycles through all positions per pool, so answers are balanced."""
        position = self._choice_counters[pool] % n_options
        self._choice_counters[pool] += 1
        return position


def arrange_choices(
    ctx: TaskContext, pool: str, correct: str, distractors: Sequence[str], rng: random.Random,
) -> tuple[list[str], str]:
    """Options with the correct one at a balanced position and distractors shuffled; returns (options, letter)."""
    others = list(distractors)
    rng.shuffle(others)
    position = ctx.balanced_position(pool, len(others) + 1)
    options = [*others[:position], correct, *others[position:]]
    return options, LETTERS[position]


def fields_of(ann: ImageAnnotation, attr_id: str, person_id: str | None = None) -> list[FieldBox]:
    return [f for f in ann.fields if f.attribute_id == attr_id and (person_id is None or f.person_id == person_id)]


def single_value(ann: ImageAnnotation, attr_id: str, lang: str | None = None) -> tuple[str, list[FieldBox]] | None:
    """The one value of an attribute an image shows, or None if it shows several persons' values or none: a
    question about it would be ambiguous.

    Lines of one value (an address over two lines) are joined. A value printed again (a boarding pass stub)
    counts once. A bilingual document prints one value in two scripts: the form in `lang` is taken, else the
    first printed.
    """
    found = fields_of(ann, attr_id)
    if not found or len({f.person_id for f in found}) != 1:
        return None
    langs = list(dict.fromkeys(f.lang for f in found))
    pick = lang if lang in langs else langs[0]
    lines: dict[str, FieldBox] = {}
    for f in found:
        if f.lang == pick and f.text not in lines:
            lines[f.text] = f
    fields = list(lines.values())
    joiner = "" if pick == "zh" else " "
    return joiner.join(lines), fields


def printed_forms(ann: ImageAnnotation, attr_id: str) -> tuple[str, ...]:
    """Every script's form of the one value an image shows (see `single_value`)."""
    found = fields_of(ann, attr_id)
    forms = []
    for lang in dict.fromkeys(f.lang for f in found):
        shown = single_value(ann, attr_id, lang)
        if shown:
            forms.append(shown[0])
    return tuple(forms)


def printed_once(ann: ImageAnnotation, attr_id: str) -> bool:
    """The value is printed at one place only (possibly over several lines): a box question has one answer."""
    shown = single_value(ann, attr_id)
    return shown is not None and len(shown[1]) == len(fields_of(ann, attr_id))


def twins(
    task: int,
    level: Level,
    key: str,
    images: Sequence[str],
    build: Callable[[Lang], dict[str, Any]],
) -> list[Item]:
    """The English and Chinese items of one question; `build(lang)` gives the language-specific fields."""
    twin_id = f"t{task}-{short_hash(key)}"
    return [
        Item(id=f"{twin_id}-{lang}", twin_id=twin_id, task=task, level=level, lang=lang, images=tuple(images),
             **build(lang))
        for lang in LANGS
    ]


# Kinds whose canonical value is the same information as any printed format of it (a date as "06 NOV 2000",
# a card number in groups): the canonical forms are accepted beside the printed one. Age is not among them:
# a document prints the age at its own date.
CANONICAL_OK = {Normaliser.NAME, Normaliser.DATE, Normaliser.MONEY, Normaliser.NUMBER}


def gold_forms(ann: ImageAnnotation, attr_id: str, person: Person) -> tuple[str, ...]:
    """Accepted answers for "what is the {attr} shown": as printed (every script), then canonical forms."""
    shown = single_value(ann, attr_id)
    printed = (shown[0],) if shown else ()
    canonical = value(person, attr_id)
    extra: tuple[str, ...] = ()
    if canonical is not None and ((BY_ID[attr_id].normaliser in CANONICAL_OK and attr_id != "age")
                                  or any(p in (canonical.en, canonical.zh) for p in printed)):
        extra = (canonical.en, canonical.zh)
    return accepted_forms(*printed, *printed_forms(ann, attr_id), *extra)


def accepted_forms(*forms: str) -> tuple[str, ...]:
    """Distinct non-empty forms, first one canonical."""
    out: list[str] = []
    for form in forms:
        form = form.strip()
        if form and form not in out:
            out.append(form)
    return tuple(out)
