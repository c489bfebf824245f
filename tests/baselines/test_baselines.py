"""The offline baselines through the real scorer: the oracle is perfect, random sits at chance, and the OCR
pipeline (reading pixels only, with no annotations anywhere near it) beats chance."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pytest

import multipriv.baselines  # noqa: F401  (registers random, oracle, ocr)
from multipriv.baselines.answers import format_set, format_steps
from multipriv.baselines.ocr import reader as reader_mod
from multipriv.baselines.ocr.fields import valid_value
from multipriv.baselines.ocr.lexicon import is_name, respace
from multipriv.baselines.ocr.reader import OcrLine, OcrPage, OcrReader
from multipriv.baselines.ocr.reason import single_step
from multipriv.baselines.oracle import oracle_answer
from multipriv.baselines.question import parse_question
from multipriv.runner.base import PROVIDERS, ModelSpec, Request
from multipriv.score.record import ScoreRecord, score_item
from multipriv.tasks.schema import AnswerType, Item, Step
from multipriv.world.identifiers import make_resident_id
from multipriv.world.taxonomy import Normaliser


def _items(root: Path) -> list[Item]:
    return [Item.model_validate_json(line) for line in (root / "items.jsonl").read_text("utf-8").splitlines()
            if line.strip()]


def _run(name: str, root: Path, items: Iterable[Item], params: dict[str, object] | None = None,
         ) -> list[tuple[Item, ScoreRecord]]:
    prov = PROVIDERS[name](ModelSpec(name=name, provider=name, params=params or {}))

    async def go() -> list[tuple[Item, ScoreRecord]]:
        sem = asyncio.Semaphore(8)

        async def one(item: Item) -> tuple[Item, ScoreRecord]:
            async with sem:
                request = Request(item=item, system=None, prompt=item.prompt,
                                  images=tuple(root / p for p in item.images))
                reply = await prov.complete(request)
                return item, score_item(item, reply.text, model=name)

        try:
            return list(await asyncio.gather(*(one(i) for i in items)))
        finally:
            await prov.aclose()

    return asyncio.run(go())


def _mean(records: list[ScoreRecord]) -> float:
    return sum(r.score for r in records) / max(1, len(records))


def _by(results: list[tuple[Item, ScoreRecord]], key: str) -> dict[str, list[ScoreRecord]]:
    out: dict[str, list[ScoreRecord]] = defaultdict(list)
    for item, record in results:
        k = {"task": f"t{item.task}", "type": item.answer_type.value,
             "task_lang": f"t{item.task}-{item.lang}"}[key]
        out[k].append(record)
    return out


# ------------------------------------------------------------------------------------------- unit level


def _item(answer_type: AnswerType, **kw: object) -> Item:
    base: dict[str, object] = dict(id=f"x-{answer_type.value}-en", twin_id="x", task=3, level="perception",
                                   lang="en", images=("images/a.png",), prompt="q", answer_type=answer_type)
    base.update(kw)
    return Item.model_validate(base)


@pytest.mark.parametrize("item", [
    _item(AnswerType.SET, gold=("name", "phone"), menu=("face", "name", "phone", "email")),
    _item(AnswerType.SET, gold=(), menu=("face", "name")),
    _item(AnswerType.SET, gold=("name",), menu=("face", "name"), lang="zh"),
    _item(AnswerType.CHOICE, gold=("C",), options=("A", "B", "C", "D")),
    _item(AnswerType.YESNO, gold=("no",)),
    _item(AnswerType.YESNO, gold=("yes",), lang="zh"),
    _item(AnswerType.BOX, box=(100, 200, 300, 260)),
    _item(AnswerType.TEXT, gold=("11010519850815123X",), normaliser=Normaliser.NUMBER),
    _item(AnswerType.STEPS, gold=("Asthma",), steps=(
        Step(question="a", accepted=("Wang Fang",), normaliser=Normaliser.NAME),
        Step(question="b", accepted=("Asthma",), normaliser=Normaliser.TEXT))),
    _item(AnswerType.STEPS, gold=("哮喘",), lang="zh", steps=(
        Step(question="a", accepted=("王芳",), normaliser=Normaliser.NAME),
        Step(question="b", accepted=("哮喘",), normaliser=Normaliser.TEXT))),
], ids=lambda i: i.id)
def test_oracle_hand_made_items_score_correct(item: Item) -> None:
    assert score_item(item, oracle_answer(item)).correct is True


def test_answer_formats() -> None:
    item = _item(AnswerType.SET, menu=("face", "name", "phone"), lang="zh")
    assert format_set(["phone", "face"], item) == "人脸、电话号码"
    assert format_set([], item) == "无"
    assert format_steps(["a"], "b", "en") == "Step 1: a\nFinal answer: b"


def test_reader_caches_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image = tmp_path / "a.png"
    image.write_bytes(b"not really a png")
    calls: list[str] = []

    def fake(path: str) -> dict[str, object]:
        calls.append(path)
        return OcrPage(10, 10, (OcrLine("hello", (1, 2, 3, 4), 0.9),)).to_json()

    monkeypatch.setattr(reader_mod, "ocr_image", fake)
    cache = tmp_path / "cache"
    first = OcrReader(cache, workers=1)
    assert asyncio.run(first.read(image)).text == "hello"
    assert first.read_sync(image).text == "hello"
    first.close()
    second = OcrReader(cache, workers=1)  # a new process would start like this: the disk cache answers
    assert second.read_sync(image).lines[0].box == (1, 2, 3, 4)
    assert len(calls) == 1 and len(list(cache.glob("*.json"))) == 1


def test_lexicon_and_fields() -> None:
    assert respace("1827ASHCOMBECOURT,APT14B") == "1827 ASHCOMBE COURT, APT 14B"
    assert respace("SANDIEGO,CA92101") == "SAN DIEGO, CA 92101"
    assert is_name("王芳") and is_name("HOWELLVALERIE") and not is_name("报告编号")
    assert valid_value("id_number", "号码 11010519850815123X") == "11010519850815123X"
    assert valid_value("bank_card", "4242 4242 4242 4242") == "4242 4242 4242 4242"
    assert valid_value("bank_card", "4242 4242 4242 4241") is None  # fails Luhn
    assert valid_value("name", "NAME姓名") is None  # only labels


def test_resident_id_rules_from_a_read_page() -> None:
    import datetime as dt

    number = make_resident_id("330106", dt.date(1985, 8, 15), 7, "F")
    page = OcrPage(1000, 630, (OcrLine("公民身份号码", (60, 520, 200, 550), 1.0),
                               OcrLine(number, (270, 520, 660, 555), 1.0)))
    for key, prompt_lang, want in (("id_birth_date", "en", "1985-08-15"), ("id_gender", "zh", "女"),
                                   ("id_region", "zh", "杭州")):
        q = parse_question(_prompt(key, prompt_lang), prompt_lang)
        assert q is not None and q.key == key
        assert want in (single_step(q, page, prompt_lang) or "")


def _prompt(key: str, lang: str) -> str:
    from multipriv.tasks.common import prompt, say

    return prompt(lang, say(lang, "task6", key), AnswerType.TEXT)


# ------------------------------------------------------------------------------------- on a small build


def test_every_prompt_parses(small_build: Path) -> None:
    for item in _items(small_build):
        q = parse_question(item.prompt, item.lang)
        assert q is not None, item.prompt
        assert q.section == ("controls" if item.control else f"task{item.task}"), item.id


def test_oracle_is_perfect(small_build: Path) -> None:
    results = _run("oracle", small_build, _items(small_build))
    wrong = [(item.id, item.gold[:1], record.answer) for item, record in results if record.correct is not True]
    assert not wrong, f"{len(wrong)} items the oracle's gold does not score: {wrong[:10]}"


def test_random_is_chance(small_build: Path) -> None:
    items = _items(small_build)
    results = _run("random", small_build, items)
    by_type = _by(results, "type")
    yesno = _mean(by_type["yesno"])
    assert 0.3 <= yesno <= 0.7
    wide = [r for item, r in results if item.answer_type is AnswerType.CHOICE and len(item.options) >= 4]
    assert _mean(wide) < 0.45
    assert _mean(by_type["text"]) < 0.05
    assert _mean(by_type["steps"]) < 0.05
    again = _run("random", small_build, items[:50])
    assert [r.answer for _, r in again] == [r.answer for _, r in results[:50]]  # deterministic


@pytest.mark.full  # reads every image of the build with OCR
def test_ocr_beats_random_without_annotations(small_build: Path, tmp_path: Path) -> None:
    # The OCR pipeline gets a copy of the build with only questions and pixels: no annotations, no world.
    root = tmp_path / "blind"
    shutil.copytree(small_build / "images", root / "images")
    shutil.copy(small_build / "items.jsonl", root / "items.jsonl")
    assert not (root / "annotations.json").exists() and not (root / "world.json").exists()
    # OCR is the slow part (~0.3-0.7 s per image on two cores): the items of one or two images about two
    # core persons of each locale (image names say nothing of whom they show; items name their persons).
    people = sorted({pid for i in _items(root) for pid in i.person_ids if pid.startswith("P")})
    keep = {*people[:2], *people[-2:]}
    items = [i for i in _items(root) if i.person_ids and set(i.person_ids) <= keep and len(i.images) <= 2]
    assert {i.lang for i in items if i.task == 3} == {"en", "zh"}
    ocr = _run("ocr", root, items, {"cache_dir": str(tmp_path / "ocr_cache")})
    rnd = _run("random", root, items)
    ocr_scores = {k: _mean(v) for k, v in _by(ocr, "task_lang").items()}
    rnd_scores = {k: _mean(v) for k, v in _by(rnd, "task_lang").items()}
    report = {k: (round(ocr_scores[k], 3), round(rnd_scores[k], 3)) for k in sorted(ocr_scores)}
    print("ocr vs random per task and language:", json.dumps(report))
    for lang in ("en", "zh"):
        assert ocr_scores[f"t3-{lang}"] > rnd_scores[f"t3-{lang}"] + 0.3
    overall_ocr = _mean([r for _, r in ocr])
    overall_rnd = _mean([r for _, r in rnd])
    assert overall_ocr > overall_rnd + 0.2
    assert list((tmp_path / "ocr_cache").glob("*.json"))  # every image read once and kept
