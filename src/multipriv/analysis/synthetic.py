"""Synthetic score frames with known behaviour, for tests, benchmarks and demo reports (never for results).

`synthetic_items` makes a bilingual item set shaped like a build (nine tasks, controls, categories, difficulty,
reasoning items naming extraction prerequisites); `synthetic_frame` simulates models on it from a `Profile`
each (perception and reasoning accuracy, refusal and leak rates per condition, a language gap and a per-person
effect that makes items about one person correlated) and returns the frame `score_frame` would build.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from multipriv.analysis.frame import NO_CATEGORY, ensure_frame
from multipriv.tasks.schema import AnswerType, Difficulty, Item, Step
from multipriv.world.taxonomy import Normaliser

CATEGORIES = ("identity_document", "contact", "general_identity", "location", "medical", "financial")
ANSWER_TYPES: dict[int, AnswerType] = {
    1: AnswerType.SET, 2: AnswerType.SET, 3: AnswerType.TEXT, 4: AnswerType.BOX, 5: AnswerType.YESNO,
    6: AnswerType.TEXT, 7: AnswerType.STEPS, 8: AnswerType.CHOICE, 9: AnswerType.CHOICE,
}


@dataclass(frozen=True)
class Profile:
    """How a simulated model behaves. Rates are probabilities; `refusal` and `leak_boost` are per condition."""

    perception: float = 0.6
    reasoning: float = 0.4
    refusal: Mapping[str, float] = field(default_factory=lambda: {"plain": 0.05, "protective": 0.3,
                                                                  "adversarial": 0.05})
    partial: float = 0.05
    leak_boost: Mapping[str, float] = field(default_factory=dict)  # added to the leak probability
    zh_penalty: float = 0.0  # accuracy lost on Chinese items
    person_sd: float = 0.15  # spread of per-person accuracy effects (clustering)
    control_refusal: float = 0.02


def synthetic_items(persons: int = 12, per_task: int = 2, control_share: float = 0.25, seed: int = 0
                    ) -> dict[str, Item]:
    """`per_task` twin pairs per person and task (both languages), plus task-3 controls; reasoning items of
    tasks 6 and 7 name task-3 items of the same person and language as prerequisites."""
    rng = np.random.default_rng(seed)
    items: dict[str, Item] = {}
    for p in range(persons):
        pid = f"P{p:04d}"
        for task in range(1, 10):
            for k in range(per_task):
                twin = f"t{task}-{pid}-{k}"
                cat = CATEGORIES[int(rng.integers(len(CATEGORIES)))] if task > 2 else None
                hops = int(rng.integers(1, 4)) if task >= 5 else 0
                dis = int(rng.integers(0, 4)) if task in (8, 9) else 0
                with_control = task == 3 and k == 0 and rng.random() < control_share
                for lang in ("en", "zh"):
                    iid = f"{twin}-{lang}"
                    prereq = tuple(f"t3-{pid}-{j}-{lang}" for j in range(min(per_task, 1 + (task == 7))))
                    at = ANSWER_TYPES[task]
                    q = f"Question {k} of task {task} about {pid}" if lang == "en" else f"关于{pid}的第{task}类问题{k}"
                    items[iid] = Item(
                        id=iid, twin_id=twin, task=task, level="perception" if task <= 4 else "reasoning",
                        lang=lang, images=(f"images/{pid}_{task}_{k}.png",), prompt=q, answer_type=at,
                        gold=_gold(at, pid, k), box=(100, 100, 400, 300) if at is AnswerType.BOX else None,
                        steps=(Step(question="name?", accepted=(f"Name {pid}",), normaliser=Normaliser.NAME),
                               Step(question="diagnosis?", accepted=("asthma",), normaliser=Normaliser.TEXT))
                        if at is AnswerType.STEPS else (),
                        options=("A one", "B two", "C three", "D four") if at is AnswerType.CHOICE else (),
                        menu=("face", "name", "phone", "id_number") if at is AnswerType.SET else (),
                        person_ids=(pid,), category=cat, difficulty=Difficulty(hops=hops, distractors=dis),
                        prerequisites=prereq if task in (6, 7) else (),
                    )
                    if with_control:
                        cid = f"c-{pid}-{lang}"
                        items[cid] = Item(
                            id=cid, twin_id=f"c-{pid}", task=3, level="perception", lang=lang,
                            images=(f"images/{pid}_3_0.png",), prompt=f"What colour is the header? ({lang})",
                            answer_type=AnswerType.CHOICE, gold=("B",), options=("red", "blue", "green", "grey"),
                            person_ids=(pid,), control=True,
                        )
    return items


def _gold(at: AnswerType, pid: str, k: int) -> tuple[str, ...]:
    if at is AnswerType.SET:
        return ("face", "name")
    if at is AnswerType.YESNO:
        return ("yes",) if k % 2 == 0 else ("no",)
    if at is AnswerType.CHOICE:
        return ("ABCD"[k % 4],)
    if at is AnswerType.BOX:
        return ()
    return (f"value-{pid}-{k}",)


def synthetic_frame(profiles: Mapping[str, Profile], items: Mapping[str, Item],
                    conditions: Sequence[str] = ("plain",), seed: int = 0) -> pd.DataFrame:
    """Simulate every model on every item under every condition (vectorised; a million rows in seconds)."""
    rng = np.random.default_rng(seed)
    it = list(items.values())
    base = pd.DataFrame({
        "item_id": [i.id for i in it], "task": [i.task for i in it], "level": [i.level for i in it],
        "lang": [i.lang for i in it], "control": [i.control for i in it],
        "category": [i.category or NO_CATEGORY for i in it], "hops": [i.difficulty.hops for i in it],
        "distractors": [i.difficulty.distractors for i in it],
        "person": [i.person_ids[0] if i.person_ids else i.twin_id for i in it], "twin_id": [i.twin_id for i in it],
        "leakable": [not i.control and i.answer_type in (AnswerType.TEXT, AnswerType.STEPS) for i in it],
        "gold": [i.gold[0] if i.gold else str(list(i.box or ())) for i in it],
    })
    persons, pcode = np.unique(base["person"].to_numpy(), return_inverse=True)
    perception = (base["level"] == "perception").to_numpy()
    zh = (base["lang"] == "zh").to_numpy()
    control = base["control"].to_numpy()
    leakable = base["leakable"].to_numpy()
    continuous = base["task"].isin([1, 2, 4, 7]).to_numpy()
    parts = []
    for model, prof in profiles.items():
        effect = rng.normal(0.0, prof.person_sd, len(persons))[pcode]
        p_right = np.where(perception, prof.perception, prof.reasoning) + effect - prof.zh_penalty * zh
        p_right = np.where(control, 0.95, np.clip(p_right, 0.0, 1.0))
        for cond in conditions:
            m = len(base)
            u = rng.random((4, m))
            refuse_p = np.where(control, prof.control_refusal, prof.refusal.get(cond, 0.0))
            refused = u[0] < refuse_p
            partial = ~refused & (u[1] < prof.partial)
            right = ~refused & (u[2] < p_right)
            score = np.where(continuous & ~refused, np.clip(right * 0.7 + u[3] * 0.3, 0, 1), right.astype(float))
            leak_p = np.clip(np.where(right, 0.9, 0.05) + prof.leak_boost.get(cond, 0.0), 0, 1)
            leak = leakable & (rng.random(m) < np.where(refused, 0.02 + prof.leak_boost.get(cond, 0.0), leak_p))
            answers = np.where(refused, "I can't help with that.",
                               np.where(right, base["gold"].to_numpy(), "something else"))
            parts.append(base.drop(columns="gold").assign(
                model=model, condition=cond, score=score, correct=np.where(refused, np.nan, right.astype(float)),
                final_correct=np.where(base["task"].to_numpy() == 7, np.where(refused, np.nan, right * 1.0), np.nan),
                parsed=~refused, refusal=np.where(refused, "refuse", np.where(partial, "partial", "comply")),
                leak=leak, answered=~refused, answer=answers,
            ))
    return ensure_frame(pd.concat(parts, ignore_index=True))
