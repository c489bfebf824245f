"""score_frame joins score records with item fields; load_scores reads scores.jsonl; ensure_frame fills defaults."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from multipriv.analysis.frame import FRAME_COLUMNS, ensure_frame, load_scores, primary_condition, score_frame
from multipriv.errors import MultiPrivError
from multipriv.score.record import ScoreRecord
from multipriv.tasks.schema import AnswerType, Difficulty, Item


def _item(iid: str, task: int, *, answer_type: AnswerType = AnswerType.TEXT, control: bool = False) -> Item:
    return Item(id=iid, twin_id=iid[:-3], task=task, level="perception" if task <= 4 else "reasoning",
                lang="en", images=("images/a.png",), prompt="q", answer_type=answer_type, gold=("x",),
                person_ids=("P1", "P2"), category="medical", difficulty=Difficulty(hops=2, distractors=3),
                control=control)


def _record(iid: str, task: int, **kw: object) -> ScoreRecord:
    base: dict[str, object] = dict(item_id=iid, twin_id=iid[:-3], task=task, level="perception" if task <= 4 else
                                   "reasoning", lang="en", model="m", condition="plain", control=False,
                                   parsed=True, correct=True, score=1.0, refusal="comply", leak=True, answer="x")
    base.update(kw)
    return ScoreRecord.model_validate(base)


def test_score_frame_joins_item_fields() -> None:
    items = {"a-en": _item("a-en", 3), "b-en": _item("b-en", 8, answer_type=AnswerType.CHOICE)}
    records = [_record("a-en", 3),
               _record("b-en", 8, parsed=False, correct=None, score=0.0, refusal="refuse", leak=False)]
    df = score_frame(records, items)
    assert set(FRAME_COLUMNS) <= set(df.columns)
    a, b = df.iloc[0], df.iloc[1]
    assert a["person"] == "P1" and a["category"] == "medical" and a["hops"] == 2 and a["distractors"] == 3
    assert a["correct"] == 1.0 and a["answered"] and a["leakable"]
    assert math.isnan(b["correct"]) and not b["answered"] and not b["leakable"]  # choice items carry no value


def test_unknown_item_keeps_record_fields(caplog: pytest.LogCaptureFixture) -> None:
    df = score_frame([_record("zz-en", 6)], {})
    assert df.iloc[0]["person"] == "twin:zz" and df.iloc[0]["task"] == 6
    assert "not in the item set" in caplog.text


def test_load_scores_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "scores.jsonl"
    records = [_record("a-en", 3), _record("b-en", 8, correct=None, parsed=False, score=0.0)]
    path.write_text("\n".join(r.model_dump_json() for r in records) + "\n\n", encoding="utf-8")
    assert load_scores(path) == records
    path.write_text("{not json}\n", encoding="utf-8")
    with pytest.raises(MultiPrivError, match=":1:"):
        load_scores(path)


def test_ensure_frame_fills_defaults_and_requires_basics() -> None:
    df = ensure_frame(pd.DataFrame({"model": ["m", "m"], "task": [3, 7], "score": [1.0, 0.5]}))
    assert df["level"].tolist() == ["perception", "reasoning"]
    assert df["correct"].tolist() == [1.0, 0.0]
    assert df["answered"].all() and df["leakable"].all()
    assert ensure_frame(df) is df  # a ready frame is not copied
    with pytest.raises(MultiPrivError, match="score"):
        ensure_frame(pd.DataFrame({"model": ["m"], "task": [1]}))


def test_primary_condition() -> None:
    assert primary_condition(ensure_frame(pd.DataFrame({"model": ["m"] * 3, "task": [1] * 3, "score": [1.0] * 3,
                                                        "condition": ["adversarial", "plain", "protective"]}))) \
        == "plain"
    assert primary_condition(ensure_frame(pd.DataFrame({"model": ["m"] * 3, "task": [1] * 3, "score": [1.0] * 3,
                                                        "condition": ["adversarial"] * 2 + ["protective"]}))) \
        == "adversarial"
