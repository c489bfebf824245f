"""Every table of the report from one frame, sharing one person bootstrap (so all intervals are paired)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from multipriv.analysis.alignment import (
    broken_models,
    condition_rates,
    language_table,
    protection_verdicts,
)
from multipriv.analysis.bootstrap import ALPHA, N_BOOT, ClusterBootstrap
from multipriv.analysis.chance import chance_table
from multipriv.analysis.correlation import (
    CorrelationResult,
    conditional_rates,
    describe_correlation,
    perception_reasoning,
)
from multipriv.analysis.frame import models_of
from multipriv.analysis.risk import risk_scores
from multipriv.analysis.tables import breakdowns, headline_rows, leaderboard, prepare, task_table, task_tier_table
from multipriv.runner.conditions import sort_conditions
from multipriv.tasks.schema import Item


@dataclass(frozen=True)
class Analysis:
    condition: str  # the headline condition
    conditions: tuple[str, ...]  # every condition in the frame
    models: tuple[str, ...]
    n_items: int  # distinct items scored
    n_persons: int  # bootstrap clusters
    n_boot: int
    leaderboard: pd.DataFrame
    tasks: pd.DataFrame
    task_tiers: pd.DataFrame  # reasoning score per task and difficulty tier
    chance: pd.DataFrame  # chance level per task
    breakdowns: pd.DataFrame
    correlation: CorrelationResult
    correlation_sentence: str
    conditional: pd.DataFrame
    condition_rates: pd.DataFrame
    verdicts: pd.DataFrame
    broken: tuple[str, ...]
    language: pd.DataFrame
    risk: pd.DataFrame


def analyse(frame: pd.DataFrame, items: Mapping[str, Item], *, n_boot: int = N_BOOT, seed: int = 0,
            alpha: float = ALPHA) -> Analysis:
    """Compute every table; `frame` as built by `score_frame` (or by hand, see `ensure_frame`)."""
    df = prepare(frame)
    boot = ClusterBootstrap(df, n=n_boot, seed=seed)
    _, cond = headline_rows(df)
    scored = set(df["item_id"].astype(str).unique())
    corr = perception_reasoning(df, boot=boot, condition=cond, alpha=alpha)
    verdicts = protection_verdicts(df, boot=boot, alpha=alpha)
    conditions = tuple(sort_conditions([str(c) for c in df["condition"].unique()]))
    return Analysis(
        condition=cond, conditions=conditions, models=tuple(models_of(df)),
        n_items=int(df["item_id"].nunique()), n_persons=int(df["person"].nunique()), n_boot=boot.n,
        leaderboard=leaderboard(df, boot=boot, condition=cond, alpha=alpha),
        tasks=task_table(df, boot=boot, condition=cond, alpha=alpha),
        task_tiers=task_tier_table(df, boot=boot, condition=cond, alpha=alpha),
        chance=chance_table({k: items[k] for k in scored if k in items}),
        breakdowns=breakdowns(df, boot=boot, condition=cond, alpha=alpha),
        correlation=corr, correlation_sentence=describe_correlation(corr),
        conditional=conditional_rates(df, items, boot=boot, condition=cond, alpha=alpha),
        condition_rates=condition_rates(df, boot=boot, alpha=alpha),
        verdicts=verdicts, broken=tuple(broken_models(verdicts)),
        language=language_table(df, boot=boot, condition=cond, alpha=alpha),
        risk=risk_scores(df, boot=boot, condition=cond, alpha=alpha),
    )
