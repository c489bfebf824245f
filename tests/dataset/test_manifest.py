"""manifest.json through its model: a build's own manifest fits it, a field of the wrong type is one line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from multipriv.dataset.manifest import Manifest, load_build_manifest
from multipriv.errors import MultiPrivError


def test_a_build_manifest_is_typed(small_build: Path) -> None:
    manifest = load_build_manifest(small_build)
    assert isinstance(manifest, Manifest) and manifest.persons is not None
    assert manifest.counts.items == sum(manifest.counts.by_task.values()) > 0
    assert manifest.same_build_settings(3, 8, 24, None) and not manifest.same_build_settings(3, 8, 24, "dev")
    assert set(manifest.files) >= {"items.jsonl", "annotations.json", "world.json"}


@pytest.mark.parametrize(("field", "value"), [("seed", "zero"), ("persons", {"core": "many"}), ("images", -1),
                                              ("split", 3)])
def test_a_field_of_the_wrong_type_is_one_line(small_build: Path, tmp_path: Path, field: str, value: object) -> None:
    root = tmp_path / "data"
    root.mkdir()
    shutil.copy(small_build / "manifest.json", root / "manifest.json")
    data = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    data[field] = value
    (root / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MultiPrivError) as err:
        load_build_manifest(root)
    assert field in str(err.value) and "\n" not in str(err.value)
