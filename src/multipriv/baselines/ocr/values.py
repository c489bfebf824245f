"""Reading values the way a clerk compares them: dates in any common layout, money amounts, and loose text.

Small and self-contained on purpose: the pipeline must not borrow the benchmark's scorer to decide whether two
values it read are the same.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from rapidfuzz import fuzz

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_FORMS: tuple[tuple[re.Pattern[str], tuple[int, int, int]], ...] = (
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"), (1, 2, 3)),
    (re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), (1, 2, 3)),
    (re.compile(r"(?<!\d)(\d{1,2})([-/])(\d{1,2})\2(\d{4})(?!\d)"), (4, 1, 3)),  # US month/day/year
    (re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)"), (3, 2, 1)),  # day.month.year
    (re.compile(r"(?<!\d)(\d{1,2})\s*" + _MON + r"\s*,?\s*(\d{4})", re.IGNORECASE), (3, 2, 1)),
    (re.compile(_MON + r"\s*(\d{1,2}),?\s*(\d{4})", re.IGNORECASE), (3, 1, 2)),
)


def _int(part: str) -> int:
    return _MONTHS[part[:3].lower()] if part[:3].lower() in _MONTHS else int(part)


def dates_in(text: str) -> list[dt.date]:
    """Every valid calendar date written in the text, in order of appearance."""
    found: list[tuple[int, dt.date]] = []
    for pattern, (iy, im, iday) in _DATE_FORMS:
        for m in pattern.finditer(text):
            try:
                day = dt.date(_int(m.group(iy)), _int(m.group(im)), _int(m.group(iday)))
            except (ValueError, KeyError):
                continue
            found.append((m.start(), day))
    return [d for _, d in sorted(found, key=lambda t: t[0])]


def read_date(text: str) -> dt.date | None:
    dates = dates_in(text)
    return dates[0] if dates else None


_AMOUNT = re.compile(r"(?<![\d.])(\d{1,3}(?:[,，]\d{3})+|\d+)(\.\d+)?")


def amounts_in(text: str) -> list[float]:
    """Every number in the text, thousands separators read as such."""
    return [float(m.group(1).replace(",", "").replace("，", "") + (m.group(2) or "")) for m in _AMOUNT.finditer(text)]


def fold(text: str) -> str:
    """Lower case, full-width forms and accents folded, punctuation to single spaces."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^\w\u3400-\u9fff]+", " ", text).replace("_", " ").strip()


def compact(text: str) -> str:
    """Only letters and digits, upper case: how identifiers compare."""
    return re.sub(r"[^0-9A-Z\u3400-\u9fff]", "", unicodedata.normalize("NFKC", text).upper())


DATE_ATTRS = frozenset({"birth_date", "flight_date"})
MONEY_ATTRS = frozenset({"base_salary", "allowance", "bonus", "annual_income", "income_tax"})
CODE_ATTRS = frozenset({"id_number", "license_number", "passport_number", "passport_mrz", "ssn", "phone",
                        "employee_id", "flight_number", "flight_seat", "license_plate", "device_serial",
                        "bank_card", "insurance_number", "age", "credit_score"})


def same_value(attr: str, a: str, b: str) -> bool:
    """Whether two readings of an attribute say the same thing (dates by calendar day, amounts by value,
    codes by their characters, text loosely)."""
    if attr in DATE_ATTRS:
        da, db = read_date(a), read_date(b)
        return da is not None and da == db
    if attr in MONEY_ATTRS:
        va, vb = amounts_in(a), amounts_in(b)
        return bool(va) and bool(vb) and abs(va[0] - vb[0]) < 0.005
    if attr in CODE_ATTRS:
        return compact(a) == compact(b) and bool(compact(a))
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb or (min(len(fa), len(fb)) >= 4 and (fa in fb or fb in fa)):
        return True
    return fuzz.ratio(fa, fb) >= 90
