"""A sweep split over machines gives the report of one run: `eval --shard i/n` on each, `report` on all folders.

Evaluates the offline baselines on a build once whole and once as `n` shards (each into its own run folder,
as separate machines would), reports both, and compares every table the report writes (`tables/*.csv`) and
its `summary.md`, byte for byte, and files that differ once more with rows sorted and numbers to 1e-9
(a merged report sums the same scores in another order: the last digit of a mean can move).

Usage:
    multipriv build --out /tmp/b --persons 10 --background 30
    python benchmarks/bench_shards.py /tmp/b --shards 3 --baselines random,oracle

Exits 1 when the merged report differs from the single run's.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import shutil
import sys
import tempfile
from pathlib import Path

from multipriv.cli import app


def _cli(*args: str) -> None:
    app(list(args), standalone_mode=False)


def _files(report: Path) -> dict[str, bytes]:
    files = [*sorted((report / "tables").glob("*.csv")), report / "summary.md"]
    return {str(f.relative_to(report)): f.read_bytes() for f in files if f.is_file()}


def _rows(data: bytes) -> list[tuple[object, ...]]:
    """A CSV's rows, sorted, numbers as floats: for telling a real difference from summation order."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))

    def cell(text: str) -> object:
        try:
            return float(text)
        except ValueError:
            return text
    return sorted((tuple(cell(c) for c in row) for row in rows), key=repr)


def _close(a: bytes, b: bytes) -> bool:
    ra, rb = _rows(a), _rows(b)
    return len(ra) == len(rb) and all(
        len(x) == len(y) and all(math.isclose(u, v, rel_tol=1e-9, abs_tol=1e-12)
                                 if isinstance(u, float) and isinstance(v, float) else u == v
                                 for u, v in zip(x, y, strict=True))
        for x, y in zip(ra, rb, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="a build folder")
    parser.add_argument("--shards", type=int, default=3)
    parser.add_argument("--baselines", default="random,oracle")
    parser.add_argument("--conditions", default="plain,protective")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (kept); default: a temporary one")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="mp-shards-"))
    try:
        common = ["--data", str(args.data), "--baselines", args.baselines, "--conditions", args.conditions]
        _cli("eval", "--out", str(work / "whole"), *common)
        shard_dirs = []
        for i in range(args.shards):
            folder = work / f"shard{i}"  # one machine each; copied back to one place before `report`
            _cli("eval", "--out", str(folder), "--shard", f"{i}/{args.shards}", *common)
            shard_dirs.append(str(folder))
        _cli("report", str(work / "whole"), "--out", str(work / "report-whole"))
        _cli("report", *shard_dirs, "--out", str(work / "report-shards"))
        one, merged = _files(work / "report-whole"), _files(work / "report-shards")
        differ = sorted(name for name in one.keys() | merged.keys() if one.get(name) != merged.get(name))
        real = [name for name in differ if not (name.endswith(".csv") and name in one and name in merged
                                                and _close(one[name], merged[name]))]
        print(f"{len(one)} report files compared: {len(one) - len(differ)} byte-identical; "
              f"{len(differ) - len(real)} equal up to row order and float rounding {differ}; "
              f"{len(real)} different {real}")
        return 1 if real else 0
    finally:
        if not (args.keep or args.work):
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
