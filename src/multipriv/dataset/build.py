"""`multipriv build`: world -> render -> tasks -> one folder with a manifest that pins every byte.

Layout of a build:
    world.json          the population (ground truth)
    images/...          every image, PNG for documents and screenshots, JPEG for photos
    annotations.json    what each image shows and where
    items.jsonl         the questions, one JSON record per line, sorted by id
    manifest.json       version, seed, counts, sha256 of every file above
    DATASET_CARD.md     how values are kept fictional, plus this build's counts

Everything large is written as it is made (the world person by person, items as the tasks yield them, images
the tasks render as drawn, annotations image by image), so the main process holds only what the tasks look
across: the world's persons and the images' annotations (`dataset.stream`).
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from multipriv import __version__
from multipriv.dataset.face_report import PENDING, card_block
from multipriv.dataset.integrity import MANIFEST_VERSION, pin_files, sha256_file
from multipriv.dataset.stream import ItemWriter
from multipriv.render.annotations import ImageAnnotation, save_images
from multipriv.render.pipeline import make_face_source, render_world
from multipriv.tasks.build import iter_items
from multipriv.tasks.common import template_version
from multipriv.tasks.context import TaskContext
from multipriv.tasks.schema import ITEM_SCHEMA_VERSION, Item
from multipriv.world.generate import WorldConfig, build_world
from multipriv.world.io import save_world
from multipriv.world.schema import SCHEMA_VERSION

__all__ = ["MANIFEST_VERSION", "BuildConfig", "build_dataset", "sha256_file", "split_seed", "write_items"]

Split = Literal["dev", "test"]


@dataclass(frozen=True)
class BuildConfig:
    """A build: the population (`WorldConfig`, its one definition) plus what only a build adds."""

    world: WorldConfig = field(default_factory=WorldConfig)
    split: Split | None = None
    jobs: int = 2
    faces_dir: Path | None = None


def split_seed(seed: int, split: Split | None) -> int:
    """Disjoint seed streams for a public dev set and a private test set: they never share persons."""
    if split is None:
        return seed
    digest = hashlib.sha256(f"multipriv-split:{split}:{seed}".encode()).digest()
    return int.from_bytes(digest[:6], "big")


def write_items(items: Iterable[Item], path: Path) -> dict[str, Any]:
    """items.jsonl, sorted by id, from items in any order; returns the manifest's counts."""
    with ItemWriter(path) as writer:
        writer.extend(items)
        return writer.finish()


def _card(manifest: dict[str, Any]) -> str:
    base = resources.files("multipriv.dataset").joinpath("DATASET_CARD.md").read_text(encoding="utf-8")
    c = manifest["counts"]
    lines = [
        "", "## This build", "",
        f"- MultiPriv {manifest['version']}, seed {manifest['seed']}" + (
            f", split {manifest['split']}" if manifest["split"] else ""),
        f"- {manifest['persons']['core']} core and {manifest['persons']['background']} background persons, "
        f"{manifest['images']} images, {c['items']} items ({c['controls']} benign controls)",
        "- items per task: " + ", ".join(f"task {k}: {v}" for k, v in c["by_task"].items()),
        "- items per language: " + ", ".join(f"{k}: {v}" for k, v in c["by_lang"].items()),
        "",
    ]
    # The face figures need the optional recogniser: `validate --faces` fills this section in later.
    return base + "\n".join(lines) + "\n" + card_block(PENDING)


def build_dataset(config: BuildConfig, out: Path, progress: Callable[[str, int, int], None] | None = None
                  ) -> dict[str, Any]:
    """Build into `out` and return the manifest (the same bytes for the same seed, whatever `jobs`)."""
    seed = split_seed(config.world.seed, config.split)
    out.mkdir(parents=True, exist_ok=True)
    world = build_world(replace(config.world, seed=seed))
    save_world(world, out / "world.json")
    faces = make_face_source(world, config.faces_dir, seed)  # once: render and the tasks share it
    annotations = render_world(world, out, seed=seed, jobs=config.jobs, faces=faces, save=False,
                               progress=(lambda d, t: progress("render", d, t)) if progress else None)

    def write_image(ann: ImageAnnotation, data: bytes) -> None:
        target = out / ann.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    ctx = TaskContext(world=world, annotations=annotations, seed=seed, faces=faces, jobs=config.jobs,
                      write_image=write_image)
    with ItemWriter(out / "items.jsonl") as writer:
        writer.extend(iter_items(ctx))
        item_counts = writer.finish()
    paths = sorted([*(a.path for a in annotations.images), *(a.path for a in ctx.extra_images)])
    save_images(heapq.merge(annotations.images, sorted(ctx.extra_images, key=lambda a: a.path),
                            key=lambda a: a.path), out / "annotations.json")
    files = ["world.json", "annotations.json", "items.jsonl", *paths]
    manifest: dict[str, Any] = {
        "manifest_version": MANIFEST_VERSION,
        "version": __version__,
        "world_schema": SCHEMA_VERSION,
        "item_schema": ITEM_SCHEMA_VERSION,
        "templates": template_version(),
        "seed": config.world.seed,
        "split": config.split,
        "derived_seed": seed,
        "persons": {"core": config.world.persons, "background": config.world.background},
        "images": len(paths),
        "counts": item_counts,
        "files": pin_files(out, files),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "DATASET_CARD.md").write_text(_card(manifest), encoding="utf-8")
    return manifest
