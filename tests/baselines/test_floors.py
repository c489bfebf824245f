"""The floors beside random: `constant` and `blind`, learned on a dev split and run through the real scorer and
the CLI. The dev split is `small_build`'s seed with `split="dev"` (another population)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, cast

import pytest
from typer.testing import CliRunner

import multipriv.baselines  # noqa: F401  (registers the providers)
from multipriv.baselines.blind import blind_answer
from multipriv.baselines.constant import constant_answer
from multipriv.baselines.floors import priors_params
from multipriv.baselines.priors import Priors, learn_from_build, learn_priors, load_priors, render
from multipriv.baselines.visible import Visible, blind_keys, item_kind, step_count
from multipriv.cli import app
from multipriv.dataset.build import BuildConfig, build_dataset
from multipriv.errors import MultiPrivError
from multipriv.runner.base import PROVIDERS, ModelSpec, Request
from multipriv.score.parse import parse_choice, parse_set
from multipriv.score.record import score_item
from multipriv.tasks.schema import AnswerType, Item, load_items
from multipriv.world.generate import WorldConfig

DEV = BuildConfig(WorldConfig(seed=3, persons=8, background=24), split="dev", jobs=2)
VISIBLE = {"task", "answer_type", "lang", "prompt", "options", "menu"}


@pytest.fixture(scope="session")
def dev_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dev") / "dev-data"
    build_dataset(DEV, root)
    return root


@pytest.fixture(scope="session")
def priors_file(dev_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("priors") / "priors.json"
    learn_from_build(dev_build, path)
    return path


@pytest.fixture(scope="session")
def priors(priors_file: Path) -> Priors:
    return load_priors(priors_file)


@pytest.fixture(scope="session")
def test_items(small_build: Path) -> list[Item]:
    return load_items(small_build / "items.jsonl")


def _reply(name: str, params: dict[str, Any], item: Any) -> str:
    prov = PROVIDERS[name](ModelSpec(name=name, provider=name, params=params))
    request = Request(item=item, system=None, prompt="", images=())
    return asyncio.run(prov.complete(request)).text


# ------------------------------------------------------------------------------------------------ learning


def test_learning_is_deterministic(dev_build: Path, priors_file: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.json"
    learn_from_build(dev_build, again)
    assert again.read_bytes() == priors_file.read_bytes()
    data = json.loads(priors_file.read_text("utf-8"))
    assert priors_file.read_text("utf-8") == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    assert data["dev"]["split"] == "dev" and data["constant"] and data["blind"]


def test_constant_is_one_answer_per_task_and_kind(priors: Priors, test_items: list[Item]) -> None:
    """The same reply for every item of a task, answer type and kind of value, up to what the item offers
    (its option letters, its menu, its number of steps) and written in the item's language."""
    answers: dict[tuple[Any, ...], set[str]] = defaultdict(set)
    for it in test_items:
        shape = (it.lang, len(it.options), it.menu, step_count(Visible.of(it)))
        answers[(it.task, it.answer_type, item_kind(it), shape)].add(constant_answer(it, priors))
    assert answers and all(len(a) == 1 for a in answers.values()), {k: a for k, a in answers.items() if len(a) > 1}


def test_blind_follows_the_question_where_dev_data_says_so(priors: Priors, test_items: list[Item]) -> None:
    by_question = 0
    distinct: dict[tuple[int, str], set[str]] = defaultdict(set)
    constant: dict[tuple[int, str], set[str]] = defaultdict(set)
    for it in test_items:
        v = Visible.of(it)
        first = blind_keys(v, priors.kinds)[0]
        if first in priors.blind and it.answer_type is not AnswerType.STEPS:
            by_question += 1
            assert blind_answer(v, priors) == render(priors.blind[first]["answer"], v)
        distinct[(it.task, it.answer_type.value)].add(blind_answer(v, priors))
        constant[(it.task, it.answer_type.value)].add(constant_answer(it, priors))
    assert by_question > 0
    # free-text questions about different attributes get different answers from blind, not from constant
    assert len(distinct[(3, "text")]) > len(constant[(3, "text")])


# ------------------------------------------------------------------------------------------- answering


class _Guard:
    """An item that raises on any field a model cannot see without the images."""

    def __init__(self, item: Item) -> None:
        self._item = item

    def __getattr__(self, name: str) -> Any:
        if name not in VISIBLE:
            raise AssertionError(f"blind read item.{name}")
        return getattr(self._item, name)


def _scrambled(item: Item) -> Item:
    extra = {name: "scrambled" for name in ("qtype",) if name in Item.model_fields}
    return item.model_copy(update={
        "id": "zz-other", "twin_id": "zz", "images": ("images/nothing.png",) * 3, "gold": ("B", "no", "Nobody"),
        "box": (1, 2, 3, 4), "steps": (), "person_ids": ("p-none",), "attribute_ids": ("name",),
        "category": "other", "control": not item.control, "prerequisites": ("x",), "rule": "x",
        "normaliser": "money", "level": "perception" if item.level == "reasoning" else "reasoning", **extra})


def test_blind_reads_only_what_a_model_sees(priors_file: Path, test_items: list[Item]) -> None:
    params = priors_params(priors_file)
    for it in test_items[::7]:
        plain = _reply("blind", params, it)
        assert _reply("blind", params, _scrambled(it)) == plain
        assert _reply("blind", params, cast(Item, _Guard(it))) == plain


def test_floors_answer_in_the_asked_format(priors: Priors, test_items: list[Item]) -> None:
    """The scorer reads every answer (none "unparsed"); letters are offered ones, sets come from the menu."""
    for it in test_items:
        for text in (constant_answer(it, priors), blind_answer(Visible.of(it), priors)):
            record = score_item(it, text, model="floor")
            assert record.parsed and record.refusal == "comply", (it.id, text)
            if it.answer_type is AnswerType.CHOICE:
                assert parse_choice(text, it.options) == text
            if it.answer_type is AnswerType.SET:
                assert parse_set(text, it.menu) is not None and set(parse_set(text, it.menu) or ()) <= set(it.menu)


def test_priors_file_problems_are_one_line(tmp_path: Path, priors_file: Path) -> None:
    with pytest.raises(MultiPrivError, match="multipriv priors --dev"):
        PROVIDERS["constant"](ModelSpec(name="constant", provider="constant"))
    with pytest.raises(MultiPrivError, match="no priors file"):
        PROVIDERS["blind"](ModelSpec(name="blind", provider="blind", params={"priors": str(tmp_path / "x")}))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "multipriv-priors", "version": 1, "constant": {}}', encoding="utf-8")
    with pytest.raises(MultiPrivError, match="not a valid priors file") as err:
        load_priors(bad)
    assert "\n" not in str(err.value)
    changed = tmp_path / "changed.json"
    changed.write_bytes(priors_file.read_bytes())
    params = priors_params(changed)
    changed.write_text(changed.read_text("utf-8").replace('"min_count": 5', '"min_count": 6'), encoding="utf-8")
    with pytest.raises(MultiPrivError, match="changed"):
        PROVIDERS["blind"](ModelSpec(name="blind", provider="blind", params=params))


def test_learning_needs_items() -> None:
    with pytest.raises(MultiPrivError, match="no dev items"):
        learn_priors([])


# ------------------------------------------------------------------------------------------------- the CLI


def test_cli_priors_then_eval(dev_build: Path, small_build: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "priors.json"
    learned = runner.invoke(app, ["priors", "--dev", str(dev_build), "--out", str(out)])
    assert learned.exit_code == 0, learned.output
    assert out.is_file() and "constant" in learned.output and "blind" in learned.output

    runs = tmp_path / "runs"
    evaluated = runner.invoke(app, ["eval", "--data", str(small_build), "--out", str(runs), "--baselines",
                                    "random,constant,blind", "--priors", str(out), "--limit", "40"])
    assert evaluated.exit_code == 0, evaluated.output
    for name in ("constant", "blind"):
        lines = (runs / name / "results.jsonl").read_text("utf-8").splitlines()
        assert len(lines) == 40 and all(json.loads(line)["text"] for line in lines)
        spec = json.loads((runs / name / "run.json").read_text("utf-8"))["spec"]
        assert spec["params"]["priors"] == str(out)

    learned_here = tmp_path / "runs2"
    from_dev = runner.invoke(app, ["eval", "--data", str(small_build), "--out", str(learned_here), "--baselines",
                                   "blind", "--dev-data", str(dev_build), "--limit", "10"])
    assert from_dev.exit_code == 0, from_dev.output
    assert (learned_here / "priors.json").read_bytes() == out.read_bytes()


def test_cli_floors_without_priors_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--data", str(tmp_path), "--out", str(tmp_path / "runs"),
                                      "--baselines", "random,constant"])
    assert isinstance(result.exception, MultiPrivError)
    proc = subprocess.run([sys.executable, "-m", "multipriv.cli", "eval", "--data", str(tmp_path), "--out",
                           str(tmp_path / "runs"), "--baselines", "blind"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2
    assert "--priors" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
