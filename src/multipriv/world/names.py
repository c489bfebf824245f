"""Person names in native script with the Latin forms documents print.

English names come from Faker's en_US name lists (common names, not records of people); Chinese names are
composed from our own surname and given-name character tables and romanised with pypinyin. Both packages are
pinned in pyproject.toml because their data decides the bytes of a generated world.
"""

from __future__ import annotations

import random
from functools import cache

from faker.providers.person.en_US import Provider as EnNames
from pypinyin import lazy_pinyin

from multipriv.world.schema import PersonName, Text
from multipriv.world.tables import zh as zh_tables


@cache
def _en_lists() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    return (
        tuple(EnNames.first_names_female),
        tuple(EnNames.first_names_male),
        tuple(EnNames.last_names),
    )


def pinyin(hanzi: str) -> str:
    """Given-name pinyin as a passport prints it: syllables joined, first letter capital (Xiaoming)."""
    return "".join(lazy_pinyin(hanzi)).capitalize()


def zh_given(rng: random.Random, gender: str) -> str:
    pool = zh_tables.GIVEN_CHARS_F if gender == "F" else zh_tables.GIVEN_CHARS_M
    if rng.random() < 0.35:
        return rng.choice(pool)
    return rng.choice(pool) + rng.choice(pool + zh_tables.GIVEN_CHARS_ANY)


def make_zh_name(surname: tuple[str, str], given: str) -> PersonName:
    family_hz, family_py = surname
    given_py = pinyin(given)
    return PersonName(
        family=Text(en=family_py, zh=family_hz),
        given=Text(en=given_py, zh=given),
        full=Text(en=f"{family_py} {given_py}", zh=family_hz + given),
        passport=f"{family_py.upper()} {given_py.upper()}",
    )


def make_en_name(family: str, given: str) -> PersonName:
    return PersonName(
        family=Text(en=family, zh=family),
        given=Text(en=given, zh=given),
        full=Text(en=f"{given} {family}", zh=f"{given} {family}"),
        passport=f"{family.upper()} {given.upper()}",
    )


def draw_surname(rng: random.Random, locale: str) -> tuple[str, str]:
    """(native, latin) surname."""
    if locale == "zh":
        return rng.choice(zh_tables.SURNAMES)
    family = rng.choice(_en_lists()[2])
    return family, family


def draw_given(rng: random.Random, locale: str, gender: str) -> str:
    if locale == "zh":
        return zh_given(rng, gender)
    female, male, _ = _en_lists()
    return rng.choice(female if gender == "F" else male)


def make_name(locale: str, surname: tuple[str, str], given: str) -> PersonName:
    return make_zh_name(surname, given) if locale == "zh" else make_en_name(surname[0], given)


def random_name(rng: random.Random, locale: str, gender: str) -> PersonName:
    """A name for someone outside the population (a physician on a report, say)."""
    return make_name(locale, draw_surname(rng, locale), draw_given(rng, locale, gender))
