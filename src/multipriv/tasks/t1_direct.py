"""Task 1, direct identifier detection: which direct identifiers (face, name, ID number...) are visible."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from multipriv.render.annotations import ImageAnnotation
from multipriv.tasks.context import TaskContext
from multipriv.tasks.detection import check_detection, detection_items
from multipriv.tasks.registry import task
from multipriv.tasks.schema import AnswerType, Item
from multipriv.world.schema import World
from multipriv.world.taxonomy import Kind


def check(item: Item, _world: World, anns: Mapping[str, ImageAnnotation]) -> str | None:
    return check_detection(item, dict(anns))


@task(1, name="direct identifiers", title="direct identifier detection", level="perception", metric="set F1",
      answer_types=(AnswerType.SET,), check=check)
def compile_items(ctx: TaskContext) -> Iterator[Item]:
    return detection_items(ctx, 1, Kind.DIRECT)
