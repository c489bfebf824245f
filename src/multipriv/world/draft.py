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
NAMESAKE_MIN_YEARS = 3  # a namesake's birth year differs from the model's by at least this much
MIN_AGE, MAX_AGE = 22, 68


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
    nickname: str = ""  # drawn last from the person's stream, so the earlier draws keep their values


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


def draw_birth_date(rng: random.Random, reference: dt.date, min_age: int = MIN_AGE, max_age: int = MAX_AGE
                    ) -> dt.date:
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
    birth_date = draw_birth_date(rng, reference)
    age = (reference - birth_date).days // 365
    dark = locale == "zh" or not any(w in ethnicity[0].lower() for w in ("white", "two or more"))
    face = face_space.draw_face(rng, gender, skin_tones(locale, ethnicity[0]),
                                face_space.hair_colours(dark, age), age, dark)
    draft = Draft(
        index=index,
        id=person_id,
        tier=tier,
        locale=locale,
        gender=gender,
        birth_date=birth_date,
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
    draft.nickname = names.draw_nickname(rng, locale, draft.given)
    return draft


def make_lookalike(rng: random.Random, draft: Draft, model: Draft, reference: dt.date) -> None:
    """Copy one to three features of `model` onto `draft`, skipping those a circle relation fixed. A face is
    copied only between persons of one sex and age band (a look-alike face differs in two proportions)."""
    def band(d: Draft) -> int:
        return face_space.age_band((reference - d.birth_date).days // 365)

    face_ok = draft.gender == model.gender and band(draft) == band(model)
    free = [f for f in LOOKALIKE_FEATURES if f not in draft.locked and (f != "face" or face_ok)]
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
            draft.face = face_space.resemble(rng, draft.face, model.face, n_differ=2)
    draft.lookalike_of = model.id
    draft.shared = tuple(f for f in LOOKALIKE_FEATURES if f in chosen)


def _far(year: int, years: set[int]) -> bool:
    return all(abs(year - y) >= NAMESAKE_MIN_YEARS for y in years)


def _namesake_birth(rng: random.Random, draft: Draft, years: set[int], reference: dt.date) -> dt.date | None:
    """A birth date at least NAMESAKE_MIN_YEARS years from each of `years`, in the age range; None when a circle
    relation fixed the draft's birth year and it is too close, or no year is left."""
    if _far(draft.birth_date.year, years):
        return draft.birth_date
    if "birth_year" in draft.locked:
        return None
    oldest, youngest = reference.year - MAX_AGE + 1, reference.year - MIN_AGE - 1
    free = [y for y in range(oldest, youngest + 1) if _far(y, years)]
    if not free:
        return None
    year = rng.choice(free)
    try:
        return draft.birth_date.replace(year=year)
    except ValueError:  # 29 February
        return dt.date(year, 2, 28)


def can_be_namesake(draft: Draft, model: Draft, years: set[int] | None = None) -> bool:
    """A namesake takes the model's whole name, so it must be of the same gender (given names are gendered),
    free to change its surname (a family relation fixes it), and able to differ in birth year from everyone
    holding that name (`years`: their birth years; by default the model's)."""
    if draft.gender != model.gender or "surname" in draft.locked:
        return False
    years = years or {model.birth_date.year}
    return "birth_year" not in draft.locked or _far(draft.birth_date.year, years)


def make_namesake(rng: random.Random, draft: Draft, model: Draft, reference: dt.date,
                  years: set[int] | None = None) -> None:
    """Give `draft` the model's full name (both scripts and nickname) but a birth year at least three years
    from everyone holding that name (`years`, by default the model's) and its own face; sometimes also the
    model's city or employer, so the name and one more clue agree. The caller checks `can_be_namesake`."""
    birth = _namesake_birth(rng, draft, years or {model.birth_date.year}, reference)
    if birth is None:
        raise ValueError(f"{draft.id} cannot be a namesake of {model.id}")
    draft.birth_date = birth
    draft.surname, draft.given, draft.nickname = model.surname, model.given, model.nickname
    shared = ["full_name"]
    extra = [f for f in ("employer", "city") if f not in draft.locked]
    if extra and rng.random() < 0.5:
        feature = rng.choice(extra)
        if feature == "employer":
            draft.employer = model.employer
            draft.occupation = draw_occupation(rng, draft.education, model.employer.industry)
        else:
            draft.city_key, draft.district, draft.postcode = model.city_key, model.district, model.postcode
        shared.append(feature)
    draft.lookalike_of = model.id
    draft.shared = tuple(shared)
