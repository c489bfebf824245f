"""Time `multipriv export` of a build in every registered format, private and `--public`; target ≤ 60 s each
for the default build on 2 cores.

CPU seconds (this process) is the figure to compare: wall time also counts whatever else the machine runs and
the disk. On a build smaller than the default, the last column scales the CPU time by the default build's items
(14,028) over this build's, an upper bound since images (the other cost) grow less (1,900 over this build's).

Run: .venv/bin/python benchmarks/bench_export.py DATA [--formats hf,vlmevalkit] [--default-items 14028]
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from multipriv.export.cli import load_formats, run_export
from multipriv.export.registry import EXPORTERS


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="a folder written by `multipriv build`")
    parser.add_argument("--formats", default="", help="comma-separated; default: every registered format")
    parser.add_argument("--default-items", type=int, default=14_028, help="items of the default build")
    args = parser.parse_args()
    load_formats()
    formats = [f for f in args.formats.split(",") if f] or sorted(EXPORTERS)
    manifest = json.loads((args.data / "manifest.json").read_text(encoding="utf-8"))
    items = int(manifest["counts"]["items"])
    scale = args.default_items / items
    print(f"build {args.data}: {items} items, {manifest['images']} images; scale to default x{scale:.1f}")
    print(f"{'format':<12} {'public':<7} {'cpu s':>7} {'wall s':>7} {'MB':>8} {'cpu s at default':>17}")
    with tempfile.TemporaryDirectory(prefix="bench_export_") as tmp:
        for fmt in formats:
            for public in (False, True):
                out = Path(tmp) / f"{fmt}-{public}"
                cpu, wall = time.process_time(), time.perf_counter()
                run_export(args.data, fmt, out, public=public)
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                print(f"{fmt:<12} {public!s:<7} {cpu:7.2f} {wall:7.2f} {_size(out) / 1e6:8.1f} {cpu * scale:17.1f}")
                shutil.rmtree(out)


if __name__ == "__main__":
    main()
