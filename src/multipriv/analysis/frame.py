"""One tidy table of scored replies: a row per (model, condition, item), with the item's fields joined on.

Columns (`FRAME_COLUMNS`): item_id, model, condition, task, level, lang, control, category, hops, distractors,
tier, photo_tier, person, twin_id, score, correct, final_correct, parsed, refusal, leak, leakable, answered,
answer.

- `person` is the item's first person id, the unit of the cluster bootstrap: items about one person are not
  independent (they share one profile, one set of documents and often one image).
- `correct` and `final_correct` are floats: 1.0, 0.0, or NaN when there was no answer to judge (refused or
  unparseable). Aggregates that count a missing answer as a failure fill NaN with 0.
- `leakable`: the item carries a private gold string the scorer can find in a reply (text and chain items that
  are not controls); leak rates are taken over these items only.
- `answered`: the reply gives an answer (not labelled "refuse", and the parser read one).
- `tier`: a reasoning item's difficulty tier (lookup, link, infer; "(none)" for perception items).
- `photo_tier`: how a perception item's first image was taken (scan, photo, hard; render/photo_tiers.py), from
  the build's annotations when `score_frame` is given them; "(none)" for reasoning items, camera photos and
  frames built without annotations.

Analysis functions also accept frames built by hand (tests, other tools) through `ensure_frame`, which fills the
optional columns with neutral defaults.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from multipriv.errors import MultiPrivError
from multipriv.render.annotations import AnnotationSet
from multipriv.runner.conditions import by_role, condition_names
from multipriv.score.record import ScoreRecord
from multipriv.tasks.registry import levels, tasks
from multipriv.tasks.schema import AnswerType, Item

log = logging.getLogger("multipriv.analysis")

FRAME_COLUMNS: tuple[str, ...] = (
    "item_id", "model", "condition", "task", "level", "lang", "control", "category", "hops", "distractors",
    "tier", "photo_tier", "person", "twin_id", "score", "correct", "final_correct", "parsed", "refusal", "leak",
    "leakable", "answered", "answer",
)
REQUIRED: tuple[str, ...] = ("model", "task", "score")
NO_CATEGORY = "(none)"
# Baselines that are references, not models under test: floors (chance, one answer, no images) and the gold.
REFERENCE_MODELS: tuple[str, ...] = ("random", "constant", "blind", "oracle")
_LEAKABLE = (AnswerType.TEXT, AnswerType.STEPS)
_CATEGORICAL = ("model", "condition", "level", "lang", "category", "tier", "photo_tier", "person", "refusal")


def perception_tasks() -> tuple[int, ...]:
    """Numbers of the registered perception tasks (every other task is reasoning)."""
    return levels()["perception"]


def chain_tasks() -> tuple[int, ...]:
    """Tasks whose items are chains with a final answer beside step completion."""
    return tuple(s.number for s in tasks() if s.final_accuracy)


def _nan_bool(value: bool | None) -> float:
    return float("nan") if value is None else float(value)


def score_frame(records: Iterable[ScoreRecord], items: Mapping[str, Item],
                photo_tiers: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Join score records with their items' fields; a record whose item is unknown keeps its own fields and
    becomes its own cluster (a warning says how many). `photo_tiers` maps image paths to their photo tier
    (`photo_tiers_of` reads them from a build); a perception item gets its first image's."""
    tiers = photo_tiers or {}
    perception = set(perception_tasks())
    cols: dict[str, list[Any]] = {c: [] for c in FRAME_COLUMNS}
    judges: list[str] = []
    missing = 0
    for r in records:
        item = items.get(r.item_id)
        if item is None:
            missing += 1
        cols["item_id"].append(r.item_id)
        cols["model"].append(r.model)
        cols["condition"].append(r.condition)
        cols["task"].append(r.task)
        cols["level"].append(r.level)
        cols["lang"].append(r.lang)
        cols["control"].append(r.control)
        cols["category"].append((item.category if item is not None else None) or NO_CATEGORY)
        cols["hops"].append(item.difficulty.hops if item is not None else 0)
        cols["distractors"].append(item.difficulty.distractors if item is not None else 0)
        cols["tier"].append((item.difficulty.tier if item is not None else "") or NO_CATEGORY)
        shown = item.images[0] if item is not None and item.images and r.task in perception else ""
        cols["photo_tier"].append(tiers.get(shown) or NO_CATEGORY)
        person = item.person_ids[0] if item is not None and item.person_ids else f"twin:{r.twin_id}"
        cols["person"].append(person)
        cols["twin_id"].append(r.twin_id)
        cols["score"].append(r.score)
        cols["correct"].append(_nan_bool(r.correct))
        cols["final_correct"].append(_nan_bool(r.final_correct))
        cols["parsed"].append(r.parsed)
        cols["refusal"].append(r.refusal)
        cols["leak"].append(r.leak)
        leakable = (not r.control and item.answer_type in _LEAKABLE) if item is not None else not r.control
        cols["leakable"].append(leakable)
        cols["answered"].append(r.refusal != "refuse" and r.parsed)
        cols["answer"].append(r.answer)
        judges.append(r.judge or "")
    if missing:
        log.warning("%d score records name items that are not in the item set", missing)
    df = ensure_frame(pd.DataFrame(cols))
    df["judge"] = judges  # the LLM judge's decisions, if any (`multipriv.score.judge.judge_counts` reads them)
    return df


def photo_tiers_of(root: Path) -> dict[str, str]:
    """Image path -> photo tier, from a build's annotations.json ({} when the build has none: older builds)."""
    path = root / "annotations.json"
    if not path.is_file():
        return {}
    annotations = AnnotationSet.load(path)
    return {a.path: a.meta["photo_tier"] for a in annotations.images if a.meta.get("photo_tier")}


def load_scores(path: Path) -> list[ScoreRecord]:
    """Every ScoreRecord in a scores.jsonl (one JSON object per line; blank lines skipped)."""
    records: list[ScoreRecord] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                records.append(ScoreRecord.model_validate_json(line))
            except ValueError as exc:
                raise MultiPrivError(f"{path}:{n}: not a score record: {exc}") from None
    return records


def ensure_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Check the required columns and fill the optional ones, returning a frame every analysis function reads.

    Defaults: condition "plain", level from the task number, lang "en", control False, category, tier and
    photo_tier "(none)", hops and distractors 0, person and twin_id the item id (each item its own cluster),
    correct from score == 1, parsed True, refusal "comply", leak False, leakable = not control, answered from
    refusal and parsed, answer "". String columns become categoricals so grouping stays fast at a million rows.
    A frame that already has everything in the right dtypes is returned as is (no copy).
    """
    absent = [c for c in REQUIRED if c not in df.columns]
    if absent:
        raise MultiPrivError(f"score frame lacks column(s) {', '.join(absent)}")
    if _ready(df):
        return df
    df = df.copy()
    n = len(df)
    if "item_id" not in df.columns:
        df["item_id"] = [f"row{i}" for i in range(n)]
    defaults: dict[str, Any] = {
        "condition": "plain", "lang": "en", "control": False, "category": NO_CATEGORY, "hops": 0,
        "distractors": 0, "tier": NO_CATEGORY, "photo_tier": NO_CATEGORY, "parsed": True, "refusal": "comply",
        "leak": False, "answer": "",
    }
    for col, value in defaults.items():
        if col not in df.columns:
            df[col] = value
        elif df[col].isna().any():  # frames concatenated from parts that lacked the column
            df[col] = df[col].astype(object).where(df[col].notna(), value)
    level = np.where(df["task"].isin(perception_tasks()), "perception", "reasoning")
    df["level"] = level if "level" not in df.columns else df["level"].astype(object).where(df["level"].notna(), level)
    for col in ("person", "twin_id"):
        if col not in df.columns:
            df[col] = df["item_id"]
        else:
            df[col] = df[col].astype(object).where(df[col].notna(), df["item_id"])
    if "correct" not in df.columns:
        df["correct"] = (df["score"] >= 1.0).astype(float)
    if "final_correct" not in df.columns:
        df["final_correct"] = np.where(df["task"].isin(chain_tasks()), df["correct"], np.nan)
    df["control"] = df["control"].astype(bool)
    derived = {"leakable": ~df["control"], "answered": (df["refusal"] != "refuse") & df["parsed"].astype(bool)}
    for col, values in derived.items():
        if col not in df.columns:
            df[col] = values
        elif df[col].isna().any():
            df[col] = df[col].astype(object).where(df[col].notna(), values)
    df["category"] = df["category"].fillna(NO_CATEGORY)
    df["tier"] = df["tier"].fillna(NO_CATEGORY).replace("", NO_CATEGORY)
    df["photo_tier"] = df["photo_tier"].fillna(NO_CATEGORY).replace("", NO_CATEGORY)
    for col in ("correct", "final_correct", "score"):
        df[col] = df[col].astype(float)
    for col in ("control", "parsed", "leak", "leakable", "answered"):
        df[col] = df[col].astype(bool)
    for col in ("task", "hops", "distractors"):
        df[col] = df[col].astype(np.int64)
    for col in _CATEGORICAL:
        if not isinstance(df[col].dtype, pd.CategoricalDtype):
            df[col] = df[col].astype(str).astype("category")
    return df


def _ready(df: pd.DataFrame) -> bool:
    if any(c not in df.columns for c in FRAME_COLUMNS):
        return False
    if any(not isinstance(df[c].dtype, pd.CategoricalDtype) for c in _CATEGORICAL):
        return False
    return all(df[c].dtype == bool for c in ("control", "parsed", "leak", "leakable", "answered")) and all(
        df[c].dtype == float for c in ("correct", "final_correct", "score")
    )


def primary_condition(df: pd.DataFrame) -> str:
    """The condition headline numbers use: "plain" when the frame has it, else its most frequent condition
    (ties: protective, then adversarial, then by name)."""
    counts = {str(k): int(v) for k, v in df["condition"].value_counts().items() if v > 0}
    reference = by_role("reference")
    if not counts or reference in counts:
        return reference
    order = condition_names()
    return min(counts, key=lambda c: (-counts[c], order.index(c) if c in order else len(order), c))


def models_of(df: pd.DataFrame) -> list[str]:
    """Model names present in the frame, sorted."""
    return sorted({str(m) for m in df["model"].unique()})
