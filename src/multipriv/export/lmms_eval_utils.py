"""The functions an exported lmms-eval task calls (its `utils.py` only re-exports these).

Why in the package: the task folder's YAML names `!function utils.process_results` and so on; keeping the code
here means it is typed, tested and scored by `score.record.score_item` itself, so lmms-eval's numbers equal
`multipriv score` on the same replies. This module does not import lmms-eval: a doc is a plain dict (one line
of the export's `data/test.jsonl`) and a reply is a string.

Every metric's per-doc value is the same dict (item id, condition, the reply and MultiPriv's score fields):
lmms-eval writes it into its samples file, which is how `multipriv import-results lmms-eval` maps a reply back to
its item without the doc.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PIL import Image

from multipriv.score.record import score_item
from multipriv.tasks.schema import Item

Doc = dict[str, Any]
METRICS = ("multipriv_score", "multipriv_correct", "multipriv_refused", "multipriv_leak")
FAILED = "[LMMS_EVAL_REQUEST_FAILED"  # what lmms-eval's API models put in place of a reply they never got


def failure(reply: str) -> str | None:
    """Why this "reply" is no reply (lmms-eval's failure text, or nothing at all), else None: a request that
    failed is not the model's answer, and the runner counts an empty response as a failure too."""
    if not reply.strip():
        return "empty response"
    return reply.strip()[:300] if reply.lstrip().startswith(FAILED) else None


def with_condition(condition: str) -> Callable[[Any], Any]:
    """A `process_docs` that tags every doc with the task's prompt condition (one YAML per condition)."""

    def process(dataset: Any) -> Any:
        return dataset.map(lambda doc: {"condition": condition})

    return process


def visual_loader(root: Path) -> Callable[..., list[Image.Image]]:
    """`doc_to_visual`: the item's images, in prompt order, from the export folder `root`."""

    def doc_to_visual(doc: Doc, kwargs: dict[str, Any] | None = None) -> list[Image.Image]:
        images = []
        for rel in doc["images"]:
            with Image.open(root / rel) as img:
                images.append(img.convert("RGB"))
        return images

    return doc_to_visual


def _condition(doc: Doc, kwargs: dict[str, Any] | None) -> str:
    return str(doc.get("condition") or (kwargs or {}).get("condition") or "plain")


def doc_to_text(doc: Doc, kwargs: dict[str, Any] | None = None) -> str:
    """The prompt `multipriv eval` sends; a protective condition's system prompt goes first, as text, because
    lmms-eval's plain text path has no system turn (`doc_to_messages` keeps it as a system message)."""
    condition = _condition(doc, kwargs)
    system = doc.get(f"system_{condition}") or ""
    prompt = str(doc[f"prompt_{condition}"])
    return f"{system}\n\n{prompt}" if system else prompt


def visual_messages(root: Path) -> Callable[..., list[dict[str, Any]]]:
    """`doc_to_messages` for chat models: an optional system turn, then the images and the prompt."""
    load = visual_loader(root)

    def doc_to_messages(doc: Doc, kwargs: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        condition = _condition(doc, kwargs)
        content: list[dict[str, Any]] = [{"type": "image", "url": image} for image in load(doc)]
        content.append({"type": "text", "text": str(doc[f"prompt_{condition}"])})
        messages: list[dict[str, Any]] = []
        if doc.get(f"system_{condition}"):
            messages.append({"role": "system", "content": [{"type": "text", "text": doc[f"system_{condition}"]}]})
        return [*messages, {"role": "user", "content": content}]

    return doc_to_messages


def doc_to_target(doc: Doc) -> str:
    return str(doc.get("answer") or "")


def _reply(results: Sequence[Any]) -> str:
    reply = results[0] if results else ""
    while isinstance(reply, list | tuple):
        reply = reply[0] if reply else ""
    return "" if reply is None else str(reply)


def process_results(doc: Doc, results: Sequence[Any]) -> dict[str, dict[str, Any]]:
    """Score one reply with MultiPriv's scorer. A public doc (no item) keeps the reply unscored; a request
    lmms-eval could not make is kept as an error and left out of every mean, as `multipriv score` does."""
    reply = _reply(results)
    condition = _condition(doc, None)
    row: dict[str, Any] = {"item_id": doc["id"], "condition": condition, "reply": reply}
    if failure(reply):
        row["error"] = failure(reply)
    elif doc.get("item"):
        record = score_item(Item.model_validate_json(doc["item"]), reply, condition=condition)
        row.update(score=record.score, correct=bool(record.correct), refusal=record.refusal, leak=record.leak,
                   parsed=record.parsed, answer=record.answer)
    return {name: row for name in METRICS}


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def mean_score(rows: Sequence[dict[str, Any]]) -> float:
    return _mean([float(r["score"]) for r in rows if "score" in r])


def mean_correct(rows: Sequence[dict[str, Any]]) -> float:
    return _mean([float(bool(r["correct"])) for r in rows if "correct" in r])


def refusal_rate(rows: Sequence[dict[str, Any]]) -> float:
    return _mean([float(r["refusal"] == "refuse") for r in rows if "refusal" in r])


def leak_rate(rows: Sequence[dict[str, Any]]) -> float:
    return _mean([float(bool(r["leak"])) for r in rows if "leak" in r])
