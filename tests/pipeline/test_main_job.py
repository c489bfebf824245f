"""The main job end to end, as a user types it (`multipriv run`), at a tiny size: every baseline answered under
every condition, scored once, the report written; a second run reuses the builds and answers nothing again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multipriv.cli import app
from multipriv.pipeline.main_job import BASELINES, CONDITIONS
from multipriv.pipeline.steps import faces_installed

pytestmark = pytest.mark.full


def test_run_builds_evaluates_scores_and_reports_then_resumes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["run", "--out", str(out), "--seed", "2", "--persons", "8", "--background", "12"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    for name in BASELINES:
        rows = [json.loads(line) for line in (out / "runs" / name / "results.jsonl").read_text().splitlines()]
        assert {r["condition"] for r in rows} == set(CONDITIONS)
        assert (out / "runs" / name / "scores.jsonl").is_file()
    assert json.loads((out / "dev-data" / "manifest.json").read_text())["split"] == "dev"
    # with the extra `faces` (the dev extras hold it), the faces were measured beside the evaluation
    assert (out / "data" / "face_check.json").is_file() == faces_installed()
    if faces_installed():
        assert "rank-1" in (out / "data" / "DATASET_CARD.md").read_text(encoding="utf-8")
    report = (out / "report" / "report.html").read_text(encoding="utf-8")
    assert all(name in report for name in BASELINES)
    oracle = [json.loads(line) for line in (out / "runs" / "oracle" / "scores.jsonl").read_text().splitlines()]
    assert oracle and all(s["correct"] for s in oracle if s.get("correct") is not None)

    answers = {name: (out / "runs" / name / "results.jsonl").read_bytes() for name in BASELINES}
    second = CliRunner().invoke(app, args)
    assert second.exit_code == 0, second.output
    assert f"reusing the valid build in {out / 'data'}" in " ".join(second.output.split())
    assert answers == {name: (out / "runs" / name / "results.jsonl").read_bytes() for name in BASELINES}
