"""Re-score a run's saved answers without calling any model: results.jsonl -> scores.jsonl.

Infrastructure failures (a request that never got an answer) are not the model's answers: they are left out
of the scores and counted, so a flaky endpoint never shows up as a wrong or refused answer.

Files are read as `eval --resume` reads them (`multipriv.jsonl`): a damaged line (a truncated last line, bytes
that are not UTF-8) is reported with its file and line number and skipped, and a pair recorded twice (a run
killed after retrying a failure) counts once, by its answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from multipriv.errors import MultiPrivError
from multipriv.jsonl import dumps_line, log, read_jsonl, skip, write_atomic
from multipriv.runner.results import compact, read_records
from multipriv.runner.runfile import load_run
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
    run = load_run(folder)
    return run.dataset_root if run else None


def score_folder(folder: Path, items: dict[str, Item], keep: Sequence[ScoreRecord] = (), *,
                 write: bool = True) -> ScoredRun:
    """Score every answer in `folder`; `keep` holds saved scores (judge decisions) that win over re-scoring.
    With `write`, the scores are saved as `scores.jsonl` (only `multipriv score` writes into run folders)."""
    path = folder / "results.jsonl"
    records, _ = read_records(path)
    kept = {(s.item_id, s.condition): s for s in keep}
    scores: list[ScoreRecord] = []
    failed = 0
    model = folder.name
    for record in compact(records):
        model = record.model or model
        if record.text is None:
            failed += 1
            continue
        saved = kept.get((record.item_id, record.condition))
        if saved is not None:
            scores.append(saved)
            continue
        item = items.get(record.item_id)
        if item is None:
            raise MultiPrivError(f"{path}: item {record.item_id} is not in the dataset; was the run made on "
                                 "another build?")
        scores.append(score_item(item, record.text, model=model, condition=record.condition))
    if write:
        write_scores(folder, scores)
    return ScoredRun(model, folder, scores, failed, dataset_root(folder))


def write_scores(folder: Path, scores: list[ScoreRecord]) -> None:
    write_atomic(folder / "scores.jsonl", (dumps_line(s.model_dump(mode="json")) for s in scores))


def read_scores(path: Path) -> tuple[list[ScoreRecord], int]:
    """The readable score records, and how many lines were damaged or not score records (each reported)."""
    found = read_jsonl(path)
    scores, damaged = [], len(found.damaged)
    for number, row in found.rows:
        try:
            scores.append(ScoreRecord.model_validate(row))
        except ValidationError:
            skip(path, number, "a line that is not a score record")
            damaged += 1
    return scores, damaged


def fresh_scores(folder: Path) -> tuple[list[ScoreRecord], int] | None:
    """The saved scores when they are newer than the answers (they may hold judge decisions), with the count
    of damaged lines (their answers must be re-scored), else None."""
    scores, results = folder / "scores.jsonl", folder / "results.jsonl"
    if not scores.is_file() or scores.stat().st_mtime_ns < results.stat().st_mtime_ns:
        return None
    saved, damaged = read_scores(scores)
    if damaged:
        log.warning("%s: %d damaged line(s); their answers are scored again from results.jsonl", scores, damaged)
    return saved, damaged
