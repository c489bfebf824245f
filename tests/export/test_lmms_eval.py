"""The lmms-eval export loaded by lmms-eval itself (TaskManager with an include path): its docs, prompts and
images are the build's, oracle replies score 100% through its `process_results` and aggregations, and random
replies get exactly the score `multipriv score` gives the same replies."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lmms_eval.tasks import TaskManager, get_task_dict  # type: ignore[import-untyped]
from PIL import Image
from typer.testing import CliRunner

from multipriv.cli import app
from multipriv.export.lmms_eval import export_lmms_eval
from multipriv.export.public import oracle_answer
from multipriv.export.registry import ExportRequest
from multipriv.runner.requests import build_request
from multipriv.tasks.schema import Item


@pytest.fixture(scope="module")
def exported(small_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("lmms") / "task"
    summary = export_lmms_eval(ExportRequest(small_build, out))
    assert summary.items == len((small_build / "items.jsonl").read_text("utf-8").splitlines())
    return out


@pytest.fixture(scope="module")
def tasks(exported: Path) -> Iterator[dict[str, Any]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_DATASETS_OFFLINE", "1")
        manager = TaskManager(include_path=str(exported), include_defaults=False)
        yield get_task_dict(["multipriv_plain", "multipriv_protective"], manager)


def _items(root: Path) -> dict[str, Item]:
    return {i.id: i for i in (Item.model_validate_json(line) for line in
                              (root / "items.jsonl").read_text("utf-8").splitlines() if line.strip())}


def _aggregate(task: Any, rows: list[dict[str, Any]]) -> dict[str, float]:
    return {name: float(fn([r[name] for r in rows])) for name, fn in task.aggregation().items()}


def test_docs_carry_the_builds_prompts_and_images(tasks: dict[str, Any], small_build: Path) -> None:
    items = _items(small_build)
    for condition in ("plain", "protective"):
        task = tasks[f"multipriv_{condition}"]
        docs = list(task.test_docs())
        assert {d["id"] for d in docs} == set(items)
        for doc in docs[:40]:
            request = build_request(items[doc["id"]], condition, small_build)
            text = task.doc_to_text(doc)
            assert text.endswith(request.prompt) and (request.system is None or text.startswith(request.system))
            images = task.doc_to_visual(doc)
            assert len(images) == len(request.images)
            assert images[0].size == Image.open(request.images[0]).size


def test_oracle_scores_full_marks(tasks: dict[str, Any], small_build: Path) -> None:
    items = _items(small_build)
    for task in tasks.values():
        docs = list(task.test_docs())
        rows = [task.process_results(d, [oracle_answer(items[d["id"]])]) for d in docs]
        scores = _aggregate(task, rows)
        assert scores["multipriv_score"] == 1.0 and scores["multipriv_correct"] == 1.0
        assert scores["multipriv_refused"] == 0.0


def test_random_matches_multipriv_score(tasks: dict[str, Any], small_build: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    runs = tmp_path / "runs"
    done = runner.invoke(app, ["eval", "--data", str(small_build), "--out", str(runs), "--baselines", "random"])
    assert done.exit_code == 0, done.output
    assert runner.invoke(app, ["score", str(runs)]).exit_code == 0
    replies = {r["item_id"]: r["text"] for r in map(json.loads, (runs / "random" / "results.jsonl").open())}
    scored = [json.loads(line) for line in (runs / "random" / "scores.jsonl").open()]
    task = tasks["multipriv_plain"]
    rows = [task.process_results(d, [replies[d["id"]]]) for d in task.test_docs()]
    ours = _aggregate(task, rows)
    assert 0.0 < ours["multipriv_score"] < 1.0
    assert ours["multipriv_score"] == pytest.approx(sum(s["score"] for s in scored) / len(scored), abs=1e-12)
    assert ours["multipriv_correct"] == pytest.approx(sum(bool(s["correct"]) for s in scored) / len(scored))


def test_public_export_holds_no_gold(small_build: Path, tmp_path: Path) -> None:
    export_lmms_eval(ExportRequest(small_build, tmp_path / "pub", public=True))
    docs = [json.loads(line) for line in (tmp_path / "pub" / "data" / "test.jsonl").open()]
    assert docs and all(d["item"] == "" and d["answer"] == "" for d in docs)
    from multipriv.export.lmms_eval_utils import process_results

    row = process_results({**docs[0], "condition": "plain"}, ["A"])["multipriv_score"]
    assert row["item_id"] == docs[0]["id"] and row["reply"] == "A" and "score" not in row


def test_failed_requests_are_not_answers(tasks: dict[str, Any]) -> None:
    """lmms-eval writes its failure text where the reply would be: it must not count as a wrong answer."""
    task = tasks["multipriv_plain"]
    docs = list(task.test_docs())[:4]
    failed = "[LMMS_EVAL_REQUEST_FAILED after 5 retries] Error code: 400 - bad request"
    rows = [task.process_results(docs[0], [failed]), task.process_results(docs[1], [""]),
            task.process_results(docs[2], [oracle_answer(Item.model_validate_json(docs[2]["item"]))])]
    assert rows[0]["multipriv_score"]["error"].startswith("[LMMS_EVAL_REQUEST_FAILED")
    assert rows[1]["multipriv_score"]["error"] == "empty response" and "score" not in rows[1]["multipriv_score"]
    assert _aggregate(task, rows)["multipriv_score"] == 1.0
