"""Tasks 1 and 2 share one shape: which identifiers from a menu does an image show?

The rule a careful annotator applies, stated in every prompt and followed by the gold:
- a value counts as shown when any part of it is printed, even partly masked (``**** 1234``, ``张*伟``);
- a visible face shows the face (task 1) and the person's gender (task 2);
- a printed home address also shows the city of residence.

Each item offers part of the menu, built from two images: entries the asked image shows and a partner image
does not, and as many entries the partner shows and the asked image does not. Seen without the pixels, either
half could be the asked image's (the pair is exchangeable), so the menu says nothing about which entries are
right: every offered entry is shown half the time whatever the menu. Ticking everything scores F1 2/3, the
chance level of these tasks.
"""

from __future__ import annotations

from collections.abc import Iterator

from multipriv.render.annotations import ImageAnnotation
from multipriv.tasks.common import attr_name, prompt, say, twins
from multipriv.tasks.context import TaskContext
from multipriv.tasks.schema import AnswerType, Item, Lang
from multipriv.world.taxonomy import ATTRIBUTES, Kind

MAX_SHOWN = 4  # entries shown per item (and as many not shown)
PARTNER_TRIES = 8  # partners drawn until one differs from the image both ways
SHARE = 0.4  # of images asked about, per task
IMPLIED: dict[str, tuple[str, ...]] = {"home_address": ("home_city",)}  # printed A shows B too
FACE_SHOWS = ("face", "gender")


def menu(kind: Kind) -> tuple[str, ...]:
    return tuple(a.id for a in ATTRIBUTES if a.kind == kind and a.id not in ("relations", "age"))


def visible(ann: ImageAnnotation, candidates: tuple[str, ...]) -> tuple[str, ...]:
    """The entries of `candidates` the image shows, by the rule above."""
    shown = {f.attribute_id for f in ann.fields}
    for attr in list(shown):
        shown.update(IMPLIED.get(attr, ()))
    if ann.faces:
        shown.update(FACE_SHOWS)
    return tuple(a for a in candidates if a in shown)


def detection_items(ctx: TaskContext, task: int, kind: Kind) -> Iterator[Item]:
    full = menu(kind)
    images = [a for a in ctx.annotations.images if "altered" not in a.meta]
    shown_by = {a.path: set(visible(a, full)) for a in images}
    for ann in images:
        rng = ctx.rng("detect", task, ann.path)
        if rng.random() >= SHARE:
            continue
        mine = shown_by[ann.path]
        for _ in range(PARTNER_TRIES):
            theirs = shown_by[rng.choice(images).path]
            positives, negatives = sorted(mine - theirs), sorted(theirs - mine)
            m = min(len(positives), len(negatives), MAX_SHOWN)
            if m:
                break
        else:
            continue
        offer_set = set(rng.sample(positives, m)) | set(rng.sample(negatives, m))
        offer = tuple(a for a in full if a in offer_set)  # menu order, so position says nothing
        gold = tuple(a for a in offer if a in mine)

        def build(lang: Lang, gold: tuple[str, ...] = gold, offer: tuple[str, ...] = offer,
                  ann: ImageAnnotation = ann) -> dict[str, object]:
            sep = "、" if lang == "zh" else ", "
            question = say(lang, f"task{task}", "prompt", menu=sep.join(attr_name(a, lang) for a in offer))
            return dict(prompt=prompt(lang, question, AnswerType.SET), answer_type=AnswerType.SET, gold=gold,
                        menu=offer, attribute_ids=gold, person_ids=ann.person_ids, category=None)

        yield from twins(task, "perception", f"detect:{task}:{ann.path}", [ann.path], build)


def check_detection(item: Item, anns: dict[str, ImageAnnotation]) -> str | None:
    ann = anns[item.images[0]]
    expected = visible(ann, item.menu)
    return None if item.gold == expected else f"detection set {item.gold} is not what the rule gives {expected}"
