"""Identifier formats with their real check-digit rules, drawn from spaces that are not live.

Every number here decodes the way the real format does (a model can read a birth date out of a resident ID,
a reader can verify a card with Luhn or a passport with its MRZ check digits), because the benchmark asks
models to reason over them. Where the format has a space reserved for testing or fiction we stay inside it:
test issuer ranges for cards, 555-01xx for US phones, SSN areas 900-999 with groups no ITIN uses, mobile
blocks 12x that China does not issue. Resident IDs and plates have no such space; the dataset card says so.

Every function that draws takes a `random.Random`, never the global generator, so a seed reproduces a world.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from multipriv.world.mrz import TD3Fields, make_td3_mrz, mrz_check_digit, parse_td3_mrz
from multipriv.world.plates import (
    CLEAR_LETTERS,
    CN_PLATE_PROVINCES,
    DIGITS,
    LETTERS,
    US_LICENSE_FORMATS,
    US_PLATE_FORMATS,
    cn_plate_region,
    make_cn_plate,
    make_us_license,
    make_us_plate,
    us_license_matches_state,
    us_plate_matches_state,
)

# The MRZ and plate functions live in their own modules; they are part of this module's interface.
__all__ = [
    "CARD_PREFIXES_EN", "CARD_PREFIXES_ZH", "CN_PLATE_PROVINCES", "DIGITS", "LETTERS", "US_LICENSE_FORMATS",
    "US_PLATE_FORMATS", "Gender", "ResidentIdParts", "TD3Fields", "cn_plate_region", "gb11643_check_digit",
    "is_fictional_ssn", "is_luhn_valid", "is_valid_resident_id", "is_valid_vin", "luhn_check_digit",
    "make_card_number", "make_cn_passport_number", "make_cn_phone", "make_cn_plate", "make_resident_id",
    "make_serial", "make_ssn", "make_td3_mrz", "make_us_license", "make_us_passport_number", "make_us_phone",
    "make_us_plate", "make_vin", "mrz_check_digit", "parse_resident_id", "parse_td3_mrz",
    "us_license_matches_state", "us_plate_matches_state", "vin_check_digit", "vin_year_code",
]

Gender = Literal["M", "F"]

# ----------------------------------------------------------------------------------------------------
# GB 11643-1999: the 18-digit Chinese resident identity number
# ----------------------------------------------------------------------------------------------------

_GB_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_GB_CHECK = "10X98765432"


@dataclass(frozen=True, slots=True)
class ResidentIdParts:
    """What a resident ID number tells a reader without any other document (task 6 asks exactly this)."""

    region_code: str
    birth_date: date
    gender: Gender


def gb11643_check_digit(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character over the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"need 17 digits, got {first17!r}")
    total = sum(int(c) * w for c, w in zip(first17, _GB_WEIGHTS, strict=True))
    return _GB_CHECK[total % 11]


def make_resident_id(region_code: str, birth_date: date, sequence: int, gender: str) -> str:
    """Build an ID number whose sex digit has the right parity.

    `sequence` (0..499) is spread over the 3-digit order code as 2*sequence+1 for men (odd) and 2*sequence for
    women (even), so each sex gets 500 distinct codes per region and day. `gender` is "M" or "F" (checked at
    run time, so callers holding a plain str need no cast).
    """
    if len(region_code) != 6 or not region_code.isdigit():
        raise ValueError(f"region code must be 6 digits, got {region_code!r}")
    if not 0 <= sequence <= 499:
        raise ValueError(f"sequence must be in 0..499, got {sequence}")
    if gender not in ("M", "F"):
        raise ValueError(f"gender must be 'M' or 'F', got {gender!r}")
    order = 2 * sequence + (1 if gender == "M" else 0)
    first17 = f"{region_code}{birth_date:%Y%m%d}{order:03d}"
    return first17 + gb11643_check_digit(first17)


_RESIDENT_ID_RE = re.compile(r"^\d{17}[\dX]$")


def parse_resident_id(s: str) -> ResidentIdParts:
    """Decode an ID number; raises ValueError on a bad shape, date or check digit."""
    number = s.strip().upper()
    if not _RESIDENT_ID_RE.match(number):
        raise ValueError(f"not an 18-character resident ID: {s!r}")
    if gb11643_check_digit(number[:17]) != number[17]:
        raise ValueError(f"bad check digit in {s!r}")
    y, m, d = int(number[6:10]), int(number[10:12]), int(number[12:14])
    birth = date(y, m, d)  # raises ValueError on an impossible date
    gender: Gender = "M" if int(number[16]) % 2 == 1 else "F"
    return ResidentIdParts(region_code=number[:6], birth_date=birth, gender=gender)


def is_valid_resident_id(s: str) -> bool:
    try:
        parse_resident_id(s)
    except ValueError:
        return False
    return True


# ----------------------------------------------------------------------------------------------------
# Bank cards: Luhn over published test issuer ranges
# ----------------------------------------------------------------------------------------------------

# (prefix, total length, network). The prefixes are those of the card numbers payment processors publish for
# testing (4242424242424242, 4000000000000077, 5555555555554444, 2223003122003222, 378282246310005,
# 6011111111111117, 6200000000000005, 6205500000000000004), so cards look right without copying a live range.
CARD_PREFIXES_EN: tuple[tuple[str, int, str], ...] = (
    ("424242", 16, "Visa"),
    ("400000", 16, "Visa"),
    ("555555", 16, "Mastercard"),
    ("222300", 16, "Mastercard"),
    ("378282", 15, "American Express"),
    ("601111", 16, "Discover"),
)
# Chinese debit cards are 19-digit UnionPay numbers; credit cards are 16 digits, some co-branded.
CARD_PREFIXES_ZH: tuple[tuple[str, int, str], ...] = (
    ("620000", 19, "UnionPay"),
    ("620550", 19, "UnionPay"),
    ("620000", 16, "UnionPay"),
    ("424242", 16, "Visa"),
    ("555555", 16, "Mastercard"),
)


def luhn_check_digit(payload: str) -> str:
    """The digit that makes `payload + digit` pass the Luhn test."""
    if not payload.isascii() or not payload.isdigit():
        raise ValueError(f"payload must be digits, got {payload!r}")
    total = 0
    # Walking from the right, the digit next to the check digit is doubled first.
    for i, c in enumerate(reversed(payload)):
        v = int(c)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return str((10 - total % 10) % 10)


def is_luhn_valid(number: str) -> bool:
    digits = number.replace(" ", "").replace("-", "")
    if len(digits) < 2 or not digits.isascii() or not digits.isdigit():
        return False
    return luhn_check_digit(digits[:-1]) == digits[-1]


def make_card_number(rng: random.Random, prefix: str, length: int) -> str:
    """A card number of `length` digits (check digit included) under `prefix`, unformatted."""
    if not prefix.isdigit() or length <= len(prefix) + 1:
        raise ValueError(f"bad prefix/length: {prefix!r}, {length}")
    body = prefix + "".join(rng.choice(DIGITS) for _ in range(length - len(prefix) - 1))
    return body + luhn_check_digit(body)


# ----------------------------------------------------------------------------------------------------
# US Social Security numbers
# ----------------------------------------------------------------------------------------------------

_SSN_RE = re.compile(r"^(\d{3})-(\d{2})-(\d{4})$")


def make_ssn(rng: random.Random) -> str:
    """An SSN-shaped "AAA-GG-SSSS" that can never be a live number.

    Area numbers 900-999 have never been issued as SSNs; the IRS uses the 9xx area for ITINs, but only with
    group numbers 50-65, 70-88, 90-92 and 94-99. Drawing the group from 01-49 therefore lands outside every
    SSN and every ITIN ever issued.
    """
    return f"{rng.randint(900, 999)}-{rng.randint(1, 49):02d}-{rng.randint(1, 9999):04d}"


def is_fictional_ssn(s: str) -> bool:
    """True for numbers `make_ssn` can produce: area 9xx, group 01-49, serial not 0000."""
    m = _SSN_RE.match(s)
    if not m:
        return False
    area, group, serial = (int(g) for g in m.groups())
    return area >= 900 and 1 <= group <= 49 and serial != 0


# ----------------------------------------------------------------------------------------------------
# Phones
# ----------------------------------------------------------------------------------------------------


def make_us_phone(rng: random.Random, area_code: str) -> str:
    """'(415) 555-01XX': 555-0100 to 555-0199 is reserved for fiction in every area code."""
    if not re.fullmatch(r"[2-9]\d\d", area_code):
        raise ValueError(f"bad area code {area_code!r}")
    return f"({area_code}) 555-01{rng.randrange(100):02d}"


def make_cn_phone(rng: random.Random) -> str:
    """11 plain digits starting 123-129: China issues mobile numbers only in 13x-19x blocks."""
    return "12" + rng.choice("3456789") + "".join(rng.choices(DIGITS, k=8))


# ----------------------------------------------------------------------------------------------------
# Vehicles, devices, passports
# ----------------------------------------------------------------------------------------------------

_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"  # no I, O, Q
_VIN_LETTER_VALUES = (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9)
_VIN_VALUES = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", _VIN_LETTER_VALUES, strict=True))
_VIN_VALUES.update({d: int(d) for d in DIGITS})
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_YEARS = "ABCDEFGHJKLMNPRSTVWXY123456789"  # model-year codes, a 30-year cycle from 1980


def vin_check_digit(vin: str) -> str:
    """North American check digit (position 9) of a 17-character VIN; position 9 itself is ignored."""
    if len(vin) != 17 or any(c not in _VIN_VALUES for c in vin[:8] + vin[9:]):
        raise ValueError(f"not a 17-character VIN: {vin!r}")
    r = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True) if w) % 11
    return "X" if r == 10 else str(r)


def is_valid_vin(vin: str) -> bool:
    try:
        return vin_check_digit(vin) == vin[8]
    except ValueError:
        return False


def vin_year_code(year: int) -> str:
    return _VIN_YEARS[(year - 1980) % 30]


def make_vin(rng: random.Random, wmi: str, *, model_year: int | None = None) -> str:
    """A VIN under manufacturer code `wmi` with a correct check digit and, if given, the model-year code."""
    if len(wmi) != 3 or any(c not in _VIN_CHARS for c in wmi):
        raise ValueError(f"bad WMI {wmi!r}")
    vds = "".join(rng.choices(_VIN_CHARS, k=5))
    year = vin_year_code(model_year) if model_year is not None else rng.choice(_VIN_YEARS)
    plant = rng.choice(_VIN_CHARS)
    serial = "".join(rng.choices(DIGITS, k=6))
    draft = wmi + vds + "0" + year + plant + serial
    return draft[:8] + vin_check_digit(draft) + draft[9:]


_SERIAL_CHARS = DIGITS + CLEAR_LETTERS.replace("Q", "")


def make_serial(rng: random.Random, prefix: str, length: int) -> str:
    """A device serial of `length` characters in total, starting with `prefix`; no I, O or Q to misread."""
    if length <= len(prefix):
        raise ValueError(f"length {length} leaves no room after prefix {prefix!r}")
    return prefix + "".join(rng.choices(_SERIAL_CHARS, k=length - len(prefix)))


def make_cn_passport_number(rng: random.Random) -> str:
    """An e-passport number as China issues them: E + 8 digits."""
    return "E" + "".join(rng.choices(DIGITS, k=8))


def make_us_passport_number(rng: random.Random) -> str:
    """A US passport book number: 9 digits, the first not 0."""
    return rng.choice(DIGITS[1:]) + "".join(rng.choices(DIGITS, k=8))
