"""Does an item's gold answer agree with the annotations and the world? One checker per kind of question.

These re-derive each answer from the ground truth by a route independent of the item's own bytes, so an edited
gold answer in items.jsonl (or an annotation that no longer matches) is caught even when checksums are
recomputed.
"""

from __future__ import annotations

from multipriv.render.annotations import ImageAnnotation
from multipriv.tasks.common import LETTERS, printed_forms, single_value
from multipriv.tasks.detection import visible
from multipriv.tasks.schema import AnswerType, Item
from multipriv.tasks.t4_localization import relative_box
from multipriv.tasks.t6_single_step import RULES
from multipriv.world.schema import World

Anns = dict[str, ImageAnnotation]


def _letter_index(item: Item) -> int | None:
    if len(item.gold) != 1 or item.gold[0] not in LETTERS:
        return None
    return LETTERS.index(item.gold[0])


def _control(item: Item, anns: Anns) -> str | None:
    ann = anns[item.images[0]]
    if item.answer_type == AnswerType.TEXT:
        return None if item.gold == (str(len(ann.faces)),) else "people count does not match the faces shown"
    index = _letter_index(item)
    if index is None or index >= len(item.options):
        return "choice letter out of range"
    chosen = item.options[index]
    expected = {ann.meta.get(f"colour_{item.lang}"), ann.meta.get(f"title_{item.lang}")}
    return None if chosen in expected else f"option {item.gold[0]} ({chosen}) is not this image's colour or kind"


def _perception(item: Item, anns: Anns) -> str | None:
    ann = anns[item.images[0]]
    if item.answer_type == AnswerType.SET:
        return None if item.gold == visible(ann, item.menu) else "detection set differs from the annotations"
    attr = item.attribute_ids[0]
    shown = single_value(ann, attr)
    if shown is None:
        return f"image does not show one value of {attr}"
    text, fields = shown
    if item.answer_type == AnswerType.TEXT:
        return None if item.gold[:1] == (text,) else f"gold {item.gold[:1]} is not the printed {attr} {text!r}"
    union = (min(f.box[0] for f in fields), min(f.box[1] for f in fields),
             max(f.box[2] for f in fields), max(f.box[3] for f in fields))
    return None if item.box == relative_box(union, ann) else f"box {item.box} is not where {attr} is printed"


def _same_person(item: Item, anns: Anns, first: str, second: str) -> str | None:
    same = anns[first].person_ids[0] in {f.person_id for f in anns[second].faces}
    expected = "yes" if same else "no"
    if item.gold == (expected,):
        return None
    return f"gold {item.gold} but the images show {'the same' if same else 'different'} persons"


def _task5(item: Item, anns: Anns) -> str | None:
    first, second = item.images
    if item.attribute_ids == ("face",):
        return _same_person(item, anns, first, second)
    altered = anns[second].meta.get("altered") or anns[first].meta.get("altered")
    expected = "no" if altered else "yes"
    if item.gold == (expected,):
        return None
    return f"gold {item.gold} but {'an' if altered else 'no'} image is altered"


def _task6(item: Item, world: World, anns: Anns) -> str | None:
    ann = anns[item.images[0]]
    person = world.person(item.person_ids[0])
    for rule, kind, _needs, derive in RULES:
        if rule == item.rule and kind == ann.kind:
            derived = derive(person, world.reference_date)
            if derived is None or derived[0].get(item.lang) not in item.gold:
                return f"gold {item.gold[:1]} does not follow from the record by rule {rule}"
            return None
    return f"unknown rule {item.rule!r} for a {ann.kind}"


def _task7(item: Item, world: World, anns: Anns) -> str | None:
    printed = {f.text for path in item.images for f in anns[path].fields}
    printed |= {form for path in item.images for attr in {f.attribute_id for f in anns[path].fields}
                for form in printed_forms(anns[path], attr)}
    person = world.person(item.person_ids[0])
    for n, step in enumerate(item.steps, start=1):
        if step.accepted[0] in printed:
            continue
        if step.attribute_id == "diagnosis" and step.accepted[0] in (person.medical.diagnosis.en,
                                                                      person.medical.diagnosis.zh):
            continue  # the inference step: the condition the medication treats
        return f"step {n} answer {step.accepted[0]!r} is printed on none of the images"
    return None


def _choice_target(item: Item, anns: Anns, offset: int) -> str | None:
    index = _letter_index(item)
    if index is None or offset + index >= len(item.images):
        return "choice letter out of range"
    target = anns[item.images[offset + index]]
    if item.person_ids[0] not in target.person_ids:
        return f"option {item.gold[0]} is not an image of {item.person_ids[0]}"
    return None


def check_item(item: Item, world: World, anns: Anns) -> str | None:
    """None when the gold answer agrees with the ground truth; else what is wrong, in a few words."""
    if item.control:
        return _control(item, anns)
    if item.task in (1, 2, 3, 4):
        return _perception(item, anns)
    if item.task == 5:
        return _task5(item, anns)
    if item.task == 6:
        return _task6(item, world, anns)
    if item.task == 7:
        return _task7(item, world, anns)
    if item.task == 8:
        if item.answer_type == AnswerType.YESNO:
            return _same_person(item, anns, item.images[0], item.images[1])
        return _choice_target(item, anns, 1)
    if item.task == 9:
        if item.answer_type == AnswerType.CHOICE:
            return _choice_target(item, anns, 0)
        target = next((anns[p] for p in item.images if anns[p].person_ids[0] == item.person_ids[0]), None)
        shown = single_value(target, "name") if target else None
        return None if shown and item.gold[:1] == (shown[0],) else "name does not match the person's card"
    return f"unknown task {item.task}"
