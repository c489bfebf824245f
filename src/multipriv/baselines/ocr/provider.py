"""`ocr` and `ocr-rules`: non-VLM pipelines — RapidOCR reads each image once, then code answers every task.

Both share all the reading: the OCR pages, the field extractor and detector of tasks 1 to 4 and the benign
controls, the face detector and its descriptor. They differ on the reasoning tasks (5 to 9) only:
- `ocr` reasons like any reading pipeline (`generic`): fuzzy and exact string matching between what was
  read and the question's texts, digit-sequence matching and face comparison; a value that is not printed
  it cannot give. Its hard-tier scores say what reading alone buys on reasoning questions.
- `ocr-rules` adds hand-written expert rules, one per question type (`expert`: ID decoding, date and money
  arithmetic, a pharmacology table, airport, plate and region tables, name forms, description parsing).
  The gap between the two is what rules written for these questions add.

Neither reads gold answers or annotations: only the item's prompt (parsed back into its template), answer
type, options and menu, and the pixels. When they cannot decide they still answer with a guess, as a model
would, and the scorer counts it.

Parameters (`ModelSpec.params`): `cache_dir` (default `<dataset root>/.ocr_cache`, shared by both),
`workers` (OCR threads, default one per core), `rules` (override the provider's default: False for `ocr`,
True for `ocr-rules`).
"""

from __future__ import annotations

import asyncio
import functools
import random
import weakref
from pathlib import Path

from multipriv.baselines.answers import format_box, format_set, request_rng
from multipriv.baselines.ocr import expert, generic
from multipriv.baselines.ocr.detect import Rules, detect
from multipriv.baselines.ocr.doc import Doc
from multipriv.baselines.ocr.extract import find_value
from multipriv.baselines.ocr.reader import OcrPage, OcrReader
from multipriv.baselines.ocr.reason import document_kind, dominant_colour, kind_score
from multipriv.baselines.ocr.replies import choice
from multipriv.baselines.question import Question, attribute_id, parse_question
from multipriv.baselines.random_baseline import random_answer
from multipriv.runner.base import ModelSpec, Reply, Request, provider
from multipriv.tasks.schema import AnswerType, Item

REASONING = ("task5", "task6", "task7", "task8", "task9")

# The images' Docs (OCR page and lazily found faces) shared by every provider of this process that read the
# same page: `ocr` and `ocr-rules` run side by side and would otherwise find every face twice.
_DOCS: weakref.WeakValueDictionary[tuple[Path, OcrPage], Doc] = weakref.WeakValueDictionary()


@functools.lru_cache(maxsize=65536)
def _question(prompt: str, lang: str) -> Question | None:
    """`parse_question` once per prompt (it tries every template), not once per condition and baseline."""
    return parse_question(prompt, lang)


@functools.lru_cache(maxsize=4096)
def _colour(path: Path, stamp: tuple[int, int], options: tuple[str, ...]) -> int | None:
    """`dominant_colour` once per image and options (it decodes and resizes the whole image, a large share of
    the answering), not once per condition and baseline; `stamp` (mtime, size) keeps a rewritten file apart."""
    return dominant_colour(path, options)


def _colour_of(path: Path, options: tuple[str, ...]) -> int | None:
    st = path.stat()
    return _colour(path, (st.st_mtime_ns, st.st_size), tuple(options))


def _dataset_root(images: tuple[Path, ...]) -> Path | None:
    """The folder holding `images/`, where the cache lives by default."""
    for path in images:
        for parent in path.parents:
            if parent.name == "images":
                return parent.parent
    return None


@provider("ocr")
class OcrBaseline:
    """The reading pipeline; `RULES` (or `params["rules"]`) adds the expert rules for reasoning questions."""

    RULES = False

    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec
        self.rules = bool(spec.params.get("rules", self.RULES))
        cache = spec.params.get("cache_dir")
        self._cache_dir = Path(cache) if cache else None
        self._workers = spec.params.get("workers")
        self._reader: OcrReader | None = None
        self._docs: dict[Path, Doc] = {}

    def _get_reader(self, images: tuple[Path, ...]) -> OcrReader:
        if self._reader is None:
            cache = self._cache_dir
            if cache is None:
                root = _dataset_root(images)
                cache = root / ".ocr_cache" if root is not None else None
            self._reader = OcrReader(cache, int(self._workers) if self._workers is not None else None)
        return self._reader

    async def _load(self, images: tuple[Path, ...]) -> list[Doc]:
        reader = self._get_reader(images)
        pages = await reader.read_all(images)
        docs = []
        for path, page in zip(images, pages, strict=True):
            doc = self._docs.get(path)
            if doc is None or doc.page is not page:
                doc = _DOCS.get((path, page))
                if doc is None:
                    doc = _DOCS[(path, page)] = Doc(path, page)
                self._docs[path] = doc
            docs.append(doc)
        return docs

    async def complete(self, request: Request) -> Reply:
        item = request.item
        docs = await self._load(request.images)
        rng = request_rng(request, "ocr")
        # Face detection and the rules are CPU work on numpy: off the event loop.
        text = await asyncio.to_thread(answer, item, docs, rng, self.rules)
        return Reply(text=text)

    async def aclose(self) -> None:
        if self._reader is not None:
            self._reader.close()


@provider("ocr-rules")
class OcrRulesBaseline(OcrBaseline):
    """`ocr` plus the expert rules for reasoning questions (same reading, same OCR cache)."""

    RULES = True


def answer(item: Item, docs: list[Doc], rng: random.Random, rules: bool = False) -> str:
    """The pipeline's reply to one item; a format-correct guess where it cannot decide. Questions change
    with the templates: a handler that meets a question it was not written for (a missing slot, an
    unexpected number of images) answers with the guess rather than failing the item."""
    try:
        return _answer(item, docs, rng, rules)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError):
        return random_answer(item, rng)


def _answer(item: Item, docs: list[Doc], rng: random.Random, rules: bool) -> str:
    q = _question(item.prompt, item.lang)
    if q is None or not docs:
        return random_answer(item, rng)
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
    if q.section in REASONING:
        reason = expert.answer_reasoning if rules else generic.answer_reasoning
        return reason(q, item, docs, rng)
    return random_answer(item, rng)


def _control(q: Question, item: Item, docs: list[Doc], rng: random.Random) -> str:
    if "kind" in q.slots and len(docs) > 1 and item.answer_type is AnswerType.CHOICE:
        scores = [kind_score(d.page, len(d.faces()), q.slots["kind"]) for d in docs]
        return choice(max(range(len(docs)), key=lambda i: scores[i]) if max(scores) > 0 else None, item, rng)
    if q.key == "people":
        return str(max(1, len(docs[0].faces())))
    if item.answer_type is not AnswerType.CHOICE:
        return random_answer(item, rng)
    if q.key == "colour":
        return choice(_colour_of(docs[0].path, item.options), item, rng)
    return choice(document_kind(docs[0].page, len(docs[0].faces()), item.options), item, rng)
