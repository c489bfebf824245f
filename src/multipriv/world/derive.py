"""Turn a person's final choices into the full record: identifiers, documents, contact, travel, health, money.

Every derived value comes from the final choices, which is what keeps a person coherent: the ID number encodes
the birth date and sex that were finally chosen, the plate the home region, the salary the occupation.
"""

from __future__ import annotations

import datetime as dt
import random

from multipriv.world import face as face_space
from multipriv.world import identifiers as ids
from multipriv.world import names, records
from multipriv.world.draft import Draft
from multipriv.world.places import cities, city_by_key, make_address, text
from multipriv.world.schema import Contact, IdentityDocuments, Lookalike, Person, Relation, Text
from multipriv.world.tables import common, en, zh

EMAIL_DOMAINS = ("example.com", "example.net", "example.org", "mail.example")


def age_at(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _documents(rng: random.Random, d: Draft, reference: dt.date) -> IdentityDocuments:
    home = city_by_key(d.city_key)
    district = home.districts[d.district]
    name = names.make_name(d.locale, d.surname, d.given)
    issued = reference - dt.timedelta(days=rng.randint(100, 9 * 365))
    passport_issued = reference - dt.timedelta(days=rng.randint(30, 9 * 365))
    age = age_at(d.birth_date, issued)
    if d.locale == "zh":
        # The ID encodes where the person was first registered: mostly the home district, sometimes another.
        birth_region = district.code
        if rng.random() < 0.3:
            other = rng.choice(cities("zh"))
            birth_region = rng.choice(other.districts).code
        id_number = ids.make_resident_id(birth_region, d.birth_date, rng.randrange(1, 500), d.gender)
        authority = Text(
            en=f"{district.name[0]} Branch, {home.city[0]} Public Security Bureau",
            zh=f"{home.city[1]}公安局{district.name[1]}分局",
        )
        valid_years = 10 if age < 26 else 20
        passport = ids.make_cn_passport_number(rng)
        license_number, ssn, country = None, None, "CHN"
    else:
        id_number = None
        authority = Text(en=f"{home.region[0]} Department of Motor Vehicles", zh=f"{home.region[1]}机动车管理局")
        valid_years = rng.choice((5, 8))
        passport = ids.make_us_passport_number(rng)
        license_number, ssn, country = ids.make_us_license(rng, home.region_abbr), ids.make_ssn(rng), "USA"
    passport_expiry = _add_years(passport_issued, 10)
    family, given = name.passport.split(" ", 1)
    mrz = ids.make_td3_mrz(country, family, given, passport, country, d.birth_date, d.gender, passport_expiry)
    return IdentityDocuments(
        id_number=id_number,
        id_authority=authority,
        id_issue_date=issued,
        id_expiry_date=_add_years(issued, valid_years),
        license_number=license_number,
        ssn=ssn,
        passport_number=passport,
        passport_issue_date=passport_issued,
        passport_expiry_date=passport_expiry,
        mrz=mrz,
    )


def _contact(rng: random.Random, d: Draft) -> Contact:
    home = city_by_key(d.city_key)
    name = names.make_name(d.locale, d.surname, d.given)
    given, family = name.given.en.lower().replace(" ", ""), name.family.en.lower().replace(" ", "")
    local = rng.choice((f"{given}.{family}", f"{given}{family}{d.birth_date.year % 100:02d}",
                        f"{given[0]}{family}{rng.randint(1, 999)}", f"{family}_{given}"))
    handle = rng.choice((f"@{given}_{family}", f"@{given}{rng.randint(10, 9999)}", f"@{family}.{given[:3]}",
                         f"@the_{given}{family[0]}"))
    stem = d.employer.stem[0].replace(" ", "")
    phone = ids.make_cn_phone(rng) if d.locale == "zh" else ids.make_us_phone(rng, rng.choice(home.area_codes))
    return Contact(
        phone=phone,
        email=f"{local}@{rng.choice(EMAIL_DOMAINS)}",
        social_handle=handle,
        employee_id=f"{stem[:2].upper()}-{rng.randint(10**5, 10**6 - 1)}",
    )


def _employer_text(d: Draft) -> Text:
    place = city_by_key(d.employer.city_key)
    suffixes = zh.INDUSTRY_SUFFIXES if d.locale == "zh" else en.INDUSTRY_SUFFIXES
    suffix = suffixes[d.employer.industry]
    if d.locale == "zh":
        return Text(en=f"{place.city[0]} {d.employer.stem[0]} {suffix[0]}",
                    zh=f"{place.city[1]}{d.employer.stem[1]}{suffix[1]}")
    return Text(en=f"{d.employer.stem[0]} {suffix[0]}", zh=f"{d.employer.stem[1]}{suffix[1]}")


def _marital(rng: random.Random, d: Draft, age: int) -> Text:
    statuses = common.MARITAL_STATUS  # single, married, divorced, widowed
    if d.married:
        return text(statuses[1])
    weights = (0.7, 0.15, 0.12, 0.03) if age < 35 else (0.25, 0.35, 0.3, 0.1)
    return text(rng.choices(statuses, weights=weights)[0])


def finalize(d: Draft, relations: list[Relation], seed: int, reference: dt.date) -> Person:
    def rng(part: str) -> random.Random:
        return random.Random(f"{seed}:{d.tier}:{d.index}:{part}")

    home_place = city_by_key(d.city_key)
    home = make_address(home_place, home_place.districts[d.district], d.street, d.postcode)
    work_place = city_by_key(d.employer.city_key)
    work_district = work_place.districts[d.employer.district]
    workplace = make_address(work_place, work_district, d.employer.street, work_district.postcodes[0])
    age = age_at(d.birth_date, reference)
    misc = rng("misc")
    places = records.frequent_places(rng("places"), d.locale, home.district)
    return Person(
        id=d.id,
        tier=d.tier,
        locale=d.locale,
        name=names.make_name(d.locale, d.surname, d.given, d.nickname or None),
        gender=d.gender,
        birth_date=d.birth_date,
        age=age,
        face=face_space.fit_age(d.face, age),
        fingerprint=text(misc.choice(common.FINGERPRINT_CLASSES).name),
        signature_style=misc.randrange(common.SIGNATURE_STYLES),
        nationality=text(common.NATIONALITY[d.locale]),
        ethnicity=text(d.ethnicity),
        marital_status=_marital(misc, d, age),
        education=text(common.EDUCATION[d.education]),
        occupation=text(common.OCCUPATIONS[d.occupation].title),
        employer=_employer_text(d),
        home=home,
        workplace=workplace,
        documents=_documents(rng("documents"), d, reference),
        contact=_contact(rng("contact"), d),
        flights=records.flights(rng("flights"), d.locale, home_place, reference),
        trips=records.trips(rng("trips"), d.locale, home_place, home.street, places, reference),
        frequent_places=places,
        medical=records.medical(rng("medical"), d.locale, home_place, reference, d.gender, age),
        financial=records.financial(rng("financial"), d.locale, d.occupation, reference),
        vehicle=records.vehicle(rng("vehicle"), home_place, reference),
        devices=records.devices(rng("devices")),
        relations=tuple(sorted(relations, key=lambda r: (r.person_id, r.kind))),
        lookalike=Lookalike(of=d.lookalike_of, shared=d.shared) if d.lookalike_of else None,
    )
