"""Compile every registered task's items from a rendered world, in an order that lets reasoning items name
their perception prerequisites, then the benign controls matched to them.

Items are yielded as they are made (a task's person by person where the task yields), never gathered: the
caller writes them away, so a large build's items are never all in memory."""

from __future__ import annotations

from collections.abc import Iterator

from multipriv.tasks import controls
from multipriv.tasks.context import TaskContext
from multipriv.tasks.registry import compile_order
from multipriv.tasks.schema import Item


def iter_items(ctx: TaskContext) -> Iterator[Item]:
    """Every item in the order made (not sorted: the writer sorts by id). Each reasoning item's matched control
    follows it; the perception controls come last, after every task, as they always have (their answer
    positions are dealt in that order). Images the tasks render go to `ctx.write_image` as they are drawn."""
    for spec in compile_order():
        for item in spec.compile(ctx):
            yield item
            yield from controls.reasoning_control(ctx, item)
    yield from controls.perception_controls(ctx)
