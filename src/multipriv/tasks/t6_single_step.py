"""Task 6, single-step reasoning: an attribute that is not written but follows in one step from what is.

Rules (each item names its rule):
- id_birth_date, id_gender, id_region: a Chinese resident ID number encodes birth date, sex and region;
- age: a printed birth date gives the age on a stated date;
- annual_income: a payslip gives 12 x (base + allowance) + annual bonus;
- condition: a prescription's medication gives the condition it treats;
- flight_city: a boarding pass gives the city the passenger flew to on its date;
- plate_region: a licence plate gives the city (China) or state (US) it is registered in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from multipriv.tasks.common import TaskContext, accepted_forms, prompt, say, single_value, twins
from multipriv.tasks.schema import AnswerType, Item, Lang
from multipriv.world import identifiers as ids
from multipriv.world.derive import age_at
from multipriv.world.places import cities, region_of_code
from multipriv.world.schema import Person, Text
from multipriv.world.taxonomy import Normaliser
from multipriv.world.values import date_text, money

Derived = tuple[Text, Normaliser, dict[str, str]] | None


def _id_parts(p: Person) -> ids.ResidentIdParts | None:
    return ids.parse_resident_id(p.documents.id_number) if p.documents.id_number else None


def _birth_from_id(p: Person, _: dt.date) -> Derived:
    parts = _id_parts(p)
    return (date_text(parts.birth_date), Normaliser.DATE, {}) if parts else None


def _gender_from_id(p: Person, _: dt.date) -> Derived:
    parts = _id_parts(p)
    if not parts:
        return None
    return (Text(en="Female", zh="女") if parts.gender == "F" else Text(en="Male", zh="男")), Normaliser.TEXT, {}


def _region_from_id(p: Person, _: dt.date) -> Derived:
    parts = _id_parts(p)
    found = region_of_code(parts.region_code) if parts else None
    if not found:
        return None
    place, _district = found
    return Text(en=place.city[0], zh=place.city[1]), Normaliser.TEXT, {}


def _age(p: Person, on: dt.date) -> Derived:
    years = age_at(p.birth_date, on)
    return Text(en=str(years), zh=str(years)), Normaliser.NUMBER, {"date": on.isoformat()}


def _income(p: Person, _: dt.date) -> Derived:
    return money(p.financial.annual_income, p.financial.currency), Normaliser.MONEY, {}


def _condition(p: Person, _: dt.date) -> Derived:
    return p.medical.diagnosis, Normaliser.TEXT, {}


def _flight_city(p: Person, _: dt.date) -> Derived:
    f = p.flights[0]
    return f.destination, Normaliser.TEXT, {"date": f.date.isoformat()}


def _plate_region(p: Person, _: dt.date) -> Derived:
    if p.locale == "zh":
        abbr, letter = ids.cn_plate_region(p.vehicle.plate)
        for place in cities("zh"):
            if place.region_abbr == abbr and place.plate_letter == letter:
                return Text(en=place.city[0], zh=place.city[1]), Normaliser.TEXT, {"region_word": "city"}
        return None
    return p.home.region, Normaliser.TEXT, {"region_word": "state"}


# (rule, document kind, what the rule needs printed, how to derive the answer)
RULES: tuple[tuple[str, str, str, Callable[[Person, dt.date], Derived]], ...] = (
    ("id_birth_date", "id_card", "id_number", _birth_from_id),
    ("id_gender", "id_card", "id_number", _gender_from_id),
    ("id_region", "id_card", "id_number", _region_from_id),
    ("age", "id_card", "birth_date", _age),
    ("age", "passport", "birth_date", _age),
    ("annual_income", "payslip", "base_salary", _income),
    ("condition", "prescription", "medication", _condition),
    ("flight_city", "boarding_pass", "flight_route", _flight_city),
    ("plate_region", "vehicle_photo", "license_plate", _plate_region),
    ("plate_region", "vehicle_registration", "license_plate", _plate_region),
)


def compile_items(ctx: TaskContext) -> list[Item]:
    items: list[Item] = []
    for ann in ctx.annotations.images:
        for rule, kind, needs, derive in RULES:
            shown = single_value(ann, needs) if ann.kind == kind else None
            if shown is None:
                continue
            person = ctx.person(shown[1][0].person_id)
            derived = derive(person, ctx.world.reference_date)  # ages are asked at it
            if derived is None:
                continue
            answer, normaliser, slots = derived

            def build(lang: Lang, rule: str = rule, answer: Text = answer, normaliser: Normaliser = normaliser,
                      slots: dict[str, str] = slots, needs: str = needs, pid: str = person.id,
                      path: str = ann.path) -> dict[str, object]:
                values = dict(slots)
                if "region_word" in values:
                    word = "region_word_zh" if values["region_word"] == "city" else "region_word_en"
                    values["region_word"] = say(lang, "task6", word)
                question = say(lang, "task6", rule, **values)
                prereq = ctx.perception_ids.get((lang, path, needs))
                return dict(prompt=prompt(lang, question, AnswerType.TEXT), answer_type=AnswerType.TEXT,
                            gold=accepted_forms(answer.get(lang), answer.en, answer.zh), normaliser=normaliser,
                            attribute_ids=(needs,), person_ids=(pid,), rule=rule,
                            prerequisites=(prereq,) if prereq else (), difficulty={"hops": 1})

            items += twins(6, "reasoning", f"rule:{rule}:{ann.path}", [ann.path], build)
    return items
