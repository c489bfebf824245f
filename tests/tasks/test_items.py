"""Items of the nine tasks: both languages, twins aligned, gold from the annotations, balanced choices."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from multipriv.dataset.validate import load_items
from multipriv.tasks.schema import AnswerType, Item


@pytest.fixture(scope="module")
def items(small_build: Path) -> list[Item]:
    return load_items(small_build / "items.jsonl")


def test_every_task_in_both_languages(items: list[Item]) -> None:
    seen = Counter((i.task, i.lang) for i in items)
    for task in range(1, 10):
        assert seen[(task, "en")] > 0 and seen[(task, "zh")] > 0, task
    assert any(i.control for i in items)


def test_twins_align(items: list[Item]) -> None:
    by_twin: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_twin[item.twin_id].append(item)
    for twin_id, pair in by_twin.items():
        assert sorted(i.lang for i in pair) == ["en", "zh"], twin_id
        en, zh = sorted(pair, key=lambda i: i.lang)
        assert en.images == zh.images and en.task == zh.task and en.answer_type == zh.answer_type
        assert en.box == zh.box and en.person_ids == zh.person_ids
        if en.answer_type in (AnswerType.CHOICE, AnswerType.YESNO, AnswerType.SET):
            assert en.gold == zh.gold
        assert en.prompt != zh.prompt


def test_chinese_prompts_are_chinese(items: list[Item]) -> None:
    for item in items:
        has_cjk = re.search(r"[\u4e00-\u9fff]", item.prompt) is not None
        assert has_cjk == (item.lang == "zh"), item.id


def test_no_prompt_contains_its_answer(items: list[Item]) -> None:
    for item in items:
        if item.answer_type == AnswerType.TEXT and not item.control:
            for form in item.gold:
                assert len(form) < 3 or form not in item.prompt, (item.id, form)
        for step in item.steps:
            assert step.accepted[0] not in item.prompt, (item.id, step.accepted[0])


def test_choice_positions_are_balanced(items: list[Item]) -> None:
    for task in (8, 9):
        letters = Counter(i.gold[0] for i in items if i.task == task and i.answer_type == AnswerType.CHOICE
                          and i.lang == "en")
        if not letters:
            continue
        assert max(letters.values()) - min(letters.values()) <= 2, (task, letters)
    yesno = Counter(i.gold[0] for i in items if i.answer_type == AnswerType.YESNO and i.lang == "en")
    assert yesno["yes"] == yesno["no"]


def test_reasoning_items_name_prerequisites(items: list[Item]) -> None:
    ids = {i.id for i in items}
    with_prereq = [i for i in items if i.task == 6 and i.prerequisites]
    assert with_prereq
    for item in items:
        assert all(p in ids for p in item.prerequisites)
        if item.prerequisites:
            assert item.level == "reasoning"


def test_chains_have_two_to_four_steps(items: list[Item]) -> None:
    chains = [i for i in items if i.task == 7]
    assert chains
    assert {len(i.steps) for i in chains} <= {2, 3, 4}
    assert all(i.difficulty.hops == len(i.steps) for i in chains)
