"""Shortcut audit: how far does reading plus exact string joins get on the reasoning tasks?

The solver here is what a reviewer would try first. It reads every printed value perfectly (the texts in
`annotations.json`, masked ones included), never looks at a face, and links records only when their printed
strings are equal after folding case, spaces and punctuation:

- task 5: "yes" when the two images share a printed identifying string (for a consistency question: when the
  asked attribute reads the same on both), else "no";
- task 6: right whenever the answer is printed on the image (an upper bound of reading it off);
- task 7: follows the chain by strings: each step reads the asked attribute off the one image that shares a
  printed string with what it has read so far; with no such image (a face-only first hop) it guesses among the
  images that print the attribute;
- task 8: the candidate sharing the most printed strings with image 1; with none, the odd one out (the only
  candidate of its document kind); ties broken at random;
- task 9: the card with the most printed values appearing verbatim in the description, or the description
  containing the most values printed on image 1; a name or number is then read off the chosen card.

It also reports whether any image path names a person, a document kind or an altered copy.

    python benchmarks/shortcut_audit.py DATA_DIR [DATA_DIR ...]

Prints, per task and tier, the solver's mean score (the task's own metric, via `multipriv.score`), and exits 1
when a hard tier (link, infer) of a reasoning task scores above 0.35.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path

from multipriv.baselines.answers import format_steps, format_yesno
from multipriv.render.annotations import AnnotationSet, ImageAnnotation
from multipriv.score.record import score_item
from multipriv.tasks.common import LETTERS
from multipriv.tasks.evidence import JOIN_ATTRIBUTES, fold
from multipriv.tasks.schema import HARD_TIERS, AnswerType, Item, load_items

LIMIT = 0.35


def texts(ann: ImageAnnotation, attrs: frozenset[str] | None = None) -> set[str]:
    return {fold(f.text) for f in ann.fields if (attrs is None or f.attribute_id in attrs) and len(fold(f.text)) >= 2}


def values_of(ann: ImageAnnotation, attr: str) -> list[str]:
    return [f.text for f in ann.fields if f.attribute_id == attr]


def _pick(scores: list[int], rng: random.Random) -> int:
    best = max(scores)
    return rng.choice([i for i, s in enumerate(scores) if s == best])


def answer(item: Item, anns: dict[str, ImageAnnotation], rng: random.Random) -> str:
    images = [anns[p] for p in item.images]
    if item.task == 5:
        a, b = images
        if item.qtype == "consistency":
            attr = item.attribute_ids[0]
            same = bool({fold(t) for t in values_of(a, attr)} & {fold(t) for t in values_of(b, attr)})
        else:
            same = bool(texts(a, JOIN_ATTRIBUTES) & texts(b, JOIN_ATTRIBUTES))
        return format_yesno(same, item.lang)
    if item.task == 6:
        printed = {fold(f.text) for f in images[0].fields}
        return item.gold[0] if printed & {fold(g) for g in item.gold} else "unknown"
    if item.task == 7:
        return _chain(item, images, rng)
    if item.task == 8:
        query = texts(images[0])
        shared = [len(query & texts(c)) for c in images[1:]]
        if not any(shared):
            kinds = [c.kind for c in images[1:]]
            shared = [int(kinds.count(k) == 1) for k in kinds]
        return LETTERS[_pick(shared, rng)]
    if item.task == 9:
        prompt = fold(item.prompt)
        if item.qtype == "image_desc":
            printed = texts(images[0])
            return LETTERS[_pick([sum(t in fold(o) for t in printed) for o in item.options], rng)]
        scores = [sum(t in prompt for t in texts(c)) for c in images]
        chosen = _pick(scores, rng)
        if item.answer_type is AnswerType.CHOICE:
            return LETTERS[chosen]
        found = values_of(images[chosen], item.attribute_ids[0])
        return found[0] if found else "unknown"
    return ""


def _chain(item: Item, images: list[ImageAnnotation], rng: random.Random) -> str:
    known = texts(images[0])
    used = {0}
    answers: list[str] = []
    for step in item.steps:
        attr = step.attribute_id or ""
        if attr == "name" and not answers and texts(images[0], frozenset({"name"})):
            found = values_of(images[0], "name")  # the name printed on image 1 itself
            answers.append(found[0])
            continue
        linked = [i for i, a in enumerate(images) if i not in used and known & texts(a)]
        pool = [i for i in (linked if len(linked) == 1 else range(len(images)))
                if i not in used and values_of(images[i], attr)]
        if not pool:
            answers.append("unknown")
            continue
        chosen = pool[0] if len(pool) == 1 else rng.choice(pool)
        used.add(chosen)
        known |= texts(images[chosen])
        answers.append(values_of(images[chosen], attr)[0])
    return format_steps(answers, answers[-1] if answers else "unknown", item.lang)


def audit(root: Path) -> dict[tuple[int, str], list[float]]:
    anns = {a.path: a for a in AnnotationSet.load(root / "annotations.json").images}
    leaks = [p for p, a in anns.items() if any(x in p for x in (*a.person_ids, a.kind, "altered"))]
    print(f"{root}: {len(anns)} images; paths naming a person, kind or alteration: {len(leaks)}")
    rng = random.Random(0)
    scores: dict[tuple[int, str], list[float]] = defaultdict(list)
    for item in load_items(root / "items.jsonl"):
        if item.level != "reasoning" or item.control:
            continue
        reply = answer(item, anns, rng)
        record = score_item(item, reply, model="string-join")
        scores[(item.task, item.difficulty.tier or "-")].append(record.score)
    return scores


def main(argv: list[str]) -> int:
    worst = 0.0
    for arg in argv or ["multipriv-data"]:
        scores = audit(Path(arg))
        tasks = sorted({t for t, _ in scores})
        print(f"{'task':>4} {'tier':>7} {'items':>6} {'score':>6}")
        for task in tasks:
            hard: list[float] = []
            for (t, tier), values in sorted(scores.items()):
                if t != task:
                    continue
                print(f"{t:>4} {tier:>7} {len(values):>6} {sum(values) / len(values):>6.3f}")
                if tier in HARD_TIERS:
                    hard += values
            if hard:
                mean = sum(hard) / len(hard)
                worst = max(worst, mean)
                print(f"{task:>4} {'hard':>7} {len(hard):>6} {mean:>6.3f}")
    verdict = "ok" if worst <= LIMIT else "FAIL"
    print(f"worst hard-tier score {worst:.3f} (limit {LIMIT}): {verdict}")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
