"""Task 4, privacy region localisation: the box of one value, as integers 0..1000 of width and height.

The gold box is the recorded ink box of the value (the union of its lines), so it is pixel truth, transformed
with the image when the photo-of-document variant was applied.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from multipriv.render.annotations import Box, FieldBox, ImageAnnotation
from multipriv.tasks.common import attr_name, printed_once, prompt, say, single_value, twins
from multipriv.tasks.context import TaskContext
from multipriv.tasks.registry import task
from multipriv.tasks.schema import AnswerType, Item, Lang
from multipriv.world.schema import World
from multipriv.world.taxonomy import BY_ID

MIN_SIDE = 6  # pixels: smaller boxes are slivers, not regions
SKIP = {"relations"}
SHARE = 0.4


def relative_box(box: Box, ann: ImageAnnotation) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    return (x0 * 1000 // ann.width, y0 * 1000 // ann.height,
            -(-x1 * 1000 // ann.width), -(-y1 * 1000 // ann.height))


def union_box(fields: list[FieldBox]) -> Box:
    return (min(f.box[0] for f in fields), min(f.box[1] for f in fields),
            max(f.box[2] for f in fields), max(f.box[3] for f in fields))


def check(item: Item, _world: World, anns: Mapping[str, ImageAnnotation]) -> str | None:
    ann = anns[item.images[0]]
    attr = item.attribute_ids[0]
    shown = single_value(ann, attr)
    if shown is None:
        return f"image does not show one value of {attr}"
    return None if item.box == relative_box(union_box(shown[1]), ann) else f"box {item.box} is not where {attr} is"


@task(4, name="localization", title="privacy region localization", level="perception", metric="mean IoU",
      answer_types=(AnswerType.BOX,), check=check)
def compile_items(ctx: TaskContext) -> Iterator[Item]:
    for ann in ctx.annotations.images:
        rng = ctx.rng("t4", ann.path)
        if rng.random() >= SHARE:
            continue
        attrs = sorted({f.attribute_id for f in ann.fields} - SKIP)
        rng.shuffle(attrs)
        for attr_id in attrs:
            found = single_value(ann, attr_id)
            if found is None or not printed_once(ann, attr_id):
                continue
            _, fields = found
            union = union_box(fields)
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

            yield from twins(4, "perception", f"locate:{ann.path}:{attr_id}", [ann.path], build)
            break
