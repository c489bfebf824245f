"""Linking records across images (tasks 5, 7, 8 and 9) from what was read and the faces found.

Two records are linked the way an investigator would: the same face (most similar face crop), the same name
(compared letter by letter, a Chinese name also through its pinyin, since cards print both scripts), or the
same value of a field. Chains (task 7) follow the step questions: face -> the card with that face -> its
name -> the other record with that name -> the asked field. These are the expert rules of `ocr-rules`; the
plain `ocr` baseline links with `generic` instead.
"""

from __future__ import annotations

import datetime as dt
import re

from pypinyin import lazy_pinyin

from multipriv.baselines.ocr.doc import SAME_FACE, Doc, face_score, names_on
from multipriv.baselines.ocr.extract import find_value
from multipriv.baselines.ocr.fields import squash
from multipriv.baselines.ocr.lexicon import find_city
from multipriv.baselines.ocr.reason import age_on, condition_for, kind_score
from multipriv.baselines.ocr.values import read_date, same_value
from multipriv.baselines.question import Question, attribute_id

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


def same_record(a: Doc, b: Doc) -> bool:
    """Whether two records can be about one person: yes unless the birth dates, sexes or faces disagree
    (names are printed in too many forms to contradict anything on their own)."""
    ba, bb = find_value(a.page, "birth_date"), find_value(b.page, "birth_date")
    da, db = (read_date(ba.text) if ba else None), (read_date(bb.text) if bb else None)
    if da is not None and db is not None and da != db:
        return False
    ga, gb = _gender_of(a), _gender_of(b)
    if ga is not None and gb is not None and ga != gb:
        return False
    score = face_score(a, b)
    return score is None or score >= SAME_FACE


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


def parse_description(text: str) -> tuple[str | None, int | None, str] | None:
    """(sex, age, city) of a free-text description of a person ("a woman of 40 who lives in San Jose",
    "住在杭州的43岁男性"); None when it names none of them."""
    low = text.lower()
    sex = "F" if re.search(r"\bwoman\b|\bfemale\b|\blady\b|女", low) else (
        "M" if re.search(r"\bman\b|\bmale\b|\bgentleman\b|男", low) else None)
    age_m = re.search(r"(?<!\d)(\d{1,3})(?!\d)", text)
    age = int(age_m.group(1)) if age_m else None
    city = find_city(text)
    if sex is None and age is None and city is None:
        return None
    return sex, age, city[1] if city else ""


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


def fits(doc: Doc, sex: str | None, age: int | None, city: str, on: dt.date | None = None) -> float:
    """How well a record fits a description: sex, age on the stated date (any recent year when none is
    stated) and city of residence; each match counts +1, each contradiction -1."""
    score = 0.0
    g = _gender_of(doc)
    if g is not None and sex is not None:
        score += 1.0 if g == sex else -1.0
    born_found = find_value(doc.page, "birth_date")
    born = read_date(born_found.text) if born_found else None
    if born is not None and age is not None:
        if on is not None:
            score += 1.0 if age_on(born, on) == age else -1.0
        else:
            year = dt.date.today().year
            score += 1.0 if any(age_on(born, dt.date(y, 6, 30)) == age for y in range(year - 3, year + 2)) else -1.0
    here = find_city(doc.page.text)
    if city and here is not None:
        score += 1.0 if here[1] == city else -1.0
    return score


def best_fit(description: str, docs: list[Doc], on: dt.date | None = None) -> int | None:
    parsed = parse_description(description)
    if parsed is None or not docs:
        return None
    scores = [fits(d, *parsed, on=on) for d in docs]
    return max(range(len(docs)), key=lambda i: scores[i])


def best_description(doc: Doc, descriptions: list[str], on: dt.date | None = None) -> int | None:
    """Which of several descriptions fits one record best."""
    parsed = [parse_description(d) for d in descriptions]
    scores = [fits(doc, *p, on=on) if p else -9.0 for p in parsed]
    return max(range(len(scores)), key=lambda i: scores[i]) if scores and max(scores) > -9 else None


# ----------------------------------------------------------------------------------------------- task 7


def _record_of(docs: list[Doc], exclude: set[int], name: str | None, attr: str, record: str) -> tuple[int, str] | None:
    """The value of `attr` on the record (of the named kind, when given) that names the person; failing a
    name match, on the one record of that kind."""
    kind_docs = [i for i, d in enumerate(docs) if i not in exclude and (not record or
                 kind_score(d.page, 0, record) > 0)] or [i for i in range(len(docs)) if i not in exclude]
    named = [i for i in kind_docs if name and mentions(docs[i], name)]
    for i in named or (kind_docs if len(kind_docs) == 1 or not name else []):
        found = find_value(docs[i].page, attr)
        if found is not None:
            return i, found.text
    return None


def _by_face(docs: list[Doc], record: str = "") -> list[int]:
    """The other images, most similar face to image 1's first."""
    scored = [(face_score(docs[0], d) or -1.0, i) for i, d in enumerate(docs) if i > 0]
    if record:
        scored = [(s + (0.5 if kind_score(docs[i].page, 0, record) > 0 else 0.0), i) for s, i in scored]
    return [i for _, i in sorted(scored, reverse=True)]


def chain(q: Question, docs: list[Doc], lang: str) -> list[str]:
    """Answers to each step of a chain, "unknown" where a step could not be followed. Steps are recognised by
    what their template asks (by face, a name on a record, a value on a named person's record, a condition
    from a medication), so reworded templates keep working."""
    answers: list[str] = []
    name: str | None = None
    value: str | None = None
    evidence = "\n".join(d.page.text for d in docs)
    used: set[int] = {0}
    for step in q.steps:
        key, slots = step.key, step.slots
        answer: str | None = None
        attr = attribute_id(slots.get("attribute", "")) if slots.get("attribute") else None
        record = slots.get("record", "")
        if "infer" in key or "condition" in key:
            answer = condition_for(value, lang, evidence) if value else None
        elif "face" in key:
            for i in _by_face(docs, "social media post" if "post" in key else record):
                names = names_on(docs[i])
                if "post" in key or "mention" in key:
                    names = names[1:]
                if names:
                    answer = name = names[0]
                    used.add(i)
                    break
        elif attr and ("value" in key):
            hit = _record_of(docs, {0}, value, attr, record)
            answer = hit[1] if hit else None
        elif attr:
            hit = _record_of(docs, {0} if len(docs) > 1 else set(), name, attr, record)
            if hit is not None:
                used.add(hit[0])
                answer = hit[1]
        elif "name" in key or "mentioned" in key:
            source = docs[0].page if "record" in key or name is None else None
            found = find_value(source, "name") if source is not None else None
            if found is not None:
                answer = name = found.text
            elif name:
                for i, doc in enumerate(docs):
                    others = [n for n in names_on(doc) if not (name_keys(n) & name_keys(name))]
                    if i not in used and mentions(doc, name) and others:
                        answer = name = others[0]
                        used.add(i)
                        break
        value = answer or value
        answers.append(answer or "unknown")
    return answers
