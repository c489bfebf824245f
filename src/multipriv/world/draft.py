"""A person's free choices before anything is derived from them.

Generation runs in three passes so that every constraint has one place: draw each person's free choices
(`Draft`), let circles of related persons and look-alikes overwrite some of them, then derive every identifier
and record from the final choices (`derive.py`). That way an ID number always matches the birth date that was
finally chosen, and a plate the home region.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from multipriv.world import face as face_space
from multipriv.world import names
from multipriv.world.places import CityPlace, cities, home_street, office_street
from multipriv.world.schema import FaceIdentity
from multipriv.world.tables import common, en, zh

Bi = tuple[str, str]

LOOKALIKE_FEATURES = ("surname", "employer", "city", "birth_year", "face")


@dataclass(frozen=True)
class Employer:
    stem: Bi
    industry: str
    city_key: str
    district: int
    street: Bi


@dataclass
class Draft:
    index: int
    id: str
    tier: str
    locale: str
    gender: str
    birth_date: dt.date
    surname: tuple[str, str]
    given: str
    face: FaceIdentity
    ethnicity: Bi
    education: int
    occupation: int
    city_key: str
    district: int
    street: Bi
    postcode: str
    employer: Employer
    married: bool = False
    locked: set[str] = field(default_factory=set)  # features a circle relation fixed: not for look-alikes
    lookalike_of: str | None = None
    shared: tuple[str, ...] = ()


def _weighted(rng: random.Random, table: tuple[tuple[Bi, float], ...]) -> Bi:
    values = [value for value, _ in table]
    weights = [weight for _, weight in table]
    return rng.choices(values, weights=weights)[0]


def skin_tones(locale: str, ethnicity_en: str) -> tuple[int, ...]:
    """Skin tones (indices of the renderer's palette, light to dark) plausible for a person."""
    if locale == "zh":
        return (1, 2, 3)
    lowered = ethnicity_en.lower()
    if "white" in lowered:
        return (0, 1, 2)
    if "black" in lowered:
        return (5, 6, 7)
    if "hispanic" in lowered:
        return (2, 3, 4)
    if "asian" in lowered:
        return (1, 2, 3)
    return tuple(range(8))


def occupations_in(industry: str) -> list[int]:
    return [i for i, o in enumerate(common.OCCUPATIONS) if o.industry == industry]


def draw_occupation(rng: random.Random, education: int, industry: str | None = None) -> int:
    pool = occupations_in(industry) if industry else list(range(len(common.OCCUPATIONS)))
    fitting = [i for i in pool if common.OCCUPATIONS[i].min_education <= education]
    return rng.choice(fitting or pool)


def draw_employer(rng: random.Random, locale: str, industry: str, place: CityPlace) -> Employer:
    stems = zh.EMPLOYER_STEMS if locale == "zh" else en.EMPLOYER_STEMS
    return Employer(
        stem=rng.choice(stems),
        industry=industry,
        city_key=place.key,
        district=rng.randrange(len(place.districts)),
        street=office_street(rng, locale),
    )


def draw_birth_date(rng: random.Random, reference: dt.date, min_age: int = 22, max_age: int = 68) -> dt.date:
    age_days = rng.randint(min_age * 365 + 10, max_age * 365)
    return reference - dt.timedelta(days=age_days)


def draw(
    rng: random.Random,
    *,
    index: int,
    person_id: str,
    tier: str,
    locale: str,
    reference: dt.date,
    gender: str | None = None,
    place: CityPlace | None = None,
) -> Draft:
    """All free choices of one person, from that person's own random stream."""
    gender = gender or rng.choice("FM")
    place = place or rng.choice(cities(locale))
    ethnicity = _weighted(rng, zh.ETHNICITIES if locale == "zh" else en.ETHNICITIES)
    education = min(len(common.EDUCATION) - 1, max(0, round(rng.gauss(2.0, 1.0))))
    occupation = draw_occupation(rng, education)
    district = rng.randrange(len(place.districts))
    face = face_space.draw_face(rng, gender, skin_tones(locale, ethnicity[0]))
    return Draft(
        index=index,
        id=person_id,
        tier=tier,
        locale=locale,
        gender=gender,
        birth_date=draw_birth_date(rng, reference),
        surname=names.draw_surname(rng, locale),
        given=names.draw_given(rng, locale, gender),
        face=face,
        ethnicity=ethnicity,
        education=education,
        occupation=occupation,
        city_key=place.key,
        district=district,
        street=home_street(rng, locale),
        postcode=rng.choice(place.districts[district].postcodes),
        employer=draw_employer(rng, locale, common.OCCUPATIONS[occupation].industry, place),
    )


def make_lookalike(rng: random.Random, draft: Draft, model: Draft, reference: dt.date) -> None:
    """Copy one to three features of `model` onto `draft`, skipping those a circle relation fixed."""
    free = [f for f in LOOKALIKE_FEATURES if f not in draft.locked]
    if not free:
        return
    chosen = rng.sample(free, k=min(len(free), rng.randint(1, 3)))
    for feature in chosen:
        if feature == "surname":
            draft.surname = model.surname
        elif feature == "employer":
            draft.employer = model.employer
            draft.occupation = draw_occupation(rng, draft.education, model.employer.industry)
        elif feature == "city":
            draft.city_key, draft.district = model.city_key, model.district
            draft.postcode = model.postcode
        elif feature == "birth_year":
            try:
                draft.birth_date = draft.birth_date.replace(year=model.birth_date.year)
            except ValueError:  # 29 February
                draft.birth_date = dt.date(model.birth_date.year, 2, 28)
            if draft.birth_date > reference - dt.timedelta(days=18 * 365):
                draft.birth_date = model.birth_date
        else:
            draft.face = face_space.resemble(rng, draft.face, model.face, n_shared=4)
    draft.lookalike_of = model.id
    draft.shared = tuple(f for f in LOOKALIKE_FEATURES if f in chosen)
