"""The eval → score → report commands end to end on the session's tiny build, through the CLI a user types.

One condition here is registered only by this test (runner/conditions.py): it must shape the requests, appear in
the answers, the scores and the report, with no other code naming it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multipriv.cli import app
from multipriv.runner.conditions import ConditionSpec, register_condition, unregister_condition
from multipriv.runner.requests import build_request
from multipriv.runner.runfile import load_run
from multipriv.score.runs import dataset_root
from multipriv.tasks.schema import Item

RUNNER = CliRunner()
POLITE = ConditionSpec("polite-test", 9, "prefix", "#aa00aa", "P", texts=("Please kindly help me.", "请帮帮我。"))


@pytest.fixture(scope="module")
def polite() -> Iterator[str]:
    register_condition(POLITE)
    yield POLITE.name
    unregister_condition(POLITE.name)


@pytest.fixture(scope="module")
def runs(small_build: Path, polite: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("runs")
    result = RUNNER.invoke(app, ["eval", "--data", str(small_build), "--out", str(out), "--baselines", "oracle,random",
                                 "--conditions", f"plain,{polite}"])
    assert result.exit_code == 0, result.output
    return out


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_a_condition_registered_in_a_test_shapes_requests(small_build: Path, polite: str) -> None:
    line = (small_build / "items.jsonl").read_text(encoding="utf-8").splitlines()[0]
    item = Item.model_validate_json(line)
    request = build_request(item, polite, small_build)
    assert request.prompt.startswith(POLITE.texts[1 if item.lang == "zh" else 0])  # type: ignore[index]
    assert request.prompt.endswith(item.prompt) and request.system is None


def test_eval_writes_answers_under_every_condition(runs: Path, polite: str) -> None:
    for model in ("oracle", "random"):
        rows = _jsonl(runs / model / "results.jsonl")
        assert {r["condition"] for r in rows} == {"plain", polite}
        plain = {r["item_id"] for r in rows if r["condition"] == "plain"}
        assert plain == {r["item_id"] for r in rows if r["condition"] == polite}


def test_score_then_report(runs: Path, polite: str, tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["score", str(runs)])
    assert result.exit_code == 0, result.output
    assert "oracle:" in result.output and "random:" in result.output
    oracle = _jsonl(runs / "oracle" / "scores.jsonl")
    assert oracle and all(s["score"] == 1.0 for s in oracle if s.get("score") is not None)
    random_scores = [s["score"] for s in _jsonl(runs / "random" / "scores.jsonl") if s.get("score") is not None]
    assert 0.0 < sum(random_scores) / len(random_scores) < 0.7  # a floor, not an oracle

    (runs / "random" / "scores.jsonl").unlink()  # unscored answers: the report scores them in memory
    before = {p: p.stat().st_mtime_ns for p in runs.rglob("*") if p.is_file()}
    report = tmp_path / "report"
    result = RUNNER.invoke(app, ["report", str(runs), "--out", str(report)])
    assert result.exit_code == 0, result.output
    assert {p: p.stat().st_mtime_ns for p in runs.rglob("*") if p.is_file()} == before  # run folders untouched
    html = (report / "report.html").read_text(encoding="utf-8")
    assert polite in html and "oracle" in html and "random" in html


def test_unknown_condition_is_a_one_line_error(small_build: Path, tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "multipriv.cli", "eval", "--data", str(small_build), "--out",
                           str(tmp_path / "r"), "--baselines", "oracle", "--conditions", "plain,shouting"],
                          capture_output=True, text=True, timeout=120)
    lines = [x for x in proc.stderr.splitlines() if x.strip()]
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    assert "unknown condition 'shouting'; choose from plain, protective, adversarial" in lines[0]
    assert not (tmp_path / "r").exists()  # nothing written before the options were checked


def test_run_json_is_typed_and_read_by_one_reader(runs: Path, small_build: Path, polite: str) -> None:
    run = load_run(runs / "oracle")
    assert run is not None and run.dataset_root == small_build.absolute()
    assert run.conditions == ["plain", polite] and run.counts is not None and run.counts.failed == 0
    assert run.counts.answered == run.counts.records > 0 and run.stopped is None
    assert dataset_root(runs / "oracle") == run.dataset_root  # score finds the build the same way
    broken = runs.parent / "broken"
    broken.mkdir()
    (broken / "run.json").write_text('{"run_version": 1, "dataset": 7}', encoding="utf-8")
    assert load_run(broken) is None and dataset_root(broken) is None
