"""The main job (`multipriv run`): build the benchmark and a dev split (or reuse valid ones), learn the floors'
priors on the dev split, evaluate the offline baselines under every prompt condition (while the faces are
measured, with the extra `faces`), score them and write the report. Rerunning it resumes: a reused build keeps
its answers, a replaced one drops them, and changed priors drop the floors' answers."""

from __future__ import annotations

import multiprocessing
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from multipriv.dataset.build import BuildConfig
from multipriv.pipeline.evaluation import FLOORS, EvalRequest, evaluate
from multipriv.pipeline.reporter import QUIET, Reporter
from multipriv.pipeline.scoring import score_runs
from multipriv.pipeline.steps import (
    build_or_reuse,
    face_report_of,
    faces_installed,
    learn_priors,
    make_report,
    read_images_once,
    save_face_report,
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


def evaluate_while_measuring_faces(request: EvalRequest, reporter: Reporter) -> dict[str, RunSummary]:
    """Evaluate while a child process measures the build's faces (extra `faces`): answering the baselines keeps
    about one core busy, so the face check's two minutes fit beside it. The report is written into the build
    (face_check.json, the card's face section: files outside the manifest) only after the evaluation, which
    reads the build."""
    reporter.say("measuring the build's faces in the background (extra `faces`)")
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        faces = pool.submit(face_report_of, request.data)
        summaries = evaluate(request, reporter)
        report = faces.result()
    save_face_report(request.data, report, reporter)
    return summaries


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
    if set(OCR_BASELINES) & set(job.baselines):
        read_images_once(data, reporter, jobs=job.build.jobs)
    request = EvalRequest(data=data, out=runs, baselines=job.baselines, concurrency=4, conditions=job.conditions,
                          resume=reused, priors_file=priors)
    if faces_installed() and not (data / "face_check.json").is_file():
        summaries = evaluate_while_measuring_faces(request, reporter)
    else:
        summaries = evaluate(request, reporter)
    for _ in score_runs(runs):
        pass
    return MainJobResult(summaries, make_report([runs], job.out / "report"))

