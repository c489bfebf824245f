"""Task 5, single-step cross-validation: do two records belong to the same person, are they consistent?

Labels are balanced by construction: every "yes" pair has a "no" twin built from the same first image.
- same person: a portrait beside the person's own ID card or post (yes), or a look-alike's (no);
- consistency: two of the person's documents that print the same attribute (yes), or the second one
  re-rendered from a copy of the person whose value was altered (no) — same random stream, so the altered
  image differs from the original only in that value.
"""

from __future__ import annotations

import datetime as dt
import random

from multipriv.render.annotations import ImageAnnotation
from multipriv.render.pipeline import RenderJob, render_one
from multipriv.tasks.common import TaskContext, attr_name, prompt, say, single_value, twins
from multipriv.tasks.schema import AnswerType, Item, Lang
from multipriv.world import names
from multipriv.world.places import home_street
from multipriv.world.schema import Person, Text
from multipriv.world.taxonomy import BY_ID

FACE_KINDS = ("id_card", "social_post")
CONSISTENCY_ATTRS = ("name", "birth_date", "home_address", "phone")


def _yesno(ctx: TaskContext, key: str, images: list[str], answer: str, question: tuple[str, dict[str, str]],
           person_ids: tuple[str, ...], attr: str | None, distractors: int) -> list[Item]:
    template, slots = question

    def build(lang: Lang) -> dict[str, object]:
        values = {k: attr_name(v, lang) for k, v in slots.items()}
        return dict(prompt=prompt(lang, say(lang, "task5", template, **values), AnswerType.YESNO),
                    answer_type=AnswerType.YESNO, gold=(answer,), person_ids=person_ids,
                    attribute_ids=(attr,) if attr else ("face",),
                    category=BY_ID[attr].category.value if attr else "biometric",
                    difficulty={"hops": 1, "distractors": distractors})

    return twins(5, "reasoning", key, images, build)


def altered(person: Person, attr: str, rng: random.Random) -> Person:
    """A copy of the person with one attribute changed to another plausible value."""
    if attr == "name":
        given = names.draw_given(rng, person.locale, person.gender)
        surname = (person.name.family.zh, person.name.family.en) if person.locale == "zh" else \
            (person.name.family.en, person.name.family.en)
        new_name = names.make_name(person.locale, surname, given)
        if new_name.full == person.name.full:
            new_name = names.make_name(person.locale, surname, given + ("明" if person.locale == "zh" else "a"))
        return person.model_copy(update={"name": new_name})
    if attr == "birth_date":
        shift = dt.timedelta(days=rng.choice((-1, 1)) * rng.randint(40, 900))
        return person.model_copy(update={"birth_date": person.birth_date + shift})
    if attr == "home_address":
        street = home_street(rng, person.locale)
        full = Text(en=person.home.full.en.replace(person.home.street.en, street[0]),
                    zh=person.home.full.zh.replace(person.home.street.zh, street[1]))
        home = person.home.model_copy(update={"street": Text(en=street[0], zh=street[1]), "full": full})
        return person.model_copy(update={"home": home})
    phone = person.contact.phone
    digits = [c for c in phone if c.isdigit()]
    last = (int(digits[-1]) + rng.randint(1, 9)) % 10
    return person.model_copy(update={"contact": person.contact.model_copy(update={"phone": phone[:-1] + str(last)})})


def _same_person(ctx: TaskContext, person: Person, portrait: ImageAnnotation) -> list[Item]:
    items: list[Item] = []
    rng = ctx.rng("t5", person.id, "same")
    for kind in FACE_KINDS:
        own = ctx.image(person.id, kind)
        other = ctx.others_with(person, kind, rng, 1)
        if own is None or not own.faces or not other:
            continue
        q: tuple[str, dict[str, str]] = ("same_person", {})
        items += _yesno(ctx, f"same:{portrait.path}:{own.path}", [portrait.path, own.path], "yes", q,
                        (person.id,), None, 0)
        items += _yesno(ctx, f"same:{portrait.path}:{other[0].path}", [portrait.path, other[0].path], "no", q,
                        (person.id, other[0].person_ids[0]), None, 1)
    return items


def _consistency(ctx: TaskContext, person: Person) -> list[Item]:
    rng = ctx.rng("t5", person.id, "consistent")
    images = ctx.by_person.get(person.id, [])
    attrs = list(CONSISTENCY_ATTRS)
    rng.shuffle(attrs)
    for attr in attrs:
        showing = [a for a in images if (v := single_value(a, attr)) and v[1][0].person_id == person.id]
        if len(showing) < 2:
            continue
        first, second = rng.sample(showing, 2)
        job = RenderJob(person.id, second.kind, second.tier, second.photo)
        path = second.path.replace(f"/{second.kind}.", f"/{second.kind}__altered_{attr}.")
        ann, data = render_one(ctx.world, job, ctx.seed, ctx.faces, person=altered(person, attr, rng), path=path)
        shown = single_value(ann, attr)
        if shown is None or shown[0] == single_value(second, attr)[0]:  # type: ignore[index]
            continue  # the kind did not print the altered value after all
        ctx.extra_images.append((ann.model_copy(update={"meta": {**ann.meta, "altered": attr}}), data))
        q = ("consistent", {"attribute": attr})
        return (_yesno(ctx, f"consistent:{first.path}:{second.path}", [first.path, second.path], "yes", q,
                       (person.id,), attr, 0)
                + _yesno(ctx, f"consistent:{first.path}:{path}", [first.path, path], "no", q,
                         (person.id,), attr, 0))
    return []


def compile_items(ctx: TaskContext) -> list[Item]:
    items: list[Item] = []
    for person in ctx.core():
        portrait = ctx.image(person.id, "portrait")
        if portrait is not None:
            items += _same_person(ctx, person, portrait)
        items += _consistency(ctx, person)
    return items
