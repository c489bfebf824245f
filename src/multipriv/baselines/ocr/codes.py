"""Public check-digit and encoding rules of identifiers, as any reader of the standards can apply them.

- GB 11643-1999 (Chinese citizen identity number): six digits of GB/T 2260 address code, eight of birth date
  (YYYYMMDD), three of sequence (odd for men, even for women), one ISO 7064 MOD 11-2 check character.
- Luhn (ISO/IEC 7812): the check digit of payment card numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_GB_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_GB_CHECK = "10X98765432"
_GB_SHAPE = re.compile(r"\d{17}[\dX]")


@dataclass(frozen=True)
class ResidentId:
    region_code: str  # six digits, GB/T 2260
    birth_date: dt.date
    sequence: str
    gender: str  # "M" or "F"


def gb11643_check(first17: str) -> str:
    """The check character of the first 17 digits of a resident ID."""
    return _GB_CHECK[sum(int(c) * w for c, w in zip(first17, _GB_WEIGHTS, strict=True)) % 11]


def decode_resident_id(text: str) -> ResidentId | None:
    """A resident ID number's parts, or None when it is not a valid one (shape, date or check character)."""
    number = re.sub(r"\s", "", text).upper()
    if not _GB_SHAPE.fullmatch(number) or gb11643_check(number[:17]) != number[17]:
        return None
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None
    return ResidentId(number[:6], born, number[14:17], "M" if int(number[16]) % 2 else "F")


def luhn_valid(number: str) -> bool:
    """Whether a digit string (spaces and dashes allowed) passes the Luhn check."""
    digits = re.sub(r"[\s-]", "", number)
    if not digits.isdigit() or len(digits) < 12:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0
