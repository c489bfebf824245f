"""Example items for the report: per task, the items the models disagree on most, with thumbnails, the prompt,
the gold answer and every model's answer (kept as text: the template escapes it)."""

from __future__ import annotations

import base64
import io
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from PIL import Image

from multipriv.analysis.tables import task_name
from multipriv.tasks.schema import AnswerType, Item

log = logging.getLogger("multipriv.report")

THUMB_PX = 220
MAX_THUMBS = 3
ANSWER_CHARS = 300


def gold_text(item: Item) -> str:
    """The gold answer in words, by answer type."""
    at = item.answer_type
    if at is AnswerType.SET:
        return ", ".join(item.gold) or "none"
    if at is AnswerType.CHOICE and item.gold:
        letter = item.gold[0].strip().upper()
        k = ord(letter) - ord("A")
        return f"{letter}) {item.options[k]}" if 0 <= k < len(item.options) else letter
    if at is AnswerType.BOX:
        return "[" + ", ".join(str(v) for v in item.box) + "]" if item.box else "(no box)"
    if at is AnswerType.STEPS:
        hops = [f"step {i}: {s.accepted[0]}" for i, s in enumerate(item.steps, start=1) if s.accepted]
        final = item.gold[0] if item.gold else "?"
        return " · ".join([*hops, f"final: {final}"])
    if not item.gold:
        return "(none)"
    extra = f" (also accepted: {', '.join(item.gold[1:4])})" if len(item.gold) > 1 else ""
    return item.gold[0] + extra


class Thumbnails:
    """Small base64 JPEGs of dataset images, read once each; a missing or unreadable image gives None."""

    def __init__(self, root: Path | None, px: int = THUMB_PX) -> None:
        self.root = root
        self.px = px
        self._cache: dict[str, str | None] = {}

    def get(self, rel: str) -> str | None:
        if self.root is None:
            return None
        if rel not in self._cache:
            self._cache[rel] = self._load(self.root / rel)
        return self._cache[rel]

    def _load(self, path: Path) -> str | None:
        try:
            with Image.open(path) as opened:
                im = opened.convert("RGB")
            im.thumbnail((self.px, self.px))
            buf = io.BytesIO()
            im.save(buf, format="JPEG", quality=72, optimize=True)
        except (OSError, ValueError) as exc:
            log.warning("no thumbnail for %s: %s", path, exc)
            return None
        return base64.b64encode(buf.getvalue()).decode("ascii")


def pick_items(rows: pd.DataFrame, items: Mapping[str, Item], per_task: int) -> dict[int, list[str]]:
    """Per task, `per_task` item ids: English first, most disagreement across models, then by id."""
    if per_task <= 0 or rows.empty:
        return {}
    known = rows[rows["item_id"].isin(list(items))]
    if known.empty:
        return {}
    stats = known.groupby("item_id", observed=True).agg(task=("task", "first"), lang=("lang", "first"),
                                                        right=("_right", "mean"), models=("model", "nunique"))
    stats["disagreement"] = stats["right"] * (1 - stats["right"])
    stats["not_en"] = (stats["lang"].astype(str) != "en").astype(int)
    stats = stats.reset_index().sort_values(["task", "not_en", "disagreement", "models", "item_id"],
                                            ascending=[True, True, False, False, True])
    return {int(str(t)): g["item_id"].head(per_task).astype(str).tolist() for t, g in stats.groupby("task")}


def _mark(correct: float, refusal: str) -> tuple[str, str]:
    if refusal == "refuse":
        return "refused", "none"
    if np.isnan(correct):
        return "no answer", "none"
    return ("✓", "right") if correct == 1.0 else ("✗", "wrong")


def build_examples(rows: pd.DataFrame, items: Mapping[str, Item], per_task: int, thumbs: Thumbnails
                   ) -> list[dict[str, Any]]:
    """Template data for the examples section (rows: the headline condition's non-control rows)."""
    picked = pick_items(rows, items, per_task)
    if not picked:
        return []
    wanted = [i for ids in picked.values() for i in ids]
    sub = rows[rows["item_id"].isin(wanted)]
    by_item = {str(k): g.sort_values("model") for k, g in sub.groupby("item_id", observed=True)}
    out = []
    for task in sorted(picked):
        entries = []
        for iid in picked[task]:
            item = items[iid]
            answers = []
            for _, r in by_item.get(iid, sub.iloc[:0]).iterrows():
                mark, cls = _mark(float(r["correct"]), str(r["refusal"]))
                text = str(r["answer"]) if pd.notna(r["answer"]) else ""
                answers.append({"model": str(r["model"]), "answer": text[:ANSWER_CHARS] or "—", "mark": mark,
                                "mark_class": cls, "refusal": str(r["refusal"]), "leak": bool(r["leak"])})
            images = list(item.images[:MAX_THUMBS])
            shown = [{"path": p, "b64": b} for p in images if (b := thumbs.get(p)) is not None]
            entries.append({"id": iid, "lang": item.lang, "prompt": item.prompt, "gold": gold_text(item),
                            "images": images, "thumbs": shown, "answers": answers})
        out.append({"task": task, "name": task_name().get(task, str(task)), "items": entries})
    return out
