"""`oracle`: the gold answer in the requested format, the ceiling every score is read against.

It also checks the benchmark end to end: an oracle below 100% means an item whose gold the scorer cannot
read back, i.e. a broken item or a broken scorer.
"""

from __future__ import annotations

from multipriv.baselines.answers import format_box, format_set, format_steps, format_yesno
from multipriv.runner.base import ModelSpec, Reply, Request, provider
from multipriv.tasks.schema import AnswerType, Item


def oracle_answer(item: Item) -> str:
    kind = item.answer_type
    if kind is AnswerType.SET:
        return format_set(item.gold, item)
    if kind is AnswerType.YESNO:
        return format_yesno(bool(item.gold) and item.gold[0].strip().lower() == "yes", item.lang)
    if kind is AnswerType.BOX:
        if item.box is None:
            raise ValueError(f"box item {item.id} has no gold box")
        return format_box(item.box)
    if kind is AnswerType.STEPS:
        final = item.gold[0] if item.gold else item.steps[-1].accepted[0]
        return format_steps([s.accepted[0] for s in item.steps], final, item.lang)
    if not item.gold:
        raise ValueError(f"item {item.id} has no gold answer")
    return item.gold[0]


@provider("oracle")
class OracleBaseline:
    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec

    async def complete(self, request: Request) -> Reply:
        return Reply(text=oracle_answer(request.item))

    async def aclose(self) -> None:
        return None
