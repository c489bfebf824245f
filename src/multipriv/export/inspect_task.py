"""MultiPriv as an inspect_ai task: `inspect eval multipriv/multipriv -T data=DIR --model openai/...`.

Why here and not a copy: the samples are the requests `multipriv eval` sends (`export.public.load_export`, built
by `runner.requests.build_request`), and the scorer is `score.record.score_item`, so a model gets the same
numbers in inspect as from `multipriv score` on the same replies. The refusal label goes into each sample's
metadata (set by the `label_reply` solver) and into the score's metadata with every other scoring field, so
`multipriv import-results inspect LOG` can bring the replies back as a run folder.

`data` may also be a public inspect export (`samples.jsonl` and images, no gold): inspect then records replies
and refusal labels only, and `import-results` plus `score` against the private build give the scores.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from inspect_ai import Task, task
from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.model import ChatMessageSystem, ChatMessageUser, Content, ContentImage, ContentText
from inspect_ai.scorer import Score, Scorer, Target, mean, scorer, stderr
from inspect_ai.solver import Generate, Solver, TaskState, generate, solver

from multipriv.errors import MultiPrivError
from multipriv.export.inspect_export import PUBLIC_SAMPLES
from multipriv.export.public import CONDITIONS, ExportItem, load_export
from multipriv.score.record import ScoreRecord, score_item
from multipriv.score.refusal import label_text
from multipriv.tasks.schema import Item

METRICS = ("score", "correct", "refused", "leak")  # means over answered samples, as `multipriv score` counts them


def _numbers(spec: str | int | None) -> set[int]:
    if spec is None or spec == "":
        return set()
    try:
        return {int(p) for p in str(spec).split(",") if p.strip()}
    except ValueError:
        raise MultiPrivError(f"tasks={spec!r}: give task numbers, e.g. 3,6,7") from None


def _sample(item_id: str, images: list[Path], system: str | None, prompt: str, target: list[str],
            meta: dict[str, Any]) -> Sample:
    """One item under one condition: images first, then the prompt (as the OpenAI provider sends it)."""
    content: list[Content] = [ContentImage(image=str(path.absolute())) for path in images]
    content.append(ContentText(text=prompt))
    messages: list[ChatMessageSystem | ChatMessageUser] = [ChatMessageSystem(content=system)] if system else []
    messages.append(ChatMessageUser(content=content))
    return Sample(input=list(messages), target=target, id=f"{item_id}:{meta['condition']}",
                  metadata={"item_id": item_id, **meta})


def sample(item: ExportItem, root: Path, condition: str) -> Sample:
    prompt = item.prompts[condition]
    return _sample(item.id, [root / rel for rel in item.images], prompt.system, prompt.prompt,
                   list(item.item.gold) if item.item else [],
                   {"condition": condition, "task": item.task, "level": item.level, "lang": item.lang,
                    "answer_type": item.answer_type})


def public_sample(row: dict[str, Any], root: Path, condition: str) -> Sample:
    """A line of a public export's samples.jsonl (no gold) as a sample."""
    return _sample(str(row["id"]), [root / rel for rel in row["images"]], row[f"system_{condition}"] or None,
                   str(row[f"prompt_{condition}"]), [],
                   {"condition": condition, "task": row["task"], "level": row["level"], "lang": row["lang"],
                    "answer_type": row["answer_type"]})


def _record(items: dict[str, Item], state: TaskState) -> ScoreRecord | None:
    item = items.get(str(state.metadata.get("item_id")))
    if item is None:
        return None
    return score_item(item, state.output.completion, model=str(state.model),
                      condition=str(state.metadata.get("condition", "plain")))


@solver
def label_reply(items: dict[str, Item]) -> Solver:
    """After `generate`: the refusal label (refuse / partial / comply) and the leak flag into the metadata."""

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        record = _record(items, state)
        if record is not None:
            state.metadata["refusal"] = record.refusal
            state.metadata["leak"] = record.leak
        return state

    return solve


@scorer(metrics={name: [mean(), stderr()] for name in METRICS})
def multipriv_scorer(items: dict[str, Item]) -> Scorer:
    """MultiPriv's own scorer: `score` (partial credit for sets, boxes, chains), `correct`, `refused`, `leak`."""

    async def score(state: TaskState, target: Target) -> Score:
        record = _record(items, state)
        if record is None:
            raise MultiPrivError(f"sample {state.sample_id}: not an item of this build")
        value: dict[str, Any] = {"score": record.score, "correct": float(bool(record.correct)),
                                 "refused": float(record.refusal == "refuse"), "leak": float(record.leak)}
        return Score(value=value, answer=record.answer, metadata=record.model_dump(mode="json"),
                     explanation=f"refusal={record.refusal} parsed={record.parsed}")

    return score


@scorer(metrics={"refused": [mean(), stderr()]})
def refusal_scorer() -> Scorer:
    """For a public export (no gold): only the refusal label; `multipriv import-results` + `score --gold` score
    the replies against the private build."""

    async def score(state: TaskState, target: Target) -> Score:
        label = label_text(state.output.completion)
        state.metadata["refusal"] = label
        return Score(value={"refused": float(label == "refuse")}, answer=state.output.completion[:200],
                     metadata={"refusal": label}, explanation=f"refusal={label}")

    return score


def _public_task(root: Path, condition: str, wanted: set[int], lang: str) -> Task:
    rows = [json.loads(line) for line in (root / PUBLIC_SAMPLES).read_text("utf-8").splitlines() if line.strip()]
    chosen = [r for r in rows if (not wanted or int(r["task"]) in wanted) and (not lang or r["lang"] == lang)]
    if not chosen:
        raise MultiPrivError(f"{root}: no items match")
    return Task(dataset=MemoryDataset([public_sample(r, root, condition) for r in chosen],
                                      name=f"multipriv-{condition}"),
                solver=[generate()], scorer=refusal_scorer(), metadata={"condition": condition, "public": True})


@task
def multipriv(data: str = "multipriv-data", condition: str = "plain", tasks: str | int = "", lang: str = "") -> Task:
    """The build (or public inspect export) at `data` under one prompt condition, optionally only some tasks
    (`-T tasks=3,6`) or a language."""
    root = Path(data)
    if condition not in CONDITIONS:
        raise MultiPrivError(f"condition={condition!r}: choose one of {', '.join(CONDITIONS)}")
    wanted = _numbers(tasks)
    if (root / PUBLIC_SAMPLES).is_file() and not (root / "items.jsonl").is_file():
        return _public_task(root, condition, wanted, lang)
    export = load_export(root)
    chosen = [i for i in export.items if (not wanted or i.task in wanted) and (not lang or i.lang == lang)]
    if not chosen:
        raise MultiPrivError(f"{root}: no items match tasks={tasks!r} lang={lang!r}")
    items = {i.id: i.item for i in chosen if i.item is not None}
    return Task(dataset=MemoryDataset([sample(i, root, condition) for i in chosen], name=f"multipriv-{condition}"),
                solver=[generate(), label_reply(items)], scorer=multipriv_scorer(items),
                metadata={"multipriv_data": str(root.absolute()), "condition": condition,
                          "manifest_sha256": export.build.manifest_sha256})
