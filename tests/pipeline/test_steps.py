"""The pipeline's pieces on the session's tiny build: reuse decisions, the evaluation request, scoring once,
the report that only reads, and a reporter that hears every long step."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from multipriv.dataset.build import BuildConfig
from multipriv.errors import MultiPrivError
from multipriv.pipeline import EvalRequest, MainJob, evaluate, find_judge, score_runs
from multipriv.pipeline.reporter import QUIET, Tick
from multipriv.pipeline.steps import make_report, reusable
from multipriv.world.generate import WorldConfig

SMALL_WORLD = WorldConfig(seed=3, persons=8, background=24)  # the settings of `small_build` (tests/conftest.py)


class Recorder:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.steps: list[str] = []

    def say(self, message: str) -> None:
        self.lines.append(message)

    @contextmanager
    def progress(self, label: str) -> Iterator[Tick]:
        self.steps.append(label)
        yield lambda done, total, stage=None: None


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + path.read_bytes())
    return digest.hexdigest()


def test_a_build_is_reused_only_with_its_own_settings(small_build: Path) -> None:
    heard = Recorder()
    assert reusable(small_build, BuildConfig(SMALL_WORLD), heard)
    assert not reusable(small_build, BuildConfig(replace(SMALL_WORLD, seed=4)), heard)
    assert not reusable(small_build, BuildConfig(SMALL_WORLD, split="dev"), heard)
    assert not reusable(small_build.parent / "missing", BuildConfig(SMALL_WORLD), heard)


def test_a_damaged_build_is_rebuilt_and_the_reason_said(small_build: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(small_build, copy)
    (copy / "items.jsonl").write_text("{}\n", encoding="utf-8")
    heard = Recorder()
    assert not reusable(copy, BuildConfig(SMALL_WORLD), heard)
    assert heard.lines and heard.lines[0].startswith(f"rebuilding {copy}")


def test_the_dev_split_is_a_quarter_and_never_the_test_persons() -> None:
    job = MainJob(build=BuildConfig(WorldConfig(seed=5, persons=100, background=700)))
    dev = job.dev_build
    assert (dev.split, dev.world.seed, dev.world.persons, dev.world.background) == ("dev", 5, 25, 175)
    assert MainJob(build=BuildConfig(WorldConfig(persons=10, background=3))).dev_build.world.persons == 8


def test_evaluate_then_score_once_then_report_reads_only(small_build: Path, tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    summaries = evaluate(EvalRequest(data=small_build, out=runs, baselines=("oracle", "random"), limit=30))
    assert set(summaries) == {"oracle", "random"} and all(s.failed == 0 for s in summaries.values())
    scored = {s.run.model: s for s in score_runs(runs)}
    assert scored["oracle"].correct == len(scored["oracle"].run.scores) == 30
    assert scored["random"].correct < 30 and scored["random"].judge is None
    before = tree_digest(runs)
    paths = make_report([runs], tmp_path / "report")
    assert paths.html.is_file() and "oracle" in paths.summary.read_text(encoding="utf-8")
    assert tree_digest(runs) == before  # the report never writes into run folders


def test_an_evaluation_without_models_or_with_an_unknown_condition_is_one_error(small_build: Path,
                                                                                tmp_path: Path) -> None:
    with pytest.raises(MultiPrivError, match="no model given"):
        evaluate(EvalRequest(data=small_build, out=tmp_path / "r"))
    with pytest.raises(MultiPrivError, match="rude"):
        evaluate(EvalRequest(data=small_build, out=tmp_path / "r", baselines=("random",), conditions=("rude",)))


def test_the_judge_is_found_by_name(tmp_path: Path) -> None:
    models = tmp_path / "models.yaml"
    models.write_text("models:\n  - name: judge-a\n    model: gpt-x\n    base_url: http://127.0.0.1:9/v1\n",
                      encoding="utf-8")
    assert find_judge("judge-a", models).model == "gpt-x"
    with pytest.raises(MultiPrivError, match="no model named 'judge-b'"):
        find_judge("judge-b", models)
    with pytest.raises(MultiPrivError, match="--judge-models"):
        find_judge("judge-a", None)


def test_quiet_reporter_takes_every_call() -> None:
    QUIET.say("nothing")
    with QUIET.progress("step") as tick:
        tick(1, 2, "stage")
