"""Bad world files end in one line naming the problem; good ones round-trip."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from multipriv.errors import MultiPrivError
from multipriv.world.generate import WorldConfig, build_world
from multipriv.world.io import load_world, save_world


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("w") / "world.json"
    save_world(build_world(WorldConfig(seed=1, persons=8, background=4)), path)
    return path


def _edit(saved: Path, tmp_path: Path, edit: object) -> Path:
    data = json.loads(saved.read_text(encoding="utf-8"))
    edit(data)  # type: ignore[operator]
    out = tmp_path / "edited.json"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def test_round_trip(saved: Path) -> None:
    world = load_world(saved)
    assert len(world.persons) == 12
    assert world == build_world(WorldConfig(seed=1, persons=8, background=4))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(schema_version=99), "schema version 99"),
        (lambda d: d["persons"][0].pop("birth_date"), "persons.0.birth_date: Field required"),
        (lambda d: d["persons"][0]["relations"].append({"kind": "friend", "person_id": "P09999"}),
         "relation to unknown person P09999"),
        (lambda d: d["persons"][1].update(lookalike={"of": "X1", "shared": ["face"]}), "look-alike of unknown"),
        (lambda d: d["persons"][0].update(relations=[]), "not reciprocal"),
        (lambda d: d["persons"][1].update(lookalike={"of": "P00000", "shared": ["full_name"]}), "namesake of P00000"),
    ],
)
def test_bad_files_give_one_line_errors(saved: Path, tmp_path: Path, edit: object, message: str) -> None:
    with pytest.raises(MultiPrivError, match=message) as info:
        load_world(_edit(saved, tmp_path, edit))
    assert "\n" not in str(info.value)


def test_truncated_and_missing_files(saved: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.json"
    cut.write_bytes(saved.read_bytes()[:500])
    with pytest.raises(MultiPrivError, match="not valid JSON"):
        load_world(cut)
    with pytest.raises(MultiPrivError, match="no such file"):
        load_world(tmp_path / "absent.json")


def test_cli_reports_bad_file_in_one_line(saved: Path, tmp_path: Path) -> None:
    bad = _edit(saved, tmp_path, lambda d: d.update(schema_version=0))
    proc = subprocess.run([sys.executable, "-m", "multipriv.cli", "check-world", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "schema version 0" in lines[0]
    assert "Traceback" not in proc.stderr


def test_cli_world_writes_a_valid_file(tmp_path: Path) -> None:
    out = tmp_path / "w.json"
    proc = subprocess.run([sys.executable, "-m", "multipriv.cli", "world", "--out", str(out), "--persons", "8",
                           "--background", "4", "--seed", "9"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert len(load_world(out).persons) == 12
