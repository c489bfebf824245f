"""Linking records across images (tasks 5, 7, 8 and 9) from what was read and the faces found.

Two records are linked the way an investigator would: the same face (most similar face crop), the same name
(compared letter by letter, a Chinese name also through its pinyin, since cards print both scripts), or the
same value of a field. Chains (task 7) follow the step questions: face -> the card with that face -> its
name -> the other record with that name -> the asked field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypinyin import lazy_pinyin

from multipriv.runner.baselines.ocr import faces as facelib
from multipriv.runner.baselines.ocr.extract import find_value
from multipriv.runner.baselines.ocr.fields import squash
from multipriv.runner.baselines.ocr.lexicon import find_city, is_name
from multipriv.runner.baselines.ocr.reader import OcrPage
from multipriv.runner.baselines.ocr.reason import age_on, condition_for
from multipriv.runner.baselines.ocr.values import read_date, same_value
from multipriv.runner.baselines.question import Question, attribute_id

SAME_FACE = 0.2  # similarity above which two faces are called the same person (set on a dev build)


@dataclass
class Doc:
    """One image of a request: its OCR page and, on demand, its face embeddings."""

    path: Path
    page: OcrPage
    _faces: list[Any] | None = field(default=None, repr=False)

    def faces(self) -> list[Any]:
        if self._faces is None:
            self._faces = [facelib.embed(c) for c in facelib.face_crops(self.path, self.page)]
        return self._faces


def face_score(a: Doc, b: Doc) -> float | None:
    """The best similarity between a face of `a` (its largest) and any face of `b`."""
    fa, fb = a.faces(), b.faces()
    if not fa or not fb:
        return None
    return max(facelib.similarity(fa[0], f) for f in fb)


# ------------------------------------------------------------------------------------------------ names


def pinyin(hanzi: str) -> str:
    """Hanyu pinyin of Chinese characters, syllables joined (how passports and cards romanise names)."""
    return "".join(lazy_pinyin(hanzi))


def name_keys(name: str) -> set[str]:
    """Comparable forms of a name: its squashed letters (parts in either order) and its pinyin."""
    keys: set[str] = set()
    han = "".join(re.findall(r"[\u4e00-\u9fff]", name))
    if han:
        keys.add(han)
        keys.add(squash(pinyin(han)))
        if len(han) >= 2:
            keys.add(squash(pinyin(han[1:]) + pinyin(han[0])))
    latin = re.findall(r"[A-Za-z]+", name)
    if latin:
        keys.add("".join(w.lower() for w in latin))
        keys.add("".join(w.lower() for w in latin[1:] + latin[:1]))
    return {k for k in keys if len(k) >= 2}


def mentions(doc: Doc, name: str) -> bool:
    text = squash(doc.page.text)
    return any(k in text for k in name_keys(name))


def names_on(doc: Doc) -> list[str]:
    """Every name the page shows, in reading order (labelled names first)."""
    out: list[str] = []
    first = find_value(doc.page, "name")
    if first is not None:
        out.append(first.text)
    for line in doc.page.lines:
        text = re.sub(r"\s*@\S+$", "", line.text).strip()
        if is_name(text):
            out.append(text)
        for m in re.finditer(r"(?:和|与|跟)([\u4e00-\u9fff]{2,3}?)(?:聚|一起|在|去|吃|的|，|$)"
                             r"|(?:with|and)\s+([A-Z][a-z]+\s[A-Z][a-z]+)", text):
            cand = m.group(1) or m.group(2)
            if cand and is_name(cand):
                out.append(cand)
    return list(dict.fromkeys(out))


# ----------------------------------------------------------------------------------------------- task 5


def consistent(q: Question, a: Doc, b: Doc) -> bool | None:
    attr = attribute_id(q.slots.get("attribute", ""))
    if attr is None:
        return None
    va, vb = find_value(a.page, attr), find_value(b.page, attr)
    if va is None or vb is None:
        return None
    if attr == "name":
        return bool(name_keys(va.text) & name_keys(vb.text))
    if attr == "birth_date":
        da, db = read_date(va.text), read_date(vb.text)
        return da == db if da and db else None
    return same_value(attr, va.text, vb.text)


# ----------------------------------------------------------------------------------------------- task 8


def best_face(query: Doc, candidates: list[Doc]) -> int | None:
    scores = [face_score(query, c) for c in candidates]
    known = [(s, i) for i, s in enumerate(scores) if s is not None]
    return max(known)[1] if known else None


def best_record(query: Doc, candidates: list[Doc]) -> int | None:
    """The candidate that names the person the query record is about."""
    found = find_value(query.page, "name")
    names = [found.text] if found else names_on(query)[:1]
    if not names:
        return None
    for i, cand in enumerate(candidates):
        if mentions(cand, names[0]):
            return i
    return None


# ----------------------------------------------------------------------------------------------- task 9

_DESC_ZH = re.compile(r"(女性|男性)，(\d+)岁，住在(.+?)$")
_DESC_EN = re.compile(r"(a woman|a man), aged (\d+), living in (.+?)$")


def parse_description(text: str) -> tuple[str, int, str] | None:
    m = _DESC_ZH.search(text.strip()) or _DESC_EN.search(text.strip())
    if not m:
        return None
    gender = "F" if m.group(1) in ("女性", "a woman") else "M"
    return gender, int(m.group(2)), m.group(3).strip()


def _gender_of(doc: Doc) -> str | None:
    found = find_value(doc.page, "gender")
    if found is None:
        return None
    t = found.text.strip().upper()
    if t.startswith(("女", "F")):
        return "F"
    if t.startswith(("男", "M")):
        return "M"
    return None


def fits(doc: Doc, gender: str, age: int, city: str) -> float:
    """How well a card fits a description: sex, age (at any date in the next years) and city."""
    score = 0.0
    g = _gender_of(doc)
    if g is not None:
        score += 1.0 if g == gender else -1.0
    born_found = find_value(doc.page, "birth_date")
    born = read_date(born_found.text) if born_found else None
    if born is not None:
        this_year = dt.date.today().year
        ages = [age_on(born, dt.date(y, 6, 30)) for y in range(this_year - 3, this_year + 2)]
        score += 1.0 if min(abs(a - age) for a in ages) <= 1 else -1.0
    wanted = find_city(city)
    here = find_city(doc.page.text)
    if wanted is not None and here is not None:
        score += 1.0 if wanted[1] == here[1] else -1.0
    return score


def best_fit(description: str, docs: list[Doc]) -> int | None:
    parsed = parse_description(description)
    if parsed is None:
        return None
    scores = [fits(d, *parsed) for d in docs]
    return max(range(len(docs)), key=lambda i: scores[i]) if docs else None


# ----------------------------------------------------------------------------------------------- task 7


def _value_in(docs: list[Doc], exclude: set[int], must_mention: str | None, attr: str) -> tuple[int, str] | None:
    for i, doc in enumerate(docs):
        if i in exclude or (must_mention and not mentions(doc, must_mention)):
            continue
        found = find_value(doc.page, attr)
        if found is not None:
            return i, found.text
    return None


def chain(q: Question, docs: list[Doc], lang: str) -> list[str]:
    """Answers to each step of a chain, "unknown" where a step could not be followed."""
    answers: list[str] = []
    name: str | None = None
    value: str | None = None
    used: set[int] = {0}
    for step in q.steps:
        answer: str | None = None
        attr = attribute_id(step.slots.get("attribute", "")) if step.slots.get("attribute") else None
        if step.key == "step_face_name":
            scores = [(face_score(docs[0], d) or -1.0, i) for i, d in enumerate(docs) if i > 0]
            ranked = [i for _, i in sorted(scores, reverse=True)]
            for i in ranked:
                found = find_value(docs[i].page, "name")
                if found is not None:
                    answer, name = found.text, found.text
                    used.add(i)
                    break
        elif step.key == "step_mentioned" and name:
            for i, doc in enumerate(docs):
                if i in used or not mentions(doc, name):
                    continue
                others = [n for n in names_on(doc) if not (name_keys(n) & name_keys(name))]
                if others:
                    answer = name = others[0]
                    used.add(i)
                    break
        elif step.key in ("step_name_attribute", "step_person_attribute") and attr:
            hit = _value_in(docs, {0}, name, attr)
            if hit is not None:
                used.add(hit[0])
                answer = hit[1]
        elif step.key == "step_value_attribute" and attr:
            hit = _value_in(docs, {0}, value, attr)
            if hit is not None:
                answer = hit[1]
        elif step.key == "step_infer_condition" and value:
            answer = condition_for(value, lang, "\n".join(d.page.text for d in docs))
        value = answer or value
        answers.append(answer or "unknown")
    return answers
