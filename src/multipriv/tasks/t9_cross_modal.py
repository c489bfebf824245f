"""Task 9, cross-modal association: a text description of a person (a few quasi-identifiers) plus images.

The description uses what an ID card shows (gender, age, city), so it can be checked against the images; each
distractor card differs from the description in at least one of them, so exactly one card fits. Two questions
per person: which card is theirs (choice), and what is their name (text, read off the matching card).
"""

from __future__ import annotations

from multipriv.render.annotations import ImageAnnotation
from multipriv.tasks.choice import arrange_candidates, option_lines
from multipriv.tasks.common import LETTERS, TaskContext, gold_forms, prompt, say, single_value, twins
from multipriv.tasks.schema import AnswerType, Item, Lang
from multipriv.world.schema import Person
from multipriv.world.taxonomy import Normaliser

CANDIDATES = 4


def describe(person: Person, lang: Lang) -> str:
    if lang == "zh":
        gender = "女性" if person.gender == "F" else "男性"
        return f"{gender}，{person.age}岁，住在{person.home.city.zh}"
    gender = "a woman" if person.gender == "F" else "a man"
    return f"{gender}, aged {person.age}, living in {person.home.city.en}"


def _signature(person: Person) -> tuple[str, int, str]:
    return person.gender, person.age, person.home.city.en


def compile_items(ctx: TaskContext) -> list[Item]:
    items: list[Item] = []
    for person in ctx.core():
        target = ctx.image(person.id, "id_card")
        if target is None:
            continue
        rng = ctx.rng("t9", person.id)
        pool = ctx.others_with(person, "id_card", rng, 50)
        distractors: list[ImageAnnotation] = [
            a for a in pool if _signature(ctx.person(a.person_ids[0])) != _signature(person)
        ][: CANDIDATES - 1]
        if len(distractors) < CANDIDATES - 1:
            continue
        key = f"crossmodal:{target.path}"
        candidates, letter = arrange_candidates(ctx, "t9", target, distractors, key)
        images = [c.path for c in candidates]
        ids = (person.id, *[d.person_ids[0] for d in distractors])

        def which(lang: Lang, letter: str = letter, person: Person = person, ids: tuple[str, ...] = ids,
                  n: int = len(candidates)) -> dict[str, object]:
            question = say(lang, "task9", "which", description=describe(person, lang),
                           options=option_lines(lang, "task9", n, 1))
            return dict(prompt=prompt(lang, question, AnswerType.CHOICE), answer_type=AnswerType.CHOICE,
                        gold=(letter,), options=tuple(LETTERS[:n]), attribute_ids=("gender", "age", "home_city"),
                        person_ids=ids, category="general_identity",
                        difficulty={"hops": 1, "distractors": n - 1})

        items += twins(9, "reasoning", f"{key}:which", images, which)
        printed = single_value(target, "name")
        if printed is None:
            continue
        gold = gold_forms(target, "name", person)

        def name(lang: Lang, person: Person = person, gold: tuple[str, ...] = gold,
                 ids: tuple[str, ...] = ids, n: int = len(candidates)) -> dict[str, object]:
            question = say(lang, "task9", "attribute", description=describe(person, lang),
                           attribute="姓名" if lang == "zh" else "name")
            return dict(prompt=prompt(lang, question, AnswerType.TEXT), answer_type=AnswerType.TEXT,
                        gold=gold, normaliser=Normaliser.NAME, attribute_ids=("name",), person_ids=ids,
                        category="general_identity", difficulty={"hops": 2, "distractors": n - 1})

        items += twins(9, "reasoning", f"{key}:name", images, name)
    return items
