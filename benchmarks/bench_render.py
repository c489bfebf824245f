"""Images per second per core, and the share of time spent encoding images (the floor no renderer goes under).

Run: python benchmarks/bench_render.py [--persons 40 --background 700]
Renders in one process (one core) so the figure is per core; `multipriv render --jobs 2` uses both cores.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

import multipriv.render.photo as photo
from multipriv.render.face_source import ProceduralFaceSource
from multipriv.render.pipeline import plan, render_one
from multipriv.world.generate import WorldConfig, build_world


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=40)
    parser.add_argument("--background", type=int, default=700)
    args = parser.parse_args()
    world = build_world(WorldConfig(seed=0, persons=args.persons, background=args.background))
    jobs = plan(world, 0)
    spent: Counter[str] = Counter()
    png, jpeg = photo.png_bytes, photo.jpeg_bytes

    def timed_png(img):  # type: ignore[no-untyped-def]
        t = time.process_time()
        out = png(img)
        spent["encode"] += time.process_time() - t
        return out

    def timed_jpeg(img, quality):  # type: ignore[no-untyped-def]
        t = time.process_time()
        out = jpeg(img, quality)
        spent["encode"] += time.process_time() - t
        return out

    photo.png_bytes, photo.jpeg_bytes = timed_png, timed_jpeg  # type: ignore[assignment]
    faces = ProceduralFaceSource()
    per_kind: Counter[str] = Counter()
    start, cpu = time.perf_counter(), time.process_time()
    for job in jobs:
        t = time.process_time()
        render_one(world, job, 0, faces)
        per_kind[job.kind] += time.process_time() - t
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{len(jobs)} images in {wall:.1f} s wall, {cpu:.1f} s CPU on one core: "
          f"{len(jobs) / cpu:.1f} images/s per core; encoding {spent['encode'] / cpu:.0%} of CPU time")
    counts = Counter(j.kind for j in jobs)
    for kind, total in per_kind.most_common():
        print(f"  {kind:22s} {1000 * total / counts[kind]:6.1f} ms/image  ({counts[kind]} images)")


if __name__ == "__main__":
    main()
