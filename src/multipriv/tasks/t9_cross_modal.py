"""Task 9, cross-modal association: a text description of a person and images, in both directions.

A description gives quasi-identifiers none of the images prints as such: the age on a date the question
states (the cards print a date of birth) and the city of residence (the cards print a full address), in
free-text phrasings. All candidates are peers (same gender, age within five years), so only the combination
identifies the person.
- desc_image: which of K identity cards belongs to the described person? Distractors share the city (with
  another age) or the age (with another city) where such peers exist, so neither clue alone decides;
- image_desc: which of K descriptions fits the person on image 1? The options form a full grid of ages and
  cities (every option shares its age with some options and its city with others), so the right one cannot
  be spotted as the option most like the others;
- desc_value: the description and K cards; what is the described person's name or ID number?
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping

from multipriv.render.annotations import ImageAnnotation
from multipriv.tasks.choice import arrange_candidates, option_lines
from multipriv.tasks.common import LETTERS, arrange_choices, attr_name, gold_forms, prompt, say, single_value, twins
from multipriv.tasks.context import TaskContext
from multipriv.tasks.evidence import attr_evidence
from multipriv.tasks.registry import task
from multipriv.tasks.schema import AnswerType, Evidence, Item, Lang
from multipriv.world.derive import age_at
from multipriv.world.places import cities
from multipriv.world.schema import Person, Text, World
from multipriv.world.taxonomy import BY_ID

KS = (4, 6)
PHRASINGS = 4  # description_1 .. description_4 in the templates
GRIDS = {4: (2, 2), 6: (3, 2), 8: (4, 2)}  # options: ages x cities


def profile(person: Person, world: World) -> tuple[int, Text]:
    return age_at(person.birth_date, world.reference_date), person.home.city


def describe(lang: Lang, gender: str, age: int, city: Text, phrasing: int) -> str:
    noun = say(lang, "task9", "woman" if gender == "F" else "man")
    return say(lang, "task9", f"description_{phrasing}", noun=noun, age=age, city=city.get(lang))


def _date(world: World, lang: Lang) -> str:
    d = world.reference_date
    return f"{d.year}年{d.month}月{d.day}日" if lang == "zh" else d.strftime("%d %B %Y").lstrip("0")


def _cards(ctx: TaskContext, person: Person, k: int, rng: random.Random) -> list[ImageAnnotation] | None:
    """K-1 peer cards: none has both the person's age and city; same-city and same-age peers first."""
    age, city = profile(person, ctx.world)
    pool = ctx.peer_images(person, ctx.by_kind.get("id_card", []), rng, 60)
    usable = []
    for ann in pool:
        other_age, other_city = profile(ctx.person(ann.person_ids[0]), ctx.world)
        if other_age == age and other_city == city:
            continue
        if single_value(ann, "birth_date") is None or single_value(ann, "home_address") is None:
            continue
        usable.append((0 if other_city == city else 1 if other_age == age else 2, ann))
    usable.sort(key=lambda t: t[0])
    picked = [a for _, a in usable][: k - 1]
    return picked if len(picked) == k - 1 else None


def _card_evidence(images: list[str], ann: ImageAnnotation, pid: str) -> list[Evidence]:
    return attr_evidence(images, ann, "birth_date", pid) + attr_evidence(images, ann, "home_address", pid)


def _desc_items(ctx: TaskContext, person: Person, target: ImageAnnotation, k: int) -> list[Item]:
    rng = ctx.rng("t9", person.id, "desc", k)
    distractors = _cards(ctx, person, k, rng)
    if distractors is None:
        return []
    age, city = profile(person, ctx.world)
    shares_city = any(profile(ctx.person(d.person_ids[0]), ctx.world)[1] == city for d in distractors)
    shares_age = any(profile(ctx.person(d.person_ids[0]), ctx.world)[0] == age for d in distractors)
    factors = ("quasi_identifiers", "age_from_birth_date") + (("single_clue_insufficient",)
                                                                if shares_city and shares_age else ())
    if any(d.person_ids[0] in ctx.lookalikes.get(person.id, set()) for d in distractors):
        factors += ("lookalike",)  # a candidate card shows a face like the person's
    phrasing = rng.randint(1, PHRASINGS)
    items: list[Item] = []
    key = f"desc:{target.path}:{k}"
    candidates, letter = arrange_candidates(ctx, "t9:desc_image", target, distractors, key)
    images = [c.path for c in candidates]
    evidence = tuple(_card_evidence(images, target, person.id))
    ids = (person.id, *[d.person_ids[0] for d in distractors])
    difficulty = {"hops": 1, "distractors": k - 1, "k": k, "tier": "link", "factors": factors}

    def which(lang: Lang) -> dict[str, object]:
        question = say(lang, "task9", "desc_image", date=_date(ctx.world, lang),
                       description=describe(lang, person.gender, age, city, phrasing),
                       options=option_lines(lang, "task9", k, 1))
        return dict(prompt=prompt(lang, question, AnswerType.CHOICE), answer_type=AnswerType.CHOICE,
                    gold=(letter,), options=tuple(LETTERS[:k]), attribute_ids=("age", "home_city"),
                    person_ids=ids, category="general_identity", qtype="desc_image", evidence=evidence,
                    difficulty=difficulty)

    items += twins(9, "reasoning", f"{key}:which", images, which)
    # Alternate what is asked: the name, or the card's number.
    number = "id_number" if person.locale == "zh" else "license_number"
    attr = "name" if k == KS[0] or single_value(target, number) is None else number
    if single_value(target, attr) is None:
        return items
    gold = gold_forms(target, attr, person)
    value_ev = evidence + tuple(attr_evidence(images, target, attr, person.id))

    def value(lang: Lang) -> dict[str, object]:
        question = say(lang, "task9", "desc_value", date=_date(ctx.world, lang),
                       description=describe(lang, person.gender, age, city, phrasing),
                       attribute=attr_name(attr, lang))
        return dict(prompt=prompt(lang, question, AnswerType.TEXT), answer_type=AnswerType.TEXT, gold=gold,
                    normaliser=BY_ID[attr].normaliser, attribute_ids=(attr,), person_ids=ids,
                    category="general_identity", qtype="desc_value", evidence=value_ev,
                    difficulty={**difficulty, "hops": 2})

    return items + twins(9, "reasoning", f"{key}:value:{attr}", images, value)


def _image_desc(ctx: TaskContext, person: Person, target: ImageAnnotation, k: int) -> list[Item]:
    rng = ctx.rng("t9", person.id, "grid", k)
    n_ages, n_cities = GRIDS[k]
    age, city = profile(person, ctx.world)
    # Other ages at least two years off, so a birthday near the stated date cannot make two options fit.
    nearby = [a for a in range(age - 6, age + 7) if abs(a - age) >= 2 and 18 <= a <= 90]
    ages = [age, *rng.sample(nearby, n_ages - 1)]
    others = [c.city for c in cities(person.locale) if c.city[0] != city.en]
    picked = rng.sample(others, n_cities - 1)
    towns = [city] + [Text(en=c[0], zh=c[1]) for c in picked]
    grid = [(a, t) for a in ages for t in towns]
    wrong = [g for g in grid if g != (age, city)]
    phrasing = rng.randint(1, PHRASINGS)
    labels = [f"{a}|{t.en}" for a, t in wrong]
    order, letter = arrange_choices(ctx, "t9:image_desc", f"{age}|{city.en}", labels, rng)
    by_label = {f"{a}|{t.en}": (a, t) for a, t in grid}
    images = [target.path]
    evidence = tuple(_card_evidence(images, target, person.id))

    def build(lang: Lang) -> dict[str, object]:
        texts = [describe(lang, person.gender, *by_label[label], phrasing) for label in order]
        options = "\n".join(say(lang, "task9", "desc_option", letter=LETTERS[i], text=t) for i, t in enumerate(texts))
        question = say(lang, "task9", "image_desc", date=_date(ctx.world, lang), options=options)
        return dict(prompt=prompt(lang, question, AnswerType.CHOICE), answer_type=AnswerType.CHOICE,
                    gold=(letter,), options=tuple(texts), attribute_ids=("age", "home_city"), person_ids=(person.id,),
                    category="general_identity", qtype="image_desc", evidence=evidence,
                    difficulty={"hops": 1, "distractors": k - 1, "k": k, "tier": "link",
                                "factors": ("quasi_identifiers", "age_from_birth_date", "balanced_options")})

    return twins(9, "reasoning", f"grid:{target.path}:{k}", images, build)


def check(item: Item, world: World, anns: Mapping[str, ImageAnnotation]) -> str | None:
    person = world.person(item.person_ids[0])
    age, city = profile(person, world)
    if item.qtype == "image_desc":
        if anns[item.images[0]].person_ids[0] != person.id:
            return "image 1 is not the described person's card"
        fits = {describe(item.lang, person.gender, age, city, n) for n in range(1, PHRASINGS + 1)}
        right = [LETTERS[i] for i, text in enumerate(item.options) if text in fits]
        return None if right == list(item.gold) else f"the options that fit the card are {right}, not {item.gold}"
    fitting = [p for p in item.images
               if profile(world.person(anns[p].person_ids[0]), world) == (age, city)]
    if len(fitting) != 1 or anns[fitting[0]].person_ids[0] != person.id:
        return f"{len(fitting)} cards fit the description"
    if item.qtype == "desc_image":
        return None if item.gold == (LETTERS[item.images.index(fitting[0])],) else "the letter is not the fitting card"
    shown = single_value(anns[fitting[0]], item.attribute_ids[0])
    return None if shown and item.gold[:1] == (shown[0],) else "the answer is not printed on the fitting card"


@task(9, name="cross-modal", title="cross-modal association", level="reasoning", metric="accuracy",
      answer_types=(AnswerType.CHOICE, AnswerType.TEXT), check=check, knobs=("k", "tier"))
def compile_items(ctx: TaskContext) -> Iterator[Item]:
    for person in ctx.core():
        target = ctx.image(person.id, "id_card")
        if target is None or single_value(target, "birth_date") is None or single_value(target, "home_address") is None:
            continue
        for k in KS:
            yield from _desc_items(ctx, person, target, k)
            yield from _image_desc(ctx, person, target, k)
