"""US driver's licence numbers and plates in real per-state formats, and Chinese plates.

Plates and licence numbers have no reserved fictional space, so they are drawn at random in the real formats;
what matters to the benchmark is that a plate names its region (浙A is Hangzhou, a California plate looks like
one), which a model can then use as a location clue.
"""

from __future__ import annotations

import random
import re

DIGITS = "0123456789"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CLEAR_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O: Chinese plates, serials
_PLATE_LETTERS_US = "ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O or Q, as US issuers avoid them

# Pattern characters: '#' digit, '%' digit 1-9, '@' letter, '*' letter or digit; anything else is literal.

# Real per-state licence number formats (the common current one where a state has several).
US_LICENSE_FORMATS: dict[str, str] = {
    "CA": "@#######",  # one letter + 7 digits
    "NY": "#########",  # 9 digits
    "TX": "########",  # 8 digits
    "FL": "@############",  # letter (surname Soundex initial) + 12 digits
    "IL": "@###########",  # letter + 11 digits
    "WA": "WDL*********",  # since 2018: WDL + 9 alphanumerics
    "MA": "S########",  # S + 8 digits
    "PA": "########",  # 8 digits
    "GA": "#########",  # 9 digits
    "OH": "@@######",  # 2 letters + 6 digits
}

# Standard passenger plate formats as currently issued.
US_PLATE_FORMATS: dict[str, str] = {
    "CA": "%@@@###",  # 7ABC123
    "NY": "@@@-####",  # ABC-1234
    "TX": "@@@-####",  # ABC-1234
    "FL": "@@@ @##",  # ABC D12
    "IL": "@@ #####",  # AB 12345
    "WA": "@@@####",  # ABC1234
    "MA": "%@@@##",  # 1ABC23
    "PA": "@@@-####",  # ABC-1234
    "GA": "@@@####",  # ABC1234
    "OH": "@@@ ####",  # ABC 1234
}


def _fill(rng: random.Random, pattern: str, letters: str) -> str:
    out = []
    for c in pattern:
        if c == "#":
            out.append(rng.choice(DIGITS))
        elif c == "%":
            out.append(rng.choice(DIGITS[1:]))
        elif c == "@":
            out.append(rng.choice(letters))
        elif c == "*":
            out.append(rng.choice(letters + DIGITS))
        else:
            out.append(c)
    return "".join(out)


def _pattern_regex(pattern: str, letters: str) -> re.Pattern[str]:
    cls = {"#": "[0-9]", "%": "[1-9]", "@": f"[{letters}]", "*": f"[{letters}0-9]"}
    return re.compile("^" + "".join(cls.get(c, re.escape(c)) for c in pattern) + "$")


def make_us_license(rng: random.Random, state_abbr: str) -> str:
    """A driver's licence number in that state's format; KeyError for a state without a known format."""
    return _fill(rng, US_LICENSE_FORMATS[state_abbr], LETTERS)


def us_license_matches_state(number: str, state_abbr: str) -> bool:
    fmt = US_LICENSE_FORMATS.get(state_abbr)
    return fmt is not None and bool(_pattern_regex(fmt, LETTERS).match(number))


def make_us_plate(rng: random.Random, state_abbr: str) -> str:
    """A passenger plate in that state's usual format; letters avoid I, O and Q as issuing states do."""
    return _fill(rng, US_PLATE_FORMATS[state_abbr], _PLATE_LETTERS_US)


def us_plate_matches_state(plate: str, state_abbr: str) -> bool:
    """Whether a plate fits the state's format; several states share a format, so this is not an inverse."""
    fmt = US_PLATE_FORMATS.get(state_abbr)
    return fmt is not None and bool(_pattern_regex(fmt, _PLATE_LETTERS_US).match(plate))


# ----------------------------------------------------------------------------------------------------
# Chinese plates
# ----------------------------------------------------------------------------------------------------

CN_PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_CN_PLATE_RE = re.compile(
    rf"^([{CN_PLATE_PROVINCES}])([{CLEAR_LETTERS}])[·•\s]?([{CLEAR_LETTERS}0-9]{{5,6}})$"
)


def make_cn_plate(
    rng: random.Random, province_abbr: str, city_letter: str, *, new_energy: bool = False
) -> str:
    """A plate such as 浙A·12345: five characters, digits and letters without I and O, at most two letters.

    With `new_energy` it is a six-character green plate of a small new-energy car (D electric, F hybrid).
    """
    if len(province_abbr) != 1 or province_abbr not in CN_PLATE_PROVINCES:
        raise ValueError(f"unknown province abbreviation {province_abbr!r}")
    if len(city_letter) != 1 or city_letter not in CLEAR_LETTERS:
        raise ValueError(f"bad city letter {city_letter!r}")
    if new_energy:
        tail = rng.choice("DF") + rng.choice(CLEAR_LETTERS + DIGITS) + "".join(rng.choices(DIGITS, k=4))
    else:
        chars = rng.choices(DIGITS, k=5)
        n_letters = rng.choices((0, 1, 2), weights=(5, 3, 2))[0]
        for pos in rng.sample(range(5), n_letters):
            chars[pos] = rng.choice(CLEAR_LETTERS)
        tail = "".join(chars)
    return f"{province_abbr}{city_letter}·{tail}"


def cn_plate_region(plate: str) -> tuple[str, str]:
    """(province abbreviation, city letter) of a plate; ValueError if it is not a well-formed plate."""
    m = _CN_PLATE_RE.match(plate.strip())
    if not m:
        raise ValueError(f"not a Chinese plate: {plate!r}")
    tail = m.group(3)
    if len(tail) == 5 and sum(c.isalpha() for c in tail) > 2:
        raise ValueError(f"more than two letters in {plate!r}")
    if len(tail) == 6 and tail[0] not in "DF":
        raise ValueError(f"six-character plate must start with D or F: {plate!r}")
    return m.group(1), m.group(2)
