"""A build streams its large files: items are written as the tasks make them (sorted by an external merge),
annotations image by image, task-rendered images as drawn; the bytes are those of the in-memory path."""

from __future__ import annotations

import json
import logging
import random
from pathlib import Path

import pytest

from multipriv.dataset import validate as validate_module
from multipriv.dataset.stream import ItemWriter, read_items
from multipriv.errors import MultiPrivError
from multipriv.render.annotations import AnnotationSet, ImageAnnotation, save_images
from multipriv.tasks.build import iter_items
from multipriv.tasks.context import TaskContext, is_altered
from multipriv.tasks.schema import Item, load_items
from multipriv.world.io import dumps, load_world, save_world


def _in_memory(items: list[Item]) -> bytes:
    """items.jsonl as the build wrote it when every item was held: sort all, dump each."""
    lines = [json.dumps(i.model_dump(mode="json"), ensure_ascii=False, sort_keys=True) + "\n"
             for i in sorted(items, key=lambda i: i.id)]
    return "".join(lines).encode("utf-8")


def test_item_writer_spills_sorted_runs_and_merges_to_the_in_memory_bytes(small_build: Path, tmp_path: Path) -> None:
    items = load_items(small_build / "items.jsonl")
    random.Random(0).shuffle(items)
    target = tmp_path / "items.jsonl"
    with ItemWriter(target, run_size=50) as writer:
        for n, item in enumerate(items, start=1):
            writer.add(item)
            assert len(writer.runs) == n // 50  # never more than 50 items held
        counts = writer.finish()
        assert len(writer.runs) >= 3
    assert target.read_bytes() == _in_memory(items) == (small_build / "items.jsonl").read_bytes()
    assert counts == json.loads((small_build / "manifest.json").read_text(encoding="utf-8"))["counts"]
    assert [p.name for p in tmp_path.iterdir()] == ["items.jsonl"]  # the runs are gone


def test_item_writer_refuses_a_repeated_id(small_build: Path, tmp_path: Path) -> None:
    item = next(read_items(small_build / "items.jsonl"))
    with ItemWriter(tmp_path / "items.jsonl", run_size=1) as writer:
        writer.extend([item, item])
        with pytest.raises(MultiPrivError, match="same id"):
            writer.finish()


@pytest.mark.parametrize("take", [None, 0, 1])
def test_annotations_written_image_by_image_are_the_whole_set_dumped(small_build: Path, tmp_path: Path,
                                                                     take: int | None) -> None:
    images = AnnotationSet.load(small_build / "annotations.json").images[:take]
    save_images(iter(images), tmp_path / "a.json")
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == AnnotationSet(images=images).dumps()
    if take is None:
        assert (tmp_path / "a.json").read_bytes() == (small_build / "annotations.json").read_bytes()


def test_read_items_streams_with_load_items_policy(small_build: Path, tmp_path: Path,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    lines = (small_build / "items.jsonl").read_bytes().splitlines(keepends=True)
    assert list(read_items(small_build / "items.jsonl")) == load_items(small_build / "items.jsonl")
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_bytes(lines[0] + b"{not json\n" + lines[1] + lines[2][:40])
    with caplog.at_level(logging.WARNING, logger="multipriv"):
        assert len(list(read_items(damaged))) == 2
    assert "line 2: skipped a line that is not valid JSON" in caplog.text
    assert "line 4: skipped a truncated last line" in caplog.text
    invalid = tmp_path / "invalid.jsonl"
    invalid.write_bytes(lines[0] + b'{"id": "x"}\n')
    with pytest.raises(MultiPrivError, match=r"invalid\.jsonl, line 2: invalid item"):
        list(read_items(invalid))


def test_tasks_yield_items_as_made_and_hand_over_rendered_images_at_once(small_build: Path, tmp_path: Path) -> None:
    """Compiling again from the build's world and unaltered annotations gives its items.jsonl and its altered
    images byte for byte; nothing is rendered before the first item comes out."""
    world = load_world(small_build / "world.json")
    loaded = AnnotationSet.load(small_build / "annotations.json")
    written: dict[str, bytes] = {}

    def write_image(ann: ImageAnnotation, data: bytes) -> None:
        written[ann.path] = data

    ctx = TaskContext(world=world, annotations=AnnotationSet(images=tuple(a for a in loaded.images
                                                                          if not is_altered(a))),
                      seed=json.loads((small_build / "manifest.json").read_text())["derived_seed"],
                      write_image=write_image)
    stream = iter_items(ctx)
    first = next(stream)
    assert first.task == 1 and not written
    with ItemWriter(tmp_path / "items.jsonl", run_size=100) as writer:
        writer.add(first)
        writer.extend(stream)
        writer.finish()
    assert (tmp_path / "items.jsonl").read_bytes() == (small_build / "items.jsonl").read_bytes()
    assert written and sorted(written) == sorted(a.path for a in ctx.extra_images)
    assert all((small_build / path).read_bytes() == data for path, data in written.items())


def test_a_task_rendered_image_needs_somewhere_to_go(small_build: Path) -> None:
    ann = AnnotationSet.load(small_build / "annotations.json").images[0]
    ctx = TaskContext(world=load_world(small_build / "world.json"), annotations=AnnotationSet(images=()), seed=0)
    with pytest.raises(MultiPrivError, match="nowhere to write"):
        ctx.keep_image(ann, b"")


def test_validate_reads_items_one_at_a_time(small_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_path: Path) -> list[Item]:
        raise AssertionError("validate loaded every item at once")

    monkeypatch.setattr(validate_module, "load_items", refuse)
    assert validate_module.validate(small_build)["counts"]["items"] > 0


def test_the_world_is_written_person_by_person_with_the_same_bytes(small_build: Path, tmp_path: Path) -> None:
    world = load_world(small_build / "world.json")
    save_world(world, tmp_path / "world.json")
    assert (tmp_path / "world.json").read_text(encoding="utf-8") == dumps(world)
    assert (tmp_path / "world.json").read_bytes() == (small_build / "world.json").read_bytes()
