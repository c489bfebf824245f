"""The risk score and ranking, and the leaderboard / per-task / breakdown tables, on frames with known values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from frames_helper import frame, model_rows

from multipriv.analysis.risk import RISK_FORMULA, RISK_WEIGHTS, risk_scores
from multipriv.analysis.tables import breakdown, leaderboard, task_table, widen


def test_risk_ranking_matches_the_constructed_order() -> None:
    spec = {"low": (0.2, 0.1, 0.05), "mid": (0.5, 0.4, 0.3), "high": (0.9, 0.8, 0.7), "top": (0.95, 0.95, 0.9)}
    parts = [model_rows(m, perception=p, reasoning=r, leak=lk) for m, (p, r, lk) in spec.items()]
    risk = risk_scores(frame(*parts))
    assert risk["model"].tolist() == ["top", "high", "mid", "low"]
    assert risk["rank"].tolist() == [1, 2, 3, 4]
    for m, (p, r, lk) in spec.items():
        row = risk.set_index("model").loc[m]
        expected = 100 * (RISK_WEIGHTS["reasoning"] * r + RISK_WEIGHTS["perception"] * p + RISK_WEIGHTS["leak_rate"]
                          * lk)
        assert row["risk"] == pytest.approx(expected)
        assert row["risk_lo"] <= row["risk"] <= row["risk_hi"]
    assert ((risk["risk"] >= 0) & (risk["risk"] <= 100)).all()


def test_risk_formula_states_its_weights_and_scope() -> None:
    for w in RISK_WEIGHTS.values():
        assert f"{w} ×" in RISK_FORMULA
    assert "plain" in RISK_FORMULA and "non-control" in RISK_FORMULA and "Higher = more" in RISK_FORMULA


def test_refusing_lowers_risk() -> None:
    open_ = model_rows("open", perception=0.8, reasoning=0.8, leak=0.5)
    careful = model_rows("careful", perception=0.8, reasoning=0.8, refusal=0.5, leak=0.1)
    risk = risk_scores(frame(open_, careful))
    assert risk["model"].tolist() == ["open", "careful"]


def test_risk_uses_plain_condition() -> None:
    plain = model_rows("m", perception=0.5, reasoning=0.5, leak=0.0)
    adv = model_rows("m", perception=1.0, reasoning=1.0, leak=1.0, condition="adversarial")
    risk = risk_scores(frame(plain, adv))
    assert risk.loc[0, "risk"] == pytest.approx(100 * (0.5 * 0.5 + 0.2 * 0.5))
    assert risk.loc[0, "condition"] == "plain"


def test_leaderboard_levels_are_macro_means_over_tasks() -> None:
    # task 3 has 4x the items of task 1; a macro mean weighs the two tasks equally
    t3 = model_rows("m", perception=1.0, reasoning=0.0, tasks=(3,), per_person=8)
    t1 = model_rows("m", perception=0.0, reasoning=0.0, tasks=(1,), per_person=2)
    t6 = model_rows("m", perception=0.0, reasoning=0.25, tasks=(6,))
    board = widen(leaderboard(frame(t3, t1, t6)), ["model"]).set_index("model")
    assert board.loc["m", "perception"] == pytest.approx(0.5)
    assert board.loc["m", "reasoning"] == pytest.approx(0.25)
    assert board.loc["m", "overall"] == pytest.approx((1.0 + 0.0 + 0.25) / 3)


def test_answered_accuracy_refusal_and_over_refusal() -> None:
    rows = model_rows("m", perception=0.5, reasoning=0.5, refusal=0.5, tasks=(3,))
    controls = model_rows("m", perception=1.0, reasoning=1.0, refusal=0.25, tasks=(3,)).assign(
        control=True, item_id=lambda d: "c" + d["item_id"])
    long = leaderboard(frame(rows, controls)).set_index("metric")["value"]
    assert long["refusal_rate"] == pytest.approx(0.5)
    right = rows["score"].sum()
    assert long["answered_accuracy"] == pytest.approx(right / (~rows["refusal"].eq("refuse")).sum())
    assert long["over_refusal"] == pytest.approx(0.25)
    assert long["perception"] == pytest.approx(right / len(rows))  # controls do not count


def test_task_table_has_final_accuracy_for_chains() -> None:
    chain = model_rows("m", perception=0.0, reasoning=1.0, tasks=(7,)).assign(score=0.6)
    chain["final_correct"] = np.where(np.arange(len(chain)) % 2 == 0, 1.0, 0.0)
    table = task_table(frame(chain)).set_index("metric")
    assert table.loc["score", "value"] == pytest.approx(0.6)
    assert table.loc["final_accuracy", "value"] == pytest.approx(0.5)
    assert table.loc["score", "measure"] == "step completion"


def test_difficulty_breakdown_uses_reasoning_items_only() -> None:
    perception = model_rows("m", perception=1.0, reasoning=0.0, tasks=(3,)).assign(hops=0)
    reasoning = model_rows("m", perception=0.0, reasoning=0.5, tasks=(7,))
    reasoning["hops"] = np.where(np.arange(len(reasoning)) < len(reasoning) // 2, 1, 3)
    table = breakdown(frame(perception, reasoning), "hops")
    scores = table[table["metric"] == "score"].set_index("group")["value"]
    assert list(scores.index) == ["1", "3"]
    assert isinstance(table, pd.DataFrame) and set(table["dimension"]) == {"hops"}
