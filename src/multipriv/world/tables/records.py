"""Record types shared by the locale tables.

`Bi` is one value in both languages, (en, zh): documents print either form, and the twin items of the
benchmark need both.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

Bi: TypeAlias = tuple[str, str]


@dataclass(frozen=True, slots=True)
class CnDistrict:
    name: Bi
    code: str  # GB/T 2260 six-digit administrative code: the first six digits of a resident ID
    postcode: str


@dataclass(frozen=True, slots=True)
class CnCity:
    province: Bi  # a municipality is its own province: ("Beijing", "北京市")
    province_abbr: str  # one character, as on plates: 浙
    city: Bi
    plate_letter: str  # 浙A is Hangzhou
    airport: tuple[str, Bi]  # IATA code, name
    station: Bi  # main high-speed rail station
    districts: tuple[CnDistrict, ...]


@dataclass(frozen=True, slots=True)
class UsCity:
    name: Bi
    county: Bi
    zips: tuple[str, ...]
    area_codes: tuple[str, ...]
    airport: tuple[str, Bi]


@dataclass(frozen=True, slots=True)
class UsState:
    name: Bi
    abbr: str
    fips: str  # two-digit state FIPS code
    cities: tuple[UsCity, ...]


@dataclass(frozen=True, slots=True)
class Airline:
    name: Bi
    code: str  # two-character designator printed before flight numbers


@dataclass(frozen=True, slots=True)
class Occupation:
    title: Bi
    industry: str  # a key of INDUSTRY_SUFFIXES in both locales
    min_education: int  # index into common.EDUCATION
    base_cny: tuple[int, int]  # monthly base salary range
    base_usd: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Condition:
    """A diagnosis with the exam that finds it and the one drug in these tables that treats it.

    `findings` are templates with {v1}, {v2}, ... numbered across all templates of the condition;
    `finding_ranges[i]` gives (low, high, decimals) for {v(i+1)}, chosen so values fit the diagnosis.
    """

    diagnosis: Bi
    department: Bi
    exam_type: Bi
    findings: tuple[Bi, ...]
    finding_ranges: tuple[tuple[float, float, int], ...]
    medication: Bi
    dosage: Bi

    def sample_values(self, rng: random.Random) -> tuple[float, ...]:
        return tuple(round(rng.uniform(lo, hi), dec) for lo, hi, dec in self.finding_ranges)

    def render_findings(self, values: Sequence[float]) -> Bi:
        """All finding templates filled with `values`, joined as one line per language."""
        if len(values) != len(self.finding_ranges):
            raise ValueError(f"need {len(self.finding_ranges)} values, got {len(values)}")
        pairs = zip(values, self.finding_ranges, strict=True)
        slots = {f"v{i + 1}": f"{v:.{dec}f}" for i, (v, (_, _, dec)) in enumerate(pairs)}
        en = "; ".join(t[0].format(**slots) for t in self.findings)
        zh = "；".join(t[1].format(**slots) for t in self.findings)
        return en, zh


@dataclass(frozen=True, slots=True)
class FingerprintClass:
    name: Bi
    pattern: str  # arch, tented_arch, left_loop, right_loop, whorl, double_loop: what the renderer draws


@dataclass(frozen=True, slots=True)
class DeviceModel:
    kind: Bi  # a value of DEVICE_KINDS
    model: Bi  # full model name, brand included: ("Orion X5", "猎户 X5")
    serial_prefix: str  # shared by every model of the brand
    brand: Bi
