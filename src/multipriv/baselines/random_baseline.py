"""`random`: the chance level every model is compared with.

It answers in the requested format with no information: a uniform option letter or yes/no, each menu entry
with probability one half, a uniform box, and for free text a random token (which a free-text question cannot
be right by chance, so text items sit near zero, as chance does). Replies are fixed by item and condition.
"""

from __future__ import annotations

import random
import string

from multipriv.baselines.answers import (
    format_box,
    format_set,
    format_steps,
    format_yesno,
    letters,
    request_rng,
)
from multipriv.runner.base import ModelSpec, Reply, Request, provider
from multipriv.tasks.schema import AnswerType, Item

_TOKEN_CHARS = string.ascii_uppercase + string.digits


def _token(rng: random.Random) -> str:
    return "".join(rng.choice(_TOKEN_CHARS) for _ in range(8))


def random_answer(item: Item, rng: random.Random) -> str:
    kind = item.answer_type
    if kind is AnswerType.CHOICE:
        return rng.choice(letters(item))
    if kind is AnswerType.YESNO:
        return format_yesno(rng.random() < 0.5, item.lang)
    if kind is AnswerType.SET:
        return format_set([a for a in item.menu if rng.random() < 0.5], item)
    if kind is AnswerType.BOX:
        xs = sorted(rng.sample(range(1001), 2))
        ys = sorted(rng.sample(range(1001), 2))
        return format_box((xs[0], ys[0], xs[1], ys[1]))
    if kind is AnswerType.STEPS:
        n = max(1, len(item.steps)) if item.steps else max(1, item.prompt.count("\n") - 1)
        return format_steps([_token(rng) for _ in range(n)], _token(rng), item.lang)
    return _token(rng)


@provider("random")
class RandomBaseline:
    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec

    async def complete(self, request: Request) -> Reply:
        return Reply(text=random_answer(request.item, request_rng(request, "random")))

    async def aclose(self) -> None:
        return None
