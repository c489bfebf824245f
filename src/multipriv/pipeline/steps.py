"""The steps the main job chains, each usable alone (the CLI's `build`, `priors`, `validate --faces` and `report`
commands call them too): build or reuse a benchmark, learn the floors' priors, measure faces, read every image
once for the OCR baselines, write the report."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multipriv.baselines.floors import FloorRow, floor_scores
from multipriv.baselines.priors import learn_from_build
from multipriv.dataset.build import BuildConfig, build_dataset
from multipriv.dataset.manifest import checked
from multipriv.dataset.stream import read_items
from multipriv.dataset.validate import validate
from multipriv.errors import MultiPrivError
from multipriv.pipeline.reporter import QUIET, Reporter
from multipriv.report import ReportPaths, write_report
from multipriv.report.collect import collect


def build_benchmark(config: BuildConfig, out: Path, reporter: Reporter = QUIET) -> dict[str, Any]:
    """Build into `out` and return its manifest."""
    with reporter.progress("rendering") as tick:
        return build_dataset(config, out, progress=lambda stage, done, total: tick(done, total, stage))


def reusable(data: Path, config: BuildConfig, reporter: Reporter = QUIET) -> bool:
    """Whether `data` holds a valid build of exactly these settings (said why not when it holds another)."""
    if not (data / "manifest.json").exists():
        return False
    try:
        manifest = checked(validate(data), data / "manifest.json")
    except MultiPrivError as exc:
        reporter.say(f"rebuilding {data}: {exc}")
        return False
    world = config.world
    return manifest.same_build_settings(world.seed, world.persons, world.background, config.split)


def build_or_reuse(config: BuildConfig, out: Path, reporter: Reporter = QUIET) -> bool:
    """Reuse a valid build of these settings in `out`, else build it; True when reused."""
    if reusable(out, config, reporter):
        reporter.say(f"reusing the valid build in {out}")
        return True
    manifest = build_benchmark(config, out, reporter)
    reporter.say(f"built {out}: {manifest['images']} images, {manifest['counts']['items']} items")
    return False


@dataclass(frozen=True)
class LearnedPriors:
    path: Path
    floors: list[FloorRow]  # in-sample scores of random, constant and blind on the dev items, per task


def learn_priors(dev: Path, out: Path, min_count: int = 5) -> LearnedPriors:
    """Learn the `constant` and `blind` floors on a dev split into `out`, with their in-sample scores."""
    learned, items = learn_from_build(dev, out, min_count)
    return LearnedPriors(out, floor_scores(items, learned))


def faces_installed() -> bool:
    """Whether the face check's extra (dlib) is installed."""
    return importlib.util.find_spec("dlib") is not None


def measure_faces(data: Path, reporter: Reporter = QUIET) -> dict[str, Any]:
    """Measure every recorded face with dlib's recogniser; write face_check.json and the card's face section."""
    from multipriv.dataset.face_check import face_check
    from multipriv.dataset.face_embed import FaceRecogniser

    recogniser = FaceRecogniser()
    with reporter.progress("faces") as tick:
        report = face_check(data, recogniser, lambda done, total: tick(done, total))
    save_face_report(data, report, reporter)
    return report


def save_face_report(data: Path, report: dict[str, Any], reporter: Reporter = QUIET) -> None:
    """face_check.json and the dataset card's face section (both outside the manifest: the build's pinned
    files do not change)."""
    from multipriv.dataset.face_report import update_card
    from multipriv.dataset.face_report import write_report as write_face_report

    update_card(data / "DATASET_CARD.md", report)
    reporter.say(f"wrote {write_face_report(data, report)} and the face section of {data / 'DATASET_CARD.md'}")


def face_report_of(data: Path) -> dict[str, Any]:
    """The face check's report, writing nothing: for a child process (`main_job`)."""
    from multipriv.dataset.face_check import face_check

    return face_check(data)


def read_images_once(data: Path, reporter: Reporter = QUIET, jobs: int = 2) -> None:
    """Read every image an item shows once with OCR before the `ocr` and `ocr-rules` baselines answer from the
    cache they share (in `jobs` processes; answering pair by pair would read them one at a time)."""
    from multipriv.baselines.ocr.reader import warm_cache

    paths = sorted({data / p for item in read_items(data / "items.jsonl") for p in item.images})
    with reporter.progress("OCR (ocr, ocr-rules baselines)") as tick:
        warm_cache(paths, data / ".ocr_cache", jobs=jobs, progress=lambda done, total: tick(done, total))


def make_report(run_dirs: list[Path], out: Path) -> ReportPaths:
    """`report.html`, `summary.md` and the tables from saved scores (scored where a folder has none yet)."""
    collected = collect(run_dirs)
    return write_report(collected.frame, collected.items, out, dataset_root=collected.dataset_root,
                        failed_models=collected.failed)
