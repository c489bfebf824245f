"""General knowledge a reader brings to a document: common names, real places, words, and how OCR glues them.

Only public, real-world knowledge is used (`people`: common US given and family names, Chinese surnames;
`geo`: US and Chinese cities and states; everyday and street words), never the tables of the benchmark's
generator. It serves two
purposes: telling a name or a city apart from other text, and putting back the spaces OCR drops between
capitalised Latin words ("1827ASHCOMBECOURT" -> "1827 ASHCOMBE COURT"), which the scorer's token-based
address and text comparisons need.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from multipriv.baselines.ocr import geo, people

# Everyday English words (the most frequent function words and the words of forms, receipts, tickets and
# addresses): never a name, and the vocabulary that puts back the spaces OCR drops.
_COMMON_TEXT = (
    "the of and at in on to for with by from as or but not no yes all any my your our his her their its it "
    "is are was be been has have had do did will can may this that these those here there what when where who "
    "a an we you me us he she they one two three new old next last see then time day week month year today "
    "miss mr mrs ms dr street st avenue ave road rd drive lane ln court ct way place pl boulevard blvd apt "
    "suite unit floor county city state park club center centre hospital clinic medical regional memorial "
    "general bank credit union group co inc llc corp ltd company north south east west san santa los las new "
    "york fort saint mount lake name address date birth sex water glass tea coffee food bottle bag gift card "
    "paper item items price qty quantity large small medium total subtotal tax cash change thank thanks store "
    "member points visa debit flight gate seat boarding pass class economy business first priority zone "
    "departure arrival patient doctor report result results exam examination findings diagnosis impression "
    "signed valid thru expires issued license licence driver passport number id account routing pay net "
    "gross salary bonus allowance employee employer period statement earnings deductions phone email message "
    "home work office school shop market station airport train bus taxi ride trip fare pickup "
)
# The most common words of US street names (besides people's names and places), as address lines print them.
_STREET_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth main oak pine maple cedar elm view "
    "washington lake hill ridge spring river forest meadow sunset highland valley church mill willow walnut "
    "cherry jefferson lincoln madison jackson franklin adams chestnut hickory birch spruce laurel magnolia "
    "dogwood sycamore poplar aspen juniper locust holly ivy rose orchard garden grove glen brook creek "
    "pond bay harbor shore beach ocean bridge station market center school college university union "
    "liberty heritage country village colonial mountain summit vista crest canyon prairie heights "
    "highway parkway terrace circle trail square loop row crossing point commons plaza"
)
_COMMON = tuple(_COMMON_TEXT.split())


@cache
def en_names() -> frozenset[str]:
    return frozenset(n.lower() for n in (*people.EN_GIVEN.split(), *people.EN_FAMILY.split()))


@cache
def zh_surnames() -> frozenset[str]:
    return frozenset((*people.CN_SURNAMES, *people.CN_COMPOUND_SURNAMES))


@cache
def city_names() -> tuple[tuple[str, str, str], ...]:
    """(name as printed, English city, Chinese city) for every known city, longest first."""
    out: set[tuple[str, str, str]] = set()
    for cn in geo.CN_CITIES:
        for form in (cn.en, cn.zh, cn.zh.removesuffix("市")):
            out.add((form, cn.en, cn.zh))
    for us in geo.US_CITIES:
        out.update({(us.en, us.en, us.zh), (us.zh, us.en, us.zh)})
    by_en = {en: (en, zh) for _, en, zh in out}
    for alias, en in geo.CITY_ALIASES.items():
        if en in by_en:
            out.add((alias, *by_en[en]))
    return tuple(sorted(out, key=lambda t: (-len(t[0]), t[0])))


@cache
def vocabulary() -> frozenset[str]:
    words = set(_COMMON) | set(en_names()) | set(_STREET_WORDS.split())
    places = [c.en for c in geo.CN_CITIES] + [c.en for c in geo.US_CITIES]
    places += [en for en, _, _ in geo.CN_PROVINCES.values()] + [en for en, _ in geo.US_STATES.values()]
    for part in places:
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
        if word.lower() in vocabulary() or (word[0].isupper() and word[1:].islower()):
            return word  # a known word, or one written as a word (only OCR glues whole caps or lower runs)
        return " ".join(_segment(word))

    return re.sub(r"\s+", " ", _RUN.sub(fix, text)).strip()


# What Chinese organisation and place names end with: never a person's name.
_NOT_NAME_ZH = ("航空", "公司", "银行", "医院", "大学", "集团", "中心", "有限", "科技", "超市", "药房", "诊所",
                "学校", "酒店", "广场", "快递", "物流")
_NOT_NAME_END = frozenset("市省区县路街站店馆号院司局厅")


def _zh_name(text: str) -> bool:
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text) or text[-1] in _NOT_NAME_END:
        return False
    if any(w in text for w in _NOT_NAME_ZH):
        return False
    return text[0] in zh_surnames() or text[:2] in zh_surnames()


def is_name(text: str, labelled: bool = False) -> bool:
    """Whether a short text reads as a person's name: 2-4 Han characters led by a common surname, or Latin
    words of which most are common given or family names. Next to a name label (`labelled`) the shape is
    enough: two to four capitalised words ("Tasha Kidd", "KIDD, TASHA"), none of them an everyday word."""
    text = text.strip()
    if re.search(r"[\u4e00-\u9fff]", text):
        return _zh_name(text)
    if not re.fullmatch(r"[A-Za-z][A-Za-z'.,\- ]{2,40}", text):
        return False
    raw = re.findall(r"[A-Za-z][A-Za-z'\-]*", respace(text))
    words = [w.lower() for w in raw]
    if not 1 <= len(words) <= 4:
        return False
    known = en_names()
    if any(w in _COMMON and w not in known for w in words):
        return False
    if labelled and len(raw) >= 2 and all(w[0].isupper() for w in raw):
        return sum(len(w) == 1 for w in raw) <= 1  # at most one initial
    hits = sum(w in known for w in words)
    return hits >= max(1, len(words) - 1)


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
