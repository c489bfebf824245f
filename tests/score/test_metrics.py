"""Metric definitions, including the edge cases the report depends on."""

from __future__ import annotations

import pytest

from multipriv.score.metrics import PRF, accuracy, iou, mean, set_f1, set_prf, step_completion


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        (set(), set(), PRF(1.0, 1.0, 1.0)),  # nothing to find, nothing claimed
        ({"name"}, set(), PRF(0.0, 0.0, 0.0)),
        (set(), {"name"}, PRF(0.0, 0.0, 0.0)),
        ({"name", "face"}, {"name", "face"}, PRF(1.0, 1.0, 1.0)),
        ({"name", "face"}, {"name"}, PRF(0.5, 1.0, 2 / 3)),
        ({"name"}, {"name", "face", "phone", "id_number"}, PRF(1.0, 0.25, 0.4)),
    ],
)
def test_set_prf(pred: set[str], gold: set[str], expected: PRF) -> None:
    got = set_prf(pred, gold)
    assert got.precision == pytest.approx(expected.precision)
    assert got.recall == pytest.approx(expected.recall)
    assert got.f1 == pytest.approx(expected.f1)
    assert set_f1(pred, gold) == pytest.approx(expected.f1)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 0, 100, 100), (0, 0, 100, 100), 1.0),
        ((0, 0, 100, 100), (50, 0, 150, 100), 1 / 3),
        ((0, 0, 100, 100), (100, 100, 200, 200), 0.0),  # touching corners
        ((0, 0, 100, 100), (200, 200, 300, 300), 0.0),
        ((0, 0, 0, 100), (0, 0, 100, 100), 0.0),  # degenerate box
        ((10, 10, 20, 20), (0, 0, 100, 100), 0.01),
    ],
)
def test_iou(a: tuple[float, ...], b: tuple[float, ...], expected: float) -> None:
    assert iou(a, b) == pytest.approx(expected)  # type: ignore[arg-type]
    assert iou(b, a) == pytest.approx(expected)  # type: ignore[arg-type]


def test_step_completion() -> None:
    assert step_completion([True, False, True, True]) == 0.75
    assert step_completion([]) == 0.0


def test_accuracy_counts_unanswered_as_failures() -> None:
    assert accuracy([True, False, None, True]) == 0.5
    assert accuracy([]) == 0.0


def test_mean() -> None:
    assert mean([1.0, 0.0, 0.5]) == 0.5
    assert mean(iter([])) == 0.0
