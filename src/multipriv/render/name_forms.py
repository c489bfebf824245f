"""Which forms of the owner's name each document kind prints, per locale.

Official identity documents print the full legal name; informal ones print what such a document really shows:
a payslip "Kent, Shelby", a prescription "S. Kent", a chat "Bill", a till receipt "S. K***" or 张*伟. The
form is drawn per image from the image's own random stream and recorded in `meta["name_form"]`, so the same
person appears under different strings across their documents and cannot be joined by string equality alone.
Kinds that print no name of their owner (a portrait, a car photo) have no entry.
"""

from __future__ import annotations

import random

from multipriv.world.names import FORMS_BY_LOCALE, NameForm
from multipriv.world.schema import Person

Forms = dict[str, tuple[NameForm, ...]]  # locale -> forms

_OFFICIAL: Forms = {"en": ("full",), "zh": ("full",)}

NAME_FORMS: dict[str, Forms] = {
    # official identity documents: the legal name only
    "id_card": _OFFICIAL,
    "passport": _OFFICIAL,
    "bank_card": _OFFICIAL,
    "vehicle_registration": _OFFICIAL,
    "fingerprint_record": _OFFICIAL,
    "tax_record": _OFFICIAL,
    "boarding_pass": {"en": ("passport",), "zh": ("passport",)},  # the passport form is the pass's own
    # records kept by employers, clinics, shops, couriers
    "payslip": {"en": ("full", "surname_comma", "initial"), "zh": ("full",)},
    "medical_report": {"en": ("full", "surname_comma"), "zh": ("full",)},
    "prescription": {"en": ("full", "initial"), "zh": ("full",)},
    "receipt": {"en": ("initial", "masked"), "zh": ("masked",)},
    "parcel_label": {"en": ("full",), "zh": ("masked",)},  # Chinese waybills hide the recipient's name
    "ground_ticket": {"en": ("given",), "zh": ("full",)},  # a ride app thanks you by first name; tickets are real-name
    # what people post and write themselves
    "social_post": {"en": ("full", "nickname"), "zh": ("full", "nickname")},
    "chat_screenshot": {"en": ("nickname", "given"), "zh": ("nickname", "given")},
    "group_photo": {"en": ("full", "nickname"), "zh": ("full", "nickname")},
}


def forms_for(kind: str, person: Person) -> tuple[NameForm, ...]:
    """The forms `kind` may print for this owner; () when the kind prints no name of its owner.

    A one-character Chinese given name alone (伟) is not how anyone is addressed, so "given" is dropped for it.
    """
    forms = NAME_FORMS.get(kind, {}).get(person.locale, ())
    if forms and person.locale == "zh" and len(person.name.given.zh) < 2:
        forms = tuple(f for f in forms if f != "given") or ("nickname",)
    return tuple(f for f in forms if f in FORMS_BY_LOCALE[person.locale])


def draw_form(kind: str, person: Person, rng: random.Random) -> NameForm | None:
    """The form this image prints (None when the kind prints no owner name)."""
    forms = forms_for(kind, person)
    return rng.choice(forms) if forms else None
