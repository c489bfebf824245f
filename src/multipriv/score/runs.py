"""Re-score a run's saved answers without calling any model: results.jsonl -> scores.jsonl.

Infrastructure failures (a request that never got an answer) are not the model's answers: they are left out
of the scores and counted, so a flaky endpoint never shows up as a wrong or refused answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from multipriv.errors import MultiPrivError
from multipriv.score.record import ScoreRecord, score_item
from multipriv.tasks.schema import Item


@dataclass(frozen=True)
class ScoredRun:
    model: str
    folder: Path
    scores: list[ScoreRecord]
    failed: int
    dataset_root: Path | None


def model_folders(path: Path) -> list[Path]:
    """A run folder of one model (it has results.jsonl), or a folder of such folders."""
    if (path / "results.jsonl").is_file():
        return [path]
    found = sorted(p for p in path.iterdir() if (p / "results.jsonl").is_file()) if path.is_dir() else []
    if not found:
        raise MultiPrivError(f"{path}: no results.jsonl here or in its sub-folders; run `multipriv eval` first")
    return found


def dataset_root(folder: Path) -> Path | None:
    try:
        run = json.loads((folder / "run.json").read_text(encoding="utf-8"))
        return Path(run["dataset"]["root"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def score_folder(folder: Path, items: dict[str, Item]) -> ScoredRun:
    scores: list[ScoreRecord] = []
    failed = 0
    model = folder.name
    with (folder / "results.jsonl").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                raise MultiPrivError(f"{folder / 'results.jsonl'}:{n}: not valid JSON") from None
            model = record.get("model", model)
            if record.get("text") is None:
                failed += 1
                continue
            item = items.get(record["item_id"])
            if item is None:
                raise MultiPrivError(f"{folder / 'results.jsonl'}:{n}: item {record['item_id']} is not in the "
                                     "dataset; was the run made on another build?")
            scores.append(score_item(item, record["text"], model=model, condition=record["condition"]))
    write_scores(folder, scores)
    return ScoredRun(model, folder, scores, failed, dataset_root(folder))


def write_scores(folder: Path, scores: list[ScoreRecord]) -> None:
    out = folder / "scores.jsonl"
    tmp = out.with_name("scores.jsonl.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for s in scores:
            fh.write(s.model_dump_json() + "\n")
    tmp.replace(out)


def fresh_scores(folder: Path) -> list[ScoreRecord] | None:
    """The saved scores when they are newer than the answers (they may hold judge decisions), else None."""
    scores, results = folder / "scores.jsonl", folder / "results.jsonl"
    if not scores.is_file() or scores.stat().st_mtime_ns < results.stat().st_mtime_ns:
        return None
    with scores.open(encoding="utf-8") as fh:
        return [ScoreRecord.model_validate_json(line) for line in fh if line.strip()]
