"""Scoring saved answers, and the judge flow: rules first, then (optionally) an LLM judge for the free-text
misses and unsure refusal labels, through the runner's providers with their retries and cache."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from multipriv.errors import MultiPrivError
from multipriv.runner.base import ModelSpec
from multipriv.runner.models_file import load_models
from multipriv.score.judge import JudgeSummary, judge_records, load_replies
from multipriv.score.runs import ScoredRun, dataset_root, model_folders, score_folder, write_scores
from multipriv.tasks.schema import Item, load_items


@dataclass(frozen=True)
class ScoredFolder:
    run: ScoredRun
    judge: JudgeSummary | None = None  # set when a judge looked at this folder's answers

    @property
    def correct(self) -> int:
        return sum(bool(s.correct) for s in self.run.scores)


def find_judge(name: str, models_file: Path | None) -> ModelSpec:
    """The judge named `name` in a models file."""
    if models_file is None:
        raise MultiPrivError("--judge needs --judge-models FILE naming the judge model")
    spec = next((m for m in load_models(models_file) if m.name == name), None)
    if spec is None:
        raise MultiPrivError(f"{models_file}: no model named {name!r}")
    return spec


def score_runs(run_dir: Path, *, gold: Path | None = None, judge: ModelSpec | None = None) -> Iterator[ScoredFolder]:
    """Score every model folder under `run_dir` against its build (or `gold`, for runs made on a public
    export) and write its scores.jsonl; one result per folder, as each is done."""
    items_by_root: dict[Path, dict[str, Item]] = {}
    for folder in model_folders(run_dir):
        root = gold or dataset_root(folder)
        if root is None:
            raise MultiPrivError(f"{folder}: run.json does not say which build was evaluated; pass --gold BUILD")
        if root not in items_by_root:
            items_by_root[root] = {i.id: i for i in load_items(root / "items.jsonl")}
        items = items_by_root[root]
        scored = score_folder(folder, items)
        if judge is None:
            yield ScoredFolder(scored)
            continue
        judged, summary = judge_records(scored.scores, items, judge, cache_path=run_dir / "judge_cache.sqlite",
                                        replies=load_replies(folder))
        write_scores(folder, judged)
        yield ScoredFolder(dataclasses.replace(scored, scores=judged), summary)
