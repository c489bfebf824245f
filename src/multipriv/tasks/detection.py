"""Tasks 1 and 2 share one shape: which attribute kinds from a menu does an image show?"""

from __future__ import annotations

from multipriv.render.annotations import ImageAnnotation
from multipriv.tasks.common import TaskContext, attr_name, prompt, say, twins
from multipriv.tasks.schema import AnswerType, Item, Lang
from multipriv.world.taxonomy import ATTRIBUTES, Kind


def menu(kind: Kind) -> tuple[str, ...]:
    return tuple(a.id for a in ATTRIBUTES if a.kind == kind and a.id not in ("relations", "age"))


def visible(ann: ImageAnnotation, candidates: tuple[str, ...]) -> tuple[str, ...]:
    shown = {f.attribute_id for f in ann.fields}
    if ann.faces:
        shown.add("face")
    return tuple(a for a in candidates if a in shown)


def detection_items(ctx: TaskContext, task: int, kind: Kind) -> list[Item]:
    options = menu(kind)
    items: list[Item] = []
    for ann in ctx.annotations.images:
        gold = visible(ann, options)

        def build(lang: Lang, gold: tuple[str, ...] = gold, ann: ImageAnnotation = ann) -> dict[str, object]:
            sep = "、" if lang == "zh" else ", "
            question = say(lang, f"task{task}", "prompt", menu=sep.join(attr_name(a, lang) for a in options))
            return dict(prompt=prompt(lang, question, AnswerType.SET), answer_type=AnswerType.SET, gold=gold,
                        menu=options, attribute_ids=gold, person_ids=ann.person_ids,
                        category=None)

        items += twins(task, "perception", f"detect:{task}:{ann.path}", [ann.path], build)
    return items
