"""Person names in native script with the Latin forms documents print.

English names come from Faker's en_US name lists (common names, not records of people); Chinese names are
composed from our own surname and given-name character tables and romanised with pypinyin. Both packages are
pinned in pyproject.toml because their data decides the bytes of a generated world.

Every person also has a nickname, and `name_variant` gives the forms informal documents print instead of the
full legal name (initials, "Surname, Given", a nickname, a masked 张*伟): the same person under different
strings, so records cannot be joined by string equality alone.
"""

from __future__ import annotations

import random
import re
from functools import cache
from typing import Literal

from faker.providers.person.en_US import Provider as EnNames
from pypinyin import lazy_pinyin

from multipriv.world.schema import PersonName, Text
from multipriv.world.tables import zh as zh_tables
from multipriv.world.tables.nicknames import NICKNAMES_EN


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


def clipped(given: str) -> str:
    """A clipped form of an English given name without an established nickname: the first syllable and the
    consonant after it (Shelby -> Shel). Names of one syllable, or too short to clip, stay as they are."""
    low = given.lower()
    body = re.sub(r"e$", "", low)
    if len(re.findall(r"[aeiouy]+", body)) < 2:
        return given
    match = re.match(r"([^aeiouy]*[aeiouy]+)([^aeiouy]+)", low)
    if match is None:
        return given
    head, cons = match.groups()
    cut = len(head) + (2 if cons[:2] in ("sh", "ch", "th", "ck", "ph") else 1)
    return given[:cut] if 3 <= cut < len(given) - 1 else given


def nickname_choices(locale: str, given: str) -> tuple[str, ...]:
    """Nicknames people commonly use for `given`: zh 小/阿 + the last character; en the nickname table, else
    a clipped form."""
    if locale == "zh":
        return ("小" + given[-1], "阿" + given[-1])
    return NICKNAMES_EN.get(given) or (clipped(given),)


def draw_nickname(rng: random.Random, locale: str, given: str) -> str:
    return rng.choice(nickname_choices(locale, given))


def make_zh_name(surname: tuple[str, str], given: str, nickname: str | None = None) -> PersonName:
    family_hz, family_py = surname
    given_py = pinyin(given)
    nick = nickname or nickname_choices("zh", given)[0]
    return PersonName(
        family=Text(en=family_py, zh=family_hz),
        given=Text(en=given_py, zh=given),
        full=Text(en=f"{family_py} {given_py}", zh=family_hz + given),
        passport=f"{family_py.upper()} {given_py.upper()}",
        nickname=Text(en=pinyin(nick), zh=nick),
    )


def make_en_name(family: str, given: str, nickname: str | None = None) -> PersonName:
    nick = nickname or nickname_choices("en", given)[0]
    return PersonName(
        family=Text(en=family, zh=family),
        given=Text(en=given, zh=given),
        full=Text(en=f"{given} {family}", zh=f"{given} {family}"),
        passport=f"{family.upper()} {given.upper()}",
        nickname=Text(en=nick, zh=nick),
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


def make_name(locale: str, surname: tuple[str, str], given: str, nickname: str | None = None) -> PersonName:
    """A name; without `nickname`, the first common nickname of `given` (for persons outside the population)."""
    if locale == "zh":
        return make_zh_name(surname, given, nickname)
    return make_en_name(surname[0], given, nickname)


def random_name(rng: random.Random, locale: str, gender: str) -> PersonName:
    """A name for someone outside the population (a physician on a report, say)."""
    return make_name(locale, draw_surname(rng, locale), draw_given(rng, locale, gender))


# ------------------------------------------------------------------------------------------------ name forms

NameForm = Literal["full", "surname_comma", "initial", "nickname", "given", "masked", "passport"]
NAME_FORMS: tuple[NameForm, ...] = ("full", "surname_comma", "initial", "nickname", "given", "masked", "passport")
FORMS_BY_LOCALE: dict[str, tuple[NameForm, ...]] = {
    "en": NAME_FORMS,
    "zh": ("full", "nickname", "given", "masked", "passport"),  # no initials or "SURNAME, Given" in Chinese
}


def _variant(name: PersonName, family: Text, given: Text, full: Text) -> PersonName:
    passport = f"{family.en} {given.en}".upper()
    return name.model_copy(update={"family": family, "given": given, "full": full, "passport": passport})


def masked_text(name: PersonName, locale: str) -> Text:
    """The name as forms, receipts and parcel labels print it partly hidden: 张*伟 / 张* / S. K***."""
    if locale == "zh":
        given = name.given.zh
        zh = name.family.zh + "*" * max(1, len(given) - 1) + (given[-1] if len(given) > 1 else "")
        en = f"{name.family.en} *" + (pinyin(given[-1]).lower() if len(given) > 1 else "")
        return Text(en=en, zh=zh)
    masked = f"{name.given.en[0]}. {name.family.en[0]}***"
    return Text(en=masked, zh=masked)


def name_variant(name: PersonName, locale: str, form: str) -> PersonName:
    """The name as a document prints it in `form`: the returned name's family, given, full and passport fields
    all print that form, so a renderer handed a person with this name prints the variant wherever it prints
    the owner's name. `full` and `passport` return the name unchanged (the boarding pass prints the passport
    form itself). Raises ValueError for a form the locale does not use (initials of a Chinese name)."""
    if form not in FORMS_BY_LOCALE[locale]:
        raise ValueError(f"name form {form!r} is not used for {locale} names")
    if form in ("full", "passport"):
        return name
    family, given = name.family, name.given
    if form == "nickname":
        return _variant(name, family, name.nickname, name.nickname)
    if form == "given":
        return _variant(name, family, given, given)
    if form == "masked":
        text = masked_text(name, locale)
        if locale == "zh":
            hidden = Text(en=text.en.split(" ", 1)[1], zh=text.zh[len(family.zh):])
            return _variant(name, family, hidden, text)
        first, last = text.en.split(" ", 1)
        return _variant(name, Text(en=last, zh=last), Text(en=first, zh=first), text)
    if form == "initial":
        initial = f"{given.en[0]}."
        full = f"{initial} {family.en}"
        return _variant(name, family, Text(en=initial, zh=initial), Text(en=full, zh=full))
    comma = f"{family.en}, {given.en}"  # surname_comma
    return _variant(name, family, given, Text(en=comma, zh=comma))
