"""What an image tells about the person it is about, and which candidates it rules out.

Linking questions (tasks 5, 7, 8, 9) must have exactly one right answer derivable from the pixels. A candidate
person is ruled out by an image when something the image shows about its owner contradicts the candidate: a
different value of a printed attribute (a partly masked value contradicts only where its visible characters
differ), a name that cannot be written the way the image writes it, a different face. Namesakes are not ruled
out by the name: only their age, face or another value tells them apart.
"""

from __future__ import annotations

import datetime as dt
import functools

from multipriv.render.annotations import FieldBox, ImageAnnotation
from multipriv.tasks.evidence import fold
from multipriv.world.derive import age_at
from multipriv.world.names import FORMS_BY_LOCALE, name_variant
from multipriv.world.schema import Person, PersonName
from multipriv.world.values import value

# Attributes whose printed value identifies or narrows down a person (what a careful reader compares).
CLUE_ATTRIBUTES = ("name", "birth_date", "age", "gender", "home_address", "home_city", "phone", "id_number",
                   "license_number", "email", "social_handle", "bank_card", "employer")


def document_date(ann: ImageAnnotation, fallback: dt.date) -> dt.date:
    raw = ann.meta.get("date")
    try:
        return dt.date.fromisoformat(raw) if raw else fallback
    except ValueError:
        return fallback


def _mask_fits(printed: str, full: str) -> bool:
    """A masked value fits a full one when every visible character agrees (stars hide any one character)."""
    p, f = fold(printed.replace("*", "\x00")), fold(full)
    if "\x00" not in printed.replace("*", "\x00"):
        return p == f
    shown = printed.replace(" ", "")
    target = "".join(ch for ch in full if not ch.isspace())
    if len(shown) != len(target):
        # Masks that drop characters (J. D***) compare by their visible prefix and suffix.
        head = shown.split("*")[0]
        tail = shown.rsplit("*", 1)[-1]
        return fold(target).startswith(fold(head)) and fold(target).endswith(fold(tail))
    return all(a == "*" or a.casefold() == b.casefold() for a, b in zip(shown, target, strict=True))


@functools.cache
def _written(name: PersonName, locale: str, form: str | None) -> frozenset[str]:
    """Every way the name is written in `form` (any usual form when None), folded."""
    forms = {form} if form else set(FORMS_BY_LOCALE[locale])
    written: set[str] = {name.passport, f"{name.family.en}, {name.given.en}"}
    for f in forms & set(FORMS_BY_LOCALE[locale]):
        variant = name_variant(name, locale, f)
        written |= {variant.full.en, variant.full.zh, variant.passport}
    return frozenset(written)


def name_fits(field: FieldBox, form: str | None, candidate: Person) -> bool:
    """Could the candidate's name be printed as `field` shows it (in the image's name form, or any usual
    form when the image does not say)?"""
    written = _written(candidate.name, candidate.locale, form)
    if field.masked:
        return any(_mask_fits(field.text, w) for w in written)
    return fold(field.text) in {fold(w) for w in written}


def clue_fields(ann: ImageAnnotation, owner: str) -> dict[str, list[FieldBox]]:
    """The clue attributes the image prints for its owner."""
    out: dict[str, list[FieldBox]] = {}
    for f in ann.fields:
        if f.person_id == owner and f.attribute_id in CLUE_ATTRIBUTES:
            out.setdefault(f.attribute_id, []).append(f)
    return out


def conflicts(ann: ImageAnnotation, owner: Person, candidate: Person, reference: dt.date) -> list[str]:
    """The clues of `ann` (an image about `owner`) that rule `candidate` out; empty when nothing does."""
    if candidate.id == owner.id:
        return []
    found: list[str] = []
    on = document_date(ann, reference)
    for attr, fields in clue_fields(ann, owner.id).items():
        if attr == "name":
            if not all(name_fits(f, ann.meta.get("name_form"), candidate) for f in fields):
                found.append(attr)
            continue
        if attr == "age":
            if age_at(candidate.birth_date, on) != age_at(owner.birth_date, on):
                found.append(attr)
            continue
        mine, theirs = value(owner, attr), value(candidate, attr)
        if theirs is None or mine is None:
            found.append(attr)
            continue
        if any(f.masked for f in fields):
            if not all(_mask_fits(f.text, theirs.get(f.lang)) or _mask_fits(f.text, theirs.en) for f in fields):
                found.append(attr)
        elif (mine.en, mine.zh) != (theirs.en, theirs.zh):
            found.append(attr)
    if any(f.person_id == owner.id for f in ann.faces):
        found.append("face")
    return found
