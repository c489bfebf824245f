"""Writing answers the way the prompts ask for them, shared by every baseline.

Baselines reply in exactly the format a prompt requests (`tasks/templates/*.toml`, `[answer_format]`), so
that what they score measures what they know, never how well the scorer reads a sloppy format.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Sequence

from multipriv.runner.base import Request
from multipriv.tasks.common import attr_name
from multipriv.tasks.schema import Item


def request_rng(request: Request, salt: str = "") -> random.Random:
    """A random stream fixed by the item and the condition (its system prompt and framed user turn), so
    a rerun gives the same replies and the three conditions give independent ones."""
    key = "\x1f".join((salt, request.item.id, request.system or "", request.prompt))
    return random.Random(hashlib.sha256(key.encode("utf-8")).hexdigest())


def display_name(attr_id: str, lang: str) -> str:
    return attr_name(attr_id, lang)


def format_set(attr_ids: Iterable[str], item: Item) -> str:
    """Menu entries by their display names in the item's language, in menu order; "none" when empty."""
    return format_menu(attr_ids, item.menu, item.lang)


def format_menu(attr_ids: Iterable[str], menu: Sequence[str], lang: str) -> str:
    """`format_set` from the menu and language alone (the `blind` baseline sees nothing else of an item)."""
    chosen = set(attr_ids)
    names = [display_name(a, lang) for a in menu if a in chosen]
    if not names:
        return "无" if lang == "zh" else "none"
    return ("、" if lang == "zh" else ", ").join(names)


def format_yesno(yes: bool, lang: str) -> str:
    if lang == "zh":
        return "是" if yes else "否"
    return "yes" if yes else "no"


def format_box(box: Sequence[float]) -> str:
    x0, y0, x1, y1 = (max(0, min(1000, round(v))) for v in box)
    return f"[{x0}, {y0}, {x1}, {y1}]"


def format_steps(answers: Sequence[str], final: str, lang: str) -> str:
    """ "Step N: <answer>" lines and a final answer, in the item's language's form."""
    if lang == "zh":
        lines = [f"第{i}步：{a}" for i, a in enumerate(answers, 1)]
        lines.append(f"最终答案：{final}")
    else:
        lines = [f"Step {i}: {a}" for i, a in enumerate(answers, 1)]
        lines.append(f"Final answer: {final}")
    return "\n".join(lines)


def letters(item: Item) -> str:
    """The option letters an item offers (choice items always list their options)."""
    return option_letters(item.options)


def option_letters(options: Sequence[str]) -> str:
    return "ABCDEFGHIJ"[: max(1, len(options))]
