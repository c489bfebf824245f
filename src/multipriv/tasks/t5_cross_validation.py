"""Task 5, single-step cross-validation: do two images belong to the same person, are two records consistent?

Labels are balanced by construction: every "yes" has a "no" twin built from the same first image.
- face (tier infer): a portrait beside an image showing only the person's face (yes) or only a peer's face
  (no): same gender, age within five years, look-alikes first, so the face itself must be compared;
- record (tier link when names mislead): two records naming a person. The "yes" pair is preferably written
  with different name forms (a nickname, initials, SURNAME, Given), the "no" pair preferably shows a namesake
  whose name is printed exactly as on the first record, told apart only by age, date of birth or face;
- consistency (tier lookup): two of the person's documents printing one attribute alike (yes), or the second
  re-rendered from a copy of the person with that value altered (no).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Mapping

from multipriv.render.annotations import ImageAnnotation
from multipriv.render.pipeline import RenderJob
from multipriv.render.variants import Variant, render_variants
from multipriv.tasks.clues import conflicts
from multipriv.tasks.common import attr_name, prompt, say, single_value, twins
from multipriv.tasks.context import TaskContext, is_altered, single_face_of
from multipriv.tasks.evidence import (
    attr_evidence,
    face_evidence,
    fold,
    name_texts,
    names_only,
    shared_strings,
)
from multipriv.tasks.registry import task
from multipriv.tasks.schema import AnswerType, Evidence, Item, Lang, Tier
from multipriv.world import names
from multipriv.world.places import home_street
from multipriv.world.schema import Person, Text, World
from multipriv.world.taxonomy import BY_ID

CONSISTENCY_ATTRS = ("name", "birth_date", "home_address", "phone")
DISTINGUISHING = ("birth_date", "age", "face")  # what tells a namesake apart


def _yesno(key: str, images: list[str], answer: bool, template: str, slots: dict[str, str],
           person_ids: tuple[str, ...], attr: str, tier: Tier, factors: tuple[str, ...], qtype: str,
           evidence: tuple[Evidence, ...]) -> list[Item]:
    def build(lang: Lang) -> dict[str, object]:
        values = {k: attr_name(v, lang) for k, v in slots.items()}
        return dict(prompt=prompt(lang, say(lang, "task5", template, **values), AnswerType.YESNO),
                    answer_type=AnswerType.YESNO, gold=("yes" if answer else "no",), person_ids=person_ids,
                    attribute_ids=(attr,), category="biometric" if attr == "face" else BY_ID[attr].category.value,
                    qtype=qtype, evidence=evidence,
                    difficulty={"hops": 1, "distractors": 0 if answer else 1, "tier": tier, "factors": factors})

    return twins(5, "reasoning", key, images, build)


# ------------------------------------------------------------------------------------------------ faces

def _faces(ctx: TaskContext, person: Person, portrait: ImageAnnotation) -> list[Item]:
    rng = ctx.rng("t5", person.id, "face")
    own = [a for a in ctx.face_images.get(person.id, []) if a.kind != "portrait"]
    if not own:
        return []
    target = rng.choice(sorted(own, key=lambda a: a.path))
    others = ctx.peer_faces(person, rng, 1, kinds=(target.kind,)) or ctx.peer_faces(person, rng, 1)
    if not others:
        return []
    other = others[0]
    factors: tuple[str, ...] = ("face_only", "peer_distractor")
    if other.person_ids[0] in ctx.lookalikes.get(person.id, set()):
        factors += ("lookalike",)  # the negative pair shows the person's look-alike (peer_faces puts them first)
    items: list[Item] = []
    for answer, second in ((True, target), (False, other)):
        images = [portrait.path, second.path]
        who = second.person_ids[0] if single_face_of(second) is None else single_face_of(second)
        assert who is not None
        ev = (face_evidence(images, portrait, person.id), face_evidence(images, second, who))
        items += _yesno(f"same:{portrait.path}:{second.path}", images, answer, "same_person", {},
                        (person.id,) if answer else (person.id, who), "face", "infer", factors, "face", ev)
    return items


# ---------------------------------------------------------------------------------------------- records

def _named(ctx: TaskContext, owner: str) -> list[ImageAnnotation]:
    """The owner's records that name the owner and nobody else."""
    return [a for a in ctx.by_person.get(owner, []) if names_only(a, owner)]


def _distinguishable(ctx: TaskContext, first: ImageAnnotation, second: ImageAnnotation, a: Person,
                     b: Person) -> list[str]:
    """The clues on either image that tell persons a and b apart (each image checked against the other)."""
    ref = ctx.world.reference_date
    return sorted(set(conflicts(first, a, b, ref)) | set(conflicts(second, b, a, ref)))


Triple = tuple[ImageAnnotation, ImageAnnotation, ImageAnnotation, Person]  # first, own second, theirs, their owner
RECORD_PAIRS = 2  # record questions per person (yes/no twins each), when that many good triples exist


def _triples(ctx: TaskContext, person: Person, mine: list[ImageAnnotation]) -> list[tuple[int, Triple]]:
    """(hardness, triple) for every usable namesake triple: the "yes" pair shares no identifying string but
    perhaps the name, the "no" record is a namesake's, told apart by birth date, age or face."""
    found: list[tuple[int, Triple]] = []
    for other_id in sorted(ctx.namesakes.get(person.id, set())):
        other = ctx.person(other_id)
        if not ctx.is_peer(person, other, band=99):
            continue
        theirs_all = _named(ctx, other_id)
        for first in mine:
            own_name = name_texts(first, person.id)
            for theirs in theirs_all:
                tells = [c for c in _distinguishable(ctx, first, theirs, person, other) if c in DISTINGUISHING]
                if not tells or shared_strings(first, theirs) - own_name:
                    continue
                trap = bool(own_name & name_texts(theirs, other_id))
                for second in mine:
                    if second is first or shared_strings(first, second) - own_name:
                        continue
                    variant = not (own_name & name_texts(second, person.id))
                    score = 2 * variant + 2 * trap + (theirs.kind == second.kind)
                    found.append((score, (first, second, theirs, other)))
    found.sort(key=lambda t: -t[0])
    return found


def _fallback(ctx: TaskContext, person: Person, mine: list[ImageAnnotation]) -> Triple | None:
    """Without a namesake: two own records and a peer's record of the second one's kind."""
    rng = ctx.rng("t5", person.id, "record")
    first, second = mine[0], mine[1]
    if shared_strings(first, second) - name_texts(first, person.id):
        return None
    candidates = [a for a in ctx.by_kind.get(second.kind, []) if names_only(a, a.person_ids[0])]
    found = ctx.peer_images(person, candidates, rng, 1)
    if not found:
        return None
    other = ctx.person(found[0].person_ids[0])
    return (first, second, found[0], other) if _distinguishable(ctx, first, found[0], person, other) else None


def _record_pair(ctx: TaskContext, person: Person, triple: Triple) -> list[Item]:
    first, second, theirs, other = triple
    variant = not (name_texts(first, person.id) & name_texts(second, person.id))
    trap = bool(name_texts(first, person.id) & name_texts(theirs, other.id))
    tier: Tier = "link" if variant or trap else "lookup"
    factors = tuple(f for f, on in (("name_variant", variant), ("namesake", trap)) if on)
    items: list[Item] = []
    for answer, doc, owner in ((True, second, person), (False, theirs, other)):
        images = [first.path, doc.path]
        ev = tuple(attr_evidence(images, first, "name", person.id) + attr_evidence(images, doc, "name", owner.id))
        if not answer:
            for clue in _distinguishable(ctx, first, doc, person, owner):
                if clue == "face":
                    ev += tuple(face_evidence(images, a, o.id) for a, o in ((first, person), (doc, owner))
                                if any(f.person_id == o.id for f in a.faces))
                else:
                    ev += tuple(attr_evidence(images, first, clue, person.id)
                                + attr_evidence(images, doc, clue, owner.id))
        items += _yesno(f"record:{first.path}:{doc.path}", images, answer, "same_record", {},
                        (person.id,) if answer else (person.id, owner.id), "name", tier, factors, "record", ev)
    return items


def _records(ctx: TaskContext, person: Person) -> list[Item]:
    mine = sorted(_named(ctx, person.id), key=lambda x: x.path)
    if len(mine) < 2:
        return []
    ctx.rng("t5", person.id, "records").shuffle(mine)
    chosen: list[Triple] = []
    for _, triple in _triples(ctx, person, mine):
        used = {a.path for t in chosen for a in t[:3]}
        if not used & {a.path for a in triple[:3]}:
            chosen.append(triple)
        if len(chosen) == RECORD_PAIRS:
            break
    if not chosen and (fallback := _fallback(ctx, person, mine)) is not None:
        chosen.append(fallback)
    return [item for triple in chosen for item in _record_pair(ctx, person, triple)]


# ------------------------------------------------------------------------------------------ consistency

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


def _consistency_plan(ctx: TaskContext, person: Person) -> tuple[ImageAnnotation, ImageAnnotation, str, Variant] | None:
    """Two of the person's documents printing one attribute alike, and the altered copy of the second to draw.
    Pairs that write the value differently are left to the record questions: here a string comparison is the
    honest lookup tier."""
    rng = ctx.rng("t5", person.id, "consistent")
    images = ctx.by_person.get(person.id, [])
    attrs = list(CONSISTENCY_ATTRS)
    rng.shuffle(attrs)
    for attr in attrs:
        showing = [(a, v[0]) for a in images if (v := single_value(a, attr)) and v[1][0].person_id == person.id]
        alike = [(a, b) for a, ta in showing for b, tb in showing if a is not b and fold(ta) == fold(tb)]
        if not alike:
            continue
        first, second = rng.choice(alike)
        job = RenderJob(person.id, second.kind, second.tier, second.photo)
        return first, second, attr, Variant(job, altered(person, attr, rng), (("altered", attr),))
    return None


def _consistency(ctx: TaskContext) -> Iterator[Item]:
    plans = [found for person in ctx.core() if (found := _consistency_plan(ctx, person))]
    drawn = render_variants(ctx.world, ctx.seed, ctx.faces, [v for *_, v in plans], ctx.jobs)
    for (first, second, attr, variant), (ann, data) in zip(plans, drawn, strict=True):
        shown, before = single_value(ann, attr), single_value(second, attr)
        if shown is None or before is None or shown[0] == before[0]:
            continue  # the kind did not print the altered value after all
        ctx.keep_image(ann, data)
        pid = variant.person.id
        for answer, doc in ((True, second), (False, ann)):
            pair = [first.path, doc.path]
            ev = tuple(attr_evidence(pair, first, attr, pid) + attr_evidence(pair, doc, attr, pid))
            yield from _yesno(f"consistent:{first.path}:{doc.path}", pair, answer, "consistent",
                              {"attribute": attr}, (pid,), attr, "lookup", (), "consistency", ev)


# ----------------------------------------------------------------------------------------------- checks

def check(item: Item, world: World, anns: Mapping[str, ImageAnnotation]) -> str | None:
    first, second = (anns[p] for p in item.images)
    if item.qtype == "consistency":
        expected = "no" if is_altered(second) or is_altered(first) else "yes"
        return None if item.gold == (expected,) else f"gold {item.gold} but {'an' if expected == 'no' else 'no'} " \
                                                     "image is altered"
    if item.qtype == "face":
        a, b = single_face_of(first), single_face_of(second)
        same = a is not None and a == b
    else:
        same = first.person_ids[0] == second.person_ids[0]
        if not same:
            p, q = world.person(first.person_ids[0]), world.person(second.person_ids[0])
            tells = set(conflicts(first, p, q, world.reference_date)) | set(
                conflicts(second, q, p, world.reference_date))
            if not tells:
                return "the two records show nothing that tells their persons apart"
    expected = "yes" if same else "no"
    return None if item.gold == (expected,) else f"gold {item.gold} but the images show " \
                                                 f"{'the same' if same else 'different'} persons"


@task(5, name="cross-validation", title="single-step cross-validation", level="reasoning", metric="accuracy",
      answer_types=(AnswerType.YESNO,), check=check, knobs=("tier",))
def compile_items(ctx: TaskContext) -> Iterator[Item]:
    for person in ctx.core():
        portrait = ctx.image(person.id, "portrait")
        if portrait is not None:
            yield from _faces(ctx, person, portrait)
        yield from _records(ctx, person)
    yield from _consistency(ctx)
