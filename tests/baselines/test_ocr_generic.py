"""The two OCR baselines: `ocr` (reading plus generic matching) and `ocr-rules` (plus the expert rules). They
share all the reading; on reasoning questions `ocr` must never reach the rules written for our question
types, and both must answer every item in a form the scorer reads.

OCR itself is replaced here by a perfect reader (each image's printed text, from the build's annotations,
which only this test opens), so the reasoning code runs on realistic pages in a fraction of a second."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import multipriv.baselines  # noqa: F401  (registers the providers)
from multipriv.baselines.ocr import codes, doc, generic, geo, link, pharma, reason
from multipriv.baselines.ocr import reader as reader_mod
from multipriv.baselines.ocr.provider import OcrBaseline, OcrRulesBaseline
from multipriv.baselines.ocr.reader import OcrLine, OcrPage, _reading_order
from multipriv.baselines.question import parse_question
from multipriv.runner.base import PROVIDERS, ModelSpec, Request
from multipriv.score.record import ScoreRecord, score_item
from multipriv.tasks.schema import Item

_PACKAGE = "multipriv.baselines.ocr"
# The expert rules' entry points: identifier decoding, arithmetic, medical, geographic and name-form
# knowledge, description parsing, and the rules' own linking.
RULES: tuple[Callable[..., Any], ...] = (
    reason.single_step, reason.condition_for, reason.age_on, codes.decode_resident_id, codes.gb11643_check,
    pharma.decide, pharma.condition_name, pharma.supported, geo.city_of_airport, geo.cn_city_of_plate,
    geo.cn_city_of_code, geo.cn_province_of_code, geo.us_state, link.consistent, link.same_record,
    link.best_face, link.best_record, link.parse_description, link.fits, link.best_fit, link.best_description,
    link.chain, link.name_keys, link.pinyin, link.mentions,
)


class RuleCalled(RuntimeError):
    pass


def _items(root: Path) -> list[Item]:
    return [Item.model_validate_json(line) for line in (root / "items.jsonl").read_text("utf-8").splitlines()
            if line.strip()]


@pytest.fixture()
def perfect_ocr(small_build: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """OCR that reads exactly what each image prints (labels and values, with their boxes)."""
    images = json.loads((small_build / "annotations.json").read_text("utf-8"))["images"]
    pages: dict[str, dict[str, Any]] = {}
    for image in images:
        lines = [OcrLine(f["text"], tuple(f["box"]), 1.0)  # type: ignore[arg-type]
                 for f in (*image["labels"], *image["fields"]) if f["text"]]
        pages[str((small_build / image["path"]).resolve())] = OcrPage(
            image["width"], image["height"], _reading_order(lines)).to_json()

    def fake(path: str) -> dict[str, Any]:
        return pages[str(Path(path).resolve())]

    monkeypatch.setattr(reader_mod, "ocr_image", fake)
    yield


@pytest.fixture()
def rules_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every binding of a rule entry point, in every module of the pipeline, raises when called."""
    def forbid(fn: Callable[..., Any]) -> Callable[..., Any]:
        def raiser(*args: Any, **kwargs: Any) -> Any:
            raise RuleCalled(f"{fn.__module__}.{fn.__name__}")
        return raiser

    targets = {id(fn): forbid(fn) for fn in RULES}
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(_PACKAGE):
            continue
        for attr, value in list(vars(module).items()):
            if id(value) in targets:
                monkeypatch.setattr(module, attr, targets[id(value)])


def _answer_all(name: str, root: Path, items: list[Item], cache: Path) -> list[tuple[Item, str, ScoreRecord]]:
    prov = PROVIDERS[name](ModelSpec(name=name, provider=name, params={"cache_dir": str(cache), "workers": 1}))

    async def go() -> list[tuple[Item, str, ScoreRecord]]:
        out = []
        try:
            for item in items:
                request = Request(item=item, system=None, prompt=item.prompt,
                                  images=tuple(root / p for p in item.images))
                text = (await prov.complete(request)).text
                out.append((item, text, score_item(item, text, model=name)))
        finally:
            await prov.aclose()
        return out

    return asyncio.run(go())


def _reasoning(root: Path) -> list[Item]:
    return [i for i in _items(root) if i.task >= 5 and not i.control]


def test_both_are_registered_and_differ_only_in_the_rules() -> None:
    assert PROVIDERS["ocr"] is OcrBaseline and PROVIDERS["ocr-rules"] is OcrRulesBaseline
    plain = OcrBaseline(ModelSpec(name="ocr", provider="ocr"))
    rules = OcrRulesBaseline(ModelSpec(name="ocr-rules", provider="ocr-rules"))
    assert (plain.rules, rules.rules) == (False, True)
    assert OcrBaseline(ModelSpec(name="x", provider="ocr", params={"rules": True})).rules


@pytest.mark.usefixtures("perfect_ocr", "rules_forbidden")
def test_ocr_answers_reasoning_without_the_rules(small_build: Path, tmp_path: Path) -> None:
    items = _reasoning(small_build)
    assert {i.task for i in items} == {5, 6, 7, 8, 9}
    results = _answer_all("ocr", small_build, items, tmp_path / "cache")
    unparsed = [(item.id, text) for item, text, record in results if not record.parsed]
    assert not unparsed, unparsed[:5]
    # the same patch stops the expert pipeline: the check above is not vacuous
    with pytest.raises(RuleCalled):
        _answer_all("ocr-rules", small_build, items, tmp_path / "cache")


@pytest.mark.usefixtures("perfect_ocr")
def test_both_answer_every_item_in_a_parsed_format(small_build: Path, tmp_path: Path) -> None:
    items = _items(small_build)
    replies: dict[str, dict[str, str]] = {}
    for name in ("ocr", "ocr-rules"):
        results = _answer_all(name, small_build, items, tmp_path / "cache")
        # reasoning replies all parse; a perception handler that finds nothing guesses a random token
        unparsed = [(item.id, text) for item, text, record in results if not record.parsed and item.task >= 5]
        assert not unparsed, (name, unparsed[:5])
        replies[name] = {item.id: text for item, text, _ in results}
    # the perception answers are the same reading: identical replies outside the reasoning tasks
    shared = [i.id for i in items if i.task <= 4 or i.control]
    assert shared and all(replies["ocr"][k] == replies["ocr-rules"][k] for k in shared)


# ----------------------------------------------------------------------------------------- primitives


def test_generic_string_primitives() -> None:
    assert generic.similarity("KENT, SHELBY", "Shelby Kent") == 1.0
    assert generic.similarity("Shelby Kent", "Tasha Kidd") < generic.SAME_TEXT
    assert generic.found_in("Shelby Kent", "PATIENT: SHELBY KENT\nDOB 03/30/1985") == 1.0
    assert generic.found_in("梁晴丽", "姓名 梁晴丽") == 1.0
    assert generic.digit_runs("(858) 555-0159") == {"8585550159"}
    assert generic.digits_match("**** **** **** 5896", "4921 0000 1234 5896") == 1
    assert generic.digits_match("**** 5896", "4921 0000 1234 5897") == 0


def test_a_generic_reader_gives_printed_values_only() -> None:
    page = OcrPage(800, 600, (OcrLine("Date of birth: 03/30/1985", (10, 10, 300, 30), 1.0),
                              OcrLine("Base salary $4,350.00", (10, 40, 300, 60), 1.0),
                              OcrLine("Annual bonus $6,500.00", (10, 70, 300, 90), 1.0)))
    page_doc = doc.Doc(Path("x.png"), page)
    q = "What is the holder's date of birth? Answer as YYYY-MM-DD."
    assert generic.printed_value(q, page_doc) == "03/30/1985"
    total = "what is the total annual income including the annual bonus? Answer with the amount."
    assert generic.printed_value(total, page_doc) == "$6,500.00"  # read off the page, never summed


def test_every_step_of_a_chain_is_parsed_for_the_generic_reader(small_build: Path) -> None:
    for item in (i for i in _items(small_build) if i.task == 7):
        q = parse_question(item.prompt, item.lang)
        assert q is not None and len(generic.step_texts(item.prompt)) == len(q.steps) == len(item.steps)
