"""Items of the nine tasks: both languages, twins aligned, gold from the annotations, balanced answers, reasoning
items with tiers and evidence, candidates that are peers, no leaks in file names."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from multipriv.render.annotations import AnnotationSet, ImageAnnotation
from multipriv.tasks.evidence import fold
from multipriv.tasks.schema import HARD_TIERS, AnswerType, Item, load_items
from multipriv.world.io import load_world
from multipriv.world.schema import World


@pytest.fixture(scope="module")
def items(small_build: Path) -> list[Item]:
    return load_items(small_build / "items.jsonl")


@pytest.fixture(scope="module")
def anns(small_build: Path) -> dict[str, ImageAnnotation]:
    return {a.path: a for a in AnnotationSet.load(small_build / "annotations.json").images}


@pytest.fixture(scope="module")
def world(small_build: Path) -> World:
    return load_world(small_build / "world.json")


def test_every_task_in_both_languages(items: list[Item]) -> None:
    seen = Counter((i.task, i.lang) for i in items)
    for task in range(1, 10):
        assert seen[(task, "en")] > 0 and seen[(task, "zh")] > 0, task
    assert any(i.control and i.level == "perception" for i in items)
    assert any(i.control and i.level == "reasoning" for i in items)


def test_twins_align(items: list[Item]) -> None:
    by_twin: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_twin[item.twin_id].append(item)
    for twin_id, pair in by_twin.items():
        assert sorted(i.lang for i in pair) == ["en", "zh"], twin_id
        en, zh = sorted(pair, key=lambda i: i.lang)
        assert en.images == zh.images and en.task == zh.task and en.answer_type == zh.answer_type
        assert en.box == zh.box and en.person_ids == zh.person_ids and en.difficulty == zh.difficulty
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


def test_file_names_say_nothing(anns: dict[str, ImageAnnotation], small_build: Path) -> None:
    assert anns
    for path, ann in anns.items():
        assert re.fullmatch(r"images/[0-9a-f]{20}\.(png|jpg)", path), path
        for secret in (*ann.person_ids, ann.kind, "altered"):
            assert secret not in path
    listed = {p.relative_to(small_build).as_posix() for p in (small_build / "images").iterdir()}
    assert listed == set(anns)


def test_answer_positions_are_balanced_per_task_type_and_k(items: list[Item]) -> None:
    pools: dict[tuple[int, str, int], Counter[str]] = defaultdict(Counter)
    for item in items:
        if item.lang == "en" and item.answer_type == AnswerType.CHOICE and not item.control:
            pools[(item.task, item.qtype, len(item.options))][item.gold[0]] += 1
    assert pools
    for pool, letters in pools.items():
        counts = [letters.get(chr(65 + i), 0) for i in range(pool[2])]
        assert max(counts) - min(counts) <= 1, (pool, counts)


def test_yes_and_no_are_balanced_per_question_type(items: list[Item]) -> None:
    pools: dict[tuple[int, str, str], Counter[str]] = defaultdict(Counter)
    for item in items:
        if item.lang == "en" and item.answer_type == AnswerType.YESNO:
            pools[(item.task, item.qtype, item.difficulty.tier)][item.gold[0]] += 1
    assert pools
    for pool, answers in pools.items():
        assert answers["yes"] == answers["no"], (pool, answers)


def test_reasoning_items_carry_tier_and_evidence(items: list[Item]) -> None:
    reasoning = [i for i in items if i.level == "reasoning" and not i.control]
    assert reasoning
    for item in reasoning:
        assert item.difficulty.tier in ("lookup", "link", "infer"), item.id
        assert item.evidence, item.id
        assert all(0 <= e.image < len(item.images) for e in item.evidence)
    hard = Counter(i.task for i in reasoning if i.difficulty.tier in HARD_TIERS)
    for task in (5, 6, 7, 8, 9):
        assert hard[task] > 0, task
    assert all(i.difficulty.tier == "infer" for i in reasoning if i.task == 6)
    assert all(not i.difficulty.tier for i in items if i.level == "perception")


def test_candidates_are_peers(items: list[Item], anns: dict[str, ImageAnnotation], world: World) -> None:
    """Every candidate of a re-identification or description question has the person's gender and locale and
    an age within five years: neither gender nor age alone rules one out."""
    checked = 0
    for item in items:
        if item.task not in (8, 9) or item.control or item.qtype == "image_desc" or item.lang != "en":
            continue
        person = world.person(item.person_ids[0])
        candidates = item.images[1:] if item.task == 8 else item.images
        for path in candidates:
            other = world.person(anns[path].person_ids[0])
            assert other.gender == person.gender and other.locale == person.locale, item.id
            assert abs(other.age - person.age) <= 5, item.id
            checked += 1
    assert checked


def test_candidates_are_no_odd_one_out(items: list[Item], anns: dict[str, ImageAnnotation]) -> None:
    """All candidates of a choice among images are of one document kind, so picking the one image that differs
    from the rest (a social post among identity cards) is no shortcut to the answer."""
    checked = 0
    for item in items:
        if item.task != 8 or item.control or item.lang != "en":
            continue
        kinds = {anns[path].kind for path in item.images[1:]}
        assert len(kinds) == 1, (item.id, kinds)
        checked += 1
    assert checked


def test_single_step_answers_are_not_printed(items: list[Item], anns: dict[str, ImageAnnotation]) -> None:
    for item in items:
        if item.task != 6 or item.control:
            continue
        ann = anns[item.images[0]]
        # An ID number holds the birth date's digits by design; nothing else may contain the answer.
        printed = [fold(f.text) for f in (*ann.fields, *ann.labels) if f.attribute_id != "id_number"]
        for form in item.gold:
            assert not any(fold(form) and fold(form) in text for text in printed), (item.id, form)


def test_detection_menus_offer_as_many_shown_as_hidden(items: list[Item]) -> None:
    detection = [i for i in items if i.task in (1, 2)]
    assert detection
    for item in detection:
        assert len(item.menu) == 2 * len(item.gold) and set(item.gold) <= set(item.menu), item.id


def test_reasoning_items_name_prerequisites(items: list[Item]) -> None:
    ids = {i.id for i in items}
    assert any(i.task == 6 and i.prerequisites for i in items)
    for item in items:
        assert all(p in ids for p in item.prerequisites)
        if item.prerequisites:
            assert item.level == "reasoning"


def test_chains_have_distractors_and_need_every_hop(items: list[Item]) -> None:
    chains = [i for i in items if i.task == 7 and not i.control]
    assert chains
    for item in chains:
        assert 2 <= len(item.steps) <= 4 and item.difficulty.hops == len(item.steps)
        assert item.difficulty.distractors >= len(item.steps) - 1, item.id
        steps_with_evidence = {e.step for e in item.evidence}
        assert steps_with_evidence >= set(range(len(item.steps) - 1)), item.id
