"""Compile every task's items from a rendered world, in an order that lets reasoning items name their
perception prerequisites (extraction runs before the tasks that build on it)."""

from __future__ import annotations

from collections.abc import Callable

from multipriv.render.annotations import AnnotationSet, ImageAnnotation
from multipriv.render.face_source import FaceSource
from multipriv.tasks import (
    controls,
    t1_direct,
    t2_indirect,
    t3_extraction,
    t4_localization,
    t5_cross_validation,
    t6_single_step,
    t7_chained,
    t8_reidentification,
    t9_cross_modal,
)
from multipriv.tasks.common import TaskContext
from multipriv.tasks.schema import Item
from multipriv.world.schema import World

COMPILERS: tuple[tuple[str, Callable[[TaskContext], list[Item]]], ...] = (
    ("t1", t1_direct.compile_items),
    ("t2", t2_indirect.compile_items),
    ("t3", t3_extraction.compile_items),
    ("t4", t4_localization.compile_items),
    ("controls", controls.compile_items),
    ("t5", t5_cross_validation.compile_items),
    ("t6", t6_single_step.compile_items),
    ("t7", t7_chained.compile_items),
    ("t8", t8_reidentification.compile_items),
    ("t9", t9_cross_modal.compile_items),
)


def compile_items(
    world: World, annotations: AnnotationSet, seed: int, faces: FaceSource | None = None,
) -> tuple[list[Item], list[tuple[ImageAnnotation, bytes]]]:
    """All items, sorted by id, and the extra images tasks rendered (altered documents for task 5)."""
    ctx = TaskContext(world=world, annotations=annotations, seed=seed)
    if faces is not None:
        ctx.faces = faces
    items: list[Item] = []
    for _name, compile_task in COMPILERS:
        items += compile_task(ctx)
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise AssertionError("duplicate item ids")
    return sorted(items, key=lambda i: i.id), sorted(ctx.extra_images, key=lambda x: x[0].path)
