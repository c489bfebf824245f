"""The person bootstrap: correct coverage, wider under clustering, paired replicates (speed:
benchmarks/bench_bootstrap.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from multipriv.analysis.bootstrap import ClusterBootstrap, Ratio, cluster_ci, group_codes, percentile_interval


def _bernoulli(n: int, p: float, persons: int, seed: int, person_sd: float = 0.0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    person = rng.integers(0, persons, n)
    rate = np.clip(p + rng.normal(0, person_sd, persons)[person], 0, 1) if person_sd else np.full(n, p)
    return pd.DataFrame({"person": pd.Categorical(person.astype(str)), "row": np.arange(n).astype(str),
                         "x": (rng.random(n) < rate).astype(float)})


def test_interval_contains_true_rate() -> None:
    df = _bernoulli(4000, 0.3, persons=4000, seed=1)
    point, lo, hi = cluster_ci(df, "x")
    assert lo < 0.3 < hi
    assert lo <= point <= hi
    assert hi - lo < 0.06


def test_coverage_near_nominal() -> None:
    """Over 60 independent data sets, the 95% interval covers the true rate most of the time."""
    hits = 0
    for seed in range(60):
        df = _bernoulli(600, 0.3, persons=60, seed=seed)
        _, lo, hi = cluster_ci(df, "x", n=400, seed=seed)
        hits += lo <= 0.3 <= hi
    assert hits >= 51  # nominal 57; binomial noise at 60 trials


def test_clustered_interval_is_wider() -> None:
    """With strong person effects, resampling persons gives a wider (honest) interval than resampling rows."""
    df = _bernoulli(3000, 0.4, persons=30, seed=2, person_sd=0.25)
    _, lo_p, hi_p = cluster_ci(df, "x", cluster="person")
    _, lo_r, hi_r = cluster_ci(df, "x", cluster="row")
    assert hi_p - lo_p > 2 * (hi_r - lo_r)


def test_ratio_matches_generic_function() -> None:
    df = _bernoulli(800, 0.5, persons=40, seed=4)
    df["den"] = (np.arange(len(df)) % 3 != 0).astype(float)
    fast = cluster_ci(df, Ratio("x", "den"), n=300, seed=5)
    slow = cluster_ci(df, lambda d: float((d["x"] * d["den"]).sum() / d["den"].sum()), n=300, seed=5)
    assert fast[0] == pytest.approx(slow[0])
    assert fast[1] == pytest.approx(slow[1], abs=0.03) and fast[2] == pytest.approx(slow[2], abs=0.03)


def test_skipna_mean_and_failure_mean() -> None:
    df = pd.DataFrame({"person": list("aabb"), "x": [1.0, np.nan, 0.0, 1.0]})
    assert cluster_ci(df, "x", n=50)[0] == pytest.approx(2 / 3)  # column name: NaN rows left out
    assert cluster_ci(df, Ratio("x"), n=50)[0] == pytest.approx(0.5)  # Ratio: NaN counts as a failure


def test_group_codes_match_pandas() -> None:
    rng = np.random.default_rng(6)
    df = pd.DataFrame({"a": pd.Categorical(rng.choice(["z", "y", "x"], 500)), "b": rng.integers(0, 4, 500)})
    codes, keys = group_codes(df, ["a", "b"])
    expected = df.groupby(["a", "b"], observed=True, sort=True).ngroup().to_numpy()
    assert (codes == expected).all()
    assert keys["a"].tolist() == sorted(keys["a"].tolist())


def test_shared_resamples_make_paired_differences() -> None:
    """Two statistics from one bootstrap use the same persons: a difference of identical columns is exactly 0."""
    df = _bernoulli(1000, 0.4, persons=50, seed=7)
    df["y"] = df["x"]
    boot = ClusterBootstrap(df, n=200)
    a = boot.replicates(df, [], "x")
    b = boot.replicates(df, [], "y")
    lo, hi = percentile_interval(b.reps[:, 0] - a.reps[:, 0])
    assert lo[0] == 0 and hi[0] == 0


def test_unknown_cluster_in_subset_is_an_error() -> None:
    df = _bernoulli(100, 0.5, persons=10, seed=8)
    boot = ClusterBootstrap(df, n=10)
    other = pd.DataFrame({"person": ["nobody"], "x": [1.0]})
    with pytest.raises(ValueError):
        boot.replicates(other, [], "x")
