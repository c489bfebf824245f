"""What a model sees of an item without its images, and the keys the floors' priors are stored under.

Everything is read back from the prompt (its template, slot values and chain steps, via `question`), the
options, the menu, the language, the task and the answer type; nothing here touches a gold answer, so the
`blind` baseline, which answers through these keys, cannot either.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from multipriv.baselines.question import attribute_id, parse_question, strip_format
from multipriv.tasks.schema import AnswerType, Item
from multipriv.world.taxonomy import BY_ID, Normaliser

_STEP_LINE = re.compile(r"^\s*(?:Step\s*\d+|第\s*\d+\s*步)\s*[:：]", re.MULTILINE)


@dataclass(frozen=True)
class Visible:
    """All a model sees of an item without its images; `blind` gets nothing else, by construction."""

    task: int
    answer_type: AnswerType
    lang: str
    prompt: str
    options: tuple[str, ...]
    menu: tuple[str, ...]

    @classmethod
    def of(cls, item: Item) -> Visible:
        return cls(item.task, AnswerType(item.answer_type), item.lang, item.prompt, item.options, item.menu)


Slots = tuple[tuple[str, str], ...]
Target = tuple[Normaliser, tuple[str, ...]]  # a gold to state: how to compare, accepted forms


@dataclass(frozen=True)
class Signature:
    """A prompt read back into its template (section, key), slot values and, for a chain, its steps'."""

    section: str
    key: str
    slots: Slots = ()
    steps: tuple[tuple[str, str, Slots], ...] = ()


@lru_cache(maxsize=1 << 16)
def signature(prompt: str, lang: str) -> Signature:
    q = parse_question(prompt, lang)
    if q is None:  # a prompt no current template makes (an older build): the question is its own template
        return Signature("?", strip_format(prompt, lang))
    return Signature(q.section, q.key, tuple(sorted(q.slots.items())),
                     tuple((s.section, s.key, tuple(sorted(s.slots.items()))) for s in q.steps))


def step_count(v: Visible) -> int:
    """How many "Step N" lines the prompt asks for."""
    return max(1, len(signature(v.prompt, v.lang).steps) or len(_STEP_LINE.findall(v.prompt)))


def storage_key(*parts: Any) -> str:
    return json.dumps(parts, ensure_ascii=False, separators=(",", ":"))


def kind_keys(v: Visible, sig: Signature) -> tuple[str, str]:
    t, a = v.task, v.answer_type.value
    return storage_key("k", t, a, sig.section, sig.key, sig.slots), storage_key("k", t, a, sig.section, sig.key)


def named_kind(sig: Signature) -> str | None:
    """The kind of the attribute a slot names ("What is the {attribute} shown?"), from the public taxonomy."""
    for _, value in sig.slots:
        attr = BY_ID.get(attribute_id(value) or "")
        if attr is not None:
            return attr.normaliser.value
    return None


def infer_kind(v: Visible, kinds: dict[str, str]) -> str:
    """The kind of value a free-text question asks for, from the question alone ("" for other types)."""
    if v.answer_type is not AnswerType.TEXT:
        return ""
    sig = signature(v.prompt, v.lang)
    full, template = kind_keys(v, sig)
    return kinds.get(full) or named_kind(sig) or kinds.get(template, "")


def blind_keys(v: Visible, kinds: dict[str, str]) -> tuple[str, str, str]:
    """The back-off keys of a visible item, most specific first."""
    sig = signature(v.prompt, v.lang)
    kind, t, a = infer_kind(v, kinds), v.task, v.answer_type.value
    return (storage_key("q", t, a, v.lang, sig.section, sig.key, sig.slots, sig.steps, v.options, v.menu),
            storage_key("t", t, a, v.lang, sig.section, sig.key, len(v.options), len(v.menu), len(sig.steps), kind),
            storage_key("l", t, a, v.lang, kind))


def step_keys(task: int, lang: str, step: tuple[str, str, Slots]) -> tuple[str, str]:
    return storage_key("s", task, lang, *step), storage_key("s", task, lang, step[0], step[1])


def constant_keys(task: int, answer_type: AnswerType, kind: str) -> tuple[str, str, str]:
    a = answer_type.value
    return storage_key("c", task, a, kind), storage_key("c", task, a, "*"), storage_key("c", 0, a, "*")


def item_kind(item: Item) -> str:
    return Normaliser(item.normaliser).value if item.answer_type is AnswerType.TEXT else ""
