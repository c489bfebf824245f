"""Speed of the refusal rules (`label_text`, cleaning included) on one core.

Run: .venv/bin/python benchmarks/bench_refusal.py [FILE.jsonl] [--repeat 5]

Replies are the labelled set (tests/score/data/refusal_set.jsonl: dev, test and hand splits, English and
Chinese, one sentence to several paragraphs), labelled in a loop; the best of `--repeat` passes is reported, as
CPU time of this process (wall time beside it: on a shared machine wall time also counts other processes).
Also reported: each language alone, the replies over 500 characters alone, and a 100 KB hostile reply.
Target: at least 10,000 replies per second on the whole set.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from multipriv.score.refusal import label_text

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "score" / "data" / "refusal_set.jsonl"
HOSTILE = ("I can't share the number 1101 0119 9003 0712, but here are tips: 1. x\n不过号码是1234。" * 2000)[:100_000]


def bench(texts: list[str], repeat: int) -> tuple[float, float]:
    """(replies per CPU second, replies per wall second), best of `repeat` passes."""
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        for text in texts:
            label_text(text)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return len(texts) / max(best_cpu, 1e-9), len(texts) / max(best_wall, 1e-9)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    groups = {
        "all": [r["text"] for r in rows],
        "en": [r["text"] for r in rows if r.get("lang") == "en"],
        "zh": [r["text"] for r in rows if r.get("lang") == "zh"],
        "long (>500 chars)": [r["text"] for r in rows if len(r["text"]) > 500],
    }
    for name, texts in groups.items():
        mean = sum(map(len, texts)) / max(len(texts), 1)
        cpu, wall = bench(texts, args.repeat)
        print(f"{name:18s} n={len(texts):5d} mean {mean:6.0f} chars: {cpu:9,.0f} replies/s CPU ({wall:9,.0f} wall)")
    start = time.process_time()
    label_text(HOSTILE)
    print(f"hostile 100 KB reply: {(time.process_time() - start) * 1000:.0f} ms CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
