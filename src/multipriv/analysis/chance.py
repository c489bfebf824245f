"""The chance level of each task: what an answer drawn uniformly from the answers the question allows scores.

Per item, by answer type:
- choice: 1/K; yes/no: 1/2;
- set (tasks 1-2): F1 of ticking every offered entry, 2p/(1+p) with p the share of offered entries shown (the
  best answer that ignores the image; builds offer half shown, half not: 2/3);
- box: the expected IoU of a box with uniform random corners (Monte Carlo, fixed seed);
- text: 1/|V|, V the distinct answers that questions of the same type (task, question type, attribute,
  language) have in the item set; a chain averages this over its steps.
A task's chance level is the mean over its non-control items. The floors `random`, `constant` and `blind`
are measured against it: a floor clearly above chance means a shortcut the data leaves open.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from multipriv.tasks.schema import AnswerType, Item

_BOX_SAMPLES = 400


def _random_box_iou(box: tuple[int, int, int, int], rng: np.random.Generator) -> float:
    xs = np.sort(rng.integers(0, 1001, size=(_BOX_SAMPLES, 2)), axis=1)
    ys = np.sort(rng.integers(0, 1001, size=(_BOX_SAMPLES, 2)), axis=1)
    x0, y0, x1, y1 = box
    iw = np.clip(np.minimum(xs[:, 1], x1) - np.maximum(xs[:, 0], x0), 0, None)
    ih = np.clip(np.minimum(ys[:, 1], y1) - np.maximum(ys[:, 0], y0), 0, None)
    inter = iw * ih
    union = (xs[:, 1] - xs[:, 0]) * (ys[:, 1] - ys[:, 0]) + (x1 - x0) * (y1 - y0) - inter
    return float(np.mean(np.where(union > 0, inter / np.maximum(union, 1), 0.0)))


def _text_key(item: Item) -> tuple[object, ...]:
    return item.task, item.qtype, item.attribute_ids, item.lang


def item_chance(items: Iterable[Item]) -> dict[str, float]:
    """Each non-control item's chance score, by item id."""
    items = [i for i in items if not i.control]
    vocab: dict[tuple[object, ...], set[str]] = defaultdict(set)
    step_vocab: dict[tuple[object, ...], set[str]] = defaultdict(set)
    for item in items:
        if item.answer_type is AnswerType.TEXT and item.gold:
            vocab[_text_key(item)].add(item.gold[0].casefold())
        for n, step in enumerate(item.steps):
            step_vocab[(item.qtype, n, item.lang)].add(step.accepted[0].casefold())
    rng = np.random.default_rng(0)
    out: dict[str, float] = {}
    for item in sorted(items, key=lambda i: i.id):
        kind = item.answer_type
        if kind is AnswerType.CHOICE:
            value = 1 / max(1, len(item.options))
        elif kind is AnswerType.YESNO:
            value = 0.5
        elif kind is AnswerType.SET:
            p = len(item.gold) / max(1, len(item.menu))
            value = 2 * p / (1 + p) if p else 0.0
        elif kind is AnswerType.BOX and item.box is not None:
            value = _random_box_iou(item.box, rng)
        elif kind is AnswerType.STEPS:
            value = float(np.mean([1 / len(step_vocab[(item.qtype, n, item.lang)])
                                   for n in range(len(item.steps))])) if item.steps else 0.0
        else:
            value = 1 / max(1, len(vocab[_text_key(item)]))
        out[item.id] = value
    return out


def chance_table(items: Mapping[str, Item]) -> pd.DataFrame:
    """Per task: the chance level and the number of items behind it (columns task, chance, n)."""
    scores = item_chance(items.values())
    by_task: dict[int, list[float]] = defaultdict(list)
    for item_id, value in scores.items():
        by_task[items[item_id].task].append(value)
    return pd.DataFrame([{"task": t, "chance": float(np.mean(v)), "n": len(v)} for t, v in sorted(by_task.items())],
                        columns=["task", "chance", "n"])
