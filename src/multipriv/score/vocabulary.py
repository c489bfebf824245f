"""The vocabularies of values the world generates: conditions, medications, occupations and places.

Each vocabulary is a readable table under `score/vocab/` listing concepts, each with every name an answer may use
for it (both languages, synonyms, abbreviations, ICD-10 codes for conditions). The scorer uses them to accept an
answer that names the gold's concept in any of its forms and to notice an answer that names another concept of
the same vocabulary (`normalise.matcher` holds the rule; docs/scoring.md lists it).

What a written form denotes, as a set of concept ids:
- a concept's names: that concept; a name two places share ("Heping District", "New York" the city and the
  state): every one of them;
- a broader term ("diabetes", "engineer"): the concepts under it that the world generates, or all of them when it
  generates none;
- a phrase that only contains a concept's words ("ST depression"): nothing, so the word inside is no mention;
- a condition code (E11, E11.9): the conditions it or a finer code of it is listed for, or, for a code coarser
  than a listed one, the generated conditions under it;
- a state's postal code after a comma ("Chicago, IL"): that state.

Places also get forms the loader adds: with and without the administrative suffix (沈阳市 / 沈阳, 辽宁省 / 辽宁,
广西壮族自治区 / 广西, Shenyang / Shenyang City, Liaoning / Liaoning Province); a district or county name without
its suffix (和平, Cook) is *weak*: accepted when that place is the gold, never read as a mention of it elsewhere.

Matching runs on a scan of the text: NFKC, no diacritics (pinyin tones), British spellings made American
("oesophageal" = "esophageal", "-aemia" = "-emia"), no spaces or hyphens next to Chinese characters ("2 型糖尿病"),
lower case. A form matches whole words of Latin letters and digits (never part of a word), with up to three
punctuation characters or none between its words ("type-2 diabetes", "type2 diabetes"), and Chinese characters
as written; the longest form starting first wins, so "prediabetes" and "subclinical hypothyroidism" are never read
as "diabetes" and "hypothyroidism". A Chinese place name followed by a street word (南京路, 北京东路) is a street,
not the place.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any, NamedTuple

from multipriv.score.clean import nfkc

KINDS: tuple[str, ...] = ("conditions", "medications", "occupations", "places")
_ROW = {"conditions": "condition", "medications": "medication", "occupations": "occupation", "places": "place"}
_NOT_A = {"conditions": "not_a_condition"}

# Places: nearer first. A gold form two places share resolves to the generated, most specific one.
LEVEL_RANK = {"district": 0, "city": 1, "municipality": 1, "county": 2, "state": 3, "province": 3}

_CJK = "\u3400-\u9fff"
_WORD = f"0-9a-z{_CJK}"
_NON_WORD = re.compile(f"[^{_WORD}]+")
_NEXT_TO_CJK = re.compile(f"(?<=[{_CJK}])[\\s\\-·•・'_]+|[\\s\\-·•・'_]+(?=[{_CJK}])")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_HAS_SEPARATOR = re.compile(r"[\s\-·•・'_]")
_ACCENTED = re.compile(r"[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]")  # Latin letters that may carry a mark
_SPELLING = {"oesophag": "esophag", "aemi": "emi", "haem": "hem", "oedem": "edem", "generalis": "generaliz",
             "sulph": "sulf"}
_SPELLING_RE = re.compile("|".join(_SPELLING), re.IGNORECASE)
# After a Chinese place name, these make it a street: 南京路, 北京东路, 上海街.
_STREET = re.compile("[东西南北中]?(?:路|街|大道|大街|巷|胡同)")
# The units a form is made of: whole Latin or digit words, single Chinese characters.
_UNITS = re.compile(f"[0-9a-z]+|[{_CJK}]")
_WORD_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")
_ASCII_SEPARATORS = str.maketrans({chr(i): " " for i in range(128) if chr(i) not in _WORD_CHARS})
_ASCII_SEPARATORS_CASED = str.maketrans(
    {chr(i): " " for i in range(128) if chr(i).lower() not in _WORD_CHARS})
# Every three-character ICD-10 category ("e11"): a unit that is one may start a code.
_CODE_HEADS = frozenset(f"{c}{n:02d}" for c in "abcdefghijklmnopqrstuvwxyz" for n in range(100))
_GAP_MAX = 3  # punctuation between two words of a form: "hypothyroidism (subclinical)"
_NEXT_UNIT = re.compile(f"[^{_WORD}]{{0,{_GAP_MAX}}}([0-9a-z]+|[{_CJK}])")
_ABBR_UNITS = re.compile(r"[A-Za-z0-9]+")
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z0-9]")  # every abbreviation starts so
_ZH_SUFFIX = re.compile(r"(?:特别行政区|(?:壮族|回族|维吾尔)?自治区|省|市)$")
_ZH_WEAK_SUFFIX = re.compile(r"(?:新区|区|县)$")
_EN_WEAK_SUFFIX = re.compile(r"\s+(?:New Area|New District|District|County)$")
_CODE = re.compile(r"(?<![0-9a-z])([a-z]\d{2})(?:\.(\d{1,2}[0-9a-z]?))?(?![0-9a-z])")


def scan_text(text: str) -> str:
    """The text the forms are matched on, before lower-casing (abbreviations are matched on this)."""
    return scan_both(text)[0]


def scan_both(text: str) -> tuple[str, str]:
    """`scan_text` and its lower case."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = nfkc(text)
        if _ACCENTED.search(text):
            text = unicodedata.normalize("NFC", _COMBINING.sub("", unicodedata.normalize("NFD", text)))
        if _HAS_SEPARATOR.search(text):
            text = _NEXT_TO_CJK.sub("", text)
    low = text.lower()
    if "ae" in low or "oe" in low or "generalis" in low or "sulph" in low:
        text = _SPELLING_RE.sub(lambda m: _SPELLING[m.group().lower()], text)
        low = text.lower()
    return text, low


def form_key(form: str) -> str:
    """A form as matched: scanned, lower case, words joined by single spaces ("Xi'an" -> "xi an")."""
    return key_of_scan(scan_text(form).lower())


def key_of_scan(low: str) -> str:
    """`form_key` of a text already scanned and lower-cased."""
    key = _NON_WORD.sub(" ", low).strip()
    return _NEXT_TO_CJK.sub("", key) if not key.isascii() else key


def squash(key: str) -> str:
    """A key without its spaces: what a match is looked up by, since a form's words may be written joined."""
    return key.replace(" ", "")


class Lexicon:
    """Forms to look up in a text. A form is a run of units (whole Latin or digit words, single Chinese
    characters) with at most `_GAP_MAX` punctuation characters between Latin words and none next to a Chinese one.

    Finding them costs little whatever the number of forms: the text's units are listed at C speed and compared
    with the units that can begin a form (the prefixes of the forms, joined at unit boundaries, so "type2" and
    "type" both begin "type 2 diabetes"); only where one does is the form followed unit by unit, and the longest
    form found from that start is kept."""

    def __init__(self, forms: dict[str, frozenset[str]], *, street_guard: bool = False) -> None:
        """`forms`: form key (as `form_key` gives it, with its spaces) -> what it denotes."""
        self.index: dict[str, frozenset[str]] = {}
        self.prefixes: set[str] = set()
        for key, named in forms.items():
            acc = ""
            for unit in _UNITS.findall(key):
                acc += unit
                self.prefixes.add(acc)
            self.index[acc] = self.index.get(acc, frozenset()) | named
        self.street_guard = street_guard

    def scan(self, low: str, units: Iterable[str] | None = None) -> list[tuple[int, int, frozenset[str]]]:
        """(start, end, concepts) of every form in a lower-cased scan, in order, longest first, not overlapping.
        `units`: the scan's units, if the caller has them (`text_units(low)`)."""
        starts = self.prefixes.intersection(text_units(low) if units is None else units)
        if not starts:
            return []
        positions = []
        size = len(low)
        for unit in starts:
            if unit[0] >= "\u3400":
                at = low.find(unit)
                while at >= 0:
                    positions.append((at, unit))
                    at = low.find(unit, at + 1)
            elif len(unit) <= 2:  # a short word is inside many others: let the regex engine skip them
                positions += [(m.start(), unit) for m in _word_re(unit).finditer(low)]
            else:
                at = low.find(unit)
                while at >= 0:
                    stop = at + len(unit)
                    if (at == 0 or low[at - 1] not in _WORD_CHARS) and (stop == size or low[stop] not in _WORD_CHARS):
                        positions.append((at, unit))
                    at = low.find(unit, at + 1)
        positions.sort()
        prefixes, index, out, until = self.prefixes, self.index, [], -1
        for start, cur in positions:
            if start < until:
                continue
            end = start + len(cur)
            cjk = cur[0] >= "\u3400"
            best_end, best_key, best_cjk = -1, "", False
            while True:
                if cur in index:
                    best_end, best_key, best_cjk = end, cur, cjk
                nxt_m = _NEXT_UNIT.match(low, end)
                if nxt_m is None:
                    break
                unit = nxt_m.group(1)
                unit_cjk = unit[0] >= "\u3400"
                if nxt_m.start(1) != end and (cjk or unit_cjk):
                    break
                nxt = cur + unit
                if nxt not in prefixes:
                    break
                cur, end, cjk = nxt, nxt_m.end(1), unit_cjk
            if best_end >= 0 and not (self.street_guard and best_cjk and _STREET.match(low, best_end)):
                out.append((start, best_end, index[best_key]))
                until = best_end
        return out


@cache
def _word_re(word: str) -> re.Pattern[str]:
    return re.compile(f"(?<![0-9a-z]){re.escape(word)}(?![0-9a-z])")


def text_units(low: str) -> list[str]:
    """A lower-cased scan's units: Latin or digit words, and Chinese characters one by one."""
    return low.translate(_ASCII_SEPARATORS).split() if low.isascii() else _UNITS.findall(low)


@dataclass(frozen=True)
class Concept:
    id: str
    kind: str
    en: str
    zh: str
    world: bool
    forms: tuple[str, ...]  # every written form it is named by, as listed or added by the loader
    weak: tuple[str, ...] = ()  # accepted for this concept as gold, never read as a mention of it
    abbreviations: tuple[str, ...] = ()  # matched case-sensitively
    codes: tuple[str, ...] = ()  # ICD-10, without the dot: "E119"
    level: str = ""  # places
    within: tuple[str, ...] = ()  # places: the places it lies in


class Mention(NamedTuple):
    start: int
    end: int
    concepts: frozenset[str]


@dataclass(eq=False, repr=False)
class Vocabulary:
    """One kind's concepts and the index from written forms to what they denote."""

    kind: str
    concepts: dict[str, Concept]
    index: dict[str, frozenset[str]]  # squashed key -> concepts (empty: a phrase that names none)
    abbreviations: dict[str, frozenset[str]]  # exact text -> concepts
    postal: dict[str, frozenset[str]]  # "IL" -> the state, read after a comma
    weak: dict[str, frozenset[str]]  # squashed key -> concepts
    keys: frozenset[str] = frozenset()  # every form of `index`, as `form_key` gives it (with its spaces)
    _related: dict[str, frozenset[str]] = field(default_factory=dict)
    _codes: dict[str, frozenset[str]] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Vocabulary({self.kind!r}, {len(self.concepts)} concepts)"

    # ----------------------------------------------------------------------------------------- lookup
    def denotes(self, form: str) -> frozenset[str] | None:
        """What one written form denotes on its own (a gold form, say); None if the vocabulary does not know it."""
        stripped = nfkc(form).strip()
        if stripped in self.abbreviations:
            return self.abbreviations[stripped]
        key = squash(form_key(form))
        if key in self.index:
            return self.index[key]
        if key in self.weak:
            return self.weak[key]
        if self.kind == "conditions" and _CODE.fullmatch(stripped.lower()):
            return self.code(stripped) or None
        return None

    def code(self, code: str) -> frozenset[str]:
        """The conditions an ICD-10 code names: those listed under it or under a coarser code, else the generated
        ones listed under a finer code (E11 and E11.9 name type 2 diabetes; E03 names both hypothyroidisms)."""
        code = code.upper().replace(".", "")
        named = self._codes.get(code)
        if named is None:
            exact = {c.id for c in self.concepts.values() if any(code.startswith(k) for k in c.codes)}
            named = frozenset(exact) if exact else frozenset(
                c.id for c in self.concepts.values() if c.world and any(k.startswith(code) for k in c.codes))
            self._codes[code] = named
        return named

    def gold(self, accepted: Iterable[str]) -> frozenset[str]:
        """The concepts a gold's accepted forms name: those all its known forms agree on (else any of them); among
        places, the generated and most specific ones ("New York" the city, not the state)."""
        sets = [s for s in (self.denotes(f) for f in accepted) if s]
        if not sets:
            return frozenset()
        common = frozenset.intersection(*sets)
        found = common or frozenset.union(*sets)
        if len(found) > 1:
            world = {c for c in found if self.concepts[c].world}
            found = frozenset(world) if world else found
        if len(found) > 1 and self.kind == "places":
            best = min(LEVEL_RANK.get(self.concepts[c].level, 9) for c in found)
            found = frozenset(c for c in found if LEVEL_RANK.get(self.concepts[c].level, 9) == best)
        return found

    def related(self, ids: Iterable[str]) -> frozenset[str]:
        """Places that contain or lie within any of these (never the places themselves); empty for other kinds."""
        out: set[str] = set()
        for i in ids:
            out |= self._related.get(i, frozenset())
        return frozenset(out)

    # --------------------------------------------------------------------------------------- mentions
    @cached_property
    def lexicon(self) -> Lexicon:
        return Lexicon({k: self.index[squash(k)] for k in self.keys}, street_guard=self.kind == "places")

    @cached_property
    def _abbr_units(self) -> frozenset[str]:
        return frozenset(self.abbreviations)

    @cached_property
    def _abbr_pattern(self) -> re.Pattern[str] | None:
        if not self.abbreviations:
            return None
        alts = "|".join(re.escape(a) for a in sorted(self.abbreviations, key=len, reverse=True))
        return re.compile(rf"(?<![A-Za-z0-9])(?:{alts})(?![A-Za-z0-9]|[-\s]?\d)")

    @cached_property
    def _postal_pattern(self) -> re.Pattern[str] | None:
        if not self.postal:
            return None
        return re.compile(r",\s*(" + "|".join(sorted(self.postal)) + r")(?![A-Za-z])")

    def mentions(self, scan: str, low: str, extra: Lexicon | None = None) -> list[Mention]:
        """Every mention in a scanned text, in order, the longest where they overlap. `low` is `scan` lower-cased
        (same length); `extra` holds further forms (a gold's weak ones), preferred on a tie."""
        units = text_units(low)
        lexical = self.lexicon.scan(low, units)
        found: list[tuple[int, int, int, frozenset[str]]] = []
        if extra is not None:
            found += [(start, end, 0, named) for start, end, named in extra.scan(low, units)]
        if self._abbr_pattern is not None and _TWO_CAPITALS.search(scan) and not self._abbr_units.isdisjoint(
                scan.translate(_ASCII_SEPARATORS_CASED).split() if scan.isascii() else _ABBR_UNITS.findall(scan)):
            found += [(m.start(), m.end(), 1, self.abbreviations[m.group()]) for m in self._abbr_pattern.finditer(scan)]
        if self._postal_pattern is not None and "," in scan:
            found += [(m.start(1), m.end(1), 1, self.postal[m.group(1)]) for m in self._postal_pattern.finditer(scan)]
        if self.kind == "conditions" and not _CODE_HEADS.isdisjoint(units):
            for m in _CODE.finditer(low):
                named = self.code(m.group(1) + (m.group(2) or ""))
                if named:
                    found.append((m.start(), m.end(), 1, named))
        if not found:  # the usual case: the lexicon's mentions are already in order and apart
            return [Mention(start, end, named) for start, end, named in lexical]
        found += [(start, end, 1, named) for start, end, named in lexical]
        found.sort(key=lambda f: (f[0], f[0] - f[1], f[2]))
        out: list[Mention] = []
        end = -1
        for start, stop, _, concepts in found:
            if start >= end:
                out.append(Mention(start, stop, concepts))
                end = stop
        return out


# ------------------------------------------------------------------------------------------------ loading
def _place_forms(row: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Strong and weak forms of a place: listed, plus with and without the administrative suffix."""
    level, en, zh = row["level"], row["en"], row["zh"]
    strong = [en, zh, *row.get("also_en", ()), *row.get("also_zh", ())]
    weak: list[str] = []
    if level in ("district", "county"):
        weak += [w for w in (_ZH_WEAK_SUFFIX.sub("", zh), _EN_WEAK_SUFFIX.sub("", en)) if w not in (zh, en)]
        if level == "district" and zh.endswith("新区"):
            weak.append(zh[:-2] + "区")
        return strong, [w for w in weak if len(w) >= 2]
    bare = _ZH_SUFFIX.sub("", zh)
    if bare != zh and len(bare) >= 2:
        strong.append(bare)
        if zh.endswith("自治区") and bare + "自治区" != zh:
            strong.append(bare + "自治区")
    if level in ("city", "municipality"):
        if not zh.endswith(("市", "特别行政区", "特区")):
            strong.append(zh + "市")
        if "," not in en:
            strong.append(en + " City")
        if level == "municipality" and zh.endswith("市"):
            strong.append(en + " Municipality")
    elif level == "province":
        strong.append(en + " Province")
    elif level == "state":
        strong += [en + " State", "State of " + en]
    return strong, []


def _row_forms(row: dict[str, Any]) -> list[str]:
    return [row["en"], row["zh"], *row.get("also_en", ()), *row.get("also_zh", ())]


@cache
def vocabulary(kind: str) -> Vocabulary:
    """The vocabulary of one kind ("conditions", "medications", "occupations", "places"), loaded once."""
    text = resources.files("multipriv.score").joinpath("vocab", f"{kind}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    concepts: dict[str, Concept] = {}
    for row in data.get(_ROW[kind], ()):
        if kind == "places":
            strong, weak = _place_forms(row)
        else:
            strong, weak = _row_forms(row), []
        concepts[row["id"]] = Concept(
            id=row["id"], kind=kind, en=row["en"], zh=row["zh"], world=bool(row["world"]),
            forms=tuple(dict.fromkeys(strong)), weak=tuple(dict.fromkeys(weak)),
            abbreviations=tuple(row.get("abbr", ())),
            codes=tuple(c.upper().replace(".", "") for c in row.get("icd10", ())),
            level=row.get("level", ""), within=tuple(row.get("within", ())),
        )
    index: dict[str, set[str]] = {}
    abbreviations: dict[str, set[str]] = {}
    weak_index: dict[str, set[str]] = {}
    postal: dict[str, frozenset[str]] = {}

    keys: set[str] = set()

    def add(table: dict[str, set[str]], form: str, ids: Iterable[str]) -> None:
        key = form_key(form)
        if key:
            table.setdefault(squash(key), set()).update(ids)
            if table is index:
                keys.add(key)

    for c in concepts.values():
        for f in c.forms:
            add(index, f, (c.id,))
        for f in c.weak:
            add(weak_index, f, (c.id,))
        for a in c.abbreviations:
            abbreviations.setdefault(a, set()).add(c.id)
    for row in data.get(_ROW[kind], ()):
        if "postal" in row:
            postal[row["postal"]] = frozenset((row["id"],))
    for row in data.get("broader", ()):
        narrower = [n for n in row["narrower"] if n in concepts]
        if len(narrower) != len(row["narrower"]):
            raise ValueError(f"{kind}: broader term {row['en']} names an unknown concept")
        named = [n for n in narrower if concepts[n].world] or narrower
        for f in (*row.get("en", ()), *row.get("zh", ())):
            add(index, f, named)
        for a in row.get("abbr", ()):
            abbreviations.setdefault(a, set()).update(named)
    for row in data.get(_NOT_A.get(kind, ""), ()):
        for f in (*row.get("en", ()), *row.get("zh", ())):
            add(index, f, ())
    related: dict[str, frozenset[str]] = {}
    if kind == "places":
        up: dict[str, set[str]] = {}
        for place in concepts.values():
            todo, seen = list(place.within), set()
            while todo:
                p = todo.pop()
                if p not in seen:
                    seen.add(p)
                    todo += concepts[p].within
            up[place.id] = seen
        down: dict[str, set[str]] = {i: set() for i in concepts}
        for i, ups in up.items():
            for p in ups:
                down[p].add(i)
        related = {i: frozenset(up[i] | down[i]) for i in concepts}
    return Vocabulary(
        kind=kind, concepts=concepts,
        index={k: frozenset(v) for k, v in index.items()},
        abbreviations={k: frozenset(v) for k, v in abbreviations.items()},
        postal=postal,
        weak={k: frozenset(v) for k, v in weak_index.items() if k not in index},
        keys=frozenset(keys),
        _related=related,
    )


def resolve(accepted: Iterable[str]) -> tuple[Vocabulary, frozenset[str]] | None:
    """The vocabulary and concepts a gold's accepted forms name, or None when they name none (a gold that is not
    a condition, medication, occupation or place: it keeps its normaliser's own rule)."""
    forms = tuple(accepted)
    for kind in KINDS:
        vocab = vocabulary(kind)
        found = vocab.gold(forms)
        if found:
            return vocab, found
    return None
