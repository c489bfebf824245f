"""Evidence records and the string facts that decide an item's tier.

A reasoning item is `lookup` when printed strings join its records exactly. Compilers use `shared_strings` to
see whether two images share an identifying string (after folding case, spaces and punctuation — a lenient
joiner is the one a hard item must defeat) and `name_texts` to compare how a name is printed.
"""

from __future__ import annotations

import re
import unicodedata

from multipriv.render.annotations import FieldBox, ImageAnnotation
from multipriv.tasks.schema import Evidence

# Values that identify or nearly identify a person when two records print them alike.
JOIN_ATTRIBUTES = frozenset({
    "name", "id_number", "license_number", "passport_number", "ssn", "phone", "email", "social_handle",
    "employee_id", "bank_card", "license_plate", "home_address", "workplace_address", "birth_date",
    "insurance_number", "signature", "passport_mrz", "device_serial",
})
_FOLD = re.compile(r"[\s\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Case, width, spaces and punctuation folded away: "KENT, SHELBY" and "Kent Shelby" stay different (order),
    "Shelby  Kent" and "shelby kent" fold alike."""
    return _FOLD.sub("", unicodedata.normalize("NFKC", text).casefold())


def strings(ann: ImageAnnotation, person_id: str | None = None, attrs: frozenset[str] | None = JOIN_ATTRIBUTES
            ) -> set[str]:
    """Folded strings an image prints (of `attrs`, every attribute when None; of one person when given),
    masked ones included."""
    return {fold(f.text) for f in ann.fields if (attrs is None or f.attribute_id in attrs)
            and len(fold(f.text)) >= 2 and (person_id is None or f.person_id == person_id)}


def shared_strings(a: ImageAnnotation, b: ImageAnnotation, attrs: frozenset[str] | None = JOIN_ATTRIBUTES
                   ) -> set[str]:
    return strings(a, attrs=attrs) & strings(b, attrs=attrs)


def name_fields(ann: ImageAnnotation, person_id: str) -> list[FieldBox]:
    return [f for f in ann.fields if f.attribute_id == "name" and f.person_id == person_id]


def names_only(ann: ImageAnnotation, person_id: str) -> bool:
    """The image names this person and nobody else (a record "about a person" must not name two)."""
    named = {f.person_id for f in ann.fields if f.attribute_id == "name"}
    return named == {person_id}


def name_texts(ann: ImageAnnotation, person_id: str) -> set[str]:
    """How an image writes a person's name, folded (every script it prints, and a signature: its text is
    the name as signed, which a reader can match too)."""
    return {fold(f.text) for f in ann.fields if f.person_id == person_id and f.attribute_id in ("name", "signature")}


def field_evidence(images: list[str], ann: ImageAnnotation, field: FieldBox, step: int = 0) -> Evidence:
    return Evidence(image=images.index(ann.path), attribute_id=field.attribute_id, person_id=field.person_id,
                    text=field.text, step=step)


def face_evidence(images: list[str], ann: ImageAnnotation, person_id: str, step: int = 0) -> Evidence:
    return Evidence(image=images.index(ann.path), attribute_id="face", person_id=person_id, step=step)


def attr_evidence(images: list[str], ann: ImageAnnotation, attr: str, person_id: str, step: int = 0
                  ) -> list[Evidence]:
    """Every printed line of one person's attribute on an image, as evidence."""
    return [field_evidence(images, ann, f, step) for f in ann.fields
            if f.attribute_id == attr and f.person_id == person_id]


def check_evidence(item_images: tuple[str, ...], evidence: tuple[Evidence, ...],
                   anns: dict[str, ImageAnnotation]) -> str | None:
    """Every piece of evidence is an annotated value or face of the image it names."""
    for ev in evidence:
        if not 0 <= ev.image < len(item_images):
            return f"evidence names image {ev.image + 1} of {len(item_images)}"
        ann = anns[item_images[ev.image]]
        if ev.attribute_id == "face":
            if not any(f.person_id == ev.person_id for f in ann.faces):
                return f"image {ev.image + 1} shows no face of {ev.person_id}"
            continue
        if not any(f.attribute_id == ev.attribute_id and f.person_id == ev.person_id and f.text == ev.text
                   for f in ann.fields):
            return f"image {ev.image + 1} does not print {ev.attribute_id} {ev.text!r} of {ev.person_id}"
    return None
