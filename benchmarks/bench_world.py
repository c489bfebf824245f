"""Time building a world of 10,000 core persons on one core (target: under 20 s).

Run: python benchmarks/bench_world.py [--persons 10000]
"""

from __future__ import annotations

import argparse
import time

from multipriv.world.generate import WorldConfig, build_world
from multipriv.world.io import dumps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=10_000)
    args = parser.parse_args()
    start = time.perf_counter()
    world = build_world(WorldConfig(seed=0, persons=args.persons, background=0))
    built = time.perf_counter() - start
    text = dumps(world)
    total = time.perf_counter() - start
    print(f"{args.persons} persons: build {built:.2f} s, build+serialise {total:.2f} s, "
          f"{len(text.encode()) / 1e6:.1f} MB, {args.persons / built:.0f} persons/s")


if __name__ == "__main__":
    main()
