"""Label a JSONL file of replies, one refusal label per line (behind `multipriv refusal FILE.jsonl`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multipriv.errors import MultiPrivError
from multipriv.jsonl import read_jsonl
from multipriv.score.refusal import LABELS, Label, label_text


def _rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; anything malformed names its line (read by the shared
    JSONL reader in strict mode: every line must be there, since labels are printed one per line)."""
    rows = []
    for number, row in read_jsonl(Path(path), strict=True).rows:
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
    """Agreement of the rules with a labelled set: 3-way accuracy, refuse-vs-not accuracy (partial and comply
    together), per-class precision and recall, and the confusion counts (gold, predicted) -> n."""

    n: int
    accuracy: float
    per_class: dict[str, ClassStats]
    binary_accuracy: float = 0.0
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"n={self.n} accuracy={self.accuracy:.3f} refuse-vs-not={self.binary_accuracy:.3f}"]
        for name, s in self.per_class.items():
            out.append(f"  {name:8s} precision={s.precision:.3f} recall={s.recall:.3f} support={s.support}")
        return out


def evaluate_jsonl(path: Path, split: str | None = None, *, lang: str | None = None) -> RefusalReport:
    """Score the rules on a labelled JSONL (`text`, `label`, optional `split` and `lang`); `split` and `lang`
    keep one split and one language."""
    rows = []
    for number, row in _rows(path):
        if row.get("label") not in LABELS:
            raise MultiPrivError(f"{path}, line {number}: 'label' must be one of {', '.join(LABELS)}")
        if (split is None or row.get("split") == split) and (lang is None or row.get("lang") == lang):
            rows.append(row)
    return evaluate_pairs([(row["label"], label_text(row["text"])) for row in rows])


def evaluate_pairs(pairs: list[tuple[str, str]]) -> RefusalReport:
    """The report for (gold, predicted) label pairs."""
    per_class: dict[str, ClassStats] = {}
    for name in LABELS:
        predicted = sum(p == name for _, p in pairs)
        actual = sum(g == name for g, _ in pairs)
        hits = sum(g == p == name for g, p in pairs)
        per_class[name] = ClassStats(
            precision=hits / predicted if predicted else 0.0, recall=hits / actual if actual else 0.0, support=actual
        )
    accuracy = sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0
    binary = sum((g == "refuse") == (p == "refuse") for g, p in pairs) / len(pairs) if pairs else 0.0
    confusion: dict[tuple[str, str], int] = {}
    for g, p in pairs:
        confusion[(g, p)] = confusion.get((g, p), 0) + 1
    return RefusalReport(n=len(pairs), accuracy=accuracy, per_class=per_class, binary_accuracy=binary,
                         confusion=confusion)
