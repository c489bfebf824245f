"""`ocr`: a non-VLM pipeline — RapidOCR reads each image once, then rules answer every task.

It is the floor a vision-language model should clear with ease, and a measure of how much of the benchmark a
plain OCR-and-rules attacker already gets. It never reads gold answers or annotations: only the item's prompt
(parsed back into its template), answer type, options and menu, and the pixels. When the rules cannot decide
it still answers with a guess, as a model would, and the scorer counts it.

Parameters (`ModelSpec.params`): `cache_dir` (default `<dataset root>/.ocr_cache`), `workers` (OCR threads,
default one per core).
"""

from __future__ import annotations

import asyncio
import random
import re
from pathlib import Path

from multipriv.runner.base import ModelSpec, Reply, Request, provider
from multipriv.runner.baselines.answers import format_box, format_set, format_steps, format_yesno, request_rng
from multipriv.runner.baselines.ocr import link
from multipriv.runner.baselines.ocr.detect import Rules, detect
from multipriv.runner.baselines.ocr.extract import find_value
from multipriv.runner.baselines.ocr.reader import OcrReader
from multipriv.runner.baselines.ocr.reason import document_kind, dominant_colour, kind_score, single_step
from multipriv.runner.baselines.ocr.values import read_date
from multipriv.runner.baselines.question import Question, attribute_id, parse_question
from multipriv.runner.baselines.random_baseline import random_answer
from multipriv.tasks.schema import AnswerType, Item

_LETTERS = "ABCDEFGHIJ"


def _dataset_root(images: tuple[Path, ...]) -> Path | None:
    """The folder holding `images/`, where the cache lives by default."""
    for path in images:
        for parent in path.parents:
            if parent.name == "images":
                return parent.parent
    return None


@provider("ocr")
class OcrBaseline:
    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec
        cache = spec.params.get("cache_dir")
        self._cache_dir = Path(cache) if cache else None
        self._workers = spec.params.get("workers")
        self._reader: OcrReader | None = None
        self._docs: dict[Path, link.Doc] = {}

    def _get_reader(self, images: tuple[Path, ...]) -> OcrReader:
        if self._reader is None:
            cache = self._cache_dir
            if cache is None:
                root = _dataset_root(images)
                cache = root / ".ocr_cache" if root is not None else None
            self._reader = OcrReader(cache, int(self._workers) if self._workers is not None else None)
        return self._reader

    async def _load(self, images: tuple[Path, ...]) -> list[link.Doc]:
        reader = self._get_reader(images)
        pages = await reader.read_all(images)
        docs = []
        for path, page in zip(images, pages, strict=True):
            doc = self._docs.get(path)
            if doc is None or doc.page is not page:
                doc = self._docs[path] = link.Doc(path, page)
            docs.append(doc)
        return docs

    async def complete(self, request: Request) -> Reply:
        item = request.item
        docs = await self._load(request.images)
        rng = request_rng(request, "ocr")
        # Face detection and the rules are CPU work on numpy: off the event loop.
        text = await asyncio.to_thread(answer, item, docs, rng)
        return Reply(text=text)

    async def aclose(self) -> None:
        if self._reader is not None:
            self._reader.close()


def _choice(index: int | None, item: Item, rng: random.Random) -> str:
    n = max(1, len(item.options))
    return _LETTERS[index] if index is not None and 0 <= index < n else rng.choice(_LETTERS[:n])


def _yesno(value: bool | None, item: Item, rng: random.Random) -> str:
    return format_yesno(value if value is not None else rng.random() < 0.5, item.lang)


def answer(item: Item, docs: list[link.Doc], rng: random.Random) -> str:
    """The pipeline's reply to one item; a format-correct guess where the rules cannot decide. Questions
    change with the templates: a rule that meets a question it was not written for (a missing slot, an
    unexpected number of images) answers with the guess rather than failing the item."""
    try:
        return _answer(item, docs, rng)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError):
        return random_answer(item, rng)


def _answer(item: Item, docs: list[link.Doc], rng: random.Random) -> str:
    q = parse_question(item.prompt, item.lang)
    if q is None or not docs:
        return random_answer(item, rng)
    lang = item.lang
    page = docs[0].page
    if q.section in ("task1", "task2"):
        faces = len(docs[0].faces()) if {"face", "gender"} & set(item.menu) else 0
        return format_set(detect(page, item.menu, faces, Rules.of(item.prompt)), item)
    if q.section == "task3":
        attr = attribute_id(q.slots.get("attribute", ""))
        found = find_value(page, attr) if attr else None
        return found.text if found else random_answer(item, rng)
    if q.section == "task4":
        attr = attribute_id(q.slots.get("attribute", ""))
        found = find_value(page, attr) if attr else None
        if found is None:
            return random_answer(item, rng)
        x0, y0, x1, y1 = found.box
        return format_box((x0 * 1000 / page.width, y0 * 1000 / page.height,
                           x1 * 1000 / page.width, y1 * 1000 / page.height))
    if q.section == "controls":
        return _control(q, item, docs, rng)
    if q.section == "task5" and len(docs) >= 2:
        if q.key == "same_person":
            score = link.face_score(docs[0], docs[1])
            return _yesno(None if score is None else score >= link.SAME_FACE, item, rng)
        if "attribute" not in q.slots:
            return _yesno(link.same_record(docs[0], docs[1]), item, rng)
        return _yesno(link.consistent(q, docs[0], docs[1]), item, rng)
    if q.section == "task6":
        return single_step(q, page, lang) or random_answer(item, rng)
    if q.section == "task7":
        steps = link.chain(q, docs, lang)
        return format_steps(steps, steps[-1] if steps else "unknown", lang)
    if q.section == "task8" and len(docs) >= 2:
        if item.answer_type is AnswerType.YESNO:
            score = link.face_score(docs[0], docs[1])
            return _yesno(None if score is None else score >= link.SAME_FACE, item, rng)
        finder = link.best_record if "record" in q.key else link.best_face
        return _choice(finder(docs[0], docs[1:]), item, rng)
    if q.section == "task9":
        return _task9(q, item, docs, rng)
    return random_answer(item, rng)


_OPTION = re.compile(r"^[(（]([A-J])[)）]\s*(.+)$")


def _option_texts(q: Question) -> list[str]:
    """The texts of a question's "(A) ..." options, in order."""
    return [m.group(2) for m in map(_OPTION.match, q.slots.get("options", "").splitlines()) if m]


def _task9(q: Question, item: Item, docs: list[link.Doc], rng: random.Random) -> str:
    """Description -> image (a letter), description -> a value of that person, or image -> description."""
    on = read_date(q.slots.get("date", ""))
    if item.answer_type is AnswerType.CHOICE and "description" not in q.slots:
        return _choice(link.best_description(docs[0], _option_texts(q), on), item, rng)
    index = link.best_fit(q.slots.get("description", ""), docs, on)
    if item.answer_type is AnswerType.CHOICE:
        return _choice(index, item, rng)
    attr = attribute_id(q.slots.get("attribute", "")) or "name"
    found = find_value(docs[index].page, attr) if index is not None else None
    return found.text if found is not None else random_answer(item, rng)


def _control(q: Question, item: Item, docs: list[link.Doc], rng: random.Random) -> str:
    if "kind" in q.slots and len(docs) > 1 and item.answer_type is AnswerType.CHOICE:
        scores = [kind_score(d.page, len(d.faces()), q.slots["kind"]) for d in docs]
        return _choice(max(range(len(docs)), key=lambda i: scores[i]) if max(scores) > 0 else None, item, rng)
    if q.key == "people":
        return str(max(1, len(docs[0].faces())))
    if item.answer_type is not AnswerType.CHOICE:
        return random_answer(item, rng)
    if q.key == "colour":
        return _choice(dominant_colour(docs[0].path, item.options), item, rng)
    return _choice(document_kind(docs[0].page, len(docs[0].faces()), item.options), item, rng)
