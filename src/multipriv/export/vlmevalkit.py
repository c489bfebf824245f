"""`multipriv export --format vlmevalkit`: one TSV in VLMEvalKit's layout plus a dataset class to drop in.

The TSV follows VLMEvalKit's rules for `ImageBaseDataset`: `index`, `image` (base64 of the file's bytes), a
list for multi-image rows with `image_path` naming each image, `question`, option columns `A`, `B`, … (choice
items), `answer` and `category`. An image is written once: a later single-image row holding the same image
stores the index of the first row instead (VLMEvalKit's own rule for strings of 64 characters or fewer), and a
multi-image row's list names an image whose bytes another row carries by its `image_path` (the dataset class
resolves those). `image_path` holds the build's relative paths (content hashes), so names never collide.

Scoring never happens in VLMEvalKit's code: the class's `evaluate` calls `evaluate_predictions` below, i.e.
`multipriv.score.record.score_item`, so a model gets the number `multipriv score` gives it.
"""

from __future__ import annotations

import base64
import csv
import json
import shutil
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from multipriv.errors import MultiPrivError
from multipriv.export.public import ExportItem, load_export
from multipriv.export.registry import ExportRequest, ExportSummary, exporter
from multipriv.score.record import ScoreRecord, score_item
from multipriv.tasks.common import LETTERS
from multipriv.tasks.schema import Item, load_items

TSV_NAME = "MultiPriv.tsv"
FAIL_MSG = "Failed to obtain answer via API."  # what VLMEvalKit records when a call failed
CLASS_FILE = "multipriv_vlmevalkit.py"
CLASS_SOURCE = CLASS_FILE + ".txt"  # shipped as data: it imports vlmeval, which MultiPriv does not need


def _b64(path: Path) -> str:
    return base64.b64encode(path.read_bytes()).decode("ascii")


def rows(items: list[ExportItem], root: Path) -> Iterator[dict[str, Any]]:
    """One TSV row per item, each image's base64 written once: a later single-image row names the index of
    the first single-image row with it (VLMEvalKit's rule); a multi-image list names, by its `image_path`, an
    image whose bytes another row carries."""
    holder: dict[str, str] = {}  # image path -> index of the single-image row that carries its bytes
    carried = {i.images[0] for i in items if len(i.images) == 1}  # paths whose bytes a single-image row has
    for index, item in enumerate(items):
        row: dict[str, Any] = {"index": index, "id": item.id}
        if len(item.images) == 1:
            path = item.images[0]
            row["image"] = holder.get(path) or _b64(root / path)
            holder.setdefault(path, str(index))
            row["image_path"] = path
        else:
            cells = [path if path in carried else _b64(root / path) for path in item.images]
            if len(repr(cells)) <= 64:  # VLMEvalKit would read a short cell as one row's index
                cells[0] = _b64(root / item.images[0])
            carried.update(item.images)
            row["image"] = repr(cells)
            row["image_path"] = repr(list(item.images))
        row["question"] = item.prompts["plain"].prompt
        for letter, option in zip(LETTERS, item.options, strict=False):
            row[letter] = option
        row |= {"answer": item.answer, "category": item.category, "task": item.task, "lang": item.lang,
                "level": item.level, "answer_type": item.answer_type,
                "system_protective": item.prompts["protective"].system or "",
                "question_adversarial": item.prompts["adversarial"].prompt}
        if item.item is not None:
            row["multipriv_item"] = json.dumps(item.item.model_dump(mode="json"), ensure_ascii=False,
                                               sort_keys=True)
        yield row


def columns(items: list[ExportItem], public: bool) -> list[str]:
    letters = list(LETTERS[:max((len(i.options) for i in items), default=0)])
    gold = [] if public else ["answer"]
    return ["index", "id", "image", "image_path", "question", *letters, *gold, "category", "task", "lang", "level",
            "answer_type", "system_protective", "question_adversarial", *([] if public else ["multipriv_item"])]


def write_tsv(items: list[ExportItem], root: Path, path: Path, public: bool) -> None:
    """Row by row (the base64 of a default build is over a gigabyte); quoting as pandas writes and reads it."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, columns(items, public), delimiter="\t", lineterminator="\n", restval="",
                                extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows(items, root))


@exporter("vlmevalkit")
def export_vlmevalkit(request: ExportRequest) -> ExportSummary:
    data = load_export(request.data, public=request.public)
    request.out.mkdir(parents=True, exist_ok=True)
    tsv = request.out / TSV_NAME
    write_tsv(data.items, request.data, tsv, data.public)
    source = resources.files("multipriv.export.templates").joinpath(CLASS_SOURCE)
    with source.open("rb") as src, (request.out / CLASS_FILE).open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return ExportSummary("vlmevalkit", len(data.items), len(data.image_paths()), [tsv, request.out / CLASS_FILE])


# ------------------------------------------------------------------------------------ the evaluation side
@dataclass(frozen=True)
class Evaluation:
    scores: list[ScoreRecord]
    missing: int  # rows of the TSV with no prediction

    def summary(self) -> dict[str, float]:
        """Mean score overall and per task, share correct, share parsed: what VLMEvalKit prints and saves."""
        n = len(self.scores) or 1
        out = {"items": float(len(self.scores)), "missing": float(self.missing),
               "score": sum(s.score for s in self.scores) / n,
               "correct": sum(bool(s.correct) for s in self.scores) / n,
               "parsed": sum(s.parsed for s in self.scores) / n}
        for task in sorted({s.task for s in self.scores}):
            mine = [s.score for s in self.scores if s.task == task]
            out[f"task{task}"] = sum(mine) / len(mine)
        return out


def gold_items(frame: pd.DataFrame, gold: Path | str | None) -> dict[str, Item]:
    """The items to score against: the gold build's when given (a public TSV), else the private TSV's column."""
    if gold:
        return {i.id: i for i in load_items(Path(gold) / "items.jsonl")}
    if "multipriv_item" not in frame.columns:
        raise MultiPrivError("a public MultiPriv TSV has no gold: set MULTIPRIV_GOLD to the private build folder")
    return {i.id: i for i in (Item.model_validate_json(str(t)) for t in frame["multipriv_item"])}


def evaluate_predictions(predictions: Iterable[tuple[str, Any]], items: Mapping[str, Item], *,
                         model: str = "vlmevalkit", condition: str = "plain") -> Evaluation:
    """Score (item id, prediction) pairs with MultiPriv's scorer; a missing prediction is counted, not scored,
    as `multipriv score` counts an infrastructure failure."""
    scores, missing = [], 0
    for item_id, text in predictions:
        item = items.get(str(item_id))
        if item is None:
            raise MultiPrivError(f"item {item_id} is not in the gold build; was the TSV exported from another?")
        if text is None or (isinstance(text, float) and text != text) or str(text).startswith(FAIL_MSG):
            missing += 1  # no reply (an empty cell, or VLMEvalKit's marker of a failed call) is not an answer
            continue
        scores.append(score_item(item, str(text), model=model, condition=condition))
    return Evaluation(scores, missing)


def evaluate_frame(predictions: pd.DataFrame, gold: Path | str | None = None, *, model: str = "vlmevalkit",
                   condition: str = "plain") -> Evaluation:
    """A VLMEvalKit prediction table (the TSV's columns plus `prediction`) scored by MultiPriv."""
    if "prediction" not in predictions.columns or "id" not in predictions.columns:
        raise MultiPrivError("the prediction file needs the `id` and `prediction` columns")
    items = gold_items(predictions, gold)
    pairs = zip(predictions["id"], predictions["prediction"], strict=True)
    return evaluate_predictions(pairs, items, model=model, condition=condition)
