"""Perception → reasoning: rank correlations with person-bootstrap intervals, the sentence, conditional rates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from frames_helper import frame, model_rows
from scipy import stats

from multipriv.analysis.correlation import (
    conditional_rates,
    describe_correlation,
    kendall_rows,
    perception_reasoning,
    spearman_p,
    spearman_rows,
)
from multipriv.analysis.synthetic import Profile, synthetic_frame, synthetic_items
from multipriv.tasks.schema import AnswerType, Item


def test_perfectly_ranked_models_give_rho_one_inside_its_interval() -> None:
    parts = [model_rows(f"m{k}", perception=0.2 + 0.1 * k, reasoning=0.1 + 0.12 * k) for k in range(7)]
    result = perception_reasoning(frame(*parts))
    assert result.n_models == 7 and result.spearman is not None and result.kendall is not None
    assert result.spearman.estimate == pytest.approx(1.0)
    assert result.spearman.lo <= 1.0 <= result.spearman.hi
    assert result.spearman.lo > 0.5
    assert result.kendall.estimate == pytest.approx(1.0)
    assert result.spearman.p_value == pytest.approx(2 / 5040)  # exact: 2 of 7! orderings are as extreme
    assert "strong predictor" in describe_correlation(result)


def test_independent_models_give_an_interval_containing_zero() -> None:
    """Eight models with the same true perception and reasoning rates: any ranking is noise."""
    items = synthetic_items(persons=10, per_task=1, seed=1)
    profiles = {f"m{k}": Profile(perception=0.5, reasoning=0.5, person_sd=0.1) for k in range(8)}
    result = perception_reasoning(synthetic_frame(profiles, items, seed=11))
    assert result.spearman is not None and result.kendall is not None
    assert result.spearman.lo < 0 < result.spearman.hi
    assert result.kendall.lo < 0 < result.kendall.hi
    assert "poor predictor" in describe_correlation(result)


def test_orthogonal_ranking_is_described_as_poor() -> None:
    reasoning_rank = [3, 6, 1, 4, 2, 5]  # Spearman 0 against 1..6 would need exact orthogonality; close enough
    parts = [model_rows(f"m{k}", perception=0.2 + 0.1 * k, reasoning=0.1 + 0.1 * r, persons=6, per_person=2)
             for k, r in enumerate(reasoning_rank)]
    result = perception_reasoning(frame(*parts))
    assert result.spearman is not None
    assert abs(result.spearman.estimate) < 0.35
    assert result.spearman.lo < 0 < result.spearman.hi


@pytest.mark.parametrize("n_models", [1, 2])
def test_fewer_than_three_models_computes_nothing(n_models: int) -> None:
    parts = [model_rows(f"m{k}", perception=0.5, reasoning=0.3 + 0.1 * k) for k in range(n_models)]
    result = perception_reasoning(frame(*parts))
    assert not result.computed and result.spearman is None and result.kendall is None
    assert result.n_models == n_models
    sentence = describe_correlation(result)
    assert "need several models" in sentence and "nan" not in sentence.lower()


def test_row_wise_correlations_match_scipy() -> None:
    rng = np.random.default_rng(0)
    x, y = rng.random((20, 9)), rng.random((20, 9))
    x[:, 3] = x[:, 4]  # ties
    rho, tau = spearman_rows(x, y), kendall_rows(x, y)
    for i in range(20):
        assert rho[i] == pytest.approx(stats.spearmanr(x[i], y[i]).statistic)
        assert tau[i] == pytest.approx(stats.kendalltau(x[i], y[i]).statistic)
    assert np.isnan(spearman_rows(np.ones((1, 5)), y[:1, :5]))[0]


def test_exact_spearman_p_value() -> None:
    x = np.arange(4.0)
    assert spearman_p(x, x) == pytest.approx(2 / 24)
    assert spearman_p(np.arange(12.0), np.arange(12.0)) == pytest.approx(1 / 10000)  # sampled beyond eight


def _items_with_prerequisites(n: int) -> dict[str, Item]:
    items: dict[str, Item] = {}
    for i in range(n):
        p = Item(id=f"p{i}", twin_id=f"p{i}", task=3, level="perception", lang="en", images=("a.png",), prompt="q",
                 answer_type=AnswerType.TEXT, gold=("x",), person_ids=(f"P{i % 10}",))
        r = Item(id=f"r{i}", twin_id=f"r{i}", task=6, level="reasoning", lang="en", images=("a.png",), prompt="q",
                 answer_type=AnswerType.TEXT, gold=("y",), person_ids=(f"P{i % 10}",), prerequisites=(f"p{i}",))
        items[p.id], items[r.id] = p, r
    return items


def test_conditional_rates_when_reasoning_follows_perception() -> None:
    """Reasoning right exactly when its prerequisite is right: P(R|P) = 1, P(R|not P) = 0, P(P|R) = 1."""
    n = 40
    items = _items_with_prerequisites(n)
    ok = np.arange(n) % 2 == 0
    rows = pd.DataFrame({
        "item_id": [f"p{i}" for i in range(n)] + [f"r{i}" for i in range(n)],
        "model": "m", "task": [3] * n + [6] * n, "person": [f"P{i % 10}" for i in range(n)] * 2,
        "score": np.concatenate([ok, ok]).astype(float),
    })
    rates = conditional_rates(frame(rows), items).set_index("metric")["value"]
    assert rates["p_reasoning_given_prereq_right"] == 1.0
    assert rates["p_reasoning_given_prereq_wrong"] == 0.0
    assert rates["p_prereq_right_given_reasoning_right"] == 1.0
    assert rates["p_prereq_right_given_reasoning_wrong"] == 0.0


def test_conditional_rates_skip_items_whose_prerequisites_were_not_run() -> None:
    items = _items_with_prerequisites(10)
    rows = pd.DataFrame({"item_id": [f"r{i}" for i in range(10)], "model": "m", "task": 6, "score": 1.0,
                         "person": [f"P{i}" for i in range(10)]})
    assert conditional_rates(frame(rows), items).empty
