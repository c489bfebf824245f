"""Does perception predict reasoning? Rank correlations across models, and conditional rates per item.

Across models: each model's perception score (macro mean of tasks 1-4) and reasoning score (tasks 5-9) under the
headline condition; Spearman's rho and Kendall's tau-b between them, with permutation p-values and 95% intervals
from the person bootstrap (each resample recomputes every model's two scores from the same drawn persons, then
the correlation). With fewer than three models no correlation is computed and the result says so. Intervals are
percentile intervals: when the models differ little, resampled correlations shrink toward 0 and the interval can
even leave out the estimate, which the sentence then reports as a ranking that does not survive resampling.
The interval holds the models fixed and asks how stable their ranking is when persons are resampled; the
permutation p-value asks whether an association this strong could arise across so few models by chance, and
the sentence says so when it could.

Per item: for each reasoning item with perception prerequisites (and every prerequisite answered by the same
model under the same condition), whether its prerequisites were all right and whether it was right;
P(reasoning right | all prerequisites right), P(reasoning right | some prerequisite wrong), and the reverse,
P(all prerequisites right | reasoning right) and P(all prerequisites right | reasoning wrong), per model.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from multipriv.analysis.bootstrap import ALPHA, ClusterBootstrap, Ratio, percentile_interval
from multipriv.analysis.frame import REFERENCE_MODELS
from multipriv.analysis.tables import ci_table, headline_rows, level_replicates, prepare
from multipriv.tasks.schema import Item

MIN_MODELS = 3
EXACT_MAX = 8
STRONG = 0.7
WEAK = 0.4


@dataclass(frozen=True)
class CorrStat:
    method: str  # "spearman" or "kendall"
    estimate: float
    lo: float
    hi: float
    p_value: float


@dataclass(frozen=True)
class CorrelationResult:
    """Perception and reasoning scores per model and their rank correlations (None when not computed)."""

    condition: str
    models: tuple[str, ...]
    perception: tuple[float, ...]
    reasoning: tuple[float, ...]
    perception_ci: tuple[tuple[float, float], ...]
    reasoning_ci: tuple[tuple[float, float], ...]
    spearman: CorrStat | None
    kendall: CorrStat | None
    note: str = ""

    @property
    def n_models(self) -> int:
        return len(self.models)

    @property
    def computed(self) -> bool:
        return self.spearman is not None


def _row_pearson(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    xc = x - x.mean(axis=1, keepdims=True)
    yc = y - y.mean(axis=1, keepdims=True)
    den = np.sqrt((xc * xc).sum(axis=1) * (yc * yc).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        out: np.ndarray = np.where(den > 0, (xc * yc).sum(axis=1) / np.where(den > 0, den, 1.0), np.nan)
    return out


def spearman_rows(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Spearman's rho of each row pair (average ranks for ties); NaN where a row is constant or has NaN."""
    bad = np.isnan(x).any(axis=1) | np.isnan(y).any(axis=1)
    rho = _row_pearson(stats.rankdata(x, axis=1), stats.rankdata(y, axis=1))
    rho[bad] = np.nan
    return rho


def kendall_rows(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Kendall's tau-b of each row pair; NaN where a row is constant or has NaN."""
    i, j = np.triu_indices(x.shape[1], k=1)
    sx = np.sign(x[:, i] - x[:, j])
    sy = np.sign(y[:, i] - y[:, j])
    den = np.sqrt(np.abs(sx).sum(axis=1) * np.abs(sy).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        tau: np.ndarray = np.where(den > 0, (sx * sy).sum(axis=1) / np.where(den > 0, den, 1.0), np.nan)
    tau[np.isnan(x).any(axis=1) | np.isnan(y).any(axis=1)] = np.nan
    return tau


def spearman_p(x: np.ndarray, y: np.ndarray, resamples: int = 9999, seed: int = 0) -> float:
    """Two-sided permutation p-value of Spearman's rho: exact (every ordering) up to `EXACT_MAX` models,
    else from `resamples` seeded random orderings as (1 + as extreme) / (1 + resamples). scipy's t approximation
    is poor for few models (it gives p = 0 for any perfect ranking)."""
    n = len(x)
    rx, ry = stats.rankdata(x), stats.rankdata(y)
    if n <= EXACT_MAX:
        perms = np.array(list(itertools.permutations(range(n))))
    else:
        perms = np.argsort(np.random.default_rng(seed).random((resamples, n)), axis=1)
    rho = _row_pearson(np.broadcast_to(rx, perms.shape), ry[perms])
    observed = _row_pearson(rx[None, :], ry[None, :])[0]
    extreme = int(np.sum(np.abs(rho) >= abs(observed) - 1e-12))
    if n <= EXACT_MAX:
        return extreme / len(perms)
    return (1 + extreme) / (1 + resamples)


def perception_reasoning(df: pd.DataFrame, *, boot: ClusterBootstrap | None = None, condition: str | None = None,
                         alpha: float = ALPHA) -> CorrelationResult:
    """Per-model perception and reasoning scores and their rank correlations with bootstrap intervals."""
    df = prepare(df)
    boot = boot or ClusterBootstrap(df)
    rows, cond = headline_rows(df, condition)
    levels = level_replicates(boot, rows)
    perc, reas = levels["perception"], levels["reasoning"]
    names = perc.keys["model"].astype(str).to_numpy()
    # Reference baselines (chance floors, the gold oracle) are not models: they would decide any correlation.
    ok = ~(np.isnan(perc.point) | np.isnan(reas.point)) & ~np.isin(names, REFERENCE_MODELS)
    models = tuple(str(m) for m in names[ok])
    p_lo, p_hi = perc.interval(alpha)
    r_lo, r_hi = reas.interval(alpha)
    base = dict(
        condition=cond, models=models,
        perception=tuple(float(v) for v in perc.point[ok]), reasoning=tuple(float(v) for v in reas.point[ok]),
        perception_ci=tuple(zip(p_lo[ok].tolist(), p_hi[ok].tolist(), strict=True)),
        reasoning_ci=tuple(zip(r_lo[ok].tolist(), r_hi[ok].tolist(), strict=True)),
    )
    if len(models) < MIN_MODELS:
        note = (f"Correlations need at least {MIN_MODELS} models with both perception and reasoning scores "
                f"(reference baselines {', '.join(REFERENCE_MODELS)} do not count); this run has {len(models)}.")
        return CorrelationResult(**base, spearman=None, kendall=None, note=note)  # type: ignore[arg-type]
    x, y = perc.point[ok], reas.point[ok]
    if np.ptp(x) == 0 or np.ptp(y) == 0:
        note = "Correlations are undefined: every model has the same perception or the same reasoning score."
        return CorrelationResult(**base, spearman=None, kendall=None, note=note)  # type: ignore[arg-type]
    xr, yr = perc.reps[:, ok], reas.reps[:, ok]
    sp = stats.spearmanr(x, y)
    kt = stats.kendalltau(x, y)
    s_lo, s_hi = percentile_interval(spearman_rows(xr, yr), alpha)
    k_lo, k_hi = percentile_interval(kendall_rows(xr, yr), alpha)
    spearman = CorrStat("spearman", float(sp.statistic), float(s_lo[0]), float(s_hi[0]), spearman_p(x, y))
    kendall = CorrStat("kendall", float(kt.statistic), float(k_lo[0]), float(k_hi[0]), float(kt.pvalue))
    return CorrelationResult(**base, spearman=spearman, kendall=kendall)  # type: ignore[arg-type]


def _num(v: float) -> str:
    return f"{v:.2f}".replace("-", "−")


def describe_correlation(result: CorrelationResult) -> str:
    """One sentence: whether perception scores predict reasoning scores on these runs."""
    n = result.n_models
    if result.spearman is None or result.kendall is None:
        if n < MIN_MODELS:
            return (f"Correlations need several models (at least {MIN_MODELS}, not counting the reference baselines "
                    f"{', '.join(REFERENCE_MODELS)}); this report has {n}, so it cannot say whether perception "
                    "scores predict reasoning risk.")
        return result.note
    s, k = result.spearman, result.kendall
    head = (f"Spearman rho = {_num(s.estimate)} [{_num(s.lo)}, {_num(s.hi)}], Kendall tau = {_num(k.estimate)} "
            f"[{_num(k.lo)}, {_num(k.hi)}]: ")
    models = f"these {n} models"
    if s.lo > 0 and s.estimate >= STRONG:
        verdict = f"perception scores are a strong predictor of reasoning risk on {models}"
    elif s.lo > 0 and s.estimate >= WEAK:
        verdict = f"perception scores predict reasoning risk only moderately on {models}"
    elif s.lo > 0:
        verdict = f"perception scores are a weak predictor of reasoning risk on {models}"
    elif s.hi < 0:
        verdict = f"models that perceive better reason worse on {models} (a negative association)"
    else:
        verdict = f"perception scores are a poor predictor of reasoning risk on {models} (the interval includes 0)"
    if s.lo > 0 and s.p_value >= ALPHA:
        verdict += (f", though with only {n} models a ranking this close could arise by chance (permutation "
                    f"p = {s.p_value:.2g})")
    if not s.lo <= s.estimate <= s.hi:
        verdict += "; the observed ranking does not survive resampling persons (the estimate lies outside its interval)"
    return head + verdict + "."


def correlation_table(result: CorrelationResult) -> pd.DataFrame:
    """The correlations as rows (method, estimate, lo, hi, p_value, n_models, note)."""
    rows = [
        {"method": c.method, "estimate": c.estimate, "lo": c.lo, "hi": c.hi, "p_value": c.p_value,
         "n_models": result.n_models, "condition": result.condition, "note": ""}
        for c in (result.spearman, result.kendall) if c is not None
    ]
    if not rows:
        rows = [{"method": m, "estimate": np.nan, "lo": np.nan, "hi": np.nan, "p_value": np.nan,
                 "n_models": result.n_models, "condition": result.condition, "note": result.note}
                for m in ("spearman", "kendall")]
    return pd.DataFrame(rows)


def points_table(result: CorrelationResult) -> pd.DataFrame:
    """Each model's perception and reasoning scores with intervals (the scatter plot's data)."""
    return pd.DataFrame({
        "model": list(result.models),
        "perception": list(result.perception),
        "perception_lo": [c[0] for c in result.perception_ci],
        "perception_hi": [c[1] for c in result.perception_ci],
        "reasoning": list(result.reasoning),
        "reasoning_lo": [c[0] for c in result.reasoning_ci],
        "reasoning_hi": [c[1] for c in result.reasoning_ci],
    })


CONDITIONAL: dict[str, Ratio] = {
    "p_reasoning_given_prereq_right": Ratio("_both", "_all"),
    "p_reasoning_given_prereq_wrong": Ratio("_r_not_all", "_not_all"),
    "p_prereq_right_given_reasoning_right": Ratio("_both", "_r"),
    "p_prereq_right_given_reasoning_wrong": Ratio("_all_not_r", "_not_r"),
}


def prerequisite_outcomes(df: pd.DataFrame, items: Mapping[str, Item], *, condition: str | None = None
                          ) -> pd.DataFrame:
    """One row per (model, reasoning item with prerequisites): person, all prerequisites right, item right.

    Only items whose every prerequisite was answered by the same model under the same condition count.
    """
    df = prepare(df)
    rows, _ = headline_rows(df, condition)
    pairs = pd.DataFrame(
        [(iid, p) for iid, it in items.items() if it.level == "reasoning" and not it.control
         for p in dict.fromkeys(it.prerequisites)],
        columns=["item_id", "prereq"],
    )
    cols = ["model", "item_id", "person", "_right"]
    empty = pd.DataFrame({"model": pd.Series(dtype=str), "item_id": pd.Series(dtype=str),
                          "person": rows["person"].iloc[:0], "all_right": pd.Series(dtype=bool),
                          "right": pd.Series(dtype=bool)})
    if pairs.empty:
        return empty
    need = pairs.groupby("item_id").size().rename("need")
    reasoning = rows.loc[rows["item_id"].isin(need.index), cols]
    known = rows.loc[rows["item_id"].isin(pairs["prereq"].unique()), ["model", "item_id", "_right"]]
    known = known.rename(columns={"item_id": "prereq", "_right": "prereq_right"})
    reasoning = reasoning.assign(model=reasoning["model"].astype(str), item_id=reasoning["item_id"].astype(str))
    known = known.assign(model=known["model"].astype(str), prereq=known["prereq"].astype(str))
    joined = reasoning.merge(pairs, on="item_id").merge(known, on=["model", "prereq"])
    if joined.empty:
        return empty
    agg = joined.groupby(["model", "item_id"], sort=True).agg(got=("prereq", "size"), worst=("prereq_right", "min"))
    agg = agg.join(need, on="item_id")
    agg = agg[agg["got"] == agg["need"]].reset_index()
    out = reasoning.merge(agg[["model", "item_id", "worst"]], on=["model", "item_id"])
    return pd.DataFrame({
        "model": out["model"].to_numpy(), "item_id": out["item_id"].to_numpy(), "person": out["person"],
        "all_right": out["worst"].to_numpy() == 1.0, "right": out["_right"].to_numpy() == 1.0,
    }).reset_index(drop=True)


def conditional_rates(df: pd.DataFrame, items: Mapping[str, Item], *, boot: ClusterBootstrap | None = None,
                      condition: str | None = None, alpha: float = ALPHA) -> pd.DataFrame:
    """Per model, the four conditional rates (long: model, metric, value, lo, hi, n)."""
    df = prepare(df)
    boot = boot or ClusterBootstrap(df)
    o = prerequisite_outcomes(df, items, condition=condition)
    if o.empty:
        return pd.DataFrame(columns=["model", "metric", "value", "lo", "hi", "n"])
    a, r = o["all_right"].to_numpy(), o["right"].to_numpy()
    o = o.assign(_all=a.astype(float), _not_all=(~a).astype(float), _r=r.astype(float), _not_r=(~r).astype(float),
                 _both=(a & r).astype(float), _r_not_all=(r & ~a).astype(float), _all_not_r=(a & ~r).astype(float))
    return ci_table(boot, o, ["model"], CONDITIONAL, alpha)
