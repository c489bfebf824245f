"""One view of the Chinese and US geography tables, so that the generator draws places the same way in both.

A `CityPlace` bundles what must stay consistent for a person living there: region and its abbreviation (plates),
districts with their administrative codes (ID numbers) and postcodes, phone area codes, the airport and the
railway station.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache

from multipriv.world.schema import Address, Text
from multipriv.world.tables import common, en, zh

Bi = tuple[str, str]


def text(pair: Bi) -> Text:
    return Text(en=pair[0], zh=pair[1])


@dataclass(frozen=True)
class DistrictPlace:
    name: Bi
    code: str  # zh: GB/T 2260 district code; en: state FIPS code
    postcodes: tuple[str, ...]


@dataclass(frozen=True)
class CityPlace:
    locale: str
    region: Bi
    region_abbr: str
    city: Bi
    plate_letter: str  # zh only ("A" in 浙A); empty for US cities
    airport: tuple[str, Bi]
    station: Bi | None
    area_codes: tuple[str, ...]
    districts: tuple[DistrictPlace, ...]

    @property
    def key(self) -> str:
        return f"{self.locale}:{self.city[0]}"

    @property
    def is_municipality(self) -> bool:
        return self.region[1] == self.city[1]


@cache
def cities(locale: str) -> tuple[CityPlace, ...]:
    if locale == "zh":
        return tuple(
            CityPlace(
                locale="zh",
                region=c.province,
                region_abbr=c.province_abbr,
                city=c.city,
                plate_letter=c.plate_letter,
                airport=c.airport,
                station=c.station,
                area_codes=(),
                districts=tuple(DistrictPlace(d.name, d.code, (d.postcode,)) for d in c.districts),
            )
            for c in zh.CITIES
        )
    return tuple(
        CityPlace(
            locale="en",
            region=s.name,
            region_abbr=s.abbr,
            city=c.name,
            plate_letter="",
            airport=c.airport,
            station=None,
            area_codes=c.area_codes,
            districts=(DistrictPlace(c.county, s.fips, c.zips),),
        )
        for s in en.STATES
        for c in s.cities
    )


@cache
def city_by_key(key: str) -> CityPlace:
    locale = key.split(":", 1)[0]
    for place in cities(locale):
        if place.key == key:
            return place
    raise KeyError(key)


def region_of_code(code: str) -> tuple[CityPlace, DistrictPlace] | None:
    """The Chinese city and district an ID number's first six digits name, if the tables know it."""
    for place in cities("zh"):
        for district in place.districts:
            if district.code == code:
                return place, district
    return None


def street_name(rng: random.Random, locale: str) -> Bi:
    if locale == "zh":
        stem, suffix = rng.choice(zh.STREET_STEMS), rng.choice(zh.STREET_SUFFIXES)
        return f"{stem[0]} {suffix[0]}", stem[1] + suffix[1]
    word, kind = rng.choice(en.STREET_WORDS), rng.choice(en.STREET_TYPES)
    return f"{word} {kind[0]}", f"{word} {kind[0]}"


def home_street(rng: random.Random, locale: str) -> Bi:
    """Street line of a home: number, street and, in China, the compound, building and room."""
    street = street_name(rng, locale)
    number = rng.randint(1, 2999) if locale == "en" else rng.randint(1, 399)
    if locale == "zh":
        compound = rng.choice(zh.COMPOUND_NAMES)
        building, room = rng.randint(1, 30), rng.randint(1, 28) * 100 + rng.randint(1, 6)
        return (
            f"Rm {room}, Bldg {building}, {compound[0]}, {number} {street[0]}",
            f"{street[1]}{number}号{compound[1]}{building}栋{room}室",
        )
    apt = f", Apt {rng.randint(1, 30)}{rng.choice('ABCDEF')}" if rng.random() < 0.4 else ""
    return f"{number} {street[0]}{apt}", f"{street[1]} {number}号" + (f"{apt[6:]}室" if apt else "")


def office_street(rng: random.Random, locale: str) -> Bi:
    street = street_name(rng, locale)
    number = rng.randint(1, 2999)
    if locale == "zh":
        floor = rng.randint(2, 30)
        return f"Floor {floor}, {number} {street[0]}", f"{street[1]}{number}号{floor}层"
    return f"{number} {street[0]}, Suite {rng.randint(1, 40) * 10}", f"{street[1]} {number}号"


def make_address(place: CityPlace, district: DistrictPlace, street: Bi, postcode: str) -> Address:
    country = common.COUNTRY[place.locale]
    if place.locale == "zh":
        region_zh = "" if place.is_municipality else place.region[1]
        region_en = "" if place.is_municipality else f", {place.region[0]}"
        full = Text(
            en=f"{street[0]}, {district.name[0]}, {place.city[0]}{region_en} {postcode}, {country[0]}",
            zh=f"{region_zh}{place.city[1]}{district.name[1]}{street[1]}",
        )
    else:
        full = Text(
            en=f"{street[0]}, {place.city[0]}, {place.region_abbr} {postcode}",
            zh=f"{country[1]}{place.region[1]}{place.city[1]}{street[1]}，邮编{postcode}",
        )
    return Address(
        country=text(country),
        region=text(place.region),
        region_abbr=place.region_abbr,
        city=text(place.city),
        district=text(district.name),
        street=text(street),
        postcode=postcode,
        region_code=district.code,
        full=full,
    )
