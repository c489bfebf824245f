"""From run folders to what the report needs: scored answers of every model, and the models that failed.

Saved scores are used when they are newer than the answers (they may hold an LLM judge's decisions);
otherwise the answers are re-scored in memory from results.jsonl with this version's scorer: the report reads run
folders and never writes into them (`multipriv score` saves scores). Damaged lines in either file
are reported with their line numbers and skipped (`multipriv.jsonl`); the answers of damaged score lines are
scored again, the other saved scores kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from multipriv.analysis.frame import photo_tiers_of, score_frame
from multipriv.errors import MultiPrivError
from multipriv.runner.runfile import load_run
from multipriv.score.record import ScoreRecord
from multipriv.score.runs import dataset_root, fresh_scores, model_folders, score_folder
from multipriv.tasks.schema import Item, load_items


@dataclass
class Collected:
    frame: pd.DataFrame
    items: dict[str, Item]
    failed: dict[str, str]
    dataset_root: Path | None


def _stopped(folder: Path) -> str | None:
    run = load_run(folder)
    return run.stopped if run else None


def collect(run_dirs: list[Path]) -> Collected:
    folders = [f for d in run_dirs for f in model_folders(d)]
    roots = {dataset_root(f) for f in folders} - {None}
    if len(roots) > 1:
        raise MultiPrivError("the runs were made on different builds: report them separately "
                             f"({', '.join(sorted(str(r) for r in roots))})")
    root = next(iter(roots), None)
    if root is None or not (root / "items.jsonl").is_file():
        raise MultiPrivError("cannot find the evaluated build (run.json names none, or it has moved)")
    items = {i.id: i for i in load_items(root / "items.jsonl")}
    records: list[ScoreRecord] = []
    failed: dict[str, str] = {}
    for folder in folders:
        saved = fresh_scores(folder)
        if saved and saved[0] and not saved[1]:
            records += saved[0]
            continue
        scored = score_folder(folder, items, keep=saved[0] if saved else (), write=False)
        if scored.scores:
            records += scored.scores
        else:
            failed[scored.model] = _stopped(folder) or f"no answers ({scored.failed} requests failed)"
    return Collected(score_frame(records, items, photo_tiers_of(root)), items, failed, root)
