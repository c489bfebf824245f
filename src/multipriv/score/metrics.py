"""The benchmark's metrics, as plain functions on parsed answers and on lists of outcomes.

Aggregates take `None` (unparseable or refused) as a failure: the paper counts refusals as failures in
the capability score and reports them separately, and an evaluator that dropped them would reward a
model for not answering.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def set_prf(predicted: Iterable[str], gold: Iterable[str]) -> PRF:
    """Precision, recall and F1 of an attribute set; both empty is a perfect answer (1.0 each)."""
    pred, true = set(predicted), set(gold)
    if not pred and not true:
        return PRF(1.0, 1.0, 1.0)
    hits = len(pred & true)
    precision = hits / len(pred) if pred else 0.0
    recall = hits / len(true) if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)


def set_f1(predicted: Iterable[str], gold: Iterable[str]) -> float:
    return set_prf(predicted, gold).f1


def iou(a: Box, b: Box) -> float:
    """Intersection over union of two (x0, y0, x1, y1) boxes; degenerate boxes score 0."""
    ix = min(a[2], b[2]) - max(a[0], b[0])
    iy = min(a[3], b[3]) - max(a[1], b[1])
    if ix <= 0 or iy <= 0:
        return 0.0
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def step_completion(steps_right: Sequence[bool]) -> float:
    """Fraction of a chain's hops answered right; a chain with no hops scores 0."""
    return sum(steps_right) / len(steps_right) if steps_right else 0.0


def accuracy(outcomes: Iterable[bool | None]) -> float:
    """Share of True; None (unparseable or refused) counts as a failure. Empty input is 0."""
    total = hits = 0
    for outcome in outcomes:
        total += 1
        hits += outcome is True
    return hits / total if total else 0.0


def mean(values: Iterable[float]) -> float:
    """Mean score (mean F1, mean IoU, mean completion); empty input is 0."""
    total = 0.0
    n = 0
    for v in values:
        total += v
        n += 1
    return total / n if n else 0.0
