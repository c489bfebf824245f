"""`multipriv import-results KIND FILE --data DIR --out RUNS/NAME`: a harness's replies as a MultiPriv run folder.

Why: a model evaluated in inspect_ai, lmms-eval or VLMEvalKit should sit in the same `multipriv report` as the
models `multipriv eval` ran. Only the raw replies come back, never the harness's scores: `multipriv score`
scores them with the same rules as every other run. The folder gets `results.jsonl` (one record per item and
condition, failures kept as failures) and a `run.json` naming the build, so `score` and `report` find it.

Kinds and how a reply finds its item:
- inspect: an inspect log (.eval or .json) of the `multipriv/multipriv` task; the sample's metadata holds the item
  id and condition.
- lmms-eval: a `*_samples_<task>.jsonl` of an exported task; each metric's value holds the item id and condition.
- vlmevalkit: a prediction table (.xlsx, .tsv or .csv) of the exported TSV; its `id` and `prediction` columns.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multipriv.dataset.integrity import load_checked
from multipriv.errors import MultiPrivError
from multipriv.export.lmms_eval_utils import failure
from multipriv.runner.base import ModelSpec
from multipriv.runner.manifest import dataset_info, now, run_manifest, write_run
from multipriv.runner.results import AnswerRecord, compact, write_atomic

KINDS = ("inspect", "lmms-eval", "vlmevalkit")


@dataclass(frozen=True)
class Answer:
    """One reply as a harness recorded it: `text` is None when the harness got no reply (`error` says why)."""

    item_id: str
    condition: str
    text: str | None
    error: str | None = None
    input_tokens: int = 0
    output_tokens: int = 0


@dataclass(frozen=True)
class ImportSummary:
    model: str
    answered: int
    failed: int
    out: Path


def _first_line(text: object) -> str:
    lines = str(text).strip().splitlines()
    return lines[0][:300] if lines else "error"


def read_inspect(path: Path, condition: str) -> tuple[str, list[Answer]]:
    """(model, answers) from an inspect log; an errored sample is a failure, not an empty reply."""
    try:
        from inspect_ai.log import read_eval_log
    except ModuleNotFoundError:
        raise MultiPrivError('reading inspect logs needs inspect-ai: pip install "multipriv[export]"') from None
    try:
        log = read_eval_log(str(path))
    except Exception as exc:  # inspect raises many kinds on a file that is not a log
        raise MultiPrivError(f"{path}: not an inspect log ({_first_line(exc)})") from None
    answers = []
    for sample in log.samples or []:
        meta = sample.metadata or {}
        item_id = str(meta.get("item_id") or str(sample.id).split(":", 1)[0])
        usage = list((sample.model_usage or {}).values())
        error = _first_line(sample.error.message) if sample.error is not None else None
        answers.append(Answer(item_id, str(meta.get("condition") or condition),
                              None if error else sample.output.completion, error,
                              sum(u.input_tokens for u in usage), sum(u.output_tokens for u in usage)))
    return str(log.eval.model), answers


def _lmms_reply(row: dict[str, Any]) -> str | None:
    reply = row.get("filtered_resps", row.get("resps"))
    while isinstance(reply, list):
        reply = reply[0] if reply else None
    return None if reply is None else str(reply)


def read_lmms_eval(path: Path, condition: str) -> tuple[str, list[Answer]]:
    """(model, answers) from an lmms-eval samples file; the model is named by the folder lmms-eval wrote it in."""
    answers = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise MultiPrivError(f"cannot read {path}: {_first_line(exc)}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            raise MultiPrivError(f"{path}:{number}: not JSON; is this an lmms-eval samples file?") from None
        metric = next((v for v in row.values() if isinstance(v, dict) and "item_id" in v), None) \
            if isinstance(row, dict) else None
        if metric is None:
            raise MultiPrivError(f"{path}:{number}: no MultiPriv item id; was it made by an exported task?")
        text = _lmms_reply(row)
        if text is None:
            text = metric.get("reply")
        error = "no reply" if text is None else failure(str(text))
        answers.append(Answer(str(metric["item_id"]), str(metric.get("condition") or condition),
                              None if error else str(text), error))
    return path.parent.name, answers


def read_vlmevalkit(path: Path, condition: str) -> tuple[str, list[Answer]]:
    """(model, answers) from a VLMEvalKit prediction table, named `<model>_MultiPriv.xlsx` by VLMEvalKit."""
    import pandas as pd

    try:
        if path.suffix.lower() in (".xlsx", ".xls"):
            frame = pd.read_excel(path, dtype=str)
        else:
            frame = pd.read_csv(path, sep="\t" if path.suffix.lower() == ".tsv" else ",", dtype=str,
                                keep_default_na=False)
    except Exception as exc:  # pandas and its engines raise many kinds on a broken table
        raise MultiPrivError(f"{path}: not a readable prediction table ({_first_line(exc)})") from None
    if "id" not in frame.columns or "prediction" not in frame.columns:
        raise MultiPrivError(f"{path}: a VLMEvalKit prediction file needs the `id` and `prediction` columns")
    answers = []
    for item_id, text in zip(frame["id"], frame["prediction"], strict=True):
        # an empty cell is no prediction, as the runner counts an empty response as a failure, not a reply
        missing = text is None or (isinstance(text, float) and math.isnan(text)) or not str(text).strip()
        answers.append(Answer(str(item_id), condition, None if missing else str(text),
                              "no prediction" if missing else None))
    stem = path.stem
    return (stem[: -len("_MultiPriv")] if stem.endswith("_MultiPriv") else stem), answers


READERS: dict[str, Callable[[Path, str], tuple[str, list[Answer]]]] = {
    "inspect": read_inspect, "lmms-eval": read_lmms_eval, "vlmevalkit": read_vlmevalkit}


def import_results(kind: str, file: Path, data: Path, out: Path, *, model: str | None = None,
                   condition: str = "plain") -> ImportSummary:
    """Read `file`, check every reply names an item of the build at `data`, write the run folder `out`."""
    reader = READERS.get(kind)
    if reader is None:
        raise MultiPrivError(f"unknown kind {kind!r}; choose {', '.join(KINDS)}")
    if not file.is_file():
        raise MultiPrivError(f"{file}: no such file")
    found, answers = reader(file, condition)
    if not answers:
        raise MultiPrivError(f"{file}: no replies in it")
    name = model or found or out.name
    build = load_checked(data)
    items = {i.id: i for i in build.items}
    unknown = [a.item_id for a in answers if a.item_id not in items]
    if unknown:
        raise MultiPrivError(f"{file}: {len(unknown)} replies name items not in {data} (first: {unknown[0]}); "
                             "was it made from another build?")
    records = compact(AnswerRecord(
        item_id=a.item_id, twin_id=items[a.item_id].twin_id, task=items[a.item_id].task,
        lang=items[a.item_id].lang, condition=a.condition, model=name, text=a.text, error=a.error, attempts=1,
        input_tokens=a.input_tokens, output_tokens=a.output_tokens) for a in answers)
    out.mkdir(parents=True, exist_ok=True)
    (out / "scores.jsonl").unlink(missing_ok=True)  # scores of an earlier import would be stale
    write_atomic(out / "results.jsonl", records)
    spec = ModelSpec(name=name, provider=f"import:{kind}", model=name)
    stamp = now()
    session = {"started": stamp, "finished": stamp, "imported_from": str(file.absolute()), "kind": kind}
    write_run(out / "run.json", run_manifest(spec, dataset_info(build, {}),
                                             conditions=sorted({r.condition for r in records}),
                                             filters={}, sessions=[session], records=records))
    answered = sum(r.answered for r in records)
    return ImportSummary(name, answered, len(records) - answered, out)
