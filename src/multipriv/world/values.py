"""The flat view: one bilingual value per (person, attribute id) of the taxonomy.

Documents print these values and questions ask for them. Each attribute has one getter here, registered by
decorator; a test checks that the registry and the taxonomy list the same ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from multipriv.world.schema import Person, Text
from multipriv.world.tables import common

Getter = Callable[[Person], Text | None]
GETTERS: dict[str, Getter] = {}


def getter(attr_id: str) -> Callable[[Getter], Getter]:
    def register(fn: Getter) -> Getter:
        GETTERS[attr_id] = fn
        return fn

    return register


def same(value: str) -> Text:
    return Text(en=value, zh=value)


def money(amount: int | str, currency: str) -> Text:
    number = f"{int(amount):,}" if isinstance(amount, int) else amount
    if currency == "CNY":
        return Text(en=f"CNY {number}", zh=f"{number}元")
    return Text(en=f"${number}", zh=f"{number}美元")


def date_text(day: dt.date) -> Text:
    return Text(en=day.isoformat(), zh=f"{day.year}年{day.month}月{day.day}日")


def value(person: Person, attr_id: str) -> Text | None:
    """The person's value of an attribute, or None where it does not apply (an SSN for a Chinese person)."""
    return GETTERS[attr_id](person)


def values(person: Person) -> dict[str, Text]:
    out = {}
    for attr_id, fn in GETTERS.items():
        v = fn(person)
        if v is not None:
            out[attr_id] = v
    return out


@getter("face")
def _face(p: Person) -> Text:
    return same(p.face.code())


@getter("fingerprint")
def _fingerprint(p: Person) -> Text:
    return p.fingerprint


@getter("signature")
def _signature(p: Person) -> Text:
    return p.name.full


@getter("id_number")
def _id_number(p: Person) -> Text | None:
    return same(p.documents.id_number) if p.documents.id_number else None


@getter("license_number")
def _license(p: Person) -> Text | None:
    return same(p.documents.license_number) if p.documents.license_number else None


@getter("passport_number")
def _passport(p: Person) -> Text:
    return same(p.documents.passport_number)


@getter("passport_mrz")
def _mrz(p: Person) -> Text:
    return same("\n".join(p.documents.mrz))


@getter("ssn")
def _ssn(p: Person) -> Text | None:
    return same(p.documents.ssn) if p.documents.ssn else None


@getter("phone")
def _phone(p: Person) -> Text:
    return same(p.contact.phone)


@getter("email")
def _email(p: Person) -> Text:
    return same(p.contact.email)


@getter("social_handle")
def _handle(p: Person) -> Text:
    return same(p.contact.social_handle)


@getter("employee_id")
def _employee_id(p: Person) -> Text:
    return same(p.contact.employee_id)


@getter("name")
def _name(p: Person) -> Text:
    return p.name.full


@getter("gender")
def _gender(p: Person) -> Text:
    en, zh = common.GENDER[p.gender]
    return Text(en=en, zh=zh)


@getter("birth_date")
def _birth(p: Person) -> Text:
    return date_text(p.birth_date)


@getter("age")
def _age(p: Person) -> Text:
    return Text(en=str(p.age), zh=f"{p.age}岁")


@getter("nationality")
def _nationality(p: Person) -> Text:
    return p.nationality


@getter("ethnicity")
def _ethnicity(p: Person) -> Text:
    return p.ethnicity


@getter("marital_status")
def _marital(p: Person) -> Text:
    return p.marital_status


@getter("education")
def _education(p: Person) -> Text:
    return p.education


@getter("occupation")
def _occupation(p: Person) -> Text:
    return p.occupation


@getter("employer")
def _employer(p: Person) -> Text:
    return p.employer


@getter("home_address")
def _home(p: Person) -> Text:
    return p.home.full


@getter("home_city")
def _home_city(p: Person) -> Text:
    return p.home.city


@getter("workplace_address")
def _work(p: Person) -> Text:
    return p.workplace.full


@getter("flight_number")
def _flight_number(p: Person) -> Text:
    return same(p.flights[0].number)


@getter("flight_route")
def _flight_route(p: Person) -> Text:
    f = p.flights[0]
    return Text(en=f"{f.origin.en} ({f.origin_code}) to {f.destination.en} ({f.destination_code})",
                zh=f"{f.origin.zh}（{f.origin_code}）至{f.destination.zh}（{f.destination_code}）")


@getter("flight_date")
def _flight_date(p: Person) -> Text:
    return date_text(p.flights[0].date)


@getter("flight_seat")
def _flight_seat(p: Person) -> Text:
    return same(p.flights[0].seat)


@getter("trip")
def _trip(p: Person) -> Text:
    t = p.trips[0]
    return Text(en=f"{t.date.isoformat()} {t.origin.en} to {t.destination.en}",
                zh=f"{t.date.isoformat()} {t.origin.zh}至{t.destination.zh}")


@getter("frequent_place")
def _frequent_place(p: Person) -> Text:
    return p.frequent_places[0]


@getter("hospital")
def _hospital(p: Person) -> Text:
    return p.medical.hospital


@getter("exam_type")
def _exam_type(p: Person) -> Text:
    return p.medical.exam_type


@getter("exam_findings")
def _findings(p: Person) -> Text:
    return p.medical.findings


@getter("diagnosis")
def _diagnosis(p: Person) -> Text:
    return p.medical.diagnosis


@getter("medication")
def _medication(p: Person) -> Text:
    return p.medical.medication


@getter("physician")
def _physician(p: Person) -> Text:
    return p.medical.physician


@getter("insurance_number")
def _insurance(p: Person) -> Text:
    return same(p.medical.insurance_number)


@getter("bank")
def _bank(p: Person) -> Text:
    return p.financial.bank


@getter("bank_card")
def _card(p: Person) -> Text:
    return same(p.financial.card_number)


@getter("base_salary")
def _base(p: Person) -> Text:
    return money(p.financial.base_salary, p.financial.currency)


@getter("allowance")
def _allowance(p: Person) -> Text:
    return money(p.financial.allowance, p.financial.currency)


@getter("bonus")
def _bonus(p: Person) -> Text:
    return money(p.financial.bonus, p.financial.currency)


@getter("annual_income")
def _income(p: Person) -> Text:
    return money(p.financial.annual_income, p.financial.currency)


@getter("income_tax")
def _tax(p: Person) -> Text:
    return money(p.financial.income_tax, p.financial.currency)


@getter("purchase")
def _purchase(p: Person) -> Text:
    b = p.financial.purchases[0]
    amount = money(b.amount, p.financial.currency)
    return Text(en=f"{b.item.en}, {amount.en}, {b.store.en}", zh=f"{b.item.zh}，{amount.zh}，{b.store.zh}")


@getter("credit_score")
def _credit(p: Person) -> Text:
    return same(str(p.financial.credit_score))


@getter("vehicle")
def _vehicle(p: Person) -> Text:
    v = p.vehicle
    return Text(en=f"{v.color.en} {v.model.en} ({v.type.en})", zh=f"{v.color.zh}{v.model.zh}（{v.type.zh}）")


@getter("license_plate")
def _plate(p: Person) -> Text:
    return same(p.vehicle.plate)


@getter("device")
def _device(p: Person) -> Text:
    d = p.devices[0]
    return Text(en=f"{d.model.en} ({d.kind.en})", zh=f"{d.model.zh}（{d.kind.zh}）")


@getter("device_serial")
def _serial(p: Person) -> Text:
    return same(p.devices[0].serial)


@getter("relations")
def _relations(p: Person) -> Text | None:
    if not p.relations:
        return None
    en = "; ".join(f"{common.RELATION_NAMES[r.kind][0]}: {r.person_id}" for r in p.relations)
    zh = "；".join(f"{common.RELATION_NAMES[r.kind][1]}：{r.person_id}" for r in p.relations)
    return Text(en=en, zh=zh)
