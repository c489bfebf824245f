"""Reading a prompt back into the template it was made from: which question, with which slot values.

Baselines that do not look at the gold (the OCR pipeline) and the baseline server (which gets only text and
pictures over HTTP) must know what is asked from the prompt alone; the prompts are the templates of
`multipriv.tasks.common.templates` filled in, so matching against those templates recovers the question
exactly, in both languages, and stays right when a template changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from multipriv.tasks.common import LANGS, attribute_names, templates

# Template keys that are pieces of other templates, not questions.
_FRAGMENTS = {"who_self", "option", "region_word_zh", "region_word_en", "intro", "desc_option", "woman", "man"}
_FRAGMENT_PREFIXES = ("intro", "description_", "option", "noun")
_SLOT = re.compile(r"\{(\w+)\}")
_STEP_LINE = re.compile(r"^(?:Step\s*(\d+)|第(\d+)步)\s*[:：]\s*(.*)$")


@dataclass(frozen=True)
class Question:
    """One parsed prompt: the template's section and key ("task6", "age"), its slot values, and for a chain
    (task 7) the parsed questions of its steps."""

    section: str
    key: str
    lang: str
    slots: dict[str, str] = field(default_factory=dict)
    steps: tuple[Question, ...] = ()


def _template_regex(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    pos = 0
    for m in _SLOT.finditer(template):
        parts.append(re.escape(template[pos: m.start()]))
        parts.append(f"(?P<{m.group(1)}>.+?)")
        pos = m.end()
    parts.append(re.escape(template[pos:]))
    return re.compile("".join(parts), re.DOTALL)


@cache
def _patterns(lang: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Every question template of a language, the most literal text first so that specific wins."""
    out: list[tuple[str, str, str]] = []
    for section, table in templates(lang).items():
        if not section.startswith(("task", "controls")) or not isinstance(table, dict):
            continue
        for key, template in table.items():
            if key in _FRAGMENTS or key.startswith(_FRAGMENT_PREFIXES) or not isinstance(template, str):
                continue
            out.append((section, key, template))
    out.sort(key=lambda t: -len(_SLOT.sub("", t[2])))
    return tuple((s, k, _template_regex(t)) for s, k, t in out)


@cache
def answer_formats(lang: str) -> tuple[str, ...]:
    return tuple(str(v) for v in templates(lang)["answer_format"].values())


def condition_texts() -> tuple[str, ...]:
    """The non-empty condition texts (system prompts, adversarial framings) of every language."""
    return tuple(str(v) for lang in LANGS for v in templates(lang)["conditions"].values() if v)


def strip_format(prompt: str, lang: str) -> str:
    """The question without the answer-format line that closes every prompt."""
    text = prompt.strip()
    for fmt in answer_formats(lang):
        if text.endswith(fmt):
            return text[: -len(fmt)].rstrip()
    return text


def _match(text: str, lang: str) -> Question | None:
    for section, key, pattern in _patterns(lang):
        m = pattern.fullmatch(text)
        if m:
            return Question(section, key, lang, {k: v.strip() for k, v in m.groupdict().items()})
    return None


def _chain(text: str, lang: str) -> Question | None:
    lines = text.splitlines()
    table = templates(lang).get("task7", {})
    intros = [_template_regex(str(v)) for k, v in table.items() if k.startswith("intro") and isinstance(v, str)]
    if not lines or not any(intro.fullmatch(lines[0].strip()) for intro in intros):
        return None
    steps: list[Question] = []
    for line in lines[1:]:
        m = _STEP_LINE.match(line.strip())
        if not m:
            continue
        q = _match(m.group(3).strip(), lang)
        steps.append(q if q is not None else Question("task7", "unknown", lang, {"text": m.group(3)}))
    return Question("task7", "chain", lang, {}, tuple(steps))


def parse_question(prompt: str, lang: str | None = None) -> Question | None:
    """The template a prompt was made from, or None for a prompt no template makes."""
    for candidate in (lang,) if lang else LANGS:
        body = strip_format(prompt, candidate)
        found = _chain(body, candidate) or _match(body, candidate)
        if found is not None:
            return found
    return None


def attribute_by_name() -> dict[str, str]:
    """Display names in both languages -> attribute id (the prompts name attributes by display name)."""
    return attribute_names()


def attribute_id(name: str) -> str | None:
    return attribute_names().get(name.strip().lower())
