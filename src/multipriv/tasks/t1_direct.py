"""Task 1, direct identifier detection: which direct identifiers (face, name, ID number...) are visible."""

from __future__ import annotations

from multipriv.tasks.common import TaskContext
from multipriv.tasks.detection import detection_items
from multipriv.tasks.schema import Item
from multipriv.world.taxonomy import Kind


def compile_items(ctx: TaskContext) -> list[Item]:
    return detection_items(ctx, 1, Kind.DIRECT)
