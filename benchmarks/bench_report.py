"""Time `write_report` on a synthetic frame the size of a large study; the target is under 60 s.

Default size: 50 models × ~7,400 items (40 persons, both languages, controls) × 3 prompt conditions ≈ 1.1 M rows,
1,000 person-bootstrap resamples, no thumbnails. The frame is simulated (`multipriv.analysis.synthetic`) with
models spread from weak to strong and a few whose protection breaks under adversarial framing.

Run: .venv/bin/python benchmarks/bench_report.py [--models 50] [--persons 40] [--per-task 10] [--out DIR]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from multipriv.analysis.bundle import analyse
from multipriv.analysis.synthetic import Profile, synthetic_frame, synthetic_items
from multipriv.report import write_report


def profiles(n: int) -> dict[str, Profile]:
    out = {}
    for k in range(n):
        frac = k / max(n - 1, 1)
        breaks = k % 7 == 3
        refusal = ({"plain": 0.4, "protective": 0.7, "adversarial": 0.1} if breaks else
                   {"plain": 0.05 + 0.2 * (k % 3 == 0), "protective": 0.35, "adversarial": 0.05 + 0.18 * (k % 3 == 0)})
        reasoning = 0.15 + 0.6 * frac * (0.6 + 0.4 * (k % 2))
        out[f"model-{k:02d}"] = Profile(perception=0.3 + 0.5 * frac, reasoning=reasoning, refusal=refusal,
                                        leak_boost={"adversarial": 0.2} if breaks else {}, zh_penalty=0.05 * (k % 4))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", type=int, default=50)
    ap.add_argument("--persons", type=int, default=40)
    ap.add_argument("--per-task", type=int, default=10)
    ap.add_argument("--boot", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    t0 = time.perf_counter()
    items = synthetic_items(persons=args.persons, per_task=args.per_task)
    frame = synthetic_frame(profiles(args.models), items, conditions=("plain", "protective", "adversarial"))
    t1 = time.perf_counter()
    print(f"frame: {len(frame):,} rows, {len(items):,} items, {args.models} models, 3 conditions "
          f"(simulated in {t1 - t0:.1f} s)")

    start = time.perf_counter()
    analyse(frame, items, n_boot=args.boot)
    analysis_s = time.perf_counter() - start
    out = args.out or Path(tempfile.mkdtemp(prefix="multipriv-report-"))
    start = time.process_time(), time.perf_counter()
    paths = write_report(frame, items, out, n_boot=args.boot)
    cpu_s, wall_s = time.process_time() - start[0], time.perf_counter() - start[1]
    size = paths.html.stat().st_size / 1e6
    print(f"analysis alone: {analysis_s:.1f} s")
    print(f"write_report: {wall_s:.1f} s wall, {cpu_s:.1f} s CPU (target < 60 s); report.html {size:.1f} MB -> {out}")


if __name__ == "__main__":
    main()
