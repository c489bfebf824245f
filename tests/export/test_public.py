"""Public and private halves: `--public` exports carry questions and images but no gold value (nor its
normalised forms) in any text field, in every format; `multipriv score --gold` scores answers to a public
export against the private build."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from multipriv.cli import app
from multipriv.errors import MultiPrivError
from multipriv.export.cli import load_formats, run_export
from multipriv.export.public import gold_forms, load_export, load_export_items
from multipriv.export.registry import EXPORTERS
from multipriv.score.normalise import has_cjk, number_key, text_key
from multipriv.tasks.schema import Item

TEXT_SUFFIXES = {".md", ".json", ".jsonl", ".yaml", ".yml", ".py", ".txt", ".toml", ".csv", ".tsv"}
BINARY_COLUMNS = {"image"}  # base64 payloads: image bytes, not text


def _items(root: Path) -> list[Item]:
    return [Item.model_validate_json(line) for line in (root / "items.jsonl").read_text("utf-8").splitlines()
            if line.strip()]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def text_fields(out: Path, ids: set[str]) -> Iterator[tuple[str, str | None, str]]:
    """Every text field of an export as (where, item id of its row or None, text): Parquet and TSV cells (but
    image payloads), JSON Lines records, whole text files."""
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        where = str(path.relative_to(out))
        if path.suffix in (".parquet", ".tsv"):
            frame = (pq.read_table(path).to_pandas() if path.suffix == ".parquet"
                     else pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False))
            for row in frame.to_dict("records"):
                row_id = str(row.get("id"))
                for column, cell in row.items():
                    if column not in BINARY_COLUMNS:
                        for text in _strings(cell.tolist() if hasattr(cell, "tolist") else cell):
                            yield f"{where}:{column}", row_id, text
        elif path.suffix == ".jsonl":
            for line in path.read_text("utf-8").splitlines():
                record = json.loads(line) if line.strip() else {}
                texts = list(_strings(record))
                owner = next((t for t in texts if t in ids), None)
                for text in texts:
                    yield where, owner, text
        elif path.suffix in TEXT_SUFFIXES:
            yield where, None, path.read_text("utf-8")


def _pattern(form: str) -> re.Pattern[str]:
    if has_cjk(form):
        return re.compile(re.escape(form))
    return re.compile(r"(?<![0-9a-z])" + re.escape(form.casefold()) + r"(?![0-9a-z])", re.IGNORECASE)


@pytest.fixture(scope="module")
def public_exports(small_build: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    load_formats()
    root = tmp_path_factory.mktemp("public")
    outs = {}
    for name in sorted(EXPORTERS):
        run_export(small_build, name, root / name, public=True)
        outs[name] = root / name
    return outs


def test_every_format_exports_public(public_exports: dict[str, Path]) -> None:
    assert {"hf", "vlmevalkit"} <= set(public_exports)


def test_no_gold_value_in_any_public_text_field(public_exports: dict[str, Path], small_build: Path) -> None:
    """An item's gold (and its normalised forms) is nowhere in its own row, and no identifying gold (five
    digits or more: ID and card numbers, dates, amounts) is anywhere in the export. A common word that is one
    item's gold ("female", a city) may appear in another item's question: that tells nothing."""
    items = _items(small_build)
    own = {i.id: [(f, _pattern(f)) for f in gold_forms(i)] for i in items}
    digits = {f: _pattern(f) for i in items for f in gold_forms(i) if sum(c.isdigit() for c in f) >= 5}
    assert sum(map(len, own.values())) > 50 and len(digits) > 10  # the check has something to find
    leaks = []
    for name, out in public_exports.items():
        for where, owner, text in text_fields(out, set(own)):
            variants = (text, text_key(text), number_key(text))
            mine = own.get(owner or "", [])
            for form, pattern in [*mine, *digits.items()]:
                if any(pattern.search(v) for v in variants):
                    leaks.append(f"{name}/{where} ({owner}): {form!r}")
    assert not leaks, "\n".join(leaks[:20])


def test_the_check_finds_gold_in_a_private_export(small_build: Path, tmp_path: Path) -> None:
    run_export(small_build, "vlmevalkit", tmp_path / "private")
    items = {i.id: i for i in _items(small_build)}
    found = {owner for _, owner, text in text_fields(tmp_path / "private", set(items)) if owner
             and any(_pattern(f).search(text) for f in gold_forms(items[owner]))}
    assert found == {i for i, item in items.items() if gold_forms(item)}


def test_public_items_carry_prompts_but_no_item(small_build: Path) -> None:
    public = load_export(small_build, public=True)
    private = load_export_items(small_build)
    assert public.build.manifest_sha256 is None
    assert [i.id for i in public.items] == [i.id for i in private]
    for pub, priv in zip(public.items, private, strict=True):
        assert pub.item is None and pub.answer == ""
        assert priv.item is not None and priv.answer
        assert pub.prompts == priv.prompts
        assert pub.prompts["plain"].prompt == priv.item.prompt


def test_score_with_gold_scores_a_run_made_on_a_public_export(small_build: Path, tmp_path: Path) -> None:
    runs, runner = tmp_path / "runs", CliRunner()
    done = runner.invoke(app, ["eval", "--data", str(small_build), "--out", str(runs), "--baselines",
                               "random,oracle", "--limit", "120"])
    assert done.exit_code == 0, done.output
    assert runner.invoke(app, ["score", str(runs)]).exit_code == 0
    before = {m: (runs / m / "scores.jsonl").read_text("utf-8") for m in ("random", "oracle")}
    public = tmp_path / "public"
    run_export(small_build, "hf", public, public=True)
    for model in ("random", "oracle"):  # as if evaluated on the public export (a harness, import-results)
        run_json = runs / model / "run.json"
        run = json.loads(run_json.read_text("utf-8"))
        run["dataset"]["root"] = str(public)
        run_json.write_text(json.dumps(run), encoding="utf-8")
        (runs / model / "scores.jsonl").unlink()
    without = runner.invoke(app, ["score", str(runs)])
    assert isinstance(without.exception, MultiPrivError)
    scored = runner.invoke(app, ["score", "--gold", str(small_build), str(runs)])
    assert scored.exit_code == 0, scored.output
    for model, text in before.items():
        assert (runs / model / "scores.jsonl").read_text("utf-8") == text
    oracle = [json.loads(line)["score"] for line in before["oracle"].splitlines()]
    assert oracle and all(s == 1.0 for s in oracle)


def test_public_exports_do_not_name_the_seed(public_exports: dict[str, Path], small_build: Path,
                                             tmp_path: Path) -> None:
    """The same seed and version rebuild the private build, gold included: a public export must not say it."""
    seed = json.loads((small_build / "manifest.json").read_text("utf-8"))["seed"]
    said = re.compile(rf"\bseed\W{{0,3}}{seed}\b", re.IGNORECASE)
    ids = {i.id for i in _items(small_build)}
    found = [f"{name}/{where}" for name, out in public_exports.items() for where, _, text in text_fields(out, ids)
             if said.search(text)]
    assert not found, found
    private = tmp_path / "hf"
    run_export(small_build, "hf", private)
    assert said.search((private / "README.md").read_text("utf-8"))  # the private card does say it


def test_export_errors_are_one_line_and_leave_nothing(small_build: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(MultiPrivError, match=r"unknown export format 'nope'; choose one of .*hf.*vlmevalkit"):
        run_export(small_build, "nope", tmp_path / "a")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("keep")
    with pytest.raises(MultiPrivError, match="not an empty folder"):
        run_export(small_build, "hf", tmp_path / "full")
    assert (tmp_path / "full" / "x").read_text() == "keep"

    def broken(request: object) -> object:
        (tmp_path / "half" / "part.parquet").write_text("half")
        raise OSError("disk full")

    monkeypatch.setitem(EXPORTERS, "hf", broken)
    with pytest.raises(OSError):
        run_export(small_build, "hf", tmp_path / "half")
    assert not (tmp_path / "half").exists()
