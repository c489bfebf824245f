"""`blind`: the best answer given only what a model sees without the images — the question (its template and
slot values), the options or menu, the language, the task and the answer type — learned on the dev split.

It answers from a `Visible` view of the item, which holds nothing else: gold, boxes, steps, images, persons,
attributes, difficulty and question type are out of its reach by construction (and a test scrambles them).
"""

from __future__ import annotations

from multipriv.baselines.priors import Priors, checked_priors, render
from multipriv.baselines.visible import Visible, blind_keys, infer_kind, signature, step_keys
from multipriv.runner.base import ModelSpec, Reply, Request, provider
from multipriv.tasks.schema import AnswerType


def blind_answer(v: Visible, priors: Priors) -> str:
    """The answer of the most specific dev-seen key (see `priors` for the back-off), in the asked format."""
    answer = next((priors.blind[k]["answer"] for k in blind_keys(v, priors.kinds) if k in priors.blind), None)
    if answer is None:
        answer = priors.constant_answer(v.task, v.answer_type, infer_kind(v, priors.kinds))
    steps: list[str] | None = None
    if v.answer_type is AnswerType.STEPS:
        stored = list(answer["steps"]) or [str(answer["final"])]
        steps = []
        for i, step in enumerate(signature(v.prompt, v.lang).steps):
            known = next((priors.steps[k]["answer"]["text"] for k in step_keys(v.task, v.lang, step)
                          if k in priors.steps), None)
            steps.append(str(known) if known is not None else str(stored[min(i, len(stored) - 1)]))
    return render(answer, v, steps or None)


@provider("blind")
class BlindBaseline:
    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec
        self.priors = checked_priors(spec.params)

    async def complete(self, request: Request) -> Reply:
        return Reply(text=blind_answer(Visible.of(request.item), self.priors))

    async def aclose(self) -> None:
        return None
