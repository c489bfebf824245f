"""Pydantic records of the synthetic world: the ground truth every later stage reads.

Values that a document can print carry both an English and a Chinese rendering (`Text`), because every item
exists in both languages as twins and a bilingual document prints both forms of one value.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = 2  # 2: PersonName.nickname; look-alikes may share "full_name"

Locale = Literal["en", "zh"]
Tier = Literal["core", "background"]
RelationKind = Literal["spouse", "family", "colleague", "friend"]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(Record):
    """One value in both languages."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class FaceIdentity(Record):
    """Parameters a face renderer draws; every field is an index into a choice list of `face.FEATURES`."""

    face_shape: int
    skin_tone: int
    face_width: int
    eye_shape: int
    eye_color: int
    eye_spacing: int
    eyebrow: int
    nose: int
    mouth: int
    ears: int
    hair_style: int
    hair_color: int
    facial_hair: int
    mole: int
    male: int = 0  # 1: drawn with a man's features (jaw, brows, unpainted lips); see face.PERSON_FEATURES
    age_band: int = 1  # 0: under 30, 1: 30-44, 2: 45-59, 3: 60 and over (lines, skin, greying)

    def code(self) -> str:
        """A compact identity code: equal codes mean the renderer draws the same face."""
        return "F-" + "".join(f"{v:x}" for v in self.model_dump().values())


class PersonName(Record):
    family: Text
    given: Text
    full: Text  # as written in running text: 王芳 / Wang Fang; Emily Carter / Emily Carter
    passport: str  # Latin form as a passport prints it: WANG FANG, CARTER EMILY
    nickname: Text  # what friends call them: 小芳 / Xiaofang; Em / Em (chats and posts print it)


class Address(Record):
    country: Text
    region: Text  # province or state
    region_abbr: str  # 浙 / CA: used on plates and US documents
    city: Text
    district: Text
    street: Text  # street and number
    postcode: str
    region_code: str  # zh: 6-digit administrative code of the district; en: state FIPS-like code
    full: Text


class IdentityDocuments(Record):
    id_number: str | None = None  # zh: 18-digit resident ID
    id_authority: Text
    id_issue_date: dt.date
    id_expiry_date: dt.date
    license_number: str | None = None  # en: state driver's licence number
    ssn: str | None = None  # en only
    passport_number: str
    passport_issue_date: dt.date
    passport_expiry_date: dt.date
    mrz: tuple[str, str]


class Contact(Record):
    phone: str
    email: str
    social_handle: str
    employee_id: str


class Flight(Record):
    date: dt.date
    airline: Text
    number: str
    origin: Text  # city name
    origin_code: str  # IATA code
    destination: Text
    destination_code: str
    departure_time: str  # HH:MM
    boarding_time: str
    terminal: str
    gate: str
    seat: str
    cabin: Text


class GroundTrip(Record):
    kind: Literal["train", "ride"]
    date: dt.date
    number: str  # train number (G1234) or ride receipt number
    origin: Text
    destination: Text
    departure_time: str
    seat: str  # zh train: "05车12F"; en ride: vehicle description
    fare: str


class Purchase(Record):
    date: dt.date
    store: Text
    item: Text
    amount: str  # decimal with two places, in the person's currency


class Device(Record):
    kind: Text
    model: Text
    serial: str


class Vehicle(Record):
    type: Text
    model: Text
    color: Text
    plate: str
    vin: str
    registration_date: dt.date


class Medical(Record):
    hospital: Text
    department: Text
    exam_type: Text
    exam_date: dt.date
    findings: Text
    diagnosis: Text
    medication: Text
    dosage: Text
    physician: Text
    insurance_number: str


class Financial(Record):
    bank: Text
    card_number: str
    card_expiry: str  # MM/YY
    currency: Literal["CNY", "USD"]
    base_salary: int  # monthly
    allowance: int  # monthly
    bonus: int  # annual
    annual_income: int  # 12 * (base + allowance) + bonus
    income_tax: int  # annual
    credit_score: int
    purchases: tuple[Purchase, ...]


class Relation(Record):
    kind: RelationKind
    person_id: str


class Lookalike(Record):
    """This person was drawn to resemble another: one clue alone will not tell them apart."""

    of: str
    # which of: surname, employer, city, birth_year, face, or full_name (a namesake: the same surname, given
    # name and nickname in both scripts, a birth year at least 3 years apart and a face not copied)
    shared: tuple[str, ...]


class Person(Record):
    id: str
    tier: Tier
    locale: Locale
    name: PersonName
    gender: Literal["F", "M"]
    birth_date: dt.date
    age: int  # at the world's reference date
    face: FaceIdentity
    fingerprint: Text
    signature_style: int
    nationality: Text
    ethnicity: Text
    marital_status: Text
    education: Text
    occupation: Text
    employer: Text
    home: Address
    workplace: Address
    documents: IdentityDocuments
    contact: Contact
    flights: tuple[Flight, ...]
    trips: tuple[GroundTrip, ...]
    frequent_places: tuple[Text, ...]
    medical: Medical
    financial: Financial
    vehicle: Vehicle
    devices: tuple[Device, ...]
    relations: tuple[Relation, ...]
    lookalike: Lookalike | None = None


class World(Record):
    schema_version: int
    generator_version: str
    seed: int
    reference_date: dt.date = Field(description="the 'today' of the world: ages and document dates use it")
    zh_share: float
    lookalike_rate: float
    persons: tuple[Person, ...]
    _by_id: dict[str, Person] | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        # Equal worlds have equal fields; the lookup cache must not take part.
        return isinstance(other, World) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((self.seed, self.generator_version, len(self.persons)))

    def person(self, person_id: str) -> Person:
        if self._by_id is None:
            self._by_id = {p.id: p for p in self.persons}
        return self._by_id[person_id]

    def tier(self, tier: Tier) -> list[Person]:
        return [p for p in self.persons if p.tier == tier]
