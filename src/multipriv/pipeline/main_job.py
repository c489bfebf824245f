"""The main job (`multipriv run`): build the benchmark and a dev split (or reuse valid ones), learn the floors'
priors on the dev split, measure the faces (extra `faces`), evaluate the offline baselines under every prompt
condition, score them and write the report. Rerunning it resumes: a reused build keeps its answers, a replaced
one drops them, and changed priors drop the floors' answers."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

from multipriv.dataset.build import BuildConfig
from multipriv.pipeline.evaluation import FLOORS, EvalRequest, evaluate
from multipriv.pipeline.reporter import QUIET, Reporter
from multipriv.pipeline.scoring import score_runs
from multipriv.pipeline.steps import (
    build_or_reuse,
    faces_installed,
    learn_priors,
    make_report,
    measure_faces,
    read_images_once,
)
from multipriv.report import ReportPaths
from multipriv.runner.engine import RunSummary

BASELINES = ("random", "constant", "blind", "oracle", "ocr", "ocr-rules")
OCR_BASELINES = ("ocr", "ocr-rules")  # they read every image: the pages are read once, in parallel, before
CONDITIONS = ("plain", "protective", "adversarial")


@dataclass(frozen=True)
class MainJob:
    out: Path = Path("multipriv-out")
    build: BuildConfig = field(default_factory=BuildConfig)
    baselines: tuple[str, ...] = BASELINES
    conditions: tuple[str, ...] = CONDITIONS

    @property
    def dev_build(self) -> BuildConfig:
        """A dev split a quarter of the size (never the same persons), for the floors' priors."""
        world = self.build.world
        return replace(self.build, split="dev", world=replace(
            world, persons=max(8, world.persons // 4), background=world.background // 4))


@dataclass(frozen=True)
class MainJobResult:
    summaries: dict[str, RunSummary]
    report: ReportPaths

    @property
    def failed(self) -> int:
        return sum(s.failed for s in self.summaries.values())


def run_main_job(job: MainJob, reporter: Reporter = QUIET) -> MainJobResult:
    data, dev, runs, priors = job.out / "data", job.out / "dev-data", job.out / "runs", job.out / "priors.json"
    reused = build_or_reuse(job.build, data, reporter)
    build_or_reuse(job.dev_build, dev, reporter)
    before = priors.read_bytes() if priors.is_file() else None
    learn_priors(dev, priors)
    reporter.say(f"learned the floors' priors on {dev} into {priors}")
    # Answers made on a replaced build are stale, and so are the floors' answers when their priors changed.
    if runs.exists() and not reused:
        shutil.rmtree(runs)
    elif before != priors.read_bytes():
        for name in FLOORS:
            shutil.rmtree(runs / name, ignore_errors=True)
    if faces_installed() and not (data / "face_check.json").is_file():
        measure_faces(data, reporter)  # the build's dataset card then carries the face figures
    if set(OCR_BASELINES) & set(job.baselines):
        read_images_once(data, reporter, jobs=job.build.jobs)
    summaries = evaluate(EvalRequest(data=data, out=runs, baselines=job.baselines, concurrency=4,
                                     conditions=job.conditions, resume=reused, priors_file=priors), reporter)
    for _ in score_runs(runs):
        pass
    return MainJobResult(summaries, make_report([runs], job.out / "report"))

