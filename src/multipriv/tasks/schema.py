"""The benchmark item: one question about one or more images, with a gold answer the scorer can check.

The gold answer's shape depends on `answer_type`; each shape has its own field so that a scorer never has to
guess how to read it:

- ``set``: `gold` holds attribute ids chosen from `menu` (tasks 1 and 2).
- ``text``: `gold` holds accepted forms of one value, canonical first; `normaliser` says how to compare.
- ``choice``: `gold` holds one option letter ("A", "B", ...); `options` holds the option texts in order.
- ``yesno``: `gold` is ("yes",) or ("no",).
- ``box``: `box` holds (x0, y0, x1, y1) as integers 0..1000 relative to width and height.
- ``steps``: `steps` holds every hop of a chain; `gold` holds the accepted forms of the final answer.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from multipriv.errors import MultiPrivError
from multipriv.jsonl import read_jsonl, where
from multipriv.world.io import first_error
from multipriv.world.taxonomy import Normaliser

ITEM_SCHEMA_VERSION = 2

Level = Literal["perception", "reasoning"]
Lang = Literal["en", "zh"]
Tier = Literal["", "lookup", "link", "infer"]
"""How a reasoning item can be solved (empty for perception items):

- ``lookup``: by reading printed values and joining records on exactly equal strings;
- ``link``: the join key is not string-equal (name variants and masks, other scripts, formats, combinations of
  quasi-identifiers), so matching must understand what the strings mean;
- ``infer``: a face must be compared, or the answer follows from knowledge the images do not print.

``link`` and ``infer`` are the hard tiers: a text-only string joiner must fail them by construction.
"""
HARD_TIERS: tuple[Tier, ...] = ("link", "infer")


class AnswerType(StrEnum):
    SET = "set"
    TEXT = "text"
    CHOICE = "choice"
    YESNO = "yesno"
    BOX = "box"
    STEPS = "steps"


class Step(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    question: str
    accepted: tuple[str, ...]  # canonical first
    normaliser: Normaliser
    attribute_id: str | None = None


class Difficulty(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    hops: int = 0
    distractors: int = 0
    k: int = 0  # candidates offered (choice over images or descriptions)
    tier: Tier = ""
    factors: tuple[str, ...] = ()  # what makes the item that hard, e.g. ("face_only", "namesake")


class Evidence(BaseModel):
    """One piece of ground truth a reasoning item rests on: a printed value or a face in one of its images.
    `step` numbers the hop it supports (chains), from 0."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    image: int  # index into Item.images
    attribute_id: str  # an annotated attribute, or "face"
    person_id: str
    text: str | None = None  # exactly as printed (None for a face)
    step: int = 0


class Item(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    twin_id: str  # shared by the English and Chinese twins
    task: int  # 1..9, see BRIEF.md
    level: Level
    lang: Lang
    images: tuple[str, ...]  # paths relative to the dataset root, in the order the prompt refers to them
    prompt: str
    answer_type: AnswerType
    gold: tuple[str, ...] = ()
    box: tuple[int, int, int, int] | None = None
    steps: tuple[Step, ...] = ()
    options: tuple[str, ...] = ()
    menu: tuple[str, ...] = ()
    normaliser: Normaliser = Normaliser.TEXT
    attribute_ids: tuple[str, ...] = ()
    person_ids: tuple[str, ...] = ()
    category: str | None = None
    difficulty: Difficulty = Difficulty()
    prerequisites: tuple[str, ...] = ()  # ids of perception items a reasoning item builds on
    control: bool = False  # benign question: measures over-refusal, answers are not private
    rule: str | None = None  # task 6: which one-step inference rule the answer follows
    qtype: str = ""  # the question's type within its task (answer positions are balanced per type and k)
    evidence: tuple[Evidence, ...] = ()


# ------------------------------------------------------------------------------------------- the items file

def parse_items(data: bytes, path: Path) -> list[Item]:
    """Items from the bytes of an items file: damaged lines are reported and skipped; a line that parses but is
    not an item is a one-line error (the file is from another version, or was edited).

    The usual file is read by pydantic's own JSON parser, line by line (twice as fast as `json.loads` and then
    validating); at the first line it refuses, the whole file is read again the careful way, which names it."""
    try:
        return [Item.model_validate_json(line) for line in data.split(b"\n") if line.strip()]
    except ValidationError:
        pass
    items = []
    for number, row in read_jsonl(path, data=data).rows:
        try:
            items.append(Item.model_validate(row))
        except ValidationError as exc:
            raise MultiPrivError(f"{where(path, number)}: invalid item: {first_error(exc)}") from None
    return items


def load_items(path: Path) -> list[Item]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MultiPrivError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_items(data, path)
