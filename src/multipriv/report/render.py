"""`write_report`: analysis tables to a self-contained HTML report, CSV tables and a Markdown summary.

Layout of `out`:
    report.html     one file: plots as base64 PNG, thumbnails as base64 JPEG, no external resources
    summary.md      the ranking, headline numbers, the correlation sentence, whose protection breaks
    tables/*.csv    leaderboard, per_task, breakdowns, alignment, alignment_verdicts, language, correlation,
                    correlation_points, conditional, risk, failed_models

The HTML is rendered by jinja2 with autoescape on, so any text a model wrote (answers, even model names) is shown
as text, never interpreted as markup. Nothing time-dependent goes into the files: the same inputs give the same
bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from multipriv.analysis.alignment import PROTECTION_RULE
from multipriv.analysis.bootstrap import N_BOOT
from multipriv.analysis.bundle import Analysis, analyse
from multipriv.analysis.correlation import correlation_table, points_table
from multipriv.analysis.risk import RISK_FORMULA
from multipriv.analysis.tables import headline_rows, prepare, widen
from multipriv.report import context as ctx
from multipriv.report import plots
from multipriv.report.examples import Thumbnails, build_examples
from multipriv.report.summary import summary_markdown
from multipriv.report.template import CSS, TEMPLATE
from multipriv.tasks.schema import Item


@dataclass(frozen=True)
class ReportPaths:
    root: Path
    html: Path
    summary: Path
    tables: dict[str, Path] = field(default_factory=dict)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=False,
                              lstrip_blocks=False)


def render_html(context: Mapping[str, Any]) -> str:
    """The report page from its context (autoescaped)."""
    return _environment().from_string(TEMPLATE).render(css=CSS, **context)


def _plots(a: Analysis, models: list[str]) -> dict[str, str | None]:
    return {
        "risk": plots.risk_plot(a.risk),
        "tasks": plots.task_heatmap(a.tasks, models),
        "scatter": plots.correlation_plot(a.correlation),
        "alignment": plots.alignment_plot(a.condition_rates, models, a.conditions, a.broken),
        "language": plots.language_plot(a.language, models),
        "difficulty": plots.difficulty_plot(a.breakdowns, models),
    }


def _context(a: Analysis, frame: pd.DataFrame, items: Mapping[str, Item], failed: Mapping[str, str],
             dataset_root: Path | None, examples_per_task: int) -> dict[str, Any]:
    models = ctx.model_order(a)
    figures = _plots(a, models)
    board_header, board_rows = ctx.leaderboard(a, models)
    task_header, task_rows = ctx.task_grid(a, models)
    cond_header, cond_rows = ctx.conditional(a, models)
    verdict_header, verdict_rows = ctx.verdicts(a, models)
    over_header, over_rows = ctx.over_refusal(a, models)
    rows, _ = headline_rows(frame, a.condition)
    return {
        "meta": {"n_models": len(a.models), "n_items": a.n_items, "n_persons": a.n_persons,
                 "conditions": list(a.conditions), "condition": a.condition, "n_boot": a.n_boot},
        "plots": figures, "risk_formula": RISK_FORMULA, "condition_note": ctx.condition_note(a),
        "risk_rows": ctx.risk_rows(a),
        "correlation_sentence": a.correlation_sentence, "correlation_rows": ctx.correlation_rows(a),
        "correlation_note": a.correlation.note, "broken": list(a.broken),
        "alignment_complete": bool(set(a.verdicts["verdict"]) - {"incomplete"}),
        "protection_rule": PROTECTION_RULE,
        "board_header": board_header, "board_rows": board_rows,
        "task_header": task_header, "task_rows": task_rows, "task_metrics": ctx.task_metrics_text(),
        "floor_note": ctx.FLOOR_NOTE,
        "conditional_header": cond_header, "conditional_rows": cond_rows,
        "verdict_header": verdict_header, "verdict_rows": verdict_rows,
        "over_header": over_header, "over_rows": over_rows,
        "language_rows": ctx.language(a, models),
        "breakdown_tables": ctx.breakdown_tables(a, models, figures),
        "examples": build_examples(rows, items, examples_per_task, Thumbnails(dataset_root)),
        "failed": [{"model": m, "reason": r} for m, r in sorted(failed.items())],
    }


def _empty_context(failed: Mapping[str, str]) -> dict[str, Any]:
    return {
        "meta": {"n_models": 0, "n_items": 0, "n_persons": 0, "conditions": [], "condition": "—", "n_boot": N_BOOT},
        "plots": {k: None for k in ("risk", "tasks", "scatter", "alignment", "language", "difficulty")},
        "risk_formula": RISK_FORMULA, "condition_note": "", "risk_rows": [],
        "correlation_sentence": "No scores: correlations need several models.", "correlation_rows": [],
        "correlation_note": "", "broken": [], "alignment_complete": False, "protection_rule": PROTECTION_RULE,
        "board_header": [], "board_rows": [], "task_header": [], "task_rows": [], "task_metrics": "", "floor_note": "",
        "conditional_header": [], "conditional_rows": [], "verdict_header": [], "verdict_rows": [],
        "over_header": [], "over_rows": [], "language_rows": [], "breakdown_tables": [], "examples": [],
        "failed": [{"model": m, "reason": r} for m, r in sorted(failed.items())],
    }


def _tables(a: Analysis | None, failed: Mapping[str, str]) -> dict[str, pd.DataFrame]:
    out: dict[str, pd.DataFrame] = {
        "failed_models": pd.DataFrame(sorted(failed.items()), columns=["model", "reason"]),
    }
    if a is None:
        return out
    board = widen(a.leaderboard, ["model", "condition"])
    board = a.risk[["rank", "model", "risk", "risk_lo", "risk_hi"]].merge(board, on="model", how="outer")
    out |= {
        "leaderboard": board.sort_values(["rank", "model"], na_position="last"),
        "per_task": a.tasks, "per_task_tier": a.task_tiers, "chance": a.chance,
        "breakdowns": a.breakdowns, "alignment": a.condition_rates,
        "alignment_verdicts": a.verdicts, "language": a.language, "correlation": correlation_table(a.correlation),
        "correlation_points": points_table(a.correlation), "conditional": a.conditional, "risk": a.risk,
    }
    return out


def _judge_note(frame: pd.DataFrame) -> str:
    """For how many answers the optional LLM judge decided (`ScoreRecord.judge`); "" when it was not used."""
    if "judge" not in frame.columns or not frame["judge"].astype(bool).any():
        return ""
    from multipriv.score.judge import judge_counts

    n, refusal, correct = judge_counts(frame["judge"])
    return (f"LLM judge decided {n} of {len(frame)} answers ({refusal} refusal labels, {correct} correctness "
            "verdicts); the deterministic rules decided the rest")


def write_report(frame: pd.DataFrame, items: Mapping[str, Item], out: Path, *, dataset_root: Path | None = None,
                 failed_models: Mapping[str, str] | None = None, examples_per_task: int = 2, n_boot: int = N_BOOT,
                 seed: int = 0) -> ReportPaths:
    """Analyse `frame` (see `multipriv.analysis.frame`) and write the report into `out` (created if needed).

    `failed_models` maps a model that produced no usable scores to the reason; the report lists them and covers
    the others. `dataset_root` lets example items show thumbnails of their images.
    """
    failed = dict(failed_models or {})
    out.mkdir(parents=True, exist_ok=True)
    (out / "tables").mkdir(exist_ok=True)
    analysis: Analysis | None = None
    if len(frame):
        df = prepare(frame)
        analysis = analyse(df, items, n_boot=n_boot, seed=seed)
        context = _context(analysis, df, items, failed, dataset_root, examples_per_task)
    else:
        context = _empty_context(failed)
    note = _judge_note(frame)
    context["judge_note"] = note
    html = out / "report.html"
    html.write_text(render_html(context), encoding="utf-8")
    summary = out / "summary.md"
    summary.write_text(summary_markdown(analysis, failed) + (f"\n{note}.\n" if note else ""), encoding="utf-8")
    written: dict[str, Path] = {}
    for name, table in _tables(analysis, failed).items():
        path = out / "tables" / f"{name}.csv"
        table.to_csv(path, index=False, float_format="%.6g")
        written[name] = path
    return ReportPaths(root=out, html=html, summary=summary, tables=written)
