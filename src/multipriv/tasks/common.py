"""What every task module shares: prompt templates, the build context, twin items and balanced choices.

Every question exists in English and Chinese as twins: one `key` describes the question independently of
language, and `twins` builds both items from it, with one twin id. Ids are hashes of keys, so they are stable
across builds of the same seed and do not depend on the order tasks run in.
"""

from __future__ import annotations

import hashlib
import random
import tomllib
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from multipriv.render.annotations import FieldBox, ImageAnnotation
from multipriv.tasks.context import TaskContext
from multipriv.tasks.registry import extra_template
from multipriv.tasks.schema import AnswerType, Item, Lang, Level
from multipriv.world.schema import Person
from multipriv.world.taxonomy import BY_ID, Normaliser
from multipriv.world.values import value

LANGS: tuple[Lang, Lang] = ("en", "zh")
LETTERS = "ABCDEFGHIJ"


@cache
def templates(lang: str) -> dict[str, Any]:
    with resources.files("multipriv.tasks.templates").joinpath(f"{lang}.toml").open("rb") as fh:
        return tomllib.load(fh)


def template(lang: str, section: str, key: str) -> str:
    """A template text: from the package's TOML files, else from a registered task that brings its own."""
    table = templates(lang).get(section, {})
    if key in table:
        return str(table[key])
    extra = extra_template(lang, section, key)
    if extra is None:
        raise KeyError(f"no template {section}.{key} for {lang}")
    return str(extra)


def template_version() -> str:
    return "+".join(f"{lang}{templates(lang)['version']}" for lang in LANGS)


def say(lang: str, section: str, key: str, **values: object) -> str:
    return template(lang, section, key).format(**values)


def prompt(lang: str, question: str, answer_type: AnswerType, *, inferred: bool = False) -> str:
    """The question and the answer-format line. `inferred`: a text answer that is not printed anywhere, so the
    prompt must not ask for it "exactly as shown"."""
    key = "text_inferred" if inferred and answer_type is AnswerType.TEXT else answer_type.value
    return f"{question}\n{template(lang, 'answer_format', key)}"


def attr_name(attr_id: str, lang: str) -> str:
    attr = BY_ID[attr_id]
    return attr.name_zh if lang == "zh" else attr.name_en


@cache
def attribute_names() -> dict[str, str]:
    """Display name as prompts print it (English lower-cased, Chinese as is) -> attribute id, both languages:
    the public vocabulary of the prompts, for readers of a prompt (baselines) that must not import `world`."""
    out: dict[str, str] = {}
    for attr_id, attr in BY_ID.items():
        out.setdefault(attr.name_en.lower(), attr_id)
        out.setdefault(attr.name_zh, attr_id)
    return out


def short_hash(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def arrange_choices(
    ctx: TaskContext, pool: str, correct: str, distractors: Sequence[str], rng: random.Random,
) -> tuple[list[str], str]:
    """Options with the correct one at a balanced position and distractors shuffled; returns (options, letter)."""
    others = list(distractors)
    rng.shuffle(others)
    position = ctx.balanced_position(pool, len(others) + 1)
    options = [*others[:position], correct, *others[position:]]
    return options, LETTERS[position]


def fields_of(ann: ImageAnnotation, attr_id: str, person_id: str | None = None, *, masked: bool = False
              ) -> list[FieldBox]:
    """The printed values of an attribute (masked ones only when asked for: a partly hidden value is not "the
    value shown")."""
    return [f for f in ann.fields if f.attribute_id == attr_id and (person_id is None or f.person_id == person_id)
            and (masked or not f.masked)]


def single_value(ann: ImageAnnotation, attr_id: str, lang: str | None = None) -> tuple[str, list[FieldBox]] | None:
    """The one value of an attribute an image shows, or None if it shows several persons' values or none: a
    question about it would be ambiguous.

    Lines of one value (an address over two lines) are joined. A value printed again (a boarding pass stub)
    counts once. A bilingual document prints one value in two scripts: the form in `lang` is taken, else the
    first printed.
    """
    found = fields_of(ann, attr_id)
    if not found or len({f.person_id for f in found}) != 1 or len(found) < len(fields_of(ann, attr_id, masked=True)):
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
