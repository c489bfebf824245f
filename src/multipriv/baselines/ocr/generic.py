"""Reasoning the way any reading pipeline can: string similarity, digit matching and a face matcher.

The plain `ocr` baseline answers the reasoning tasks (5 to 9) with operations that know nothing of any kind
of question: exact and fuzzy similarity (rapidfuzz) between the lines read on the images and the texts of the
question and its options; matching digit sequences (a masked "**** 5896" ends like "4921 0000 1234 5896");
the face detector and descriptor of `faces`; and the perception extractor (`extract.find_value`) to read an
attribute a question names. It decodes no identifier, does no date, age or money arithmetic, has no medical,
geographic, airport or plate tables and knows no name forms beyond what fuzzy matching finds: where the
answer is not printed it replies with the printed value most like what is asked, or a format-correct guess.
What it scores on the hard tiers is what reading buys; `ocr-rules` (`expert`) adds hand-written rules.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from multipriv.baselines.answers import format_steps
from multipriv.baselines.ocr.doc import SAME_FACE, Doc, face_score, names_on
from multipriv.baselines.ocr.extract import find_value
from multipriv.baselines.ocr.fields import DATE, MONEY, looks_like_label
from multipriv.baselines.ocr.replies import choice, option_texts, yesno
from multipriv.baselines.ocr.values import fold
from multipriv.baselines.question import Question, attribute_id, strip_format
from multipriv.baselines.random_baseline import random_answer
from multipriv.tasks.schema import AnswerType, Item

TOKEN_MATCH = 85  # rapidfuzz ratio at which two words count as the same word (OCR drops and swaps letters)
SAME_TEXT = 0.8  # share of a string found in another above which the two are taken to name the same thing

# ------------------------------------------------------------------------------------- string primitives


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[str, ...]:
    """Folded words without digits; a run of CJK characters is one word."""
    return tuple(w for w in fold(text).split() if not w.isdigit())


@lru_cache(maxsize=1 << 16)
def digit_runs(text: str) -> frozenset[str]:
    """Digit sequences of four or more, digit groups joined across single spaces, dashes, dots and slashes
    ("(858) 555-0159" -> 8585550159; "**** 5896" -> 5896)."""
    joined = re.sub(r"(?<=\d)[\s\-./)]{1,2}(?=[\d(])|(?<=\d)\s?\(", "", text).replace("(", "")
    return frozenset(r for r in re.findall(r"\d+", joined) if len(r) >= 4)


def digits_match(a: str, b: str) -> int:
    """How many digit sequences of `a` appear in `b` (one inside the other, as a masked number's tail)."""
    runs_b = digit_runs(b)
    return sum(any(x in y or y in x for y in runs_b) for x in digit_runs(a))


def found_in(needle: str, text: str) -> float:
    """How much of `needle` is found in `text`, in [0, 1]: the share of its words (by length) that have a
    fuzzy match among the words of `text`; a CJK string by its best fuzzy substring match."""
    words = _words(needle)
    if not words:
        return 0.0
    hay = _words(text)
    if not hay:
        return 0.0
    if len(words) == 1 and not words[0].isascii():
        return fuzz.partial_ratio(words[0], " ".join(hay)) / 100 if len(words[0]) >= 2 else 0.0
    total = sum(len(w) for w in words)
    hit = sum(len(w) for w in words if any(fuzz.ratio(w, h) >= TOKEN_MATCH for h in hay))
    return hit / total


def similarity(a: str, b: str) -> float:
    """Symmetric fuzzy similarity of two strings, word order ignored, in [0, 1]."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    return max(fuzz.ratio(fa, fb), fuzz.token_sort_ratio(fa, fb)) / 100


def value_lines(doc: Doc) -> list[str]:
    """The lines of a page that hold more than labels."""
    return [ln.text for ln in doc.page.lines if not looks_like_label(ln.text)]


def overlap(query: Sequence[str], doc: Doc) -> float:
    """How much of the strings `query` a page prints: each string's share found in the page (when most of it
    is), plus one for each digit sequence the two share."""
    text = doc.page.text
    words = sum(s for s in (found_in(q, text) for q in query) if s >= SAME_TEXT)
    return words + sum(digits_match(q, text) for q in query)


def _best(scores: Sequence[float], rng: random.Random) -> int | None:
    """The index of the highest score (a uniform pick among ties), None when nothing scored."""
    if not scores or max(scores) <= 0:
        return None
    top = max(scores)
    return rng.choice([i for i, s in enumerate(scores) if s >= top - 1e-9])


def _the_name(doc: Doc) -> str | None:
    found = find_value(doc.page, "name")
    return found.text if found is not None else None


# ---------------------------------------------------------------------------------------------- replies

_STEP = re.compile(r"^\s*(?:Step\s*\d+|第\d+步)\s*[:：]\s*(.+)$")


def answer_reasoning(q: Question, item: Item, docs: list[Doc], rng: random.Random) -> str:
    """The generic reader's reply to a task 5 to 9 question."""
    if q.section == "task5" and len(docs) >= 2:
        return yesno(_same(q, docs[0], docs[1]), item, rng)
    if q.section == "task6":
        question = strip_format(item.prompt, item.lang)
        return printed_value(question, docs[0]) or format_guess(question, item, rng)
    if q.section == "task7":
        steps = chain(q, docs, rng, step_texts(item.prompt))
        return format_steps(steps, steps[-1] if steps else "unknown", item.lang)
    if q.section == "task8" and len(docs) >= 2:
        if item.answer_type is AnswerType.YESNO:
            return yesno(_same_face(docs[0], docs[1]), item, rng)
        if "record" in q.key:
            query = _query_strings(docs[0])
            return choice(_best([overlap(query, d) for d in docs[1:]], rng), item, rng)
        return choice(_best([face_score(docs[0], d) or 0.0 for d in docs[1:]], rng), item, rng)
    if q.section == "task9":
        return _task9(q, item, docs, rng)
    return random_answer(item, rng)


def step_texts(prompt: str) -> list[str]:
    """The questions of a chain's steps, as printed ("Step 2: ...")."""
    return [m.group(1) for m in map(_STEP.match, prompt.splitlines()) if m]


def _same_face(a: Doc, b: Doc) -> bool | None:
    score = face_score(a, b)
    return None if score is None else score >= SAME_FACE


def _same(q: Question, a: Doc, b: Doc) -> bool | None:
    """Task 5: the same face; the same value of an attribute (digits, else fuzzy text); or records that
    print the same name (fuzzy) and, where both show a face, a similar face."""
    if q.key == "same_person":
        return _same_face(a, b)
    attr = attribute_id(q.slots.get("attribute", "")) if q.slots.get("attribute") else None
    if attr is not None:
        va, vb = find_value(a.page, attr), find_value(b.page, attr)
        if va is None or vb is None:
            return None
        ra, rb = digit_runs(va.text), digit_runs(vb.text)
        if ra or rb:
            return sorted(re.findall(r"\d+", va.text)) == sorted(re.findall(r"\d+", vb.text)) or ra == rb
        return similarity(va.text, vb.text) >= SAME_TEXT
    na, nb = _the_name(a), _the_name(b)
    if na is None or nb is None:
        return None
    same_name = max(similarity(na, nb), found_in(na, nb), found_in(nb, na)) >= SAME_TEXT
    face = _same_face(a, b)
    return same_name and face is not False


def _query_strings(doc: Doc) -> list[str]:
    """What a record says about its person: its name(s) and every line that is not only labels."""
    return list(dict.fromkeys([*names_on(doc)[:1], *value_lines(doc)]))


# --------------------------------------------------------------------------------------------- task 6


_KINDS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    ("date", re.compile(r"\bdate\b|YYYY|日期|年月日", re.IGNORECASE), re.compile(DATE, re.IGNORECASE)),
    ("amount", re.compile(r"amount|income|salary|\bpay\b|金额|收入|工资", re.IGNORECASE), re.compile(MONEY)),
    ("number", re.compile(r"how old|how many|number of|whole number|多少|几岁|整数", re.IGNORECASE),
     re.compile(r"(?<![\d.,/:-])\d{2,3}(?![\d.,/:-])")),
)


def format_guess(question: str, item: Item, rng: random.Random) -> str:
    """A format-correct guess: a two-digit number where a number is asked, else a random token."""
    kind = next((name for name, cue, _ in _KINDS if cue.search(question)), None)
    return str(rng.randint(10, 99)) if kind == "number" else random_answer(item, rng)


def printed_value(question: str, doc: Doc) -> str | None:
    """The printed value that best fits what is asked: of the kind the question's words ask for (a date, an
    amount, a number, else any text), on the line most like the question. Never computed: a value that is
    not printed cannot be given."""
    pattern = next((p for _, cue, p in _KINDS if cue.search(question)), None)
    best: tuple[float, str] | None = None
    for line in value_lines(doc):
        if pattern is not None:
            values = [m.group().strip() for m in pattern.finditer(line)]
        else:
            values = [re.split(r"[:：]\s*", line, maxsplit=1)[-1].strip()]
        score = found_in(line, question) + similarity(line, question)
        for value in values:
            if value and (best is None or score > best[0]):
                best = (score, value)
    return best[1] if best else None


# --------------------------------------------------------------------------------------------- task 7


def _record_score(doc: Doc, name: str | None, query: Sequence[str], record: str) -> float:
    """How well a page fits a chain step: it prints the name (or what the previous record printed), and
    its text is like the record asked for (a "medical report" heads a report)."""
    text = doc.page.text
    person = found_in(name, text) if name else overlap(query, doc) / max(1, len(query))
    kind = max((fuzz.partial_ratio(fold(record), fold(ln)) / 100 for ln in value_lines(doc)), default=0.0)
    return person + 0.25 * kind if record else person


def chain(q: Question, docs: list[Doc], rng: random.Random, texts: Sequence[str] = ()) -> list[str]:
    """A chain step by step: a face step takes the page whose face is most like image 1's and reads the
    name on it (or, for "who else", the next name); a record step takes the unused page that best prints
    the current name (or image 1's strings) and reads the asked attribute; any other step answers with the
    line of the current page most like the step's question."""
    answers: list[str] = []
    name: str | None = None
    current: int | None = None
    used: set[int] = {0}
    for n, step in enumerate(q.steps):
        answer: str | None = None
        attr = attribute_id(step.slots.get("attribute", "")) if step.slots.get("attribute") else None
        if "face" in step.key:
            ranked = sorted(range(1, len(docs)), key=lambda i: -(face_score(docs[0], docs[i]) or -1.0))
            for i in ranked:
                names = names_on(docs[i])
                if "post" in step.key:
                    names = names[1:]
                if names:
                    answer = name = names[0]
                    current = i
                    used.add(i)
                    break
        elif attr is not None:
            query = [] if name else _query_strings(docs[0])
            pool = [i for i in range(1, len(docs)) if i not in used and find_value(docs[i].page, attr)]
            pick = _best([_record_score(docs[i], name, query, step.slots.get("record", "")) for i in pool], rng)
            if pick is not None:
                current = pool[pick]
                used.add(current)
                found = find_value(docs[current].page, attr)
                answer = found.text if found is not None else None
                if name is None:
                    name = _the_name(docs[current])
        elif current is not None:
            asked = texts[n] if n < len(texts) else " ".join(step.slots.values())
            answer = printed_value(asked, docs[current])
        answers.append(answer or "unknown")
    return answers


# --------------------------------------------------------------------------------------------- task 9


def _fit(description: str, doc: Doc) -> float:
    """How much of a description a page prints (its words, fuzzily, and its numbers)."""
    return found_in(description, doc.page.text) + digits_match(description, doc.page.text)


def _task9(q: Question, item: Item, docs: list[Doc], rng: random.Random) -> str:
    """Image -> description: the option most found on the image; description -> image: the image printing
    most of the description (for a value, among the images where the asked attribute is read)."""
    if "description" not in q.slots:
        options = option_texts(q)
        return choice(_best([_fit(o, docs[0]) for o in options], rng), item, rng)
    description = q.slots["description"]
    if item.answer_type is AnswerType.CHOICE:
        return choice(_best([_fit(description, d) for d in docs], rng), item, rng)
    attr = attribute_id(q.slots.get("attribute", "")) or "name"
    values = [(d, found) for d in docs if (found := find_value(d.page, attr)) is not None]
    index = _best([_fit(description, d) for d, _ in values], rng)
    if index is None and values:
        index = rng.randrange(len(values))  # nothing of the description is printed: any card with the value
    return values[index][1].text if index is not None else random_answer(item, rng)
