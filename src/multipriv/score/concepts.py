"""Free-text golds that name a vocabulary concept (a condition, medication, occupation or place): the answer
must name the same concept in any of its forms and settle on it; a rival concept beside it is a hedge.

Kept apart from `score.normalise` (which calls `concept_matcher` for TEXT golds) because it is one idea with
its own reading of answers: mentions, negation, lists, the last sentence. docs/scoring.md tables the rule.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

from rapidfuzz import fuzz, process

from multipriv.score import vocabulary as vocab

Matcher = Callable[[str], bool]

# ----------------------------------------------------------------------------------- vocabulary values
# A mention of another concept is set aside (not a rival) when it is negated next to it: "not prediabetes",
# "rather than COPD", "排除高血压", "而非上海", "prediabetes is unlikely". An English cue is a whole word ("cannot"
# holds no "not") and may take an article ("not a", "rather than the").
_NEG_BEFORE_EN = ("not", "no", "rather than", "instead of", "rule out", "ruled out", "rules out", "exclude",
                  "excludes", "excluded", "excluding", "other than", "unlike", "without")
_NEG_BEFORE_ZH = ("不是", "并非", "而非", "而不是", "排除", "不考虑", "不像", "没有", "无", "非")
_ARTICLES = (" a", " an", " the")
_NEG_AFTER = ("unlikely", "ruled out", "excluded", "less likely", "可能性小", "可能性较小", "不太可能", "已排除",
              "被排除", "除外", "不考虑", "不成立")
_NEG_AFTER_VERBS = ("is ", "was ", "are ", "seems ", "appears ", "has been ", "have been ")
_QUOTES = " \t\n\"'“”"


# A place followed by "to" is where a route starts: "Beijing (PEK) to Shanghai (PVG)", "北京飞往上海", "沈阳→大连".
_ROUTE_ORIGIN = re.compile(r"\s*(?:[(（][a-z]{3}[)）]\s*)?(?:to\b|→|->|-->|至|到|飞往|飞抵|飞|前往)")


def _negated(low: str, start: int, end: int) -> bool:
    """Whether the mention at low[start:end] is negated by the words right before or after it."""
    before = low[max(0, start - 24):start].rstrip(_QUOTES)
    if before.endswith(_ARTICLES):
        before = before[:before.rindex(" ")].rstrip()
    if before.endswith(_NEG_BEFORE_ZH):
        return True
    if before.endswith(_NEG_BEFORE_EN):
        for cue in _NEG_BEFORE_EN:
            if before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalnum()):
                return True
    after = low[end:end + 32].lstrip(" \t,，")
    if after.startswith(_NEG_AFTER):
        return True
    for verb in _NEG_AFTER_VERBS:
        if after.startswith(verb):
            rest = after[len(verb):].lstrip()
            return rest.startswith(_NEG_AFTER) or (rest.startswith("not") and not rest[3:4].isalnum())
    return False


# Two mentions joined only by these are one list: "asthma or COPD", "沈阳、大连", "T2DM (type 2 diabetes) or
# prediabetes", "hypertension and angina". A list that holds a rival is a hedge (or two answers).
_LIST_GAP = re.compile(
    r"[\s,，、/;:()（）\[\]\-–—&+|]*(?:(?:either|or|and|vs|versus|possibly|maybe|perhaps|probably|likely|also|plus"
    r"|as well as|或者|或是|或|还是|以及|和|及|与|跟|也可能是|也可能|可能是|可能|或许|也许|抑或|亦或|还有)"
    r"[\s,，、/;:()（）\[\]\-–—&+|.]*)*"
)
_LIST_GAP_MAX = 40
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[。！？；;\n]")
_STATED, _RIVAL, _NEUTRAL = 1, 2, 0
_WORD_JUNK = re.compile(r"[^0-9a-z\u3400-\u9fff]+")
_WHOLE_MAX = 48  # longer than any form: not worth checking whether the whole answer is one
_NEAREST_MIN_LEN = 4
_FUZZY_MAX_CHARS = 2000


def concept_matcher(accepted: tuple[str, ...], *, ratio: float, partial: float, min_len: int) -> Matcher | None:
    """The rule for a gold that names a vocabulary concept; None when it names none. `ratio`, `partial` and
    `min_len` are the free-text rule's fuzzy thresholds (score.normalise), used for typos.

    Every mention of the gold's vocabulary in the answer is one of:
    - stated: it names the gold (any form: 沈阳, Shenyang City, T2DM, E11.9, "diabetes" where the world has
      only type 2), possibly together with places around or within it ("Heping District, Shenyang, Liaoning");
    - rival: it names only other concepts (青岛市 for 沈阳市, Type 1 diabetes, hepatitis C for hepatitis B, the
      province alone for a city), unless negated next to it ("not prediabetes");
    - neutral: the gold's surroundings alone (Liaoning for Shenyang) or an ambiguous name (E03, "arthritis").
    The answer matches when some stated mention is not in one list with a rival ("either asthma or COPD" is a
    hedge), and the last sentence that names a stated or rival concept names the gold ("Type 2 diabetes. Could
    also be prediabetes." settles on neither). Reasoning that names the alternatives before concluding passes:
    "Metformin treats T2DM, prediabetes and PCOS; HbA1c 8.4% is >= 6.5%, so type 2 diabetes."
    An answer with no mention at all (a typo: "type 2 diabtes") falls back on the free-text fuzzy rule against
    the gold concept's forms, and then only if its nearest form in the whole vocabulary is the gold's.
    """
    found = vocab.resolve(accepted)
    if found is None:
        return None
    table, gold = found
    around = table.related(gold)
    fits = gold | around
    # The gold's forms the vocabulary would not read as a mention of it: its weak forms and any unknown form.
    own = [k for k in {vocab.form_key(f) for f in accepted} | {vocab.form_key(w) for g in gold
                                                                for w in table.concepts[g].weak}
           if k and table.index.get(vocab.squash(k)) is None]
    extra = vocab.Lexicon(dict.fromkeys(own, gold)) if own else None
    # Typos: a short answer is compared with every form of the gold concept, a long one searched for the gold's
    # own accepted forms (as the free-text rule does).
    fuzzy_keys = sorted({k for k in (*own, *(vocab.form_key(f) for g in gold for f in table.concepts[g].forms))
                         if len(k) >= min_len}, key=len)
    fuzzy_lengths = [len(k) for k in fuzzy_keys]
    partial_keys = sorted({k for k in (vocab.form_key(f) for f in accepted) if len(k) >= min_len})
    classes: dict[frozenset[str], int] = {}

    def classify(named: frozenset[str]) -> int:
        cls = classes.get(named)
        if cls is None:
            if named & gold and named <= fits:
                cls = _STATED
            elif named and not named & fits:
                cls = _RIVAL
            else:
                cls = _NEUTRAL
            classes[named] = cls
        return cls

    def nearest_is_gold(window: str) -> bool:
        best = process.extract(window, _choices(table.kind), scorer=fuzz.ratio, limit=4)
        if not best:
            return False
        top = best[0][1]
        named = frozenset().union(*(table.index[vocab.squash(k)] for k, score, _ in best if score == top))
        return classify(named) == _STATED

    def fuzzy(low: str) -> bool:
        key = vocab.key_of_scan(low)
        if not key:
            return False
        near = fuzzy_keys[bisect_left(fuzzy_lengths, len(key) / 1.3):]  # forms the answer is at most 1.3x as long as
        if near and process.extractOne(key, near, scorer=fuzz.ratio, score_cutoff=ratio) is not None:
            return nearest_is_gold(key)
        for form in partial_keys:
            if len(key) > 1.3 * len(form):
                hit = fuzz.partial_ratio_alignment(form, key, score_cutoff=partial)
                if hit is not None and nearest_is_gold(key[hit.dest_start:hit.dest_end]):
                    return True
        return False

    route = table.kind == "places"
    memo: list[tuple[str | None, bool]] = [(None, False)]  # score_item often reads one text twice (answer, leak)

    def match(text: str) -> bool:
        seen, result = memo[0]
        if seen != text:
            result = decide(text)
            memo[0] = (text, result)
        return result

    def decide(text: str) -> bool:
        scan, low = vocab.scan_both(text)
        if len(low) != len(scan):  # a rare letter whose lower case is longer: read abbreviations on `low`
            scan = low
        # The whole answer is one form ("Type 2 diabetes", "T2DM", "沈阳"): what it names decides at once.
        if len(low) <= _WHOLE_MAX:
            whole = _WORD_JUNK.sub("", low)
            named = table.index.get(whole) or table.abbreviations.get(scan.strip()) or (
                extra.index.get(whole) if extra is not None else None)
            if named:
                return classify(named) == _STATED
        said, rival = [], False
        mentions = table.mentions(scan, low, extra)
        for m in mentions:
            cls = classify(m.concepts)
            if cls == _NEUTRAL:
                continue
            if _negated(low, m.start, m.end) or (route and _ROUTE_ORIGIN.match(low, m.end)):
                continue
            said.append((m.start, m.end, cls))
            rival |= cls == _RIVAL
        if said and not rival:  # the gold and nothing else: no hedge to look for
            return True
        if not said:
            # Only what no mention covers may hold a misspelt gold: "New York State" is the state, not a typo of
            # the city; "not type 2 diabetes" is a negated mention, not a near miss.
            if len(low) > _FUZZY_MAX_CHARS:  # a long reply is not one misspelt value
                return False
            if mentions:
                kept, at = [], 0
                for m in mentions:
                    kept.append(low[at:m.start])
                    at = m.end
                low = " ".join((*kept, low[at:]))
            return fuzzy(low)
        ends = [e.start() for e in _SENTENCE_END.finditer(low)]
        final = bisect_right(ends, said[-1][0])  # the last sentence naming the gold or a rival
        if not any(cls == _STATED and bisect_right(ends, start) == final for start, _, cls in said):
            return False
        # Runs of mentions joined as a list, within one sentence: a stated mention counts when its run has no rival.
        run_has_rival, run_has_gold = False, False
        for i, (start, _end, cls) in enumerate(said):
            if i:
                prev_end = said[i - 1][1]
                gap = low[prev_end:start]
                joined = (len(gap) <= _LIST_GAP_MAX and bisect_right(ends, said[i - 1][0]) == bisect_right(ends, start)
                          and _LIST_GAP.fullmatch(gap) is not None)
                if not joined:
                    if run_has_gold and not run_has_rival:
                        return True
                    run_has_rival = run_has_gold = False
            run_has_rival |= cls == _RIVAL
            run_has_gold |= cls == _STATED
        return run_has_gold and not run_has_rival

    return match


@lru_cache(maxsize=8)
def _choices(kind: str) -> list[str]:
    """Every form of a vocabulary long enough to compare fuzzily: what a typo is nearest to."""
    return sorted(k for k in vocab.vocabulary(kind).keys if len(k) >= _NEAREST_MIN_LEN)
