"""write_report: a self-contained, escaped HTML page, CSV tables and a Markdown summary."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from markupsafe import escape
from PIL import Image

from multipriv.analysis.alignment import PROTECTION_RULE
from multipriv.analysis.risk import RISK_FORMULA
from multipriv.analysis.synthetic import Profile, synthetic_frame, synthetic_items
from multipriv.report import ReportPaths, write_report
from multipriv.tasks.schema import Item

SCRIPT = "<script>alert(1)</script>"
N_BOOT = 200


@pytest.fixture(scope="module")
def items() -> dict[str, Item]:
    return synthetic_items(persons=8, per_task=2, seed=0)


@pytest.fixture(scope="module")
def four(items: dict[str, Item]) -> pd.DataFrame:
    profiles = {
        "alpha-vl": Profile(perception=0.8, reasoning=0.7),
        "beta<b>vl</b>": Profile(perception=0.6, reasoning=0.5),
        "gamma-vl": Profile(perception=0.5, reasoning=0.3, refusal={"plain": 0.5, "protective": 0.8,
                                                                     "adversarial": 0.05},
                            leak_boost={"adversarial": 0.3}),
        "delta-vl": Profile(perception=0.3, reasoning=0.2),
    }
    df = synthetic_frame(profiles, items, conditions=("plain", "protective", "adversarial"), seed=0)
    return df.assign(answer=df["answer"].where(df["model"] != "alpha-vl", SCRIPT))


@pytest.fixture(scope="module")
def report(four: pd.DataFrame, items: dict[str, Item], tmp_path_factory: pytest.TempPathFactory) -> ReportPaths:
    out = tmp_path_factory.mktemp("report")
    return write_report(four, items, out, failed_models={"omega-vl": "HTTP 401: bad key <not a tag>"},
                        n_boot=N_BOOT)


def test_html_is_self_contained_and_names_every_model(report: ReportPaths) -> None:
    html = report.html.read_text(encoding="utf-8")
    for name in ("alpha-vl", "beta&lt;b&gt;vl&lt;/b&gt;", "gamma-vl", "delta-vl"):
        assert name in html
    assert "beta<b>vl</b>" not in html  # model names are escaped too
    assert "data:image/png;base64," in html
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)  # nothing fetched from outside
    assert RISK_FORMULA.split(",")[0] in html and "higher = more privacy risk" in html.lower()


def test_answers_are_escaped(report: ReportPaths) -> None:
    html = report.html.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert SCRIPT not in html
    assert "<script" not in html.lower()


def test_named_breaker_and_rule_in_report(report: ReportPaths) -> None:
    html = report.html.read_text(encoding="utf-8")
    assert "Protection breaks under adversarial framing for: <b>gamma-vl</b>" in html
    assert str(escape(PROTECTION_RULE)) in html
    summary = report.summary.read_text(encoding="utf-8")
    assert "gamma-vl" in summary.split("## Alignment")[1]


def test_failed_model_is_listed_and_others_still_reported(report: ReportPaths) -> None:
    html = report.html.read_text(encoding="utf-8")
    failed = html.split('id="failed"')[1]
    assert "omega-vl" in failed and "HTTP 401: bad key &lt;not a tag&gt;" in failed
    assert "omega-vl" not in html.split('id="failed"')[0].split("</nav>")[1]  # not in any result table
    risk = pd.read_csv(report.tables["risk"])
    assert sorted(risk["model"]) == sorted(["alpha-vl", "beta<b>vl</b>", "gamma-vl", "delta-vl"])
    assert "omega-vl" in report.summary.read_text(encoding="utf-8")
    assert pd.read_csv(report.tables["failed_models"])["model"].tolist() == ["omega-vl"]


def test_tables_are_written(report: ReportPaths) -> None:
    expected = {"leaderboard", "per_task", "breakdowns", "alignment", "alignment_verdicts", "language", "correlation",
                "correlation_points", "conditional", "risk", "failed_models"}
    assert expected <= set(report.tables)
    for path in report.tables.values():
        assert path.exists() and path.parent.name == "tables"
    board = pd.read_csv(report.tables["leaderboard"])
    assert {"rank", "risk", "perception", "reasoning", "leak_rate", "over_refusal"} <= set(board.columns)
    assert board["rank"].tolist() == sorted(board["rank"].tolist())


def test_summary_has_ranking_and_correlation_sentence(report: ReportPaths) -> None:
    summary = report.summary.read_text(encoding="utf-8")
    assert "## Privacy-risk ranking" in summary and "| 1 |" in summary
    assert "Spearman rho" in summary
    assert r"beta\<b\>vl\</b\>" in summary  # markdown-inert


def test_one_model_report_says_correlations_need_several_models(items: dict[str, Item], tmp_path: Path) -> None:
    df = synthetic_frame({"solo-vl": Profile()}, items)
    paths = write_report(df, items, tmp_path, n_boot=N_BOOT)
    html = paths.html.read_text(encoding="utf-8")
    assert "need several models" in html and "solo-vl" in html
    assert "need several models" in paths.summary.read_text(encoding="utf-8")


def test_report_with_only_failures(items: dict[str, Item], tmp_path: Path) -> None:
    empty = synthetic_frame({"x": Profile()}, items).iloc[:0]
    paths = write_report(empty, items, tmp_path, failed_models={"x": "timeout"})
    html = paths.html.read_text(encoding="utf-8")
    assert "nothing to rank" in html and "timeout" in html


def test_thumbnails_are_embedded(items: dict[str, Item], tmp_path: Path) -> None:
    root = tmp_path / "data"
    for item in items.values():
        for rel in item.images:
            path = root / rel
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                Image.new("RGB", (640, 400), (200, 120, 90)).save(path)
    df = synthetic_frame({"a": Profile(), "b": Profile(perception=0.2)}, items)
    paths = write_report(df, items, tmp_path / "out", dataset_root=root, n_boot=50, examples_per_task=1)
    html = paths.html.read_text(encoding="utf-8")
    assert html.count("data:image/jpeg;base64,") == 9  # one example per task, one image each


def test_same_inputs_give_the_same_bytes(report: ReportPaths, four: pd.DataFrame, items: dict[str, Item],
                                        tmp_path: Path) -> None:
    again = write_report(four, items, tmp_path, failed_models={"omega-vl": "HTTP 401: bad key <not a tag>"},
                         n_boot=N_BOOT)
    assert again.html.read_bytes() == report.html.read_bytes()
    assert again.summary.read_bytes() == report.summary.read_bytes()
    assert again.tables["risk"].read_bytes() == report.tables["risk"].read_bytes()
