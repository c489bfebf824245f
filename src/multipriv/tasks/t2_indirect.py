"""Task 2, indirect identifier detection: which quasi-identifiers (gender, address, employer...) are visible."""

from __future__ import annotations

from multipriv.tasks.common import TaskContext
from multipriv.tasks.detection import detection_items
from multipriv.tasks.schema import Item
from multipriv.world.taxonomy import Kind


def compile_items(ctx: TaskContext) -> list[Item]:
    return detection_items(ctx, 2, Kind.QUASI)
