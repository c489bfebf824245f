"""What the document-kind tests share: a test person per language, rendering one kind, and the OCR read-back
check (a field counts as read when an OCR line holds its text and overlaps its recorded box)."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path
from typing import Any

import numpy as np

from multipriv.render.annotations import Box, FieldBox
from multipriv.render.documents.base import REGISTRY, DocContext, Rendered
from multipriv.render.face_source import ProceduralFaceSource
from multipriv.world.schema import Person, World


def person_of(world: World, lang: str) -> Person:
    return next(p for p in world.persons if p.locale == lang)


def render_kind(world: World, kind: str, person: Person, tag: str = "test") -> Rendered:
    ctx = DocContext(person=person, world=world, rng=random.Random(f"{tag}:{kind}:{person.id}"),
                     faces=ProceduralFaceSource(), date=world.reference_date)
    return REGISTRY[kind].render(ctx)


def render_all(world: World, kinds: tuple[str, ...], save_to: Path) -> dict[tuple[str, str], Rendered]:
    """Every kind for the first en and the first zh person, saved as PNGs for a human look."""
    out = {}
    save_to.mkdir(parents=True, exist_ok=True)
    for kind in kinds:
        for lang in ("en", "zh"):
            r = render_kind(world, kind, person_of(world, lang))
            r.canvas.image.save(save_to / f"{kind}_{lang}.png")
            out[(kind, lang)] = r
    return out


def norm(s: str) -> str:
    # RapidOCR's alphabet has no Greek mu: it reads a printed "μmol/L" as "umol/L", which is a correct reading
    s = unicodedata.normalize("NFKC", s).casefold().replace("μ", "u")
    return "".join(ch for ch in s if ch.isalnum())


def overlaps(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def read_back(image: Any, fields: tuple[FieldBox, ...], engine: Any) -> tuple[list[FieldBox], list[FieldBox]]:
    """Text fields of >= 2 characters that OCR reads back at their place, and those it misses (signatures are
    handwriting images, not text)."""
    result, _ = engine(np.asarray(image), use_cls=False)  # upright pages: the angle classifier only costs time
    lines: list[tuple[str, Box]] = []
    for pts, text, _score in result or []:
        xs, ys = [int(q[0]) for q in pts], [int(q[1]) for q in pts]
        lines.append((norm(text), (min(xs), min(ys), max(xs) + 1, max(ys) + 1)))
    read: list[FieldBox] = []
    missed: list[FieldBox] = []
    for f in fields:
        key = norm(f.text)
        if len(key) < 2 or f.attribute_id == "signature":
            continue
        ok = any(
            (key in t or (t and t in key and len(t) >= 0.6 * len(key))) and overlaps(box, f.box)
            for t, box in lines
        )
        (read if ok else missed).append(f)
    return read, missed
