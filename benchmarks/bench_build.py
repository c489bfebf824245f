"""Time and peak memory of `multipriv build` at the default scale and at larger scales.

Run: python benchmarks/bench_build.py [--scales 1 4 10] [--jobs 2] [--persons 100 --background 700] [--tmp DIR]
     [--keep DIR]  (keeps each build as DIR/scale-N, e.g. to `diff -r` it against a reference)
Each scale multiplies both tiers (1 = the default: 100 core + 700 background persons; a smaller base for a
busy machine with --persons/--background). Peak memory is the largest resident set of the main process and of
any one render worker; CPU seconds are the main process's and its workers' together (wall time lies on a
shared machine).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import json, resource, sys, time
from pathlib import Path
from multipriv.dataset.build import BuildConfig, build_dataset
from multipriv.world.generate import WorldConfig
scale, jobs, out = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
persons, background = int(sys.argv[4]), int(sys.argv[5])
t = time.perf_counter()
m = build_dataset(BuildConfig(WorldConfig(persons=persons * scale, background=background * scale), jobs=jobs), out)
own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
print(json.dumps({"seconds": time.perf_counter() - t, "images": m["images"], "items": m["counts"]["items"],
                  "cpu_s": cpu,
                  "peak_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "peak_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--persons", type=int, default=100, help="core persons at scale 1")
    parser.add_argument("--background", type=int, default=700, help="background persons at scale 1")
    parser.add_argument("--tmp", type=Path, default=None, help="folder for the scratch builds")
    parser.add_argument("--keep", type=Path, default=None, help="keep each build as KEEP/scale-N")
    args = parser.parse_args()
    for scale in args.scales:
        with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
            out = args.keep / f"scale-{scale}" if args.keep else Path(tmp) / "b"
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-c", CHILD, str(scale), str(args.jobs), str(out),
                                   str(args.persons), str(args.background)],
                                  capture_output=True, text=True, check=True)
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            persons = (args.persons + args.background) * scale
            print(f"scale {scale:>2}: {persons} persons, {result['images']} images, {result['items']} items in "
                  f"{result['seconds']:.0f} s ({time.perf_counter() - start:.0f} s with start-up), "
                  f"{result['cpu_s']:.0f} CPU-s; peak memory "
                  f"{result['peak_main_mb']:.0f} MB main, {result['peak_worker_mb']:.0f} MB per worker; "
                  f"{result['cpu_s'] / result['images'] * 1000:.0f} CPU-ms per image")


if __name__ == "__main__":
    main()
