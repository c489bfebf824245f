"""One record per task: everything build, validate, analysis and report need to know about it.

A task module registers itself with `@task(...)` on its compile function; `tasks()` imports the built-in
catalogue once and returns every registered task in number order. A new task is one module plus its template
sections (in the TOML files, or `templates=` on the record for a task that lives outside the package), so no
other stage lists task numbers by hand.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from multipriv.tasks.schema import AnswerType, Item, Level

if TYPE_CHECKING:
    from multipriv.render.annotations import ImageAnnotation
    from multipriv.tasks.context import TaskContext
    from multipriv.world.schema import World

Compile = Callable[["TaskContext"], Iterable[Item]]  # a list, or a generator that yields as it goes
GoldCheck = Callable[[Item, "World", Mapping[str, "ImageAnnotation"]], "str | None"]


@dataclass(frozen=True)
class TaskSpec:
    """A task of the benchmark. `check` re-derives an item's gold from the ground truth by a route independent
    of the item's own bytes (None: agrees; else what is wrong, in a few words)."""

    number: int
    name: str  # short, for tables: "chained"
    title: str  # the task as the paper names it
    level: Level
    metric: str  # what an item's score means, for people: "set F1", "accuracy"
    answer_types: tuple[AnswerType, ...]
    section: str  # template section of its prompts: "task7"
    compile: Compile
    check: GoldCheck
    knobs: tuple[str, ...] = ()  # difficulty knobs its items vary (Difficulty fields)
    after: tuple[int, ...] = ()  # tasks whose items must exist first (reasoning items name perception ones)
    final_accuracy: bool = False  # items are chains: report final-answer accuracy beside step completion
    templates: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # lang -> key -> text (extra)


_REGISTRY: dict[int, TaskSpec] = {}
_CATALOGUE = "multipriv.tasks.catalogue"


def task(
    number: int, *, name: str, title: str, level: Level, metric: str, answer_types: tuple[AnswerType, ...],
    check: GoldCheck, knobs: tuple[str, ...] = (), after: tuple[int, ...] = (), final_accuracy: bool = False,
    templates: Mapping[str, Mapping[str, str]] | None = None, section: str | None = None,
) -> Callable[[Compile], Compile]:
    """Register the decorated compile function as task `number`."""

    def register(fn: Compile) -> Compile:
        if number in _REGISTRY and _REGISTRY[number].compile is not fn:
            raise ValueError(f"task {number} registered twice")
        _REGISTRY[number] = TaskSpec(number, name, title, level, metric, answer_types, section or f"task{number}",
                                     fn, check, knobs, after, final_accuracy, templates or {})
        return fn

    return register


def unregister(number: int) -> None:
    """Remove a task (tests that register their own)."""
    _REGISTRY.pop(number, None)


def tasks() -> tuple[TaskSpec, ...]:
    """Every registered task, in number order (the built-in ones are always loaded)."""
    importlib.import_module(_CATALOGUE)
    return tuple(_REGISTRY[n] for n in sorted(_REGISTRY))


def get(number: int) -> TaskSpec | None:
    importlib.import_module(_CATALOGUE)
    return _REGISTRY.get(number)


def compile_order() -> list[TaskSpec]:
    """Tasks ordered so that each comes after the tasks it names in `after`."""
    specs = {s.number: s for s in tasks()}
    done: list[TaskSpec] = []
    seen: set[int] = set()

    def visit(number: int, stack: tuple[int, ...]) -> None:
        if number in seen or number not in specs:
            return
        if number in stack:
            raise ValueError(f"task {number} depends on itself through {stack}")
        for dep in specs[number].after:
            visit(dep, (*stack, number))
        seen.add(number)
        done.append(specs[number])

    for number in sorted(specs):
        visit(number, ())
    return done


def levels() -> dict[str, tuple[int, ...]]:
    """Task numbers per level, plus "overall"."""
    all_tasks = tasks()
    perception = tuple(s.number for s in all_tasks if s.level == "perception")
    reasoning = tuple(s.number for s in all_tasks if s.level == "reasoning")
    return {"perception": perception, "reasoning": reasoning, "overall": perception + reasoning}


def extra_template(lang: str, section: str, key: str) -> Any:
    """A template text a registered task brings itself (None when no task has it)."""
    for spec in _REGISTRY.values():
        if spec.section == section:
            table = spec.templates.get(lang, {})
            if key in table:
                return table[key]
    return None
