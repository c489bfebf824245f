"""Perception results per photo tier: score_frame joins each perception item's image tier from the build's
annotations, and the breakdown table reports T3/T4 per tier (never pooling tasks with different metrics)."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipriv.analysis.bootstrap import ClusterBootstrap
from multipriv.analysis.frame import NO_CATEGORY, photo_tiers_of, score_frame
from multipriv.analysis.tables import BREAKDOWNS, breakdowns
from multipriv.score.record import ScoreRecord
from multipriv.tasks.schema import Item, load_items

SCORE_BY_TIER = {"scan": 1.0, "photo": 1.0, "hard": 0.0}


def _record(item: Item, score: float) -> ScoreRecord:
    return ScoreRecord(item_id=item.id, twin_id=item.twin_id, task=item.task, level=item.level, lang=item.lang,
                       model="m", condition="plain", control=item.control, parsed=True, correct=score == 1.0,
                       score=score, refusal="comply", leak=False, answer="x")


def test_photo_tiers_of_a_build_without_annotations_is_empty(tmp_path: Path) -> None:
    assert photo_tiers_of(tmp_path) == {}


def test_breakdown_reports_t3_and_t4_per_photo_tier(small_build: Path) -> None:
    items = load_items(small_build / "items.jsonl")
    tiers = photo_tiers_of(small_build)
    assert set(tiers.values()) == {"scan", "photo", "hard"}
    scored = [i for i in items if i.task in (3, 4) or i.task >= 5]
    records = [_record(i, SCORE_BY_TIER.get(tiers.get(i.images[0], ""), 0.5)) for i in scored]
    df = score_frame(records, {i.id: i for i in items}, tiers)
    assert set(df.loc[df["level"] == "reasoning", "photo_tier"].astype(str)) == {NO_CATEGORY}
    assert {"scan", "hard"} <= set(df.loc[df["task"] == 3, "photo_tier"].astype(str))
    assert "photo_tier" in BREAKDOWNS
    table = breakdowns(df, boot=ClusterBootstrap(df, n=50))
    rows = table[(table["dimension"] == "photo_tier") & (table["metric"] == "score")]
    groups = dict(zip(rows["group"], rows["value"], strict=True))
    assert "T3 scan" in groups and "T3 hard" in groups and any(g.startswith("T4 ") for g in groups)
    assert all(g.split(" ")[0] in ("T1", "T2", "T3", "T4") for g in groups)  # perception tasks only
    for group, value in groups.items():
        assert value == pytest.approx(SCORE_BY_TIER[group.split(" ")[1]]), group
