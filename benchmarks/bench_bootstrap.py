"""Time of the person-clustered bootstrap on 100,000 rows (2,000 persons, 1,000 replicates); target under 1 s.

Run: .venv/bin/python benchmarks/bench_bootstrap.py [--rows 100000] [--replicates 1000]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from multipriv.analysis.bootstrap import cluster_ci


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--persons", type=int, default=2000)
    parser.add_argument("--replicates", type=int, default=1000)
    args = parser.parse_args()
    rng = np.random.default_rng(3)
    df = pd.DataFrame({"person": pd.Categorical(rng.integers(0, args.persons, args.rows).astype(str)),
                       "x": (rng.random(args.rows) < 0.3).astype(float)})
    cluster_ci(df, "x", n=50)  # warm-up
    start = time.process_time()
    point, lo, hi = cluster_ci(df, "x", n=args.replicates)
    seconds = time.process_time() - start
    print(f"{args.rows} rows, {args.persons} persons, {args.replicates} replicates: {seconds:.3f} s CPU "
          f"(interval {lo:.4f}–{hi:.4f} around {point:.4f}); target < 1 s")


if __name__ == "__main__":
    main()
