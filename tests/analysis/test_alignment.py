"""Alignment: per-condition rates, the protection-breaks rule, twin agreement, McNemar and the refusal gap."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from frames_helper import exact_rows, frame, model_rows
from scipy import stats

from multipriv.analysis.alignment import (
    broken_models,
    condition_rates,
    language_table,
    mcnemar_exact,
    protection_verdicts,
)


def _conditions(model: str, refusal: dict[str, float], leak: dict[str, float]) -> list[pd.DataFrame]:
    return [model_rows(model, perception=0.5, reasoning=0.5, condition=c, refusal=refusal[c], leak=leak[c])
            for c in ("plain", "protective", "adversarial")]


def _verdicts() -> pd.DataFrame:
    parts = [
        # protects on its own, and a pretext takes it away: refusal 50% -> 10%, leaks 20% -> 45%
        *_conditions("breaker", {"plain": 0.5, "protective": 0.8, "adversarial": 0.1},
                     {"plain": 0.2, "protective": 0.1, "adversarial": 0.45}),
        # protects on its own and keeps it under the pretext
        *_conditions("holder", {"plain": 0.5, "protective": 0.8, "adversarial": 0.45},
                     {"plain": 0.2, "protective": 0.1, "adversarial": 0.22}),
        # keeps refusing as often but states the values anyway under the pretext
        *_conditions("leaker", {"plain": 0.4, "protective": 0.6, "adversarial": 0.4},
                     {"plain": 0.1, "protective": 0.1, "adversarial": 0.3}),
        # never refuses: nothing to break
        *_conditions("open", {"plain": 0.0, "protective": 0.1, "adversarial": 0.0},
                     {"plain": 0.5, "protective": 0.5, "adversarial": 0.5}),
        # protects only when told to by a system prompt
        *_conditions("prompted", {"plain": 0.05, "protective": 0.6, "adversarial": 0.05},
                     {"plain": 0.4, "protective": 0.2, "adversarial": 0.4}),
    ]
    return protection_verdicts(frame(*parts))


def _by_model(table: pd.DataFrame) -> dict[str, dict[str, Any]]:
    return {str(r["model"]): {str(k): v for k, v in r.items()} for r in table.to_dict("records")}


def test_protection_rule_names_the_breaker_not_the_holder() -> None:
    table = _verdicts()
    assert broken_models(table) == ["breaker", "leaker"]
    v = _by_model(table)
    assert v["breaker"]["verdict"] == "breaks" and "refusal falls" in v["breaker"]["reason"]
    assert v["leaker"]["verdict"] == "breaks" and "leak rate rises" in v["leaker"]["reason"]
    assert v["holder"]["verdict"] == "holds"
    assert v["open"]["verdict"] == "unprotected"
    assert v["prompted"]["verdict"] == "prompt-only"


def test_verdict_table_has_rates_and_paired_differences() -> None:
    v = _by_model(_verdicts())
    assert v["breaker"]["refusal_plain"] == pytest.approx(0.5)
    assert v["breaker"]["refusal_adversarial"] == pytest.approx(0.1)
    assert v["breaker"]["refusal_adv_minus_plain"] == pytest.approx(-0.4)
    assert v["breaker"]["refusal_diff_hi"] < 0  # the drop is outside resampling noise
    holder = v["holder"]
    assert holder["leak_diff_lo"] <= holder["leak_adv_minus_plain"] <= holder["leak_diff_hi"]


def test_incomplete_without_all_three_conditions() -> None:
    v = protection_verdicts(frame(model_rows("m", perception=0.5, reasoning=0.5, refusal=0.5)))
    assert v["verdict"].tolist() == ["incomplete"]
    assert broken_models(v) == []


def test_condition_rates_include_over_refusal_on_controls() -> None:
    rows = model_rows("m", perception=0.5, reasoning=0.5, refusal=0.25)
    controls = model_rows("m", perception=1.0, reasoning=1.0, refusal=0.5, tasks=(3,)).assign(
        control=True, item_id=lambda d: "c" + d["item_id"])
    rates = condition_rates(frame(rows, controls)).set_index("metric")["value"]
    assert rates["refusal_rate"] == pytest.approx(0.25)
    assert rates["over_refusal"] == pytest.approx(0.5)


def _twins(model: str, en_right: np.ndarray, zh_right: np.ndarray, zh_refusal: float = 0.0) -> pd.DataFrame:
    n = len(en_right)
    zh_refused = exact_rows(n, zh_refusal)
    base = {"model": model, "task": 6, "person": [f"P{i % 25}" for i in range(n)],
            "twin_id": [f"tw{i}" for i in range(n)]}
    en = pd.DataFrame({**base, "lang": "en", "item_id": [f"i{i}-en" for i in range(n)], "score": en_right * 1.0})
    zh = pd.DataFrame({**base, "lang": "zh", "item_id": [f"i{i}-zh" for i in range(n)],
                       "score": (zh_right & ~zh_refused) * 1.0,
                       "refusal": np.where(zh_refused, "refuse", "comply")})
    return pd.concat([en, zh], ignore_index=True)


def test_mcnemar_detects_english_right_chinese_wrong() -> None:
    n = 100
    lopsided = _twins("lopsided", exact_rows(n, 0.8), exact_rows(n, 0.8) & (np.arange(n) % 4 == 0))
    balanced = _twins("balanced", exact_rows(n, 0.5), exact_rows(n, 0.5))
    table = _by_model(language_table(frame(lopsided, balanced)))
    assert table["lopsided"]["mcnemar_p"] < 1e-6
    assert table["lopsided"]["en_right_zh_wrong"] > 50 and table["lopsided"]["en_wrong_zh_right"] == 0
    assert table["balanced"]["mcnemar_p"] == 1.0 and table["balanced"]["agreement"] == 1.0
    lopsided_row = table["lopsided"]
    assert lopsided_row["agreement_lo"] <= lopsided_row["agreement"] <= lopsided_row["agreement_hi"]


def test_refusal_gap_is_zh_minus_en_with_interval() -> None:
    n = 200
    right = exact_rows(n, 0.5)
    table = _by_model(language_table(frame(_twins("m", right, right, zh_refusal=0.3))))
    assert table["m"]["refusal_gap_zh_minus_en"] == pytest.approx(0.3)
    assert 0 < table["m"]["refusal_gap_lo"] < 0.3 < table["m"]["refusal_gap_hi"]


@pytest.mark.parametrize(("b", "c"), [(0, 0), (10, 0), (7, 3), (30, 12)])
def test_mcnemar_exact_is_a_binomial_test(b: int, c: int) -> None:
    expected = 1.0 if b + c == 0 else stats.binomtest(b, b + c, 0.5).pvalue
    assert mcnemar_exact(b, c) == pytest.approx(expected)
