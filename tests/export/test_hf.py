"""`multipriv export --format hf`: the folder loads with the real `datasets` library, offline, every item with
its images (the build's bytes), one config per task and language, and the same build gives the same files."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import datasets
import pytest
from PIL import Image

from multipriv.export.cli import run_export
from multipriv.export.hf import ALL
from multipriv.tasks.schema import Item


def _items(root: Path) -> list[Item]:
    return [Item.model_validate_json(line) for line in (root / "items.jsonl").read_text("utf-8").splitlines()
            if line.strip()]


@pytest.fixture(scope="module")
def hf_export(small_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hf") / "private"
    run_export(small_build, "hf", out)
    return out


def _load(path: Path, cache: Path, name: str | None = None) -> datasets.Dataset:
    loaded = datasets.load_dataset(str(path), name, split="test", cache_dir=str(cache))
    assert isinstance(loaded, datasets.Dataset)
    return loaded


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """`datasets` reads these at import: set the module's copies too, so no test can reach the network."""
    for name in ("HF_DATASETS_OFFLINE", "HF_HUB_OFFLINE"):
        monkeypatch.setenv(name, "1")
        monkeypatch.setattr(datasets.config, name, True)


def test_default_config_yields_every_item_with_its_images(hf_export: Path, small_build: Path,
                                                          tmp_path: Path) -> None:
    items = {i.id: i for i in _items(small_build)}
    rows = _load(hf_export, tmp_path / "cache")
    assert isinstance(rows.features["images"], datasets.List)
    assert isinstance(rows.features["images"].feature, datasets.Image)
    assert sorted(rows["id"]) == sorted(items)
    multi = 0
    for row in rows.cast_column("images", datasets.List(datasets.Image(decode=False))):
        item = items[row["id"]]
        assert len(row["images"]) == len(item.images)
        multi += len(item.images) > 1
        for image, rel in zip(row["images"], item.images, strict=True):
            # the build's bytes, unchanged, in prompt order
            assert Path(image["path"]).read_bytes() == (small_build / rel).read_bytes()
        assert row["question"] == item.prompt
        assert json.loads(row["multipriv_item"]) == item.model_dump(mode="json")
    assert multi > 0
    first = rows[0]["images"][0]
    assert isinstance(first, Image.Image) and first.size[0] > 0


def test_one_config_per_task_and_language(hf_export: Path, small_build: Path, tmp_path: Path) -> None:
    items = _items(small_build)
    card = (hf_export / "README.md").read_text("utf-8")
    expected = {f"task{i.task}_{i.lang}" for i in items}
    for name in sorted(expected):
        assert f"- config_name: {name}\n" in card
    for name in ("task5_zh", "task1_en"):  # a multi-image task and a single-image one
        rows = _load(hf_export, tmp_path / "cache", name)
        want = sorted(i.id for i in items if f"task{i.task}_{i.lang}" == name)
        assert sorted(rows["id"]) == want
        buf = io.BytesIO()
        rows[0]["images"][0].save(buf, format="PNG")
        assert buf.tell() > 0
    assert f"- config_name: {ALL}\n" in card


def test_card_names_licence_seed_and_hash(hf_export: Path, small_build: Path) -> None:
    card = (hf_export / "README.md").read_text("utf-8")
    manifest = json.loads((small_build / "manifest.json").read_text("utf-8"))
    digest = hashlib.sha256((small_build / "manifest.json").read_bytes()).hexdigest()
    assert "license: apache-2.0" in card
    assert f"seed {manifest['seed']}" in card
    assert digest in card
    for column in ("`id`", "`question`", "`images`", "`answer`", "`multipriv_item`"):
        assert column in card


def test_same_build_same_bytes(hf_export: Path, small_build: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    run_export(small_build, "hf", again)
    first = sorted(p.relative_to(hf_export) for p in hf_export.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    for rel in first:
        assert (hf_export / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_public_export_has_no_gold_columns(small_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    run_export(small_build, "hf", out, public=True)
    rows = _load(out, tmp_path / "cache")
    assert {"answer", "gold", "multipriv_item"}.isdisjoint(rows.column_names)
    assert len(rows) == len(_items(small_build))
    card = (out / "README.md").read_text("utf-8")
    assert "sha256" not in card and "`answer`" not in card
