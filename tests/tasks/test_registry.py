"""One registry holds every task: a task registered only here flows through build, validate, eval, score and
report without touching any other module."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multipriv.cli import app
from multipriv.render.annotations import ImageAnnotation
from multipriv.tasks.common import prompt, say, twins
from multipriv.tasks.context import TaskContext
from multipriv.tasks.registry import compile_order, get, levels, task, tasks, unregister
from multipriv.tasks.schema import AnswerType, Evidence, Item, Lang, load_items
from multipriv.world.schema import World

NUMBER = 10
TEMPLATES = {"en": {"prompt": "How many printed values does image 1 show for its first person? Then compare "
                              "with image 2."},
             "zh": {"prompt": "图1为其第一个人印了几个信息？再与图2比较。"}}


def _check(item: Item, _world: World, anns: Mapping[str, ImageAnnotation]) -> str | None:
    ann = anns[item.images[0]]
    count = str(sum(f.person_id == ann.person_ids[0] for f in ann.fields))
    return None if item.gold == (count,) else f"gold {item.gold} is not {count}"


def _compile(ctx: TaskContext) -> list[Item]:
    items: list[Item] = []
    anns = [a for a in ctx.annotations.images if a.fields][:6]
    for first, second in itertools.pairwise(anns):
        owner = first.person_ids[0]
        count = str(sum(f.person_id == owner for f in first.fields))
        field = next(f for f in first.fields if f.person_id == owner)
        evidence = (Evidence(image=0, attribute_id=field.attribute_id, person_id=owner, text=field.text),)

        def build(lang: Lang, count: str = count, owner: str = owner,
                  evidence: tuple[Evidence, ...] = evidence) -> dict[str, object]:
            return dict(prompt=prompt(lang, say(lang, "task10", "prompt"), AnswerType.TEXT, inferred=True),
                        answer_type=AnswerType.TEXT, gold=(count,), person_ids=(owner,), evidence=evidence,
                        qtype="count", difficulty={"tier": "lookup", "hops": 1})

        items += twins(NUMBER, "reasoning", f"count:{first.path}:{second.path}", [first.path, second.path], build)
    return items


@pytest.fixture()
def extra_task() -> Iterator[None]:
    task(NUMBER, name="value count", title="test-only counting task", level="reasoning", metric="accuracy",
         answer_types=(AnswerType.TEXT,), check=_check, templates=TEMPLATES, after=(3,))(_compile)
    try:
        yield
    finally:
        unregister(NUMBER)


def test_builtin_tasks_are_registered_in_order() -> None:
    numbers = [s.number for s in tasks()]
    assert numbers[:9] == list(range(1, 10))
    assert levels()["perception"] == (1, 2, 3, 4) and levels()["reasoning"][:5] == (5, 6, 7, 8, 9)
    order = [s.number for s in compile_order()]
    assert order.index(3) < order.index(6)  # task 6 names task 3 items as prerequisites
    spec = get(7)
    assert spec is not None and spec.final_accuracy and spec.metric == "step completion"


def test_registering_the_same_number_twice_fails(extra_task: None) -> None:
    with pytest.raises(ValueError, match="registered twice"):
        task(NUMBER, name="x", title="x", level="reasoning", metric="accuracy", answer_types=(AnswerType.TEXT,),
             check=_check)(lambda ctx: [])


def test_a_test_only_task_flows_through_build_eval_score_report(extra_task: None, tmp_path: Path) -> None:
    runner = CliRunner()
    data, runs, report = tmp_path / "data", tmp_path / "runs", tmp_path / "report"
    result = runner.invoke(app, ["build", "--out", str(data), "--seed", "5", "--persons", "4", "--background",
                                 "8", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    items = [i for i in load_items(data / "items.jsonl") if i.task == NUMBER]
    assert len(items) >= 4 and {i.lang for i in items} == {"en", "zh"}
    assert any("图1" in i.prompt for i in items if i.lang == "zh")
    result = runner.invoke(app, ["validate", str(data)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["eval", "--data", str(data), "--out", str(runs), "--baselines", "oracle",
                                 "--tasks", f"3,{NUMBER}"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["score", str(runs)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["report", str(runs), "--out", str(report)])
    assert result.exit_code == 0, result.output
    with (report / "tables" / "per_task.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["task"] == str(NUMBER) and r["metric"] == "score"]
    assert rows and float(rows[0]["value"]) == 1.0
    assert "value count" in (report / "report.html").read_text(encoding="utf-8")
