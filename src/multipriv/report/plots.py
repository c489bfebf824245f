"""The report's figures, drawn on Agg canvases (no pyplot, no global state) and returned as base64 PNG.

Each function takes the analysis tables and returns None when there is nothing to draw. Figures grow with the
number of models so that fifty names stay readable.
"""

from __future__ import annotations

import base64
import functools
import io
import textwrap
from collections.abc import Callable, Sequence
from typing import Any, ParamSpec, TypeVar, cast

import matplotlib
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from multipriv.analysis.correlation import CorrelationResult
from multipriv.analysis.tables import task_name
from multipriv.errors import MultiPrivError
from multipriv.render.fonts import font_path
from multipriv.runner.conditions import REGISTRY as CONDITIONS
from multipriv.tasks.registry import levels

DPI = 110
TALL = 18  # models beyond which row plots repeat their x axis on top
OTHER_COLOUR = "#8a8a8a"


def _condition_style(name: str) -> tuple[str, str]:
    """Colour and marker of a condition (runner/conditions.py); grey diamonds for names no longer registered."""
    spec = CONDITIONS.get(name)
    return (spec.colour, spec.marker) if spec else (OTHER_COLOUR, "D")
LANG_COLOURS = {"en": "#5b7aa6", "zh": "#d08a2e"}
STYLE: dict[str, Any] = {
    "font.size": 9, "axes.titlesize": 10, "axes.spines.top": False, "axes.spines.right": False,
    "axes.grid": True, "grid.alpha": 0.25, "grid.linewidth": 0.6, "legend.frameon": False,
}
P = ParamSpec("P")
R = TypeVar("R")


@functools.cache
def _style() -> dict[str, Any]:
    """STYLE, plus a font fallback so that model names in Chinese render: the Noto Sans CJK font that ships with
    mplfonts, registered once (the only change made outside a figure: pyplot and global rcParams stay as they
    are, so importing the report in a notebook changes nothing)."""
    style = dict(STYLE)
    try:
        path = font_path("sans")
        font_manager.fontManager.addfont(str(path))
        name = font_manager.FontProperties(fname=str(path)).get_name()
    except (MultiPrivError, OSError, RuntimeError):
        return style
    style["font.family"] = ["DejaVu Sans", name]  # a list of families: glyph-by-glyph fallback
    return style


def _styled(fn: Callable[P, R]) -> Callable[P, R]:
    """Draw (and save) under the report's style, restoring the caller's rcParams afterwards."""
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with matplotlib.rc_context(cast(Any, _style())):
            return fn(*args, **kwargs)
    return wrapper


def _figure(width: float, height: float) -> Figure:
    """A figure on its own Agg canvas (no pyplot, no global figure registry)."""
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig


def _label(text: str) -> str:
    """A model name as plain text for matplotlib ($ would start mathtext)."""
    return text.replace("$", r"\$")


def _png(fig: Figure) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _rows_height(n: int, per: float = 0.28, base: float = 1.2) -> float:
    return base + per * max(n, 1)


def _tall(ax: Axes, n: int) -> None:
    """Rows of models: no padding above and below, and x labels on top as well when the plot is tall."""
    ax.set_ylim(-0.6, n - 0.4)
    ax.grid(axis="y", visible=False)
    if n > TALL:
        ax.tick_params(axis="x", labeltop=True, top=True)


@_styled
def risk_plot(risk: pd.DataFrame) -> str | None:
    """Horizontal bars of risk with 95% intervals, most risky on top."""
    r = risk.dropna(subset=["risk"])
    if r.empty:
        return None
    r = r.iloc[::-1]
    fig = _figure(7.5, _rows_height(len(r), 0.24))
    ax = fig.subplots()
    y = np.arange(len(r))
    colours = matplotlib.colormaps["OrRd"](0.35 + 0.6 * r["risk"].to_numpy() / 100)
    err = np.vstack([r["risk"] - r["risk_lo"], r["risk_hi"] - r["risk"]]).clip(min=0)
    ax.barh(y, r["risk"], color=colours, height=0.7, xerr=np.nan_to_num(err),
            error_kw={"elinewidth": 0.8, "capsize": 2, "ecolor": "#555"})
    ends = np.fmax(r["risk_hi"].to_numpy(dtype=float), r["risk"].to_numpy(dtype=float))
    for yi, v, end in zip(y.tolist(), r["risk"].tolist(), ends.tolist(), strict=True):
        ax.text(end + 1.2, yi, f"{v:.1f}", va="center", ha="left", fontsize=7.5, color="#333")
    ax.set_yticks(y, [_label(m) for m in r["model"]])
    ax.set_xlim(0, 100)
    ax.set_xlabel("privacy risk (0–100, higher = more risk), with 95% person-bootstrap interval")
    _tall(ax, len(r))
    return _png(fig)


@_styled
def task_heatmap(tasks: pd.DataFrame, models: Sequence[str]) -> str | None:
    """Models × tasks, coloured by the task's score."""
    s = tasks[tasks["metric"] == "score"]
    if s.empty:
        return None
    groups = levels()
    numbers = [*groups["perception"], *groups["reasoning"]]
    grid = s.pivot_table(index="model", columns="task", values="value", aggfunc="first").reindex(
        index=list(models), columns=numbers)
    fig = _figure(max(8.5, 0.95 * len(numbers)), _rows_height(len(models), 0.3, 1.6))
    ax = fig.subplots()
    im = ax.imshow(grid.to_numpy(dtype=float), aspect="auto", cmap="OrRd", vmin=0, vmax=1)
    names_of = task_name()
    names = [f"{t}\n" + "\n".join(textwrap.wrap(names_of[t], 11, break_long_words=False)) for t in numbers]
    ax.set_xticks(range(len(numbers)), names, fontsize=7.5)
    ax.set_yticks(range(len(models)), [_label(m) for m in models])
    split = len(groups["perception"]) - 0.5
    ax.axvline(split, color="#222", linewidth=1.2)
    ax.text(split / 2, -0.75, "perception", ha="center", va="bottom", fontsize=8, color="#444")
    ax.text(split + len(groups["reasoning"]) / 2 + 0.5, -0.75, "reasoning", ha="center", va="bottom", fontsize=8,
            color="#444")
    ax.grid(False)
    ax.tick_params(length=0)
    if len(models) <= 25:
        values = grid.to_numpy(dtype=float)
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                if not np.isnan(values[i, j]):
                    ax.text(j, i, f"{values[i, j]:.2f}", ha="center", va="center", fontsize=7.5,
                            color="white" if values[i, j] > 0.6 else "#222")
    fig.colorbar(im, ax=ax, fraction=0.025, pad=0.02, label="task score")
    return _png(fig)


def _place_labels(ax: Axes, xs: np.ndarray, ys: np.ndarray, labels: Sequence[str]) -> int:
    """Label each point at the first of a few offsets where the label covers no other label; a label with no
    free spot is left out. Returns how many were left out."""
    offsets = [(5, 4, "left"), (5, -11, "left"), (-5, 4, "right"), (-5, -11, "right"), (5, 15, "left"),
               (5, -22, "left"), (-5, 15, "right"), (-5, -22, "right"), (14, 26, "left"), (14, -33, "left"),
               (-14, 26, "right"), (-14, -33, "right")]
    placed: list[Any] = []
    skipped = 0
    for x, y, text in sorted(zip(xs, ys, labels, strict=True), key=lambda p: (-p[1], p[0])):
        for dx, dy, ha in offsets:
            leader = {"arrowstyle": "-", "color": "#aaa", "linewidth": 0.5} if abs(dy) > 12 else None
            ann = ax.annotate(_label(text), (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=7.5,
                              color="#333", ha=ha, arrowprops=leader)
            box = ann.get_window_extent().expanded(1.05, 1.15)
            if not any(box.overlaps(b) for b in placed):
                placed.append(box)
                break
            ann.remove()
        else:
            skipped += 1
    return skipped


@_styled
def correlation_plot(corr: CorrelationResult) -> str | None:
    """Perception score against reasoning score, one labelled point per model with 95% intervals."""
    if not corr.models:
        return None
    x, y = np.array(corr.perception), np.array(corr.reasoning)
    xci, yci = np.array(corr.perception_ci, dtype=float).T, np.array(corr.reasoning_ci, dtype=float).T
    xerr = np.nan_to_num(np.abs(xci - x))
    yerr = np.nan_to_num(np.abs(yci - y))
    side = 6.4 if len(x) <= 15 else 9.0
    fig = _figure(side, side - 0.8)
    ax = fig.subplots()
    lo = max(0.0, float(np.nanmin(np.concatenate([xci[0], yci[0], x, y]))) - 0.05)
    hi = min(1.0, float(np.nanmax(np.concatenate([xci[1], yci[1], x, y]))) + 0.05)
    lo, hi = np.floor(lo * 10) / 10, np.ceil(hi * 10) / 10
    ax.plot((lo, hi), (lo, hi), linestyle=":", color="#999", linewidth=0.8, label="reasoning = perception")
    ax.errorbar(x, y, xerr=xerr, yerr=yerr, fmt="o", color="#c8513d", ecolor="#c9c9c9", elinewidth=0.9, capsize=0,
                markersize=5, zorder=3)
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal")
    ax.set_xlabel("perception score (macro mean of tasks 1–4)")
    ax.set_ylabel("reasoning score (macro mean of tasks 5–9)")
    ax.legend(loc="upper left", fontsize=7.5)
    if corr.spearman is not None:
        s = corr.spearman
        ax.set_title(f"Spearman ρ = {s.estimate:.2f} [{s.lo:.2f}, {s.hi:.2f}], {corr.n_models} models")
    else:
        ax.set_title("too few models for a correlation")
    fig.canvas.draw()
    skipped = _place_labels(ax, x, y, corr.models)
    if skipped:
        ax.text(0.99, 0.01, f"{skipped} labels left out where points crowd (see the leaderboard)",
                transform=ax.transAxes, ha="right", va="bottom", fontsize=7, color="#777")
    return _png(fig)


@_styled
def alignment_plot(rates: pd.DataFrame, models: Sequence[str], conditions: Sequence[str],
                   broken: Sequence[str] = ()) -> str | None:
    """Refusal rate and leak rate per model: one row per model, one marker per condition (a dot plot, so that
    fifty models stay readable); models whose protection breaks are named in red."""
    panels = [("refusal_rate", "refusal rate (private questions)"), ("leak_rate", "leak rate (private value stated)")]
    if rates.empty:
        return None
    n = len(models)
    fig = _figure(10, _rows_height(n, 0.24, 1.5))
    axes = fig.subplots(1, 2, sharey=True)
    y = np.arange(n)[::-1]
    for ax, (metric, title) in zip(axes, panels, strict=True):
        sub = rates[rates["metric"] == metric]
        values = []
        for cond in conditions:
            c = sub[sub["condition"] == cond].set_index("model").reindex(list(models))
            values.append(c["value"].to_numpy(dtype=float))
        stack = np.vstack(values)
        with np.errstate(all="ignore"):
            ok = ~np.all(np.isnan(stack), axis=0)
            lo, hi = np.nanmin(np.where(ok, stack, 0), axis=0), np.nanmax(np.where(ok, stack, 0), axis=0)
        ax.hlines(y[ok], lo[ok], hi[ok], color="#d0d0d0", linewidth=2, zorder=1)
        for cond, v in zip(conditions, values, strict=True):
            ax.plot(v, y, linestyle="none", marker=_condition_style(cond)[1], markersize=5.5, label=cond, zorder=3,
                    color=_condition_style(cond)[0], markeredgecolor="white", markeredgewidth=0.5)
        ax.set_xlim(-0.02, 1.02)
        ax.set_title(title)
        _tall(ax, n)
    axes[0].set_yticks(y, [_label(m) for m in models])
    for tick, m in zip(axes[0].get_yticklabels(), models, strict=True):
        if m in broken:
            tick.set_color("#b3261e")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper center", ncol=len(conditions), fontsize=8.5, bbox_to_anchor=(0.5, 1.0),
               title="prompt condition" + ("  (red name: protection breaks)" if broken else ""),
               title_fontsize=8.5)
    fig.subplots_adjust(top=1 - (0.8 + 0.3 * (n > TALL)) / fig.get_figheight(), wspace=0.06)
    return _png(fig)


@_styled
def language_plot(language: pd.DataFrame, models: Sequence[str]) -> str | None:
    """Score in English and in Chinese per model (a dumbbell: the gap is the segment)."""
    if language.empty or "score_en" not in language or language[["score_en", "score_zh"]].isna().all().all():
        return None
    d = language.set_index("model").reindex([m for m in models if m in set(language["model"])]).reset_index()
    d = d.iloc[::-1]
    y = np.arange(len(d))
    fig = _figure(6.5, _rows_height(len(d), 0.26, 1.2))
    ax = fig.subplots()
    ax.hlines(y, d["score_en"], d["score_zh"], color="#bbb", linewidth=2)
    for lang in ("en", "zh"):
        ax.plot(d[f"score_{lang}"], y, "o", color=LANG_COLOURS[lang], label={"en": "English", "zh": "Chinese"}[lang])
    ax.set_yticks(y, [_label(m) for m in d["model"]])
    ax.set_xlim(0, 1)
    ax.set_xlabel("mean item score (non-control items)")
    _tall(ax, len(d))
    ax.legend(loc="lower right", fontsize=8)
    return _png(fig)


@_styled
def difficulty_plot(breakdowns: pd.DataFrame, models: Sequence[str], max_lines: int = 12) -> str | None:
    """Reasoning score by hops and by look-alike distractors; one line per model (the mean when many)."""
    score = breakdowns[breakdowns["metric"] == "score"]
    dims = [d for d in ("hops", "distractors") if (score["dimension"] == d).any()]
    if not dims:
        return None
    fig = _figure(4.6 * len(dims), 3.4)
    axes = fig.subplots(1, len(dims), squeeze=False)
    for ax, dim in zip(axes[0], dims, strict=True):
        sub = score[score["dimension"] == dim].assign(g=lambda f: f["group"].astype(int))
        if len(models) <= max_lines:
            for m in models:
                line = sub[sub["model"] == m].sort_values("g")
                ax.plot(line["g"], line["value"], marker="o", markersize=3, linewidth=1.2, label=_label(m))
            if dim == dims[-1]:
                ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        else:
            mean = sub.groupby("g")["value"].agg(["mean", "min", "max"]).reset_index()
            ax.fill_between(mean["g"], mean["min"], mean["max"], color="#e8b4a8", alpha=0.6, label="range of models")
            ax.plot(mean["g"], mean["mean"], marker="o", color="#c8513d", label="mean of models")
            ax.legend(fontsize=7)
        ax.set_xlabel({"hops": "hops in the reasoning path", "distractors": "look-alike distractors"}[dim])
        ax.set_xticks(sorted(sub["g"].unique()))
        ax.set_ylim(0, 1)
        ax.set_ylabel("reasoning score")
    return _png(fig)
