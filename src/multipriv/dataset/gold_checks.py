"""Does an item's gold answer agree with the annotations and the world?

Each task brings its own check (re-deriving the answer from the ground truth by a route independent of the
item's own bytes, so an edited gold answer in items.jsonl is caught even when checksums are recomputed);
reasoning items' evidence must resolve to annotated values or faces of the images they name.
"""

from __future__ import annotations

from collections.abc import Mapping

from multipriv.render.annotations import ImageAnnotation
from multipriv.tasks import controls
from multipriv.tasks.evidence import check_evidence
from multipriv.tasks.registry import get
from multipriv.tasks.schema import Item
from multipriv.world.schema import World


def check_item(item: Item, world: World, anns: Mapping[str, ImageAnnotation]) -> str | None:
    """None when the gold answer agrees with the ground truth; else what is wrong, in a few words."""
    if item.control:
        return controls.check(item, anns)
    spec = get(item.task)
    if spec is None:
        return f"unknown task {item.task}"
    if item.level != spec.level:
        return f"level {item.level} but task {item.task} is {spec.level}"
    if item.level == "reasoning" and not item.evidence:
        return "a reasoning item without evidence"
    problem = check_evidence(item.images, item.evidence, dict(anns))
    return problem or spec.check(item, world, anns)
