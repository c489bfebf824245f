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


Rule: TypeAlias = tuple[int, float, float]
"""A clinical criterion on one drawn value: (slot number n of {vn}, low, high), met when low <= value < high."""


@dataclass(frozen=True, slots=True)
class Condition:
    """A diagnosis with the exam that finds it, its findings and the drug that treats it.

    A drug treats several conditions of the table; `findings[0]` is the *deciding finding*, the line that tells
    them apart: read with the clinical criterion `rule`, it fits this condition and none of its siblings (see
    `medical.decide`).
    `findings` are templates with {v1}, {v2}, ... numbered across all templates of the condition (the deciding
    finding's slots first); `finding_ranges[i]` gives (low, high, decimals) for {v(i+1)}, inside `rule` with
    a margin so the decision is never borderline. Department and dosage belong to the drug (siblings share
    them), so nothing printed beside the drug leaks the condition. `sex` ("F", "M" or "" for both) and `ages`
    keep draws realistic (no PCOS in men, no COPD at 25; see `medical.drugs_for`).
    """

    diagnosis: Bi
    department: Bi
    exam_type: Bi
    findings: tuple[Bi, ...]
    finding_ranges: tuple[tuple[float, float, int], ...]
    medication: Bi
    dosage: Bi
    rule: tuple[Rule, ...] = ()
    rule_text: Bi = ("", "")
    sex: str = ""
    ages: tuple[int, int] = (0, 200)

    def sample_values(self, rng: random.Random) -> tuple[float, ...]:
        return tuple(round(rng.uniform(lo, hi), dec) for lo, hi, dec in self.finding_ranges)

    def _slots(self, values: Sequence[float]) -> dict[str, str]:
        if len(values) != len(self.finding_ranges):
            raise ValueError(f"need {len(self.finding_ranges)} values, got {len(values)}")
        pairs = zip(values, self.finding_ranges, strict=True)
        return {f"v{i + 1}": f"{v:.{dec}f}" for i, (v, (_, _, dec)) in enumerate(pairs)}

    def render_findings(self, values: Sequence[float]) -> Bi:
        """All finding templates filled with `values`, joined as one line per language (deciding one first)."""
        slots = self._slots(values)
        en = "; ".join(t[0].format(**slots) for t in self.findings)
        zh = "；".join(t[1].format(**slots) for t in self.findings)
        return en, zh

    def eligible(self, sex: str | None, age: int | None) -> bool:
        """Whether a person of this sex and age may have the condition (None: not known, no constraint)."""
        sex_ok = not self.sex or sex is None or sex == self.sex
        return sex_ok and (age is None or self.ages[0] <= age <= self.ages[1])


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
