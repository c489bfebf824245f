"""Task 8, re-identification and linkability: find a person among K candidates in other images.

- by face: a portrait is the query; the candidates are images of one kind (ID card, post, group photo), one of
  them the person's, the others of look-alikes first;
- by record: a record with a name is the query; the candidates are ID cards, look-alikes (who may share the
  surname) first;
- pairwise: do two photos show the same person (balanced yes/no).
K alternates between 4 and 6 candidates: the difficulty knob.
"""

from __future__ import annotations

from multipriv.render.annotations import ImageAnnotation
from multipriv.tasks.choice import arrange_candidates, option_lines
from multipriv.tasks.common import LETTERS, TaskContext, prompt, say, twins
from multipriv.tasks.schema import AnswerType, Item, Lang
from multipriv.world.schema import Person

FACE_TARGETS = ("id_card", "social_post", "group_photo")
RECORD_QUERIES = ("medical_report", "payslip", "boarding_pass", "prescription")


def _choice(ctx: TaskContext, person: Person, query: ImageAnnotation, target: ImageAnnotation,
            distractors: list[ImageAnnotation], template: str, attr: str) -> list[Item]:
    key = f"reid:{template}:{query.path}:{target.path}"
    candidates, letter = arrange_candidates(ctx, "t8", target, distractors, key)
    images = [query.path] + [c.path for c in candidates]

    def build(lang: Lang) -> dict[str, object]:
        question = say(lang, "task8", template, options=option_lines(lang, "task8", len(candidates), 2))
        return dict(prompt=prompt(lang, question, AnswerType.CHOICE), answer_type=AnswerType.CHOICE,
                    gold=(letter,), options=tuple(LETTERS[: len(candidates)]), attribute_ids=(attr,),
                    person_ids=(person.id, *[c.person_ids[0] for c in distractors]), category="biometric"
                    if attr == "face" else "general_identity",
                    difficulty={"hops": 1, "distractors": len(distractors)})

    return twins(8, "reasoning", key, images, build)


def _pair(ctx: TaskContext, person: Person, a: ImageAnnotation, b: ImageAnnotation, same: bool) -> list[Item]:
    def build(lang: Lang) -> dict[str, object]:
        return dict(prompt=prompt(lang, say(lang, "task8", "pair"), AnswerType.YESNO),
                    answer_type=AnswerType.YESNO, gold=("yes" if same else "no",), attribute_ids=("face",),
                    person_ids=(person.id,) if same else (person.id, b.person_ids[0]), category="biometric",
                    difficulty={"hops": 1, "distractors": 0 if same else 1})

    return twins(8, "reasoning", f"pair:{a.path}:{b.path}", [a.path, b.path], build)


def compile_items(ctx: TaskContext) -> list[Item]:
    items: list[Item] = []
    for n, person in enumerate(ctx.core()):
        rng = ctx.rng("t8", person.id)
        k = 4 if n % 2 == 0 else 6
        related = {r.person_id for r in person.relations}
        portrait = ctx.image(person.id, "portrait")
        if portrait is not None:
            kinds = [kind for kind in FACE_TARGETS if (t := ctx.image(person.id, kind)) and t.faces]
            if kinds:
                kind = rng.choice(kinds)
                target = ctx.image(person.id, kind)
                assert target is not None
                # Group photos of relatives may show the person too: never use those as distractors.
                distractors = ctx.others_with(person, kind, rng, k - 1, exclude=related)
                distractors = [d for d in distractors if person.id not in d.person_ids]
                if len(distractors) >= 3:
                    items += _choice(ctx, person, portrait, target, distractors, "query", "face")
            post = ctx.image(person.id, "social_post")
            others = ctx.others_with(person, "social_post", rng, 1, exclude=related)
            if post is not None and others:
                items += _pair(ctx, person, portrait, post, True)
                items += _pair(ctx, person, portrait, others[0], False)
        queries = [q for kind in RECORD_QUERIES if (q := ctx.image(person.id, kind))]
        target = ctx.image(person.id, "id_card")
        if queries and target is not None:
            distractors = ctx.others_with(person, "id_card", rng, k - 1)
            if len(distractors) >= 3:
                items += _choice(ctx, person, rng.choice(queries), target, distractors, "query_record", "name")
    return items
