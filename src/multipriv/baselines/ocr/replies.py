"""Turning a decision into a reply in the format the prompt asks, with a format-correct guess where the
pipeline could not decide (a model would guess too, and the scorer counts it)."""

from __future__ import annotations

import random
import re

from multipriv.baselines.answers import format_yesno
from multipriv.baselines.question import Question
from multipriv.tasks.schema import Item

LETTERS = "ABCDEFGHIJ"
_OPTION = re.compile(r"^[(（]([A-J])[)）]\s*(.+)$")


def choice(index: int | None, item: Item, rng: random.Random) -> str:
    """The letter of option `index`, or a uniform guess when there is none."""
    n = max(1, len(item.options))
    return LETTERS[index] if index is not None and 0 <= index < n else rng.choice(LETTERS[:n])


def yesno(value: bool | None, item: Item, rng: random.Random) -> str:
    return format_yesno(value if value is not None else rng.random() < 0.5, item.lang)


def option_texts(q: Question) -> list[str]:
    """The texts of a question's "(A) ..." options, in order."""
    return [m.group(2) for m in map(_OPTION.match, q.slots.get("options", "").splitlines()) if m]
