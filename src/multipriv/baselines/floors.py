"""The floors side by side on the dev items they were learned from: what `multipriv priors` prints, and the
settings that hand a priors file to the `constant` and `blind` providers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multipriv.baselines.answers import request_rng
from multipriv.baselines.blind import blind_answer
from multipriv.baselines.constant import constant_answer
from multipriv.baselines.priors import HOW, Priors, dev_info, learn_from_build, load_priors
from multipriv.baselines.random_baseline import random_answer
from multipriv.baselines.visible import Visible
from multipriv.dataset.integrity import sha256_file
from multipriv.errors import MultiPrivError
from multipriv.runner.base import Request
from multipriv.score.record import score_item
from multipriv.tasks.schema import Item


@dataclass(frozen=True)
class FloorRow:
    task: int
    items: int
    random: float
    constant: float
    blind: float
    unparsed: int  # constant and blind answers the scorer could not read (0 when the formats are right)


def floor_scores(items: Sequence[Item], priors: Priors) -> list[FloorRow]:
    """Mean score per task of random, constant and blind on these items (plain condition), by the scorer."""
    sums: dict[int, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0.0, 0])
    for item in items:
        rng = request_rng(Request(item=item, system=None, prompt=item.prompt, images=()), "random")
        row = sums[item.task]
        row[0] += 1
        row[1] += score_item(item, random_answer(item, rng)).score
        for col, text in ((2, constant_answer(item, priors)), (3, blind_answer(Visible.of(item), priors))):
            record = score_item(item, text)
            row[col] += record.score
            row[4] += not record.parsed
    return [FloorRow(task, int(n), r / n, c / n, b / n, int(u)) for task, (n, r, c, b, u) in sorted(sums.items())]


def priors_params(path: Path) -> dict[str, Any]:
    """A floor provider's params: the file, and its sha256 so that cached and resumed answers stay tied to it."""
    return {"priors": str(path), "priors_sha256": sha256_file(path)}


def resolve_priors(data: Path, out: Path, priors_file: Path | None, dev_data: Path | None,
                   ) -> tuple[dict[str, Any], str | None]:
    """`eval`'s priors for the floors: a file, or one learned from a dev build into `out/priors.json`.
    Returns the providers' params and a warning when the priors were learned on the evaluated build itself."""
    if priors_file is not None and dev_data is not None:
        raise MultiPrivError("give either --priors FILE or --dev-data DEVDIR, not both")
    if dev_data is not None:
        priors_file = out / "priors.json"
        learn_from_build(dev_data, priors_file)
    if priors_file is None:
        raise MultiPrivError(f"the constant and blind baselines need priors from a dev split: pass --priors FILE "
                             f"or --dev-data DEVDIR; {HOW}")
    learned = load_priors(priors_file)
    warning = None
    if (data / "items.jsonl").is_file() and learned.dev.get("items_sha256") == dev_info(data)["items_sha256"]:
        warning = f"{priors_file} was learned on {data} itself: constant and blind are in-sample there"
    return priors_params(priors_file), warning
