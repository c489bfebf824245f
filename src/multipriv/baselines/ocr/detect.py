"""Which attributes an image shows (tasks 1 and 2), the way the prompts define "shown".

A label with a plausible value, or a value whose look alone gives it away (`extract`), shows its attribute.
A prompt may state rules of its own, and this reader applies those it states (`Rules.of`): a partly masked
identifier counts as shown (`**** 1234`, `138****5678`, `3301061981****1234`, `R. R***`); a printed home
address also shows the city of residence; a visible face also shows gender. A signature is shown where the document has
a signature line or is a US driver licence (which always carries the holder's signature).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from multipriv.baselines.ocr.extract import by_label, by_pattern, find_raw
from multipriv.baselines.ocr.fields import SELF_EVIDENT
from multipriv.baselines.ocr.lexicon import is_name
from multipriv.baselines.ocr.reader import OcrPage

# Partly masked forms of identifiers, as receipts, tickets and apps print them.
MASKED: dict[str, re.Pattern[str]] = {
    "bank_card": re.compile(r"(?:\*{4}[\s-]?){1,3}\d{4}(?!\d)|(?:card )?ending (?:in|with) \d{4}|尾号\s?\d{4}"
                            r"|(?<!\d)\d{4,6}\*{4,9}\d{4}(?!\d)", re.IGNORECASE),
    "phone": re.compile(r"\(\*{3}\)\s?\*{3}-\d{4}|\*{3}-\*{3}-\d{4}|(?<!\d)1[3-9]\d\*{4}\d{4}(?!\d)"),
    "id_number": re.compile(r"(?<!\d)\d{6,14}\*{4,8}[\dXx]{0,4}(?![\d*])"),
    "ssn": re.compile(r"(?:\*{3}|X{3})-(?:\*{2}|X{2})-\d{4}"),
    "name": re.compile(r"\b[A-Z]\.\s?[A-Z]\*{2,}|[\u4e00-\u9fff]\*{1,2}[\u4e00-\u9fff]?"),
}
_FLIGHT = re.compile(r"boarding|flight|登机|航班", re.IGNORECASE)
_SIGNATURE = re.compile(r"signature|signed|签名|签字", re.IGNORECASE)
_US_LICENCE = re.compile(r"driver'?s?\s?licen[cs]e|\bDLN?\b", re.IGNORECASE)
_DETECT_SPECIAL = ("medication", "diagnosis", "exam_type", "hospital", "employer", "name", "bank", "trip",
                   "frequent_place", "home_city", "purchase", "home_address", "flight_route", "workplace_address")


@dataclass(frozen=True)
class Rules:
    """The counting rules a detection prompt states."""

    masked: bool = False  # a partly masked value counts as shown
    address_city: bool = False  # a printed home address shows the city of residence
    face_gender: bool = False  # a visible face shows gender

    @classmethod
    def of(cls, prompt: str) -> Rules:
        return cls(masked=bool(re.search(r"partly masked|部分被遮挡|遮挡", prompt)),
                   address_city=bool(re.search(r"address also shows the city|住址即同时显示了居住城市", prompt)),
                   face_gender=bool(re.search(r"face also shows gender|人脸即同时显示了性别", prompt)))


def _masked(page: OcrPage, attr: str) -> bool:
    pattern = MASKED.get(attr)
    if pattern is None:
        return False
    return any(pattern.search(ln.text) for ln in page.lines)


def _names_in_list(page: OcrPage) -> bool:
    """A caption or list of people ("Ann Lee, Bo Wu and Cy Li", "阿文和孟琦兰") names someone."""
    for line in page.lines:
        for part in re.split(r",\s*|\s+and\s+|、|和|与", line.text):
            if is_name(part.strip()):
                return True
    return False


def _shows(page: OcrPage, attr: str, rules: Rules = Rules()) -> bool:
    if attr == "signature":
        return bool(_SIGNATURE.search(page.text) or _US_LICENCE.search(page.text))
    if attr == "flight_date" and not _FLIGHT.search(page.text):
        return False  # a date on anything but a flight document is not a flight date
    if attr == "trip" and _FLIGHT.search(page.text):
        return False  # a flight's route is its flight route, not a ground trip
    if rules.masked and _masked(page, attr):
        return True
    if attr in SELF_EVIDENT:
        return by_pattern(page, attr) is not None
    if by_label(page, attr) is not None or (attr in _DETECT_SPECIAL and find_raw(page, attr) is not None):
        return True
    return attr == "name" and _names_in_list(page)


def detect(page: OcrPage, candidates: tuple[str, ...], faces: int = 0, rules: Rules = Rules()) -> set[str]:
    """Which of the candidate attributes the page shows; `faces` is how many faces were found on it."""
    shown = {attr for attr in candidates if attr not in ("face", "gender") and _shows(page, attr, rules)}
    if faces and "face" in candidates:
        shown.add("face")
    if "gender" in candidates and ((rules.face_gender and faces) or _shows(page, "gender", rules)):
        shown.add("gender")
    if rules.address_city and "home_city" in candidates and (
            "home_address" in shown or _shows(page, "home_address", rules)):
        shown.add("home_city")
    return shown
