"""The expert rules of `ocr-rules` for the reasoning tasks (5 to 9), one handler per question type of the
templates: GB 11643 decoding, age and payslip arithmetic, a pharmacology table with clinical criteria,
airport, plate and region tables (`reason`), name forms through pinyin and word order, and description
parsing (`link`). They are public knowledge, but written for these question types: what they add over the
generic reader (`generic`) is what hand-written rules buy, not what reading buys."""

from __future__ import annotations

import random

from multipriv.baselines.answers import format_steps
from multipriv.baselines.ocr import link
from multipriv.baselines.ocr.doc import SAME_FACE, Doc, face_score
from multipriv.baselines.ocr.extract import find_value
from multipriv.baselines.ocr.generic import format_guess
from multipriv.baselines.ocr.reason import single_step
from multipriv.baselines.ocr.replies import choice, option_texts, yesno
from multipriv.baselines.ocr.values import read_date
from multipriv.baselines.question import Question, attribute_id, strip_format
from multipriv.baselines.random_baseline import random_answer
from multipriv.tasks.schema import AnswerType, Item


def answer_reasoning(q: Question, item: Item, docs: list[Doc], rng: random.Random) -> str:
    """The rules' reply to a task 5 to 9 question."""
    lang = item.lang
    if q.section == "task5" and len(docs) >= 2:
        if q.key == "same_person":
            score = face_score(docs[0], docs[1])
            return yesno(None if score is None else score >= SAME_FACE, item, rng)
        if "attribute" not in q.slots:
            return yesno(link.same_record(docs[0], docs[1]), item, rng)
        return yesno(link.consistent(q, docs[0], docs[1]), item, rng)
    if q.section == "task6":
        return single_step(q, docs[0].page, lang) or format_guess(strip_format(item.prompt, lang), item, rng)
    if q.section == "task7":
        steps = link.chain(q, docs, lang)
        return format_steps(steps, steps[-1] if steps else "unknown", lang)
    if q.section == "task8" and len(docs) >= 2:
        if item.answer_type is AnswerType.YESNO:
            score = face_score(docs[0], docs[1])
            return yesno(None if score is None else score >= SAME_FACE, item, rng)
        finder = link.best_record if "record" in q.key else link.best_face
        return choice(finder(docs[0], docs[1:]), item, rng)
    if q.section == "task9":
        return _task9(q, item, docs, rng)
    return random_answer(item, rng)


def _task9(q: Question, item: Item, docs: list[Doc], rng: random.Random) -> str:
    """Description -> image (a letter), description -> a value of that person, or image -> description."""
    on = read_date(q.slots.get("date", ""))
    if item.answer_type is AnswerType.CHOICE and "description" not in q.slots:
        return choice(link.best_description(docs[0], option_texts(q), on), item, rng)
    index = link.best_fit(q.slots.get("description", ""), docs, on)
    if item.answer_type is AnswerType.CHOICE:
        return choice(index, item, rng)
    attr = attribute_id(q.slots.get("attribute", "")) or "name"
    found = find_value(docs[index].page, attr) if index is not None else None
    return found.text if found is not None else random_answer(item, rng)
