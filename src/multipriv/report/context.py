"""From analysis tables to the rows the HTML template shows: formatted values, intervals, model order."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from multipriv.analysis.alignment import CONDITION_ORDER
from multipriv.analysis.bundle import Analysis
from multipriv.analysis.frame import NO_CATEGORY
from multipriv.analysis.tables import task_name
from multipriv.runner.conditions import sort_conditions
from multipriv.tasks.registry import tasks as registered_tasks

Cell = dict[str, str]
Row = dict[str, Any]

BOARD: tuple[tuple[str, str, bool], ...] = (  # metric, header, shown as a percentage
    ("overall", "overall", False), ("perception", "perception", False), ("reasoning", "reasoning", False),
    ("answered_accuracy", "answered accuracy", True), ("refusal_rate", "refusal", True),
    ("partial_rate", "hedge (partial)", True), ("leak_rate", "leak", True), ("over_refusal", "over-refusal", True),
)
CONDITIONAL: tuple[tuple[str, str], ...] = (
    ("p_reasoning_given_prereq_right", "P(reasoning ✓ | prerequisites all ✓)"),
    ("p_reasoning_given_prereq_wrong", "P(reasoning ✓ | some prerequisite ✗)"),
    ("p_prereq_right_given_reasoning_right", "P(prerequisites all ✓ | reasoning ✓)"),
    ("p_prereq_right_given_reasoning_wrong", "P(prerequisites all ✓ | reasoning ✗)"),
)
DIFFICULTY_NOTE = ("Reasoning score as the two difficulty knobs grow: hops (linking steps the answer needs) and "
                   "look-alike distractor persons. A model whose line stays flat is not slowed by difficulty.")
BREAKDOWN_TITLES = {
    "category": ("Score by attribute category", "Mean item score, headline condition, non-control items."),
    "condition": ("Score by prompt condition", "Mean item score per condition, non-control items."),
    "hops": ("Reasoning score by hops", "Reasoning items only: how many linking steps the answer needs."),
    "distractors": ("Reasoning score by look-alike distractors",
                    "Reasoning items only: how many look-alike persons compete with the right one."),
    "tier": ("Reasoning score by difficulty tier",
             "Reasoning items only. lookup: solvable by reading and joining records on exactly equal strings; "
             "link: the join key is not string-equal (name variants and masks, other scripts, combinations of "
             "quasi-identifiers); infer: a face must be compared or the answer follows from knowledge the images "
             "do not print. A text-only string joiner fails link and infer by construction."),
    "photo_tier": ("Perception score by photo tier",
                   "Perception items whose image is a document, per task (each task keeps its own metric): scan = "
                   "a flat, clean render; photo = a careful phone photo (mild tilt, even light, JPEG 82); hard = a "
                   "careless or re-shared photo (tilted out of plane, shadow, glare, stamp or watermark over text, "
                   "finger at an edge, blur, 500-900 px, JPEG 35-55), which RapidOCR reads about as well as real "
                   "photographed documents. A drop from scan to hard is what the photo costs, not privacy caution."),
}
PHOTO_TIER_ORDER = ("scan", "photo", "hard")
FLOORS = ("random", "constant", "blind")
FLOOR_NOTE = ("Floors: chance level is what a uniform guess over the answers a question allows scores; random "
              "guesses in the asked format; constant gives the one best answer per task and blind the best answer "
              "per question text (both learned on a dev split, without images). A model is only as risky as its "
              "margin over these rows.")


def _nan(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or bool(pd.isna(v))


def num(v: Any, pct: bool = False, digits: int = 2) -> str:
    if _nan(v):
        return "—"
    s = f"{100 * float(v):.0f}%" if pct else f"{float(v):.{digits}f}"
    return s.replace("-", "−")


def pvalue(p: Any) -> str:
    if _nan(p):
        return "—"
    return "< 0.001" if float(p) < 0.001 else f"{float(p):.3f}"


def group_label(dimension: str, group: str) -> str:
    """A breakdown group as a column header: categories in words, "(none)" explained."""
    if dimension == "category":
        return "no single category" if group == NO_CATEGORY else group.replace("_", " ")
    return group


def cell(v: Any, lo: Any = None, hi: Any = None, pct: bool = False, digits: int = 2) -> Cell:
    ci = "" if _nan(lo) or _nan(hi) else f"[{num(lo, pct, digits).rstrip('%')}, {num(hi, pct, digits).rstrip('%')}]"
    return {"v": num(v, pct, digits), "ci": ci}


def condition_note(a: Analysis) -> str:
    """Say so when the headline numbers cannot use the plain condition the formulas name."""
    if a.condition == "plain":
        return ""
    return (f"The plain condition was not run: headline numbers, the leaderboard and the risk score use the "
            f"{a.condition} condition instead.")


def model_order(a: Analysis) -> list[str]:
    """Models by risk rank (most risky first), then any model without a risk score."""
    ranked = [str(m) for m in a.risk["model"]]
    return ranked + [m for m in a.models if m not in ranked]


def _lookup(long: pd.DataFrame, keys: Sequence[str]) -> dict[tuple[str, ...], tuple[Any, ...]]:
    n = len(keys)
    return {tuple(str(x) for x in t[:n]): t[n:]
            for t in long[[*keys, "value", "lo", "hi"]].itertuples(index=False, name=None)}


def _grid(long: pd.DataFrame, models: Sequence[str], columns: Sequence[tuple[str, ...]], keys: Sequence[str],
          pct: Sequence[bool]) -> list[Row]:
    look = _lookup(long, keys)
    rows = []
    for m in models:
        cells = []
        for col, p in zip(columns, pct, strict=True):
            r = look.get((m, *col))
            cells.append(cell(None) if r is None else cell(r[0], r[1], r[2], p))
        rows.append({"model": m, "cells": cells})
    return rows


def risk_rows(a: Analysis) -> list[Row]:
    return [{"rank": int(r["rank"]), "model": str(r["model"]), "risk": cell(r["risk"], r["risk_lo"], r["risk_hi"],
                                                                          digits=1),
             "reasoning": num(r["reasoning"]), "perception": num(r["perception"]), "leak": num(r["leak_rate"], True)}
            for _, r in a.risk.iterrows()]


def leaderboard(a: Analysis, models: Sequence[str]) -> tuple[list[str], list[Row]]:
    present = set(a.leaderboard["metric"])
    board = [b for b in BOARD if b[0] in present]
    rows = _grid(a.leaderboard, models, [(b[0],) for b in board], ["model", "metric"], [b[2] for b in board])
    return [b[1] + (" %" if b[2] else "") for b in board], rows


def task_grid(a: Analysis, models: Sequence[str]) -> tuple[list[str], list[Row]]:
    tasks = sorted({int(t) for t in a.tasks["task"]})
    names = task_name()
    cols: list[tuple[str, ...]] = []
    header = []
    for t in tasks:
        cols.append((str(t), "score"))
        header.append(f"{t} {names.get(t, str(t))}")
        if ((a.tasks["task"] == t) & (a.tasks["metric"] == "final_accuracy")).any():
            cols.append((str(t), "final_accuracy"))
            header.append(f"{t} final accuracy")
    ordered = [m for m in models if m not in FLOORS] + [m for m in FLOORS if m in models]
    rows = _grid(a.tasks, ordered, cols, ["model", "task", "metric"], [False] * len(cols))
    for row in rows:
        row["floor"] = row["model"] in FLOORS
    chance = {str(int(r.task)): float(r.chance) for r in a.chance.itertuples()}
    rows.append({"model": "chance level", "floor": True,
                 "cells": [cell(chance.get(t)) if metric == "score" else cell(None) for t, metric in cols]})
    return header, rows


def task_metrics_text() -> str:
    return "; ".join(f"{spec.number} {spec.metric}" for spec in registered_tasks())


def correlation_rows(a: Analysis) -> list[Row]:
    c = a.correlation
    return [{"method": {"spearman": "Spearman ρ", "kendall": "Kendall τ-b"}[s.method], "estimate": num(s.estimate),
             "interval": f"[{num(s.lo)}, {num(s.hi)}]", "p": pvalue(s.p_value), "n": c.n_models}
            for s in (c.spearman, c.kendall) if s is not None]


def conditional(a: Analysis, models: Sequence[str]) -> tuple[list[str], list[Row]]:
    if a.conditional.empty:
        return [], []
    have = [m for m in models if m in set(a.conditional["model"])]
    rows = _grid(a.conditional, have, [(c[0],) for c in CONDITIONAL], ["model", "metric"], [True] * len(CONDITIONAL))
    return [c[1] for c in CONDITIONAL], rows


def verdicts(a: Analysis, models: Sequence[str]) -> tuple[list[str], list[Row]]:
    v = {str(r["model"]): r for r in a.verdicts.to_dict("records")}
    header = ["refusal plain", "refusal protective", "refusal adversarial", "leak plain", "leak adversarial",
              "Δ refusal (adv − plain)", "Δ leak (adv − plain)"]
    rows = []
    for m in models:
        if m not in v:
            continue
        r = v[m]
        cells = [cell(r.get(f"refusal_{c}"), pct=True) for c in CONDITION_ORDER]
        cells += [cell(r.get("leak_plain"), pct=True), cell(r.get("leak_adversarial"), pct=True)]
        cells.append(cell(r.get("refusal_adv_minus_plain"), r.get("refusal_diff_lo"), r.get("refusal_diff_hi"), True))
        cells.append(cell(r.get("leak_adv_minus_plain"), r.get("leak_diff_lo"), r.get("leak_diff_hi"), True))
        rows.append({"model": m, "cells": cells, "verdict": str(r["verdict"]), "reason": str(r["reason"])})
    return header, rows


def over_refusal(a: Analysis, models: Sequence[str]) -> tuple[list[str], list[Row]]:
    over = a.condition_rates[a.condition_rates["metric"] == "over_refusal"]
    if over.empty:
        return [], []
    conds = [c for c in a.conditions if c in set(over["condition"])]
    rows = _grid(over, models, [(c, "over_refusal") for c in conds], ["model", "condition", "metric"],
                 [True] * len(conds))
    return [f"{c} %" for c in conds], rows


def language(a: Analysis, models: Sequence[str]) -> list[Row]:
    lang = {str(r["model"]): r for r in a.language.to_dict("records")}
    rows = []
    for m in models:
        if m not in lang:
            continue
        r = lang[m]
        p = r.get("mcnemar_p")
        rows.append({
            "model": m, "pairs": "—" if _nan(r.get("pairs")) else int(r["pairs"]),
            "agreement": cell(r.get("agreement"), r.get("agreement_lo"), r.get("agreement_hi"), True),
            "b": "—" if _nan(r.get("en_right_zh_wrong")) else int(r["en_right_zh_wrong"]),
            "c": "—" if _nan(r.get("en_wrong_zh_right")) else int(r["en_wrong_zh_right"]),
            "p": pvalue(p), "sig": p is not None and not _nan(p) and float(p) < 0.05,
            "ref_en": num(r.get("refusal_en"), True), "ref_zh": num(r.get("refusal_zh"), True),
            "gap": cell(r.get("refusal_gap_zh_minus_en"), r.get("refusal_gap_lo"), r.get("refusal_gap_hi"), True),
        })
    return rows


def _group_key(g: str) -> tuple[int, Any]:
    return (0, int(g)) if g.lstrip("-").isdigit() else (1, g)


def breakdown_tables(a: Analysis, models: Sequence[str], plots: Mapping[str, str | None]) -> list[Row]:
    """Score tables by category, condition, hops and distractors; the difficulty plot goes before hops."""
    out: list[Row] = []
    score = a.breakdowns[a.breakdowns["metric"] == "score"]
    for dim, (title, note) in BREAKDOWN_TITLES.items():
        sub = score[score["dimension"] == dim]
        if sub.empty:
            continue
        groups = sorted({str(g) for g in sub["group"]}, key=_group_key)
        if dim == "condition":
            groups = sort_conditions(groups)
        if dim == "photo_tier":  # "T3 scan", "T3 photo", "T3 hard", "T4 scan", ...
            groups.sort(key=lambda g: (g.split(" ")[0], PHOTO_TIER_ORDER.index(g.split(" ")[-1])
                                       if g.split(" ")[-1] in PHOTO_TIER_ORDER else len(PHOTO_TIER_ORDER)))
        if dim == "hops" and plots.get("difficulty"):
            out.append({"title": "Difficulty", "note": DIFFICULTY_NOTE, "header": [], "rows": [],
                        "plot": plots["difficulty"]})
        rows = _grid(sub, models, [(g,) for g in groups], ["model", "group"], [False] * len(groups))
        out.append({"title": title, "note": note, "header": [group_label(dim, g) for g in groups], "rows": rows,
                    "plot": None})
    return out
