"""The contract every document kind fulfils, and the registry that lists them.

A document kind is one function, registered with `@document(...)`, that draws one person's document on a
`Canvas` and returns it. The canvas records every printed value's box as it draws, so a renderer never computes
ground truth by hand. The pipeline decides who gets which documents, applies the photo-of-document variant and
saves files; a renderer only draws.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from multipriv.render.canvas import Canvas
from multipriv.render.face_source import FaceSource
from multipriv.world.schema import Person, World

DocLang = Literal["en", "zh", "bi"]


@dataclass(frozen=True)
class DocContext:
    """What a renderer may use. `rng` is the document's own stream: same world and seed, same pixels."""

    person: Person
    world: World
    rng: random.Random
    faces: FaceSource
    date: dt.date  # the date the document is dated or the photo taken (on or before the reference date)

    @property
    def lang(self) -> Literal["en", "zh"]:
        """Documents follow the person's locale."""
        return self.person.locale

    @property
    def seed(self) -> int:
        """An integer seed for numpy-based helpers (decor, fingerprints), derived from the document's stream."""
        return self.rng.getrandbits(32)


@dataclass
class Rendered:
    canvas: Canvas
    lang: DocLang
    person_ids: tuple[str, ...]
    meta: dict[str, str] = field(default_factory=dict)  # e.g. {"colour": "blue", "doc_type": "ID card"}


@dataclass(frozen=True)
class DocumentKind:
    name: str
    render: Callable[[DocContext], Rendered]
    photo: bool  # a photograph (saved as JPEG), not a flat document
    may_photograph: bool  # the photo-of-a-document variant applies
    attribute_level: bool  # suitable as a background person's single attribute-level image
    title: tuple[str, str]  # (en, zh) name of the kind, for benign control questions


REGISTRY: dict[str, DocumentKind] = {}


def document(
    name: str, *, title: tuple[str, str], photo: bool = False, may_photograph: bool = True,
    attribute_level: bool = True,
) -> Callable[[Callable[[DocContext], Rendered]], Callable[[DocContext], Rendered]]:
    def register(fn: Callable[[DocContext], Rendered]) -> Callable[[DocContext], Rendered]:
        if name in REGISTRY:
            raise ValueError(f"document kind {name!r} registered twice")
        REGISTRY[name] = DocumentKind(name, fn, photo, may_photograph and not photo, attribute_level, title)
        return fn

    return register
