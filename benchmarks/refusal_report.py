"""Per-class precision and recall of the refusal rules on the labelled set, whole and held-out.

Run: .venv/bin/python benchmarks/refusal_report.py [FILE.jsonl]
"""

from __future__ import annotations

import sys
from pathlib import Path

from multipriv.score.refusal_cli import evaluate_jsonl

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "score" / "data" / "refusal_set.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    for split in (None, "tune", "heldout"):
        print(f"[{split or 'whole'}]")
        print("\n".join(evaluate_jsonl(path, split).lines()))


if __name__ == "__main__":
    main()
