"""Issue 13, as a hostile user tries it: replies and files holding any bytes, two writers, a tampered build,
damaged lines, empty selections and broken settings. Each case ends answered, or in one line, never a
traceback; nothing is sent twice and nothing is sent on a build or settings that are wrong."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from multipriv.dataset.validate import load_manifest
from multipriv.errors import MultiPrivError
from multipriv.runner.base import ModelSpec, Reply, Request, provider
from multipriv.runner.lock import RunLock
from multipriv.score.runs import fresh_scores, read_scores, score_folder
from multipriv.tasks.schema import Item

from .conftest import OK, Action, FakeServer, make_dataset, pin, read_results, run, spec_for

Dataset = tuple[Path, list[Item]]
TESTS = Path(__file__).resolve().parents[1]
SURROGATE = "A \ud800"


def _strict_utf8(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # raises if anything but UTF-8 was written


# ------------------------------------------------------------------------------------------ 1. any code point


def test_a_lone_surrogate_in_a_reply_is_stored_resumed_cached_and_scored(
        fake_server: FakeServer, dataset: Dataset, tmp_path: Path, key_env: str) -> None:
    root, items = dataset
    fake_server.script = lambda prompt, n: Action(text=SURROGATE) if prompt.startswith("Question 004") else OK
    out, cache = tmp_path / "out", tmp_path / "cache.sqlite"
    summary = run(root, [spec_for(fake_server)], out, cache_path=cache)["fake"]
    assert (summary.answered, summary.failed) == (20, 0)
    results = out / "fake" / "results.jsonl"
    _strict_utf8(results)
    _strict_utf8(out / "fake" / "run.json")
    assert {r["item_id"]: r["text"] for r in read_results(results)}["item-004"] == SURROGATE
    sent = fake_server.count
    again = run(root, [spec_for(fake_server)], out, cache_path=cache, resume=True)["fake"]
    assert (again.resumed, fake_server.count) == (20, sent)
    other = run(root, [spec_for(fake_server)], tmp_path / "other", cache_path=cache)["fake"]
    assert other.cached == 20 and fake_server.count == sent
    texts = {r["item_id"]: r["text"] for r in read_results(tmp_path / "other" / "fake" / "results.jsonl")}
    assert texts["item-004"] == SURROGATE
    scored = score_folder(out / "fake", {it.id: it for it in items})
    assert len(scored.scores) == 20
    _strict_utf8(out / "fake" / "scores.jsonl")
    assert read_scores(out / "fake" / "scores.jsonl")[1] == 0


# ------------------------------------------------------------------------------------------ 2. one writer


def test_a_second_eval_into_a_locked_run_folder_sends_nothing(fake_server: FakeServer, dataset: Dataset,
                                                               tmp_path: Path, key_env: str) -> None:
    root, _ = dataset
    out = tmp_path / "out"
    with RunLock(out / "fake"), pytest.raises(MultiPrivError, match=f"process {os.getpid()} is already writing"):
        run(root, [spec_for(fake_server)], out)
    assert fake_server.count == 0
    assert run(root, [spec_for(fake_server)], out)["fake"].answered == 20  # released: the folder is free again


def test_two_evals_at_once_one_runs_and_a_killed_holder_leaves_no_stale_lock(
        fake_server: FakeServer, dataset: Dataset, tmp_path: Path, key_env: str) -> None:
    root, items = dataset
    out = tmp_path / "out"
    results = out / "fake" / "results.jsonl"
    fake_server.script = lambda prompt, n: OK if fake_server.count <= 4 else Action("hang")
    spec = spec_for(fake_server, concurrency=2)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "runner.kill_target", str(root), str(out), spec.model_dump_json()],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 180  # ends as soon as the state is reached; long only for a loaded machine
        # 4 answers written, then both workers hang on requests 5 and 6: the holder sends nothing more
        while time.monotonic() < deadline and not (results.exists() and results.read_bytes().count(b"\n") >= 4
                                                   and fake_server.count >= 6):
            time.sleep(0.01)
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        sent = fake_server.count
        with pytest.raises(MultiPrivError, match=f"process {proc.pid} is already writing") as err:
            run(root, [spec], out, conditions=("plain", "protective"), resume=True)
        assert "\n" not in str(err.value) and fake_server.count == sent
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    fake_server.script = lambda prompt, n: OK
    summary = run(root, [spec], out, conditions=("plain", "protective"), resume=True)["fake"]
    assert summary.answered == 2 * len(items) and summary.failed == 0
    pairs = [(r["item_id"], r["condition"]) for r in read_results(results)]
    assert len(pairs) == len(set(pairs)) == 2 * len(items)
    assert not list((out / "fake").glob("*.tmp"))


# ------------------------------------------------------------------------------------------ 3. tampered builds


def test_a_flipped_byte_in_an_image_is_refused_before_anything_is_sent(
        fake_server: FakeServer, dataset: Dataset, tmp_path: Path, key_env: str) -> None:
    root, _ = dataset
    image = root / "images" / "img1.png"
    stat = image.stat()
    data = bytearray(image.read_bytes())
    data[len(data) // 2] ^= 0x01
    image.write_bytes(bytes(data))
    os.utime(image, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # mtime set back: still caught
    with pytest.raises(MultiPrivError, match=r"^images/img1\.png: checksum mismatch \(the file was changed"):
        run(root, [spec_for(fake_server)], tmp_path / "out")
    assert fake_server.count == 0 and not (tmp_path / "out").exists()


def test_an_edited_gold_answer_is_refused_and_a_clean_run_records_what_it_checked(
        fake_server: FakeServer, dataset: Dataset, tmp_path: Path, key_env: str) -> None:
    root, _ = dataset
    clean = run(root, [ModelSpec(name="oracle", provider="oracle")], tmp_path / "clean", limit=4)["oracle"]
    recorded = json.loads((clean.out / "run.json").read_text(encoding="utf-8"))["dataset"]
    assert recorded["checked"]["files"] == 1 + 5 and len(recorded["checked"]["sha256"]) == 64
    assert len(recorded["items_sha256"]) == 64
    items = root / "items.jsonl"
    items.write_bytes(items.read_bytes().replace(b'"gold":["yes"]', b'"gold":["no"]', 1))
    with pytest.raises(MultiPrivError, match=r"^items\.jsonl: checksum mismatch"):
        run(root, [ModelSpec(name="oracle", provider="oracle")], tmp_path / "fake", limit=4)
    assert not (tmp_path / "fake").exists()


# ------------------------------------------------------------------------------------------ 5, 6. damaged lines


def test_damaged_result_and_score_lines_are_skipped_with_their_line_numbers(
        fake_server: FakeServer, dataset: Dataset, tmp_path: Path, key_env: str,
        caplog: pytest.LogCaptureFixture) -> None:
    from multipriv.report.collect import collect

    root, items = dataset
    out = tmp_path / "out"
    run(root, [spec_for(fake_server)], out)
    results = out / "fake" / "results.jsonl"
    lines = results.read_bytes().splitlines(keepends=True)
    results.write_bytes(b"".join(lines[:2]) + b"\xff\xfe not utf-8 \x80\n" + b"".join(lines[3:]) + lines[3][:30])
    by_id = {it.id: it for it in items}
    scored = score_folder(out / "fake", by_id)
    assert len(scored.scores) == 19  # the undecodable line is skipped; the truncated copy of line 4 too
    assert f"{results}, line 3: skipped a line that is not UTF-8" in caplog.text
    assert f"{results}, line 21: skipped a truncated last line" in caplog.text
    scores = out / "fake" / "scores.jsonl"
    scores.write_bytes(scores.read_bytes()[:-40])  # killed mid-write
    caplog.clear()
    saved = fresh_scores(out / "fake")
    assert saved is not None and saved[1] == 1 and len(saved[0]) == 18
    collected = collect([out])
    assert len(collected.frame) == 19 and "truncated last line" in caplog.text
    assert read_scores(scores)[1] == 1  # the report scored the damaged line's answer in memory, wrote nothing
    score_folder(out / "fake", by_id, keep=saved[0])  # `multipriv score` rewrites the file whole
    rescored, damaged = read_scores(scores)
    assert damaged == 0 and len(rescored) == 19
    summary = run(root, [spec_for(fake_server)], out, resume=True)["fake"]  # eval drops the same lines
    assert summary.answered == 20 and len(read_results(results)) == 20


def test_an_undecodable_item_line_is_named_and_never_a_traceback(tmp_path: Path,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    from multipriv.dataset.integrity import load_items

    root = tmp_path / "build"
    make_dataset(root, n=4)
    items = root / "items.jsonl"
    items.write_bytes(items.read_bytes() + b'{"id": "bad\xff"}\n')
    assert len(load_items(items)) == 4
    assert f"{items}, line 5: skipped a line that is not UTF-8" in caplog.text
    pin(root)  # even re-pinned (5 lines), the items read no longer match the manifest's count
    with pytest.raises(MultiPrivError, match=r"items\.jsonl: 4 items, the manifest says 5"):
        run(root, [ModelSpec(name="random", provider="random")], tmp_path / "out")


# ------------------------------------------------------------------------------------------ 7. empty selections


@pytest.mark.parametrize(("filters", "words"), [
    ({"tasks": {12}}, "--tasks 12 matches none (the build has tasks 1,2,3,4,5,6,7,8,9)"),
    ({"langs": {"xx"}}, "--lang xx matches none (the build has en, zh)"),
    ({"shard": (7, 8), "limit": 3}, "shard 7/8 of this selection is empty"),
])
def test_an_empty_selection_is_an_error(dataset: Dataset, tmp_path: Path, filters: dict[str, object],
                                        words: str) -> None:
    root, _ = dataset
    with pytest.raises(MultiPrivError, match="no items selected") as err:
        run(root, [ModelSpec(name="random", provider="random")], tmp_path / "out", **filters)
    assert words in str(err.value) and not (tmp_path / "out").exists()


def test_an_empty_items_file_is_an_error(tmp_path: Path) -> None:
    root = tmp_path / "build"
    make_dataset(root, n=1)
    (root / "items.jsonl").write_bytes(b"")
    pin(root)
    with pytest.raises(MultiPrivError, match="the build has no items"):
        run(root, [ModelSpec(name="random", provider="random")], tmp_path / "out")


# ------------------------------------------------------------------------------------------ 8. bad settings


def test_a_base_url_that_is_not_a_url_is_refused_before_anything_is_sent(fake_server: FakeServer,
                                                                          dataset: Dataset, tmp_path: Path) -> None:
    root, _ = dataset
    with pytest.raises(MultiPrivError, match="base URL 'not a url' is not an http"):
        run(root, [spec_for(fake_server, base_url="not a url", api_key_env=None)], tmp_path / "out")
    assert fake_server.count == 0


@provider("test-no-sdk")
class _NoSdk:
    """A provider whose SDK is not installed: the import fails on its first request."""

    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec

    async def complete(self, request: Request) -> Reply:
        import multipriv_no_such_sdk  # type: ignore[import-not-found]  # noqa: F401

        return Reply("unreachable")

    async def aclose(self) -> None:
        return None


def test_a_provider_whose_sdk_does_not_import_ends_the_run_in_one_line(dataset: Dataset, tmp_path: Path) -> None:
    root, _ = dataset
    with pytest.raises(MultiPrivError, match="ModuleNotFoundError: No module named 'multipriv_no_such_sdk'") as err:
        run(root, [ModelSpec(name="nosdk", provider="test-no-sdk")], tmp_path / "out")
    assert "\n" not in str(err.value) and "nothing else was sent" in str(err.value)
    assert not list((tmp_path / "out").rglob("results.jsonl"))


def test_transformers_without_torch_ends_the_run_at_preflight(dataset: Dataset, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    root, _ = dataset
    monkeypatch.setitem(sys.modules, "torch", None)  # `import torch` now fails, as where it is not installed
    spec = ModelSpec(name="local", provider="transformers", path=str(tmp_path))
    with pytest.raises(MultiPrivError, match=r"model 'local': the transformers provider needs .*multipriv\[local\]"):
        run(root, [spec], tmp_path / "out")
    assert not list((tmp_path / "out").rglob("results.jsonl"))


def test_locks_are_released_when_setup_fails(dataset: Dataset, tmp_path: Path) -> None:
    root, _ = dataset
    with pytest.raises(MultiPrivError):
        run(root, [ModelSpec(name="nosdk", provider="test-no-sdk")], tmp_path / "out")
    with RunLock(tmp_path / "out" / "nosdk"):  # free again
        pass


# ------------------------------------------------------------------------------------------ 9. manifests


@pytest.mark.parametrize(("manifest", "words"), [
    ("[1, 2]", "not a MultiPriv manifest (a JSON list, not an object)"),
    ('"text"', "not a MultiPriv manifest (a JSON str, not an object)"),
    ('{"manifest_version": 1, "files": [], "counts": {"items": 1}}', "field 'files' must map file names"),
    ('{"manifest_version": 1, "files": {"items.jsonl": 3}, "counts": {"items": 1}}', "gives 'items.jsonl' no sha256"),
    ('{"manifest_version": 1, "files": {"../x": "' + "0" * 64 + '"}, "counts": {"items": 1}}', "not a path inside"),
    ('{"manifest_version": 1, "files": {"a": "' + "0" * 64 + '"}, "counts": 3}', "field 'counts' must hold"),
])
def test_a_malformed_manifest_is_one_line(tmp_path: Path, manifest: str, words: str) -> None:
    (tmp_path / "manifest.json").write_text(manifest, encoding="utf-8")
    with pytest.raises(MultiPrivError) as err:
        load_manifest(tmp_path)
    assert words in str(err.value) and "\n" not in str(err.value)
