"""Runs that die half-way resume to exactly one record per (item, condition)."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from multipriv.errors import MultiPrivError
from multipriv.tasks.schema import Item

from .conftest import OK, Action, FakeServer, read_results, run, spec_for

Dataset = tuple[Path, list[Item]]
TESTS = Path(__file__).resolve().parents[1]


def test_killed_run_resumes_without_duplicates(fake_server: FakeServer, dataset: Dataset, tmp_path: Path,
                                               key_env: str) -> None:
    root, items = dataset
    out = tmp_path / "out"
    results = out / "fake" / "results.jsonl"
    served = itertools.count()
    # slow answers, then the server stalls: the kill surely lands mid-run, with requests in flight
    fake_server.script = lambda prompt, n: Action("slow", delay=0.02) if next(served) < 8 else Action("hang")
    spec = spec_for(fake_server, concurrency=2)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "runner.kill_target", str(root), str(out),
                             spec.model_dump_json()], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        # The loop ends as soon as 8 answers are on disk; the long deadline only matters on a loaded machine,
        # where starting Python and importing the runner alone can take tens of seconds (the server hangs
        # after 8 answers, so the child cannot finish by itself).
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None:
            if results.exists() and results.read_bytes().count(b"\n") >= 8:
                break
            time.sleep(0.01)
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    before = read_results(results)
    assert len(before) == 8
    fake_server.script = lambda prompt, n: OK
    summary = run(root, [spec], out, conditions=("plain", "protective"), resume=True)["fake"]
    records = read_results(results)
    pairs = Counter((r["item_id"], r["condition"]) for r in records)
    assert len(pairs) == 2 * len(items) and set(pairs.values()) == {1}
    assert all(r["text"] for r in records)
    assert summary.resumed == len(before) and summary.answered == 40
    manifest = json.loads((out / "fake" / "run.json").read_text())
    assert len(manifest["sessions"]) == 2 and manifest["counts"]["answered"] == 40


def test_truncated_last_line_is_dropped_and_rewritten(fake_server: FakeServer, dataset: Dataset, tmp_path: Path,
                                                      key_env: str) -> None:
    root, _ = dataset
    out = tmp_path / "out"
    run(root, [spec_for(fake_server)], out, limit=5)
    results = out / "fake" / "results.jsonl"
    lines = results.read_text(encoding="utf-8").splitlines(keepends=True)
    results.write_text("".join(lines[:4]) + lines[4][:25], encoding="utf-8")  # killed mid-write
    summary = run(root, [spec_for(fake_server)], out, resume=True)["fake"]
    assert (summary.resumed, summary.answered) == (4, 20)
    records = read_results(results)  # every line parses again
    assert len(records) == 20 and len({r["item_id"] for r in records}) == 20


def test_failed_pairs_are_retried_on_resume_and_replaced(fake_server: FakeServer, dataset: Dataset, tmp_path: Path,
                                                         key_env: str) -> None:
    root, _ = dataset
    out = tmp_path / "out"
    fake_server.script = lambda prompt, n: Action("400") if prompt.startswith("Question 003") else OK
    first = run(root, [spec_for(fake_server)], out)["fake"]
    assert first.failed == 1
    fake_server.script = lambda prompt, n: OK
    sent = fake_server.count
    second = run(root, [spec_for(fake_server)], out, resume=True)["fake"]
    assert fake_server.count == sent + 1 and (second.resumed, second.failed) == (19, 0)
    records = [r for r in read_results(out / "fake" / "results.jsonl") if r["item_id"] == "item-003"]
    assert len(records) == 1 and records[0]["text"] and records[0]["error"] is None


def test_resume_with_other_parameters_is_refused(fake_server: FakeServer, dataset: Dataset, tmp_path: Path,
                                                 key_env: str) -> None:
    root, _ = dataset
    run(root, [spec_for(fake_server)], tmp_path / "out", limit=2)
    with pytest.raises(MultiPrivError, match="params"):
        run(root, [spec_for(fake_server, params={"temperature": 1})], tmp_path / "out", resume=True)
