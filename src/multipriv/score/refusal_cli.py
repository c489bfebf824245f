"""Label a JSONL file of replies, one refusal label per line (behind `multipriv refusal FILE.jsonl`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multipriv.errors import MultiPrivError
from multipriv.score.refusal import LABELS, Label, label_text


def _rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; anything malformed names its line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise MultiPrivError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise MultiPrivError(f"cannot read {path}: not UTF-8 text") from exc
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 may sit in a string
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MultiPrivError(f"{path}, line {number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise MultiPrivError(f"{path}, line {number}: expected an object with a string 'text' field")
        lang = row.get("lang")
        if lang is not None and lang not in ("en", "zh"):
            raise MultiPrivError(f"{path}, line {number}: 'lang' must be 'en' or 'zh', not {lang!r}")
        rows.append((number, row))
    return rows


def label_jsonl(path: Path) -> list[Label]:
    """One label per non-blank line; each line is an object with a string `text` (and optionally `lang`).

    The language needs no flag: the cues of both languages are always tried, since replies mix scripts.
    A malformed line is the user's to fix, so it raises `MultiPrivError` naming the file and line.
    """
    return [label_text(row["text"]) for _, row in _rows(path)]


@dataclass(frozen=True, slots=True)
class ClassStats:
    precision: float
    recall: float
    support: int


@dataclass(frozen=True, slots=True)
class RefusalReport:
    """Agreement of the rules with a labelled set: accuracy and per-class precision and recall."""

    n: int
    accuracy: float
    per_class: dict[str, ClassStats]

    def lines(self) -> list[str]:
        out = [f"n={self.n} accuracy={self.accuracy:.3f}"]
        for name, s in self.per_class.items():
            out.append(f"  {name:8s} precision={s.precision:.3f} recall={s.recall:.3f} support={s.support}")
        return out


def evaluate_jsonl(path: Path, split: str | None = None) -> RefusalReport:
    """Score the rules on a labelled JSONL (`text`, `label`, optional `split`); `split` keeps one split."""
    rows = []
    for number, row in _rows(path):
        if row.get("label") not in LABELS:
            raise MultiPrivError(f"{path}, line {number}: 'label' must be one of {', '.join(LABELS)}")
        if split is None or row.get("split") == split:
            rows.append(row)
    pairs = [(row["label"], label_text(row["text"])) for row in rows]
    per_class: dict[str, ClassStats] = {}
    for name in LABELS:
        predicted = sum(p == name for _, p in pairs)
        actual = sum(g == name for g, _ in pairs)
        hits = sum(g == p == name for g, p in pairs)
        per_class[name] = ClassStats(
            precision=hits / predicted if predicted else 0.0, recall=hits / actual if actual else 0.0, support=actual
        )
    accuracy = sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0
    return RefusalReport(n=len(pairs), accuracy=accuracy, per_class=per_class)
