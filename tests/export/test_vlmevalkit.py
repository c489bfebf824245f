"""`multipriv export --format vlmevalkit`: the TSV read back with VLMEvalKit's layout rules gives every item
with the build's image bytes, and the exported dataset class scores through MultiPriv: the oracle 100%, the
`random` baseline's answers exactly what `multipriv score` gives them.

VLMEvalKit is not on the package index, so `vlmeval` here is a stand-in written from its documented
`ImageBaseDataset` rules (index as string, an `image` cell of 64 characters or fewer names another row, list
cells are Python literals); the dataset class file itself is the exported one, unchanged."""

from __future__ import annotations

import ast
import base64
import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from multipriv.baselines.oracle import oracle_answer
from multipriv.cli import app
from multipriv.export.cli import run_export
from multipriv.export.vlmevalkit import CLASS_FILE, TSV_NAME, evaluate_frame
from multipriv.tasks.common import LETTERS
from multipriv.tasks.schema import Item

STUB_BASE = '''
import os.path as osp
import pandas as pd

def toliststr(s):
    if isinstance(s, str) and s.startswith("[") and s.endswith("]"):
        return [str(x) for x in eval(s)]
    return [str(s)] if isinstance(s, str) else [str(x) for x in s]

class ImageBaseDataset:
    MODALITY = "IMAGE"
    def __init__(self, dataset="MMBench", skip_noimg=True):
        from vlmeval.smp import LMUDataRoot
        self.dataset_name = dataset
        self.img_root = osp.join(LMUDataRoot(), "images", dataset)
        data = self.load_data(dataset)
        data["index"] = [str(x) for x in data["index"]]
        image_map = {x: y for x, y in zip(data["index"], data["image"])}
        for k in image_map:
            if len(image_map[k]) <= 64:
                idx = image_map[k]
                assert idx in image_map and len(image_map[idx]) > 64
                image_map[k] = image_map[idx]
        images = [toliststr(image_map[k]) for k in data["index"]]
        data["image"] = [x[0] if len(x) == 1 else x for x in images]
        paths = [toliststr(x) for x in data["image_path"]]
        data["image_path"] = [x[0] if len(x) == 1 else x for x in paths]
        self.meta_only = False
        self.data = data
        self.post_build(dataset)
'''


def _items(root: Path) -> dict[str, Item]:
    return {i.id: i for i in (Item.model_validate_json(line) for line in
                              (root / "items.jsonl").read_text("utf-8").splitlines() if line.strip())}


@pytest.fixture(scope="module")
def export(small_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("vlmevalkit") / "private"
    run_export(small_build, "vlmevalkit", out)
    return out


@pytest.fixture
def dataset_class(export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The exported class file loaded on top of the stand-in `vlmeval` package."""
    pkg = tmp_path / "stub" / "vlmeval"
    (pkg / "dataset").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "smp.py").write_text(f"def LMUDataRoot():\n    return {str(tmp_path / 'LMUData')!r}\n")
    (pkg / "dataset" / "__init__.py").write_text("")
    (pkg / "dataset" / "image_base.py").write_text(STUB_BASE)
    monkeypatch.syspath_prepend(str(tmp_path / "stub"))
    monkeypatch.setenv("MULTIPRIV_TSV", str(export / TSV_NAME))
    monkeypatch.delenv("MULTIPRIV_GOLD", raising=False)
    spec = importlib.util.spec_from_file_location("multipriv_vlmevalkit_under_test", export / CLASS_FILE)
    assert spec and spec.loader
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module.MultiPrivDataset
    for name in [m for m in sys.modules if m == "vlmeval" or m.startswith("vlmeval.")]:
        del sys.modules[name]


def test_tsv_read_back_by_the_layout_rules(export: Path, small_build: Path) -> None:
    items = _items(small_build)
    frame = pd.read_csv(export / TSV_NAME, sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns[:5]) == ["index", "id", "image", "image_path", "question"]
    assert sorted(frame["id"]) == sorted(items)
    cells = dict(zip(frame["index"], frame["image"], strict=True))

    def cell_list(text: str) -> list[str]:
        return list(ast.literal_eval(text)) if text.startswith("[") else [text]

    by_name = {n: c for _, r in frame.iterrows()
               for c, n in zip(cell_list(r["image"]), cell_list(r["image_path"]), strict=True) if len(c) > 64}
    multi = 0
    for _, row in frame.iterrows():
        item = items[row["id"]]
        images, names = cell_list(row["image"]), cell_list(row["image_path"])
        assert len(images) == len(names) == len(item.images)
        multi += len(images) > 1
        for cell, name, rel in zip(images, names, item.images, strict=True):
            if len(images) == 1 and len(cell) <= 64:
                cell = cells[cell]  # VLMEvalKit's rule: another row's index
                assert len(cell) > 64
            elif len(cell) <= 64:
                cell = by_name[cell]  # the dataset class's rule for lists: an image written in another row
            assert base64.b64decode(cell) == (small_build / rel).read_bytes()
            assert name == rel
        assert row["question"] == item.prompt
        for letter, option in zip(LETTERS, item.options, strict=False):
            assert row[letter] == option
        assert row["answer"] == oracle_answer(item)
        assert row["category"] == (item.category or "")
    assert multi > 0
    written = sum(len(c) for text in frame["image"] for c in cell_list(text) if len(c) > 64)
    unique = sum(len(base64.b64encode((small_build / p).read_bytes())) for p in {p for i in items.values()
                                                                                 for p in i.images})
    assert written == unique  # every image's bytes exactly once


def test_dataset_class_prompts_with_the_exported_bytes(dataset_class: Any, small_build: Path) -> None:
    items = _items(small_build)
    dataset = dataset_class("MultiPriv")
    row = next(r for _, r in dataset.data.iterrows() if len(items[r["id"]].images) > 2)
    msgs = dataset.build_prompt(row)
    paths = [m["value"] for m in msgs if m["type"] == "image"]
    item = items[row["id"]]
    assert [Path(p).read_bytes() for p in paths] == [(small_build / r).read_bytes() for r in item.images]
    assert msgs[-1] == {"type": "text", "value": item.prompt}
    protective = dataset_class("MultiPriv_protective").build_prompt(row)
    assert protective[0]["type"] == "text" and protective[0]["value"] == row["system_protective"]


def _predictions(export: Path, answers: dict[str, str], path: Path) -> str:
    frame = pd.read_csv(export / TSV_NAME, sep="\t", dtype=str, keep_default_na=False)
    frame = frame.drop(columns=["image"])
    frame["prediction"] = [answers[i] for i in frame["id"]]
    frame.to_csv(path, sep="\t", index=False)
    return str(path)


def test_oracle_scores_100_through_the_exported_evaluate(dataset_class: Any, export: Path, small_build: Path,
                                                         tmp_path: Path) -> None:
    answers = {i: oracle_answer(item) for i, item in _items(small_build).items()}
    (tmp_path / "oracle").mkdir()
    result = dataset_class("MultiPriv").evaluate(_predictions(export, answers, tmp_path / "oracle" / "p.tsv"))
    summary = result.iloc[0].to_dict()
    assert summary["items"] == len(answers) and summary["missing"] == 0
    assert summary["score"] == 1.0 and summary["correct"] == 1.0


def test_random_scores_what_multipriv_score_gives(dataset_class: Any, export: Path, small_build: Path,
                                                  tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    runner = CliRunner()
    done = runner.invoke(app, ["eval", "--data", str(small_build), "--out", str(runs), "--baselines", "random"])
    assert done.exit_code == 0, done.output
    scored = runner.invoke(app, ["score", str(runs)])
    assert scored.exit_code == 0, scored.output
    lines = (runs / "random" / "scores.jsonl").read_text("utf-8").splitlines()
    expected = [json.loads(line)["score"] for line in lines if line.strip()]
    replies = {}
    for line in (runs / "random" / "results.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        replies[row["item_id"]] = row["text"]
    (tmp_path / "random").mkdir()
    result = dataset_class("MultiPriv").evaluate(_predictions(export, replies, tmp_path / "random" / "p.tsv"))
    summary = result.iloc[0].to_dict()
    assert summary["items"] == len(expected)
    assert summary["score"] == pytest.approx(sum(expected) / len(expected), abs=1e-12)
    assert 0.0 < summary["score"] < 1.0


def test_public_tsv_needs_the_gold_build(small_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    run_export(small_build, "vlmevalkit", out, public=True)
    frame = pd.read_csv(out / TSV_NAME, sep="\t", dtype=str, keep_default_na=False)
    assert {"answer", "multipriv_item"}.isdisjoint(frame.columns)
    items = _items(small_build)
    frame["prediction"] = [oracle_answer(items[i]) for i in frame["id"]]
    from multipriv.errors import MultiPrivError

    with pytest.raises(MultiPrivError, match="MULTIPRIV_GOLD"):
        evaluate_frame(frame)
    summary = evaluate_frame(frame, small_build).summary()
    assert summary["score"] == 1.0 and summary["items"] == len(items)


def test_same_build_same_bytes(export: Path, small_build: Path, tmp_path: Path) -> None:
    run_export(small_build, "vlmevalkit", tmp_path / "again")
    for name in (TSV_NAME, CLASS_FILE):
        assert (tmp_path / "again" / name).read_bytes() == (export / name).read_bytes()


def test_failed_calls_are_counted_not_scored(small_build: Path) -> None:
    from multipriv.export.vlmevalkit import FAIL_MSG, evaluate_predictions

    items = _items(small_build)
    first, second = list(items)[:2]
    result = evaluate_predictions([(first, FAIL_MSG + " "), (second, oracle_answer(items[second]))], items)
    assert result.missing == 1 and len(result.scores) == 1 and result.summary()["score"] == 1.0
