"""Where the main job's time goes: `multipriv run`'s stages, one after another, each timed in wall and CPU seconds.

It calls the steps `multipriv run` chains (`multipriv.pipeline`), in its order (build, dev split, priors, face
check when dlib is installed, OCR reading, evaluation, scoring, report), and prints one row per stage: wall
seconds, CPU seconds of this process and of its finished child processes (the build's render workers, OCR's
reading processes). CPU seconds are the figure to compare on a shared machine; wall seconds say what a newcomer
waits on an idle one.

Evaluation is timed per baseline by default (`evaluate` called once per baseline, same conditions), so the
table says what each baseline costs; `--joint` evaluates all six in one call as `multipriv run` does.

Usage (the default build is slow: build it once and reuse it with --data/--dev):
    python benchmarks/bench_main_job.py --out /tmp/m                      # everything, defaults
    python benchmarks/bench_main_job.py --out /tmp/m --data D --dev DEV --fresh-ocr
    python benchmarks/bench_main_job.py --out /tmp/m --data D --dev DEV --stages ocr,eval --baselines ocr,ocr-rules

--fresh-ocr empties the build's OCR cache first (otherwise a second run reads nothing); --fresh-faces removes
face_check.json so that the face check runs again (it is skipped when present, as in `multipriv run`).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import time
from collections.abc import Callable
from contextlib import redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from multipriv.pipeline.main_job import BASELINES, CONDITIONS

STAGES = ("build", "dev", "priors", "faces", "ocr", "eval", "score", "report")


@dataclass
class Row:
    stage: str
    wall: float
    cpu_self: float
    cpu_children: float
    note: str = ""

    @property
    def cpu(self) -> float:
        return self.cpu_self + self.cpu_children


def _cpu() -> tuple[float, float]:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def timed(rows: list[Row], stage: str, fn: Callable[[], str | None], quiet: bool = True) -> None:
    wall0, (self0, kids0) = time.perf_counter(), _cpu()
    with open(os.devnull, "w") as sink, redirect_stdout(sink if quiet else sys.stdout):
        note = fn() or ""
    wall1, (self1, kids1) = time.perf_counter(), _cpu()
    rows.append(Row(stage, wall1 - wall0, self1 - self0, kids1 - kids0, note))
    print(f"  {stage}: {wall1 - wall0:.1f} s wall, {self1 - self0 + kids1 - kids0:.1f} s CPU {note}",
          file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="folder for the builds, runs and report")
    parser.add_argument("--data", type=Path, help="reuse this default build (skips the build stage)")
    parser.add_argument("--dev", type=Path, help="reuse this dev split (skips the dev stage)")
    parser.add_argument("--persons", type=int, default=100)
    parser.add_argument("--background", type=int, default=700)
    parser.add_argument("--stages", default=",".join(STAGES), help=f"some of {','.join(STAGES)}")
    parser.add_argument("--baselines", default=",".join(BASELINES))
    parser.add_argument("--conditions", default=",".join(CONDITIONS))
    parser.add_argument("--joint", action="store_true", help="evaluate all baselines in one call (as `run`)")
    parser.add_argument("--fresh-ocr", action="store_true", help="empty DATA/.ocr_cache before the OCR stage")
    parser.add_argument("--fresh-faces", action="store_true", help="remove DATA/face_check.json first")
    args = parser.parse_args()

    from multipriv.dataset.build import BuildConfig
    from multipriv.pipeline import steps
    from multipriv.pipeline.evaluation import EvalRequest, evaluate
    from multipriv.pipeline.main_job import MainJob
    from multipriv.pipeline.scoring import score_runs
    from multipriv.world.generate import WorldConfig

    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = set(stages) - set(STAGES)
    if unknown:
        parser.error(f"unknown stages {sorted(unknown)}")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    job = MainJob(out=out, build=BuildConfig(WorldConfig(persons=args.persons, background=args.background)))
    data = args.data or out / "data"
    dev = args.dev or out / "dev-data"
    priors_file, runs = out / "priors.json", out / "runs"
    rows: list[Row] = []

    if "build" in stages and args.data is None:
        timed(rows, "build", lambda: str(steps.build_benchmark(job.build, data)["images"]) + " images")
    if "dev" in stages and args.dev is None:
        timed(rows, "dev split", lambda: str(steps.build_benchmark(job.dev_build, dev)["images"]) + " images")
    if "priors" in stages:
        timed(rows, "priors", lambda: str(steps.learn_priors(dev, priors_file).path))
    if "faces" in stages:
        if args.fresh_faces:
            (data / "face_check.json").unlink(missing_ok=True)
        if not steps.faces_installed():
            print("  faces: skipped (dlib not installed: the extra `faces`)", file=sys.stderr)
        elif (data / "face_check.json").is_file():
            print("  faces: skipped (face_check.json present; --fresh-faces to rerun)", file=sys.stderr)
        else:
            timed(rows, "face check", lambda: f"{steps.measure_faces(data)['faces']['measured']} faces")
    if "ocr" in stages:
        if args.fresh_ocr:
            shutil.rmtree(data / ".ocr_cache", ignore_errors=True)
        cache = data / ".ocr_cache"
        before = len(list(cache.glob("*.json"))) if cache.is_dir() else 0

        def ocr() -> str:
            steps.read_images_once(data, jobs=job.build.jobs)
            return f"{len(list(cache.glob('*.json'))) - before} images read"
        timed(rows, "OCR reading", ocr)
    if "eval" in stages:
        shutil.rmtree(runs, ignore_errors=True)
        names = tuple(n.strip() for n in args.baselines.split(",") if n.strip())
        groups = [names] if args.joint else [(n,) for n in names]
        conditions = tuple(c.strip() for c in args.conditions.split(",") if c.strip())
        for group in groups:
            def ev(group: tuple[str, ...] = group) -> str:
                summaries = evaluate(EvalRequest(data=data, out=runs, baselines=group, concurrency=4,
                                                 conditions=conditions, priors_file=priors_file))
                return f"{sum(s.answered for s in summaries.values())} answers"
            timed(rows, f"eval {','.join(group)}", ev)
    if "score" in stages:
        timed(rows, "score", lambda: f"{sum(1 for _ in score_runs(runs))} folders")
    if "report" in stages:
        timed(rows, "report", lambda: str(steps.make_report([runs], out / "report").html))

    print(f"\nmain job stages ({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end)")
    print(f"{'stage':<34} {'wall s':>8} {'CPU s':>8} {'(self':>8} {'children)':>9}  note")
    for r in rows:
        print(f"{r.stage:<34} {r.wall:8.1f} {r.cpu:8.1f} {r.cpu_self:8.1f} {r.cpu_children:9.1f}  {r.note}")
    print(f"{'total':<34} {sum(r.wall for r in rows):8.1f} {sum(r.cpu for r in rows):8.1f}")


if __name__ == "__main__":
    main()
