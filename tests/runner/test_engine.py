"""run_eval end to end against the local fake server: retries, timeouts, failures, cache, shards, secrets."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from multipriv.errors import MultiPrivError
from multipriv.runner import engine, retry
from multipriv.runner.engine import select_items
from multipriv.tasks.common import templates
from multipriv.tasks.schema import Item

from .conftest import KEY_ENV, OK, SECRET, Action, FakeServer, closed_port, read_results, run, spec_for

Dataset = tuple[Path, list[Item]]


def by_item(records: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(r["item_id"]): r for r in records}


def test_flaky_server_every_item_answered_once(fake_server: FakeServer, dataset: Dataset, tmp_path: Path,
                                               key_env: str) -> None:
    root, items = dataset
    flaky = {0: Action("429", headers=(("retry-after-ms", "20"),)), 1: Action("500")}
    fake_server.script = lambda prompt, n: flaky.get(n, OK)
    summary = run(root, [spec_for(fake_server)], tmp_path / "out")["fake"]
    records = read_results(tmp_path / "out" / "fake" / "results.jsonl")
    assert sorted(r["item_id"] for r in records) == sorted(it.id for it in items)
    assert all(r["error"] is None and r["attempts"] == 3 and not r["cached"] for r in records)
    assert all(str(r["text"]).startswith("answer: Question") for r in records)
    assert (summary.answered, summary.failed, summary.total) == (20, 0, 20)
    assert summary.input_tokens == 20 * 11 and summary.cost_usd == pytest.approx((220 * 1 + 60 * 2) / 1e6)
    assert set(fake_server.auth) == {f"Bearer {SECRET}"}
    manifest = json.loads((tmp_path / "out" / "fake" / "run.json").read_text())
    assert manifest["counts"] == {"records": 20, "answered": 20, "failed": 0, "cached": 0}
    assert manifest["spec"]["api_key_env"] == KEY_ENV and manifest["dataset"]["version"] == "x"
    assert manifest["finished"] and manifest["template_version"]


def test_retry_after_is_honoured(fake_server: FakeServer, dataset: Dataset, tmp_path: Path, key_env: str,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root, _ = dataset
    fake_server.script = lambda prompt, n: Action("429", headers=(("Retry-After", "1"),)) if n == 0 else OK
    waits: list[float] = []
    policy = retry.backoff_wait

    def recorded(initial: float, maximum: float) -> Any:
        wait = policy(initial, maximum)

        def record(state: Any) -> float:
            waits.append(wait(state))
            return waits[-1]

        return record

    monkeypatch.setattr(retry, "backoff_wait", recorded)
    run(root, [spec_for(fake_server)], tmp_path / "out", limit=1)
    assert waits and waits[0] >= 1.0  # the wait the runner chose is the server's Retry-After, not its own backoff
    assert read_results(tmp_path / "out" / "fake" / "results.jsonl")[0]["attempts"] == 2


def test_hanging_request_times_out_and_the_rest_succeed(fake_server: FakeServer, dataset: Dataset, tmp_path: Path,
                                                        key_env: str) -> None:
    root, _ = dataset
    fake_server.script = lambda prompt, n: Action("hang") if prompt.startswith("Question 005") else OK
    summary = run(root, [spec_for(fake_server, timeout_s=0.3, max_retries=1)], tmp_path / "out")["fake"]
    records = by_item(read_results(tmp_path / "out" / "fake" / "results.jsonl"))
    assert records["item-005"]["error"] == "timeout" and records["item-005"]["text"] is None
    assert records["item-005"]["attempts"] == 2
    assert (summary.answered, summary.failed) == (19, 1)


def test_malformed_and_empty_replies_fail_after_retries(fake_server: FakeServer, dataset: Dataset, tmp_path: Path,
                                                        key_env: str) -> None:
    root, _ = dataset
    always = {"003": Action("malformed"), "004": Action("empty"), "006": Action("none")}

    def script(prompt: str, n: int) -> Action:
        number = prompt[len("Question "):len("Question 000")]
        if number == "007" and n == 0:
            return Action("malformed")  # once: the retry succeeds
        return always.get(number, OK)

    fake_server.script = script
    summary = run(root, [spec_for(fake_server, max_retries=2)], tmp_path / "out")["fake"]
    records = by_item(read_results(tmp_path / "out" / "fake" / "results.jsonl"))
    assert str(records["item-003"]["error"]).startswith("malformed response")
    assert records["item-004"]["error"] == "empty response" and records["item-006"]["error"] == "empty response"
    assert all(records[f"item-00{k}"]["attempts"] == 3 for k in (3, 4, 6))
    assert records["item-007"]["text"] and records["item-007"]["attempts"] == 2
    assert (summary.answered, summary.failed) == (17, 3)


def test_client_errors_are_not_retried_and_secrets_never_written(fake_server: FakeServer, dataset: Dataset,
                                                                 tmp_path: Path, key_env: str) -> None:
    root, _ = dataset
    fake_server.script = lambda prompt, n: Action("400") if "Question 002" in prompt else OK
    run(root, [spec_for(fake_server)], tmp_path / "out", conditions=("plain", "protective", "adversarial"))
    records = read_results(tmp_path / "out" / "fake" / "results.jsonl")
    bad = [r for r in records if r["item_id"] == "item-002"]
    assert len(bad) == 3 and all(r["attempts"] == 1 and str(r["error"]).startswith("HTTP 400") for r in bad)
    assert fake_server.count == 57 + 3
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
            assert b"base64," not in path.read_bytes(), path


def test_conditions_shape_the_request(fake_server: FakeServer, dataset: Dataset, tmp_path: Path,
                                      key_env: str) -> None:
    root, _ = dataset
    run(root, [spec_for(fake_server)], tmp_path / "out", conditions=("plain", "protective", "adversarial"), limit=2)
    assert fake_server.count == 6
    bodies = {(b["messages"][0]["role"], b["messages"][-1]["content"][-1]["text"][:12]): b for b in fake_server.bodies}
    zh, en = templates("zh")["conditions"], templates("en")["conditions"]
    systems = {b["messages"][0]["content"] for b in fake_server.bodies if b["messages"][0]["role"] == "system"}
    assert systems == {en["protective"], zh["protective"]}
    assert any(text.startswith(en["adversarial"][:12]) for _, text in bodies)
    first = fake_server.bodies[0]["messages"][-1]["content"]
    assert first[0]["image_url"]["url"].startswith("data:image/png;base64,")
    assert first[1]["image_url"]["url"].startswith("data:image/jpeg;base64,")  # item-000 has a .jpg second
    assert first[-1]["type"] == "text"
    assert fake_server.bodies[0]["temperature"] == 0 and fake_server.bodies[0]["max_tokens"] == 32


def test_second_identical_run_is_served_from_cache(fake_server: FakeServer, dataset: Dataset, tmp_path: Path,
                                                   key_env: str) -> None:
    root, _ = dataset
    cache = tmp_path / "cache.sqlite"
    run(root, [spec_for(fake_server)], tmp_path / "one", cache_path=cache)
    sent = fake_server.count
    assert sent == 20
    summary = run(root, [spec_for(fake_server)], tmp_path / "two", cache_path=cache)["fake"]
    assert fake_server.count == sent
    records = read_results(tmp_path / "two" / "fake" / "results.jsonl")
    assert len(records) == 20 and all(r["cached"] and r["attempts"] == 0 and r["text"] for r in records)
    assert (summary.cached, summary.input_tokens, summary.cost_usd) == (20, 0, 0.0)


def test_corrupted_cache_is_moved_aside(fake_server: FakeServer, dataset: Dataset, tmp_path: Path, key_env: str,
                                        caplog: pytest.LogCaptureFixture) -> None:
    root, _ = dataset
    out = tmp_path / "out"
    out.mkdir()
    (out / "cache.sqlite").write_bytes(b"this is not a database \x00\xff" * 100)
    with caplog.at_level(logging.WARNING, logger="multipriv.runner"):
        summary = run(root, [spec_for(fake_server)], out)["fake"]
    assert summary.answered == 20
    assert any("corrupted" in r.getMessage() and "\n" not in r.getMessage() for r in caplog.records)
    assert (out / "cache.sqlite.corrupt-1").read_bytes().startswith(b"this is not")
    run(root, [spec_for(fake_server, name="again")], out, resume=True)  # the fresh cache works
    assert fake_server.count == 20


def test_shards_are_disjoint_and_cover(fake_server: FakeServer, dataset: Dataset, tmp_path: Path,
                                       key_env: str) -> None:
    root, items = dataset
    ids = []
    for i in range(2):
        run(root, [spec_for(fake_server)], tmp_path / f"s{i}", shard=(i, 2))
        ids.append({r["item_id"] for r in read_results(tmp_path / f"s{i}" / "fake" / "results.jsonl")})
    assert not ids[0] & ids[1] and ids[0] | ids[1] == {it.id for it in items}
    chosen = select_items(items, tasks={1, 2, 3}, langs={"en"}, limit=3)
    assert [it.id for it in chosen] == ["item-000", "item-002", "item-010"]
    with pytest.raises(MultiPrivError, match="bad shard"):
        select_items(items, shard=(2, 2))


def test_existing_results_need_resume(fake_server: FakeServer, dataset: Dataset, tmp_path: Path,
                                      key_env: str) -> None:
    root, _ = dataset
    run(root, [spec_for(fake_server)], tmp_path / "out", limit=2)
    with pytest.raises(MultiPrivError, match="--resume"):
        run(root, [spec_for(fake_server)], tmp_path / "out")


def test_missing_key_variable_is_named(fake_server: FakeServer, dataset: Dataset, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    root, _ = dataset
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.raises(MultiPrivError, match=KEY_ENV):
        run(root, [spec_for(fake_server)], tmp_path / "out")
    assert fake_server.count == 0


def test_a_dead_endpoint_ends_the_run_before_anything_else_is_sent(fake_server: FakeServer, dataset: Dataset,
                                                                   tmp_path: Path, key_env: str) -> None:
    root, _ = dataset
    good = spec_for(fake_server, name="good")
    broken = spec_for(fake_server, name="broken", base_url=f"http://127.0.0.1:{closed_port()}/v1", api_key_env=None)
    # "after 1 attempt": a refused connection is not retried on the first request
    with pytest.raises(MultiPrivError, match="model 'broken': the first request failed after 1 attempt") as err:
        run(root, [good, broken], tmp_path / "out", conditions=("plain", "protective"), backoff=(1.0, 60.0))
    assert "connection error" in str(err.value) and "\n" not in str(err.value)
    assert fake_server.count == 1  # the good model's first request only, cached for the next run
    assert not list((tmp_path / "out").rglob("results.jsonl")) and not list((tmp_path / "out").rglob("run.json"))
    summary = run(root, [good], tmp_path / "out", conditions=("plain", "protective"))["good"]
    assert (summary.answered, summary.cached, fake_server.count) == (40, 1, 40)


def test_a_model_that_breaks_mid_run_stops_and_records_what_it_did_not_send(
        fake_server: FakeServer, dataset: Dataset, tmp_path: Path, key_env: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    root, _ = dataset
    monkeypatch.setattr(engine, "ABORT_AFTER", 5)
    fake_server.script = lambda prompt, n: OK if fake_server.count <= 3 else Action("500")
    summary = run(root, [spec_for(fake_server, concurrency=1, max_retries=0)], tmp_path / "out")["fake"]
    records = read_results(tmp_path / "out" / "fake" / "results.jsonl")
    assert len(records) == 20 and summary.answered + summary.failed == 20
    assert summary.stopped and "5 failures in a row" in summary.stopped
    unsent = [r for r in records if str(r["error"]).startswith("not sent: stopped after 5 failures")]
    assert unsent and all(r["attempts"] == 0 for r in unsent)
    assert fake_server.count == 3 + 5


def test_progress_bar_runs(fake_server: FakeServer, dataset: Dataset, tmp_path: Path, key_env: str,
                           capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = dataset
    summary = run(root, [spec_for(fake_server)], tmp_path / "out", progress=True, limit=4)["fake"]
    assert summary.answered == 4
    assert "fake" in capsys.readouterr().err
