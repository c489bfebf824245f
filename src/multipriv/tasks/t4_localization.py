"""Task 4, privacy region localisation: the box of one value, as integers 0..1000 of width and height.

The gold box is the recorded ink box of the value (the union of its lines), so it is pixel truth, transformed
with the image when the photo-of-document variant was applied.
"""

from __future__ import annotations

from multipriv.render.annotations import Box, ImageAnnotation
from multipriv.tasks.common import TaskContext, attr_name, printed_once, prompt, say, single_value, twins
from multipriv.tasks.schema import AnswerType, Item, Lang
from multipriv.world.taxonomy import BY_ID

MIN_SIDE = 6  # pixels: smaller boxes are slivers, not regions
SKIP = {"relations"}


def relative_box(box: Box, ann: ImageAnnotation) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    return (x0 * 1000 // ann.width, y0 * 1000 // ann.height,
            -(-x1 * 1000 // ann.width), -(-y1 * 1000 // ann.height))


def compile_items(ctx: TaskContext) -> list[Item]:
    items: list[Item] = []
    for ann in ctx.annotations.images:
        attrs = sorted({f.attribute_id for f in ann.fields} - SKIP)
        ctx.rng("t4", ann.path).shuffle(attrs)
        for attr_id in attrs:
            found = single_value(ann, attr_id)
            if found is None or not printed_once(ann, attr_id):
                continue
            _, fields = found
            union = (min(f.box[0] for f in fields), min(f.box[1] for f in fields),
                     max(f.box[2] for f in fields), max(f.box[3] for f in fields))
            if min(union[2] - union[0], union[3] - union[1]) < MIN_SIDE:
                continue
            gold_box = relative_box(union, ann)
            pid = fields[0].person_id

            def build(lang: Lang, attr_id: str = attr_id, gold_box: tuple[int, int, int, int] = gold_box,
                      pid: str = pid) -> dict[str, object]:
                question = say(lang, "task4", "prompt", attribute=attr_name(attr_id, lang),
                               who=say(lang, "task4", "who_self"))
                return dict(prompt=prompt(lang, question, AnswerType.BOX), answer_type=AnswerType.BOX,
                            box=gold_box, attribute_ids=(attr_id,), person_ids=(pid,),
                            category=BY_ID[attr_id].category.value)

            items += twins(4, "perception", f"locate:{ann.path}:{attr_id}", [ann.path], build)
            break
    return items
