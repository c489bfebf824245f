"""Compile every registered task's items from a rendered world, in an order that lets reasoning items name
their perception prerequisites, then the benign controls matched to them."""

from __future__ import annotations

from multipriv.errors import MultiPrivError
from multipriv.render.annotations import AnnotationSet, ImageAnnotation
from multipriv.render.face_source import FaceSource
from multipriv.tasks import controls
from multipriv.tasks.context import TaskContext
from multipriv.tasks.registry import compile_order
from multipriv.tasks.schema import Item
from multipriv.world.schema import World


def compile_items(
    world: World, annotations: AnnotationSet, seed: int, faces: FaceSource | None = None, jobs: int = 1,
) -> tuple[list[Item], list[tuple[ImageAnnotation, bytes]]]:
    """All items, sorted by id, and the extra images tasks had rendered (altered documents for task 5)."""
    ctx = TaskContext(world=world, annotations=annotations, seed=seed, jobs=jobs)
    if faces is not None:
        ctx.faces = faces
    items: list[Item] = []
    for spec in compile_order():
        items += spec.compile(ctx)
    items += controls.compile_items(ctx, items)
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise MultiPrivError("two items got the same id: a task compiled one question twice")
    return sorted(items, key=lambda i: i.id), sorted(ctx.extra_images, key=lambda x: x[0].path)
