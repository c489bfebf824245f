"""`multipriv validate DIR`: is this build intact and is every gold answer what the annotations say?

Checks, in order, each failing with one line that names the file or item:
1. manifest.json parses, is an object of this manifest version and its fields have their types;
2. every listed file exists and has its sha256 (a flipped byte or a truncated file is named); `eval` makes
   the same check, with the same words, of the files it reads (`multipriv.dataset.integrity`);
3. world.json, annotations.json and every line of items.jsonl validate against their schemas;
4. every image an item refers to is annotated, exists and decodes;
5. every gold answer agrees with the annotations and the world (per answer type and task).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from multipriv.dataset.gold_checks import check_item
from multipriv.dataset.integrity import read_manifest, verify
from multipriv.dataset.stream import read_items
from multipriv.errors import MultiPrivError
from multipriv.render.annotations import AnnotationSet
from multipriv.tasks.schema import Item, load_items
from multipriv.world.io import load_world

__all__ = ["check_files", "check_images", "load_items", "load_manifest", "validate"]


def load_manifest(root: Path) -> dict[str, Any]:
    """The manifest, checked for the fields every reader relies on (each problem one line)."""
    return read_manifest(root)[0]


def check_files(root: Path, manifest: dict[str, Any]) -> None:
    for name in manifest["files"]:
        verify(root, manifest, name)


def check_images(root: Path, annotations: AnnotationSet, items: Iterable[Item]) -> None:
    known = {a.path for a in annotations.images}
    for item in items:
        for image in item.images:
            if image not in known:
                raise MultiPrivError(f"item {item.id}: image {image} is not annotated")
    for ann in annotations.images:
        try:
            with Image.open(root / ann.path) as img:
                img.load()
                size = img.size
        except (OSError, UnidentifiedImageError) as exc:
            raise MultiPrivError(f"{ann.path}: image does not decode ({exc})") from None
        if size != (ann.width, ann.height):
            raise MultiPrivError(f"{ann.path}: image is {size[0]}x{size[1]}, annotated {ann.width}x{ann.height}")


def validate(root: Path, *, checksums: bool = True) -> dict[str, Any]:
    """Raise MultiPrivError on the first problem; return the manifest when all is well.

    Items are read twice, one at a time (count and images, then gold), rather than held: a large build's items
    are far more than the world and annotations the checks need at hand. The first problem is the one the
    checks above name first, as when every item was loaded at once."""
    manifest = load_manifest(root)
    if checksums:
        check_files(root, manifest)
    world = load_world(root / "world.json")
    annotations = AnnotationSet.load(root / "annotations.json")
    items = root / "items.jsonl"
    known = {a.path for a in annotations.images}
    count, unknown = 0, None
    for item in read_items(items):
        count += 1
        if unknown is None and (missing := [p for p in item.images if p not in known]):
            unknown = f"item {item.id}: image {missing[0]} is not annotated"
    if count != manifest["counts"]["items"]:
        raise MultiPrivError(f"items.jsonl: {count} items, the manifest says {manifest['counts']['items']}")
    if unknown:
        raise MultiPrivError(unknown)
    check_images(root, annotations, ())
    by_path = {a.path: a for a in annotations.images}
    for item in read_items(items):
        problem = check_item(item, world, by_path)
        if problem:
            raise MultiPrivError(f"item {item.id}: {problem}")
    return manifest
