"""Analysis of scored runs: tidy tables with person-bootstrap intervals, perception → reasoning correlations,
alignment under prompt conditions, the language gap and a privacy-risk score. Pure computation (pandas, scipy)."""

from multipriv.analysis.alignment import (
    PROTECTION_RULE,
    broken_models,
    condition_rates,
    language_table,
    mcnemar_exact,
    protection_verdicts,
)
from multipriv.analysis.bootstrap import ClusterBootstrap, Ratio, cluster_ci
from multipriv.analysis.bundle import Analysis, analyse
from multipriv.analysis.correlation import (
    CorrelationResult,
    conditional_rates,
    describe_correlation,
    perception_reasoning,
)
from multipriv.analysis.frame import ensure_frame, load_scores, score_frame
from multipriv.analysis.risk import RISK_FORMULA, risk_scores
from multipriv.analysis.tables import breakdown, breakdowns, leaderboard, task_table

__all__ = [
    "PROTECTION_RULE",
    "RISK_FORMULA",
    "Analysis",
    "ClusterBootstrap",
    "CorrelationResult",
    "Ratio",
    "analyse",
    "breakdown",
    "breakdowns",
    "broken_models",
    "cluster_ci",
    "condition_rates",
    "conditional_rates",
    "describe_correlation",
    "ensure_frame",
    "language_table",
    "leaderboard",
    "load_scores",
    "mcnemar_exact",
    "perception_reasoning",
    "protection_verdicts",
    "risk_scores",
    "score_frame",
    "task_table",
]
