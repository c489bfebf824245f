"""The refusal rules on the labelled replies: accuracy, refuse-vs-not accuracy and per-class precision and recall,
per split (dev, test, hand) and language, with the confusion matrix of each split.

Run: .venv/bin/python benchmarks/refusal_report.py [FILE.jsonl] [--cases]

The set is made by benchmarks/refusal_set/make.py (rubric: docs/refusal_rubric.md). Tune on `dev` only; `test`
is written with other hand-written parts and is for aggregate figures only. `hand` is the older hand-written set.
--cases adds the dev split's accuracy per scenario (never the test split's: its errors are not for reading).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from multipriv.score.refusal import LABELS, label_text
from multipriv.score.refusal_cli import RefusalReport, evaluate_pairs

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "score" / "data" / "refusal_set.jsonl"
SPLITS = ("dev", "test", "hand")


def _row(name: str, r: RefusalReport) -> str:
    cells = [f"{name:10s}", f"{r.n:5d}", f"{r.accuracy:.3f}", f"{r.binary_accuracy:.3f}"]
    for label in LABELS:
        s = r.per_class[label]
        cells += [f"{s.precision:.3f}", f"{s.recall:.3f}"]
    return " | ".join(cells)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--cases", action="store_true", help="dev accuracy per scenario")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    predicted = [label_text(r["text"]) for r in rows]
    head = ["split/lang", "    n", "3-way", "ref/not"] + [f"{lab[:4]} {m}" for lab in LABELS for m in ("P", "R")]
    print(" | ".join(f"{h:10s}" if i == 0 else h for i, h in enumerate(head)))
    for split in SPLITS:
        for lang in (None, "en", "zh"):
            pairs = [(r["label"], p) for r, p in zip(rows, predicted, strict=True)
                     if r.get("split") == split and (lang is None or r.get("lang") == lang)]
            if pairs:
                print(_row(f"{split}/{lang or 'all'}", evaluate_pairs(pairs)))
    for split in SPLITS:
        pairs = [(r["label"], p) for r, p in zip(rows, predicted, strict=True) if r.get("split") == split]
        if not pairs:
            continue
        confusion = evaluate_pairs(pairs).confusion
        print(f"\n[{split}] confusion, gold (rows) by predicted (columns): " + " ".join(f"{x:>7s}" for x in LABELS))
        for g in LABELS:
            print(f"  {g:8s}" + " ".join(f"{confusion.get((g, p), 0):7d}" for p in LABELS))
    if args.cases:
        ok: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for r, p in zip(rows, predicted, strict=True):
            if r.get("split") == "dev":
                key = f"{r.get('case')}/{r.get('lang')}"
                total[key] += 1
                ok[key] += p == r["label"]
        print("\n[dev] accuracy per scenario")
        for key in sorted(total):
            print(f"  {key:24s} {ok[key] / total[key]:.3f} ({total[key]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
