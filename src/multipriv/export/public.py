"""What every export writes per item, and what a public export must leave out.

Every format (Hugging Face, VLMEvalKit, lmms-eval, inspect_ai) starts from `load_export(data, public=...)`, so
the prompts a harness sends are exactly the ones `multipriv eval` sends (`runner.requests.build_request`) and a
public export is public the same way in every format. What a public item keeps is what a model sees: its id (a
hash of the question's structure, never of its answer), task, level, language, the prompt under each condition,
options, menu, coarse category and images. Gold answers, boxes, chain steps, normalisers, attribute and person
ids, evidence, difficulty, rules and the build's hashes stay in the private build; `multipriv score --gold`
joins answers to them by item id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multipriv.baselines.oracle import oracle_answer
from multipriv.dataset.integrity import load_checked
from multipriv.runner.base import Condition
from multipriv.runner.conditions import condition_names
from multipriv.runner.requests import build_request
from multipriv.score.normalise import number_key, text_key
from multipriv.tasks.schema import AnswerType, Item

__all__ = ["CONDITIONS", "BuildInfo", "ConditionPrompt", "ExportData", "ExportItem", "gold_forms",
           "load_export", "load_export_items", "oracle_answer"]

CONDITIONS: tuple[str, ...] = condition_names()  # the registered prompt conditions (runner/conditions.py)


@dataclass(frozen=True)
class ConditionPrompt:
    """One prompt condition as a chat: an optional system message and the user text (images come first)."""

    system: str | None
    prompt: str


@dataclass(frozen=True)
class ExportItem:
    """One item as a harness sees it. `item` is the full build item (gold and scoring metadata) in a private
    export and None in a public one; `answer` is the gold in one display string ("" when public)."""

    id: str
    twin_id: str
    task: int
    level: str
    lang: str
    answer_type: str
    images: tuple[str, ...]  # paths relative to the build root, in prompt order
    prompts: dict[Condition, ConditionPrompt]
    options: tuple[str, ...]
    menu: tuple[str, ...]
    category: str
    item: Item | None = None

    @property
    def answer(self) -> str:
        return oracle_answer(self.item) if self.item is not None else ""

    @property
    def config(self) -> str:
        """The Hugging Face config / harness subset this item belongs to: one per task and language."""
        return f"task{self.task}_{self.lang}"


@dataclass(frozen=True)
class BuildInfo:
    """The build an export came from. `seed` and `manifest_sha256` are None in a public export: the same seed
    and version rebuild the private build, gold included, and a hash confirms a guess."""

    root: Path
    version: str
    seed: int | None
    split: str | None
    items: int
    images: int
    manifest_sha256: str | None


@dataclass(frozen=True)
class ExportData:
    build: BuildInfo
    items: list[ExportItem]
    public: bool

    def image_paths(self) -> list[str]:
        """Every image any item refers to, once, sorted (what an export copies)."""
        return sorted({p for it in self.items for p in it.images})


def export_item(item: Item, root: Path, public: bool) -> ExportItem:
    prompts = {}
    for condition in condition_names():
        request = build_request(item, condition, root)
        prompts[condition] = ConditionPrompt(system=request.system, prompt=request.prompt)
    return ExportItem(id=item.id, twin_id=item.twin_id, task=item.task, level=item.level, lang=item.lang,
                      answer_type=item.answer_type.value, images=item.images, prompts=prompts, options=item.options,
                      menu=item.menu, category=item.category or "", item=None if public else item)


def load_export(data: Path, *, public: bool = False) -> ExportData:
    """The build's items ready to export (items.jsonl checked against the manifest), in items.jsonl order."""
    checked = load_checked(data)
    m: dict[str, Any] = checked.manifest
    info = BuildInfo(root=data, version=str(m.get("version", "")), seed=None if public else int(m.get("seed", 0)),
                     split=m.get("split"), items=len(checked.items), images=int(m.get("images", 0)),
                     manifest_sha256=None if public else checked.manifest_sha256)
    return ExportData(info, [export_item(i, data, public) for i in checked.items], public)


def load_export_items(data: Path, *, public: bool = False) -> list[ExportItem]:
    return load_export(data, public=public).items


def gold_forms(item: Item) -> set[str]:
    """Every gold string of an item and its normalised forms: what a public export must never contain.

    Left out, because the question itself shows them (the public export must show the question): forms its
    own prompt contains (yes/no, option letters, a set's menu, "male or female?"), and values under three
    characters (ages, "男")."""
    raw: list[str] = []
    if item.answer_type in (AnswerType.TEXT, AnswerType.STEPS):
        raw += item.gold
    for step in item.steps:
        raw += step.accepted
    if item.box is not None:
        raw += [",".join(str(v) for v in item.box), ", ".join(str(v) for v in item.box)]
    asked = {item.prompt.casefold(), text_key(item.prompt)}
    forms = set()
    for value in raw:
        for form in (value, text_key(value), number_key(value)):
            if len(form.strip()) >= 3 and not any(form.casefold() in text for text in asked):
                forms.add(form)
    return forms
