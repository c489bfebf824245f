"""Builds are reproducible, validate catches tampering, splits never share persons."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from multipriv.dataset.build import BuildConfig, build_dataset, sha256_file, split_seed
from multipriv.dataset.validate import validate
from multipriv.errors import MultiPrivError
from multipriv.world.generate import WorldConfig, build_world


def test_small_build_validates(small_build: Path) -> None:
    manifest = validate(small_build)
    assert manifest["images"] >= 8 * 10 + 24
    assert (small_build / "DATASET_CARD.md").read_text(encoding="utf-8").count("## This build") == 1


def _copy(small_build: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(small_build, target)
    return target


def test_validate_catches_a_flipped_byte_in_an_image(small_build: Path, tmp_path: Path) -> None:
    root = _copy(small_build, tmp_path)
    image = sorted((root / "images").rglob("*.png"))[0]
    data = bytearray(image.read_bytes())
    data[len(data) // 2] ^= 0x01
    image.write_bytes(bytes(data))
    with pytest.raises(MultiPrivError, match="checksum mismatch") as info:
        validate(root)
    assert image.name in str(info.value)


def test_validate_catches_an_edited_gold_answer_even_with_fresh_checksums(small_build: Path, tmp_path: Path) -> None:
    root = _copy(small_build, tmp_path)
    lines = (root / "items.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        record = json.loads(line)
        if record["task"] == 3 and not record["control"]:
            record["gold"] = ["0000", *record["gold"][1:]]
            lines[n] = json.dumps(record, ensure_ascii=False, sort_keys=True)
            edited = record["id"]
            break
    (root / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(MultiPrivError, match="checksum mismatch"):
        validate(root)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["items.jsonl"] = sha256_file(root / "items.jsonl")
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(MultiPrivError, match=edited):
        validate(root)


def test_validate_cli_gives_one_line_and_nonzero_exit(small_build: Path, tmp_path: Path) -> None:
    root = _copy(small_build, tmp_path)
    (root / "annotations.json").write_bytes((root / "annotations.json").read_bytes()[:100])
    proc = subprocess.run([sys.executable, "-m", "multipriv.cli", "validate", str(root)], capture_output=True,
                          text=True)
    assert proc.returncode == 2
    assert len([x for x in proc.stderr.splitlines() if x.strip()]) == 1
    assert "annotations.json" in proc.stderr and "Traceback" not in proc.stderr


def test_same_seed_same_bytes_with_any_number_of_processes(tmp_path: Path) -> None:
    config = BuildConfig(WorldConfig(seed=9, persons=4, background=4), jobs=1)
    a = build_dataset(config, tmp_path / "a")
    b = build_dataset(BuildConfig(WorldConfig(seed=9, persons=4, background=4), jobs=2), tmp_path / "b")
    assert a["files"] == b["files"]


def test_splits_never_share_persons() -> None:
    assert split_seed(0, "dev") != split_seed(0, "test")
    dev = build_world(WorldConfig(seed=split_seed(0, "dev"), persons=40, background=100))
    test = build_world(WorldConfig(seed=split_seed(0, "test"), persons=40, background=100))
    key = lambda p: (p.name.full.en, p.birth_date)  # noqa: E731
    assert not {key(p) for p in dev.persons} & {key(p) for p in test.persons}
    faces = {p.face.code() for p in dev.persons}
    assert len(faces & {p.face.code() for p in test.persons}) <= 1


def test_another_seed_changes_the_answers(small_build: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    build_dataset(BuildConfig(WorldConfig(seed=4, persons=4, background=4), jobs=1), other)
    gold_a = {json.loads(x)["prompt"]: json.loads(x)["gold"] for x in (small_build / "items.jsonl").open()}
    gold_b = {json.loads(x)["prompt"]: json.loads(x)["gold"] for x in other.joinpath("items.jsonl").open()}
    shared = set(gold_a) & set(gold_b)
    assert shared
    assert sum(gold_a[p] != gold_b[p] for p in shared) > len(shared) // 4


def _edit_first(root: Path, edit: Callable[[dict[str, Any]], bool]) -> str:
    """Apply `edit` to the first item it accepts, refresh the checksum, return the item's id."""
    path = root / "items.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        record = json.loads(line)
        if edit(record):
            lines[n] = json.dumps(record, ensure_ascii=False, sort_keys=True)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
            manifest["files"]["items.jsonl"] = sha256_file(path)
            (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
            return str(record["id"])
    raise AssertionError("no item to edit")


def test_validate_catches_evidence_that_is_not_printed(small_build: Path, tmp_path: Path) -> None:
    root = _copy(small_build, tmp_path)

    def edit(record: dict[str, Any]) -> bool:
        texts = [e for e in record["evidence"] if e["text"]]
        if record["level"] != "reasoning" or not texts:
            return False
        texts[0]["text"] += "7"
        return True

    edited = _edit_first(root, edit)
    with pytest.raises(MultiPrivError, match=f"{edited}.*does not print"):
        validate(root)


@pytest.mark.parametrize("task", [5, 8, 9])
def test_validate_catches_a_flipped_reasoning_answer(small_build: Path, tmp_path: Path, task: int) -> None:
    root = _copy(small_build, tmp_path)

    def edit(record: dict[str, Any]) -> bool:
        if record["task"] != task or record["control"] or record["answer_type"] not in ("yesno", "choice"):
            return False
        if record["answer_type"] == "yesno":
            record["gold"] = ["no" if record["gold"] == ["yes"] else "yes"]
        else:
            letters = "ABCDEFGH"[: len(record["options"])]
            record["gold"] = [letters[(letters.index(record["gold"][0]) + 1) % len(letters)]]
        return True

    edited = _edit_first(root, edit)
    with pytest.raises(MultiPrivError, match=edited):
        validate(root)


def test_eval_refuses_what_validate_refuses_with_the_same_line(small_build: Path, tmp_path: Path) -> None:
    import asyncio

    from multipriv.runner.base import ModelSpec
    from multipriv.runner.engine import run_eval

    root = _copy(small_build, tmp_path)
    oracle = [ModelSpec(name="oracle", provider="oracle")]
    clean = asyncio.run(run_eval(root, oracle, tmp_path / "clean", limit=5, progress=False))["oracle"]
    checked = json.loads((clean.out / "run.json").read_text(encoding="utf-8"))["dataset"]["checked"]
    lines = (root / "items.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    record["gold"] = ["a forged answer"]
    lines[0] = json.dumps(record, ensure_ascii=False, sort_keys=True)
    (root / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(MultiPrivError) as by_validate:
        validate(root)
    with pytest.raises(MultiPrivError) as by_eval:
        asyncio.run(run_eval(root, oracle, tmp_path / "forged", limit=5, progress=False))
    words = "items.jsonl: checksum mismatch (the file was changed or truncated)"
    assert str(by_eval.value) == str(by_validate.value) == words
    assert not (tmp_path / "forged").exists() and checked["files"] >= 2
