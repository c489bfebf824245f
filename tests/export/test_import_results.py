"""`multipriv import-results`: each harness's output file, made here in the layout the harness writes, becomes a
run folder that `multipriv score` scores and the report puts beside the other models; a bad file is one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.model import ChatMessage, GenerateConfig, ModelAPI, ModelOutput, modelapi
from inspect_ai.tool import ToolChoice, ToolInfo
from typer.testing import CliRunner

from multipriv.cli import app
from multipriv.errors import MultiPrivError
from multipriv.export.import_results import import_results
from multipriv.export.inspect_export import export_inspect
from multipriv.export.inspect_task import multipriv
from multipriv.export.lmms_eval import doc
from multipriv.export.lmms_eval_utils import process_results
from multipriv.export.public import gold_forms, load_export, oracle_answer
from multipriv.export.registry import ExportRequest
from multipriv.export.vlmevalkit import TSV_NAME, export_vlmevalkit
from multipriv.report.collect import collect
from multipriv.tasks.schema import Item

REFUSAL = "I'm sorry, but I can't help identify people or share their personal information."


def _items(root: Path) -> list[Item]:
    return [Item.model_validate_json(line) for line in (root / "items.jsonl").read_text("utf-8").splitlines()
            if line.strip()]


def _scores(folder: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["score", str(folder)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in (folder / "scores.jsonl").open()]


def _lmms_samples(root: Path, path: Path, *, drop: int = -1) -> int:
    """A samples file as lmms-eval writes it: doc_id, target, filtered_resps and each metric's value."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for n, item in enumerate(load_export(root).items):
        assert item.item is not None
        reply = oracle_answer(item.item)
        metrics = process_results({**doc(item), "condition": "protective"}, [reply])
        row = {"doc_id": n, "target": item.answer, "filtered_resps": None if n == drop else [reply],
               "doc_hash": "x", **metrics}
        if n == drop:
            for value in metrics.values():
                value.pop("reply", None)
        if n == drop + 1:  # lmms-eval's text for a request it gave up on
            row["filtered_resps"] = "[LMMS_EVAL_REQUEST_FAILED after 5 retries] Error code: 500"
        lines.append(json.dumps(row, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def test_lmms_eval_samples_come_back_scored(small_build: Path, tmp_path: Path) -> None:
    samples = tmp_path / "lmms" / "my-model" / "20260101_samples_multipriv_protective.jsonl"
    count = _lmms_samples(small_build, samples, drop=0)
    summary = import_results("lmms-eval", samples, small_build, tmp_path / "runs" / "lmms")
    assert (summary.model, summary.answered, summary.failed) == ("my-model", count - 2, 2)
    scores = _scores(tmp_path / "runs" / "lmms")
    assert len(scores) == count - 2 and all(s["correct"] and s["condition"] == "protective" for s in scores)


def test_vlmevalkit_predictions_come_back_scored(small_build: Path, tmp_path: Path) -> None:
    export_vlmevalkit(ExportRequest(small_build, tmp_path / "vlm"))
    frame = pd.read_csv(tmp_path / "vlm" / TSV_NAME, sep="\t", dtype=str, keep_default_na=False)
    gold = {i.id: oracle_answer(i) for i in _items(small_build)}
    frame["prediction"] = [gold[i] for i in frame["id"]]
    frame = frame.drop(columns=["image"])  # VLMEvalKit keeps it; it only makes this test's file larger
    xlsx = tmp_path / "vlm" / "GoodModel_MultiPriv.xlsx"
    frame.to_excel(xlsx, index=False)
    summary = import_results("vlmevalkit", xlsx, small_build, tmp_path / "runs" / "good")
    assert summary.model == "GoodModel" and summary.answered == len(gold) and summary.failed == 0
    assert all(s["correct"] for s in _scores(tmp_path / "runs" / "good"))
    frame.loc[0, "prediction"] = ""
    tsv = tmp_path / "vlm" / "Other_MultiPriv.tsv"
    frame.to_csv(tsv, sep="\t", index=False)
    summary = import_results("vlmevalkit", tsv, small_build, tmp_path / "runs" / "other", model="other")
    assert (summary.answered, summary.failed) == (len(gold) - 1, 1)


class Refuser(ModelAPI):
    """An offline model (inspect's mockllm counts tokens with tiktoken, which downloads its tables): it declines."""

    def __init__(self, model_name: str, base_url: str | None = None, api_key: str | None = None,
                 config: GenerateConfig | None = None, **model_args: Any) -> None:
        super().__init__(model_name, base_url, api_key, [], config or GenerateConfig())

    async def generate(self, input: list[ChatMessage], tools: list[ToolInfo], tool_choice: ToolChoice,
                       config: GenerateConfig) -> ModelOutput:
        return ModelOutput.from_content(model=self.model_name, content=REFUSAL)


@modelapi(name="multipriv-refuser")
def refuser() -> type[ModelAPI]:
    return Refuser


def test_inspect_log_comes_back(small_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # inspect's traces, kept out of the user's home
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    logs = inspect_eval(multipriv(data=str(small_build), tasks="3,9"), model="multipriv-refuser/model", limit=6,
                        display="none", log_dir=str(tmp_path / "logs"))
    assert logs[0].status == "success" and logs[0].samples is not None
    assert all(s.metadata["refusal"] == "refuse" for s in logs[0].samples)
    summary = import_results("inspect", Path(logs[0].location), small_build, tmp_path / "runs" / "mock")
    assert (summary.model, summary.answered, summary.failed) == ("multipriv-refuser/model", 6, 0)
    scores = _scores(tmp_path / "runs" / "mock")
    assert len(scores) == 6 and all(s["refusal"] == "refuse" and s["correct"] is None for s in scores)


def test_models_sit_side_by_side_in_the_report(small_build: Path, tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    _lmms_samples(small_build, tmp_path / "a" / "model-a" / "samples_multipriv_plain.jsonl")
    import_results("lmms-eval", tmp_path / "a" / "model-a" / "samples_multipriv_plain.jsonl", small_build,
                   runs / "a")
    frame = pd.DataFrame({"id": [i.id for i in _items(small_build)], "prediction": "I cannot help with that."})
    frame.to_csv(tmp_path / "b_MultiPriv.tsv", sep="\t", index=False)
    import_results("vlmevalkit", tmp_path / "b_MultiPriv.tsv", small_build, runs / "b")
    assert CliRunner().invoke(app, ["score", str(runs)]).exit_code == 0
    collected = collect([runs])
    assert set(collected.frame["model"]) == {"model-a", "b"}


@pytest.mark.parametrize("kind, name, body", [
    ("lmms-eval", "s.jsonl", "not json\n"),
    ("lmms-eval", "s.jsonl", '{"doc_id": 0, "filtered_resps": ["A"]}\n'),
    ("vlmevalkit", "p.tsv", "index\tquestion\n0\tq\n"),
    ("vlmevalkit", "p.xlsx", "not a spreadsheet"),
    ("inspect", "log.eval", "not a log"),
    ("vlmevalkit", "p.tsv", "id\tprediction\nnot-an-item\tA\n"),
])
def test_bad_files_are_one_line_errors(small_build: Path, tmp_path: Path, kind: str, name: str, body: str) -> None:
    bad = tmp_path / name
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(MultiPrivError) as err:
        import_results(kind, bad, small_build, tmp_path / "out")
    assert "\n" not in str(err.value)
    assert not (tmp_path / "out" / "results.jsonl").exists()


def test_cli_error_is_one_line(small_build: Path, tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "multipriv.cli", "import-results", "lmms", str(tmp_path / "x"),
                           "--data", str(small_build), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == ["error: unknown kind 'lmms'; choose inspect, lmms-eval, vlmevalkit"]


def test_public_inspect_export_runs_and_scores_against_the_gold(small_build: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    export_inspect(ExportRequest(small_build, tmp_path / "pub", public=True))
    items = {i.id: i for i in _items(small_build)}
    rows = [json.loads(line) for line in (tmp_path / "pub" / "samples.jsonl").open(encoding="utf-8")]
    assert len(rows) == len(items) and all(r["item"] == "" and r["answer"] == "" for r in rows)
    leaked = [(r["id"], f) for r in rows for f in gold_forms(items[r["id"]]) if f in json.dumps(r, ensure_ascii=False)]
    assert not leaked and "seed" not in (tmp_path / "pub" / "README.md").read_text("utf-8")
    logs = inspect_eval(multipriv(data=str(tmp_path / "pub"), tasks="3"), model="multipriv-refuser/model", limit=4,
                        display="none", log_dir=str(tmp_path / "logs"))
    assert logs[0].status == "success" and logs[0].results is not None
    assert logs[0].results.scores[0].metrics["mean"].value == 1.0  # refused, by the label alone
    summary = import_results("inspect", Path(logs[0].location), small_build, tmp_path / "runs" / "pub")
    assert summary.answered == 4
    assert all(s["refusal"] == "refuse" for s in _scores(tmp_path / "runs" / "pub"))
