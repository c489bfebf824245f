"""`constant`: the one answer per task (and answer type, and kind of value asked) that scores best on the dev
split — the floor a model reaches by always saying the same thing.

Its answers come from a priors file (`multipriv priors`), named by `spec.params["priors"]`.
"""

from __future__ import annotations

from multipriv.baselines.priors import Priors, checked_priors, render
from multipriv.baselines.visible import Visible, item_kind
from multipriv.runner.base import ModelSpec, Reply, Request, provider
from multipriv.tasks.schema import AnswerType, Item


def constant_answer(item: Item, priors: Priors) -> str:
    answer = priors.constant_answer(item.task, AnswerType(item.answer_type), item_kind(item))
    return render(answer, Visible.of(item))


@provider("constant")
class ConstantBaseline:
    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec
        self.priors = checked_priors(spec.params)

    async def complete(self, request: Request) -> Reply:
        return Reply(text=constant_answer(request.item, self.priors))

    async def aclose(self) -> None:
        return None
