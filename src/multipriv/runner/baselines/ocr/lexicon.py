"""General knowledge a reader brings to a document: common names, real places, words, and how OCR glues them.

Only public, real-world knowledge is used (common US given and family names, Chinese surnames, US and Chinese
cities and states, airport codes, everyday words), never the fictional values of a world. It serves two
purposes: telling a name or a city apart from other text, and putting back the spaces OCR drops between
capitalised Latin words ("1827ASHCOMBECOURT" -> "1827 ASHCOMBE COURT"), which the scorer's token-based
address and text comparisons need.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from multipriv.world import names
from multipriv.world.places import cities
from multipriv.world.tables import zh as zh_tables

_COMMON_TEXT = (
    "the of and at in on to for with by from my your new one is it a an we you me see then time next miss "
    "street st avenue ave road rd drive dr lane ln court ct way place pl boulevard blvd apt suite unit "
    "floor county city state park gym club church coffee library hall fitness temple public swimming "
    "climbing badminton center centre hospital clinic medical regional memorial general bank credit union "
    "group co inc llc corp retail technologies financial health systems learning manufacturing logistics "
    "media construction services north south east west san santa los las new york fort saint mount lake "
    "wireless earbuds running shoes beans down jacket groceries blender books skincare set yoga mat phone "
    "case desk lamp bed linen backpack toys cat food mechanical keyboard sunglasses name address date "
    "birth sex "
)
_COMMON = tuple(_COMMON_TEXT.split())


@cache
def en_names() -> frozenset[str]:
    given_f, given_m, family = names._en_lists()
    return frozenset(n.lower() for n in (*given_f, *given_m, *family))


@cache
def zh_surnames() -> frozenset[str]:
    return frozenset(s for s, _ in zh_tables.SURNAMES)


@cache
def city_names() -> tuple[tuple[str, str, str], ...]:
    """(name as printed, English city, Chinese city) for every known city, longest first."""
    out: list[tuple[str, str, str]] = []
    for locale in ("zh", "en"):
        for place in cities(locale):
            en, zh = place.city
            for form in {en, zh, zh + "市"} if locale == "zh" else {en, zh}:
                out.append((form, en, zh))
    return tuple(sorted(set(out), key=lambda t: -len(t[0])))


@cache
def vocabulary() -> frozenset[str]:
    words = set(_COMMON) | set(en_names())
    for locale in ("en", "zh"):
        for place in cities(locale):
            for part in (place.city[0], place.region[0], *(d.name[0] for d in place.districts)):
                words.update(w.lower() for w in re.findall(r"[A-Za-z]+", part))
    return frozenset(w for w in words if len(w) > 1 or w in ("a",))


def _segment(run: str) -> list[str]:
    """Split a glued run of letters into known words; unknown stretches stay whole (costly, so rare)."""
    vocab = vocabulary()
    low = run.lower()
    n = len(low)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 16), end):
            word = low[start:end]
            known = word in vocab and (len(word) >= 4 or (len(word) == 3 and word in _COMMON))
            cost = 1.0 if known else 0.9 * len(word)
            if best[start][0] + cost < best[end][0]:
                best[end] = (best[start][0] + cost, start)
    pieces: list[str] = []
    end = n
    while end > 0:
        start = best[end][1]
        pieces.append(run[start:end])
        end = start
    pieces.reverse()
    merged: list[str] = []
    for piece in pieces:  # glue consecutive unknown pieces back together
        if merged and not _known(piece) and not _known(merged[-1]):
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def _known(word: str) -> bool:
    w = word.lower()
    return w in vocabulary() and (len(w) >= 4 or (len(w) == 3 and w in _COMMON))


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_DIGIT_LETTERS = re.compile(r"(?<=\d)(?=[A-Za-z]{3,})|(?<=[A-Za-z]{3})(?=\d)|(?<=\b[A-Z]{2})(?=\d{5}\b)")
_PUNCT_SPACE = re.compile(r"([,;:])(?=\S)")
_RUN = re.compile(r"[A-Za-z]{7,}")


def respace(text: str) -> str:
    """Latin text with the spaces OCR dropped put back; CJK text is returned as it is."""
    if not re.search(r"[A-Za-z]", text):
        return text
    text = _CAMEL.sub(" ", text)
    text = _DIGIT_LETTERS.sub(" ", text)
    text = _PUNCT_SPACE.sub(r"\1 ", text)

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        if word.lower() in vocabulary():
            return word
        return " ".join(_segment(word))

    return re.sub(r"\s+", " ", _RUN.sub(fix, text)).strip()


def is_name(text: str) -> bool:
    """Whether a short text reads as a person's name: 2-4 Han characters led by a common surname, or
    Latin words of which one is a common given or family name."""
    text = text.strip()
    if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text):
        return text[0] in zh_surnames() or text[:2] in zh_surnames()
    if not re.fullmatch(r"[A-Za-z][A-Za-z'.,\- ]{2,40}", text):
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", respace(text))]
    if not 1 <= len(words) <= 4:
        return False
    known = en_names()
    hits = sum(w in known for w in words)
    return hits >= max(1, len(words) - 1) and not any(w in _COMMON and w not in known for w in words)


@lru_cache(maxsize=1 << 14)
def find_city(text: str) -> tuple[str, str, str] | None:
    """The first known city named in the text: (as printed, English, Chinese)."""
    low = text.lower()
    for form, en, zh in city_names():
        if form.isascii():
            if re.search(r"(?<![a-z])" + re.escape(form.lower()) + r"(?![a-z])", low) or (
                    " " in form and form.lower().replace(" ", "") in low.replace(" ", "")):
                return form, en, zh
        elif form in text:
            return form, en, zh
    return None
