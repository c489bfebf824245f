"""`multipriv eval`: run models on a build, fast and without losing answers.

Design, in the order things happen:
- everything that can fail on configuration fails before any request is sent, with one line (unknown provider,
  missing API key variable, a base URL that is not an http(s) URL, results already present without `resume`);
- the build is checked: items.jsonl and every selected image must have the sha256 its manifest pins (the same
  words as `multipriv validate`); the checked hash goes into run.json;
- items are filtered, sorted by id, cut to `limit`, then sharded (item i of that list goes to shard i mod n),
  so shards of one selection are disjoint and cover it; an empty selection is an error;
- each model's run folder is locked (`runner.lock`): a second eval into it stops with the holder's process id;
- request keys are computed up front and looked up in the cache in one query;
- preflight: each model's provider loads and its first request is answered before anything else is sent;
  when not, the run ends with that one reason (a refused connection or key is not retried there);
- each model runs `concurrency` workers pulling from one queue of (item, condition) pairs (a semaphore of that
  size, without a parked task per pair); models run concurrently;
- each attempt is bounded by `spec.timeout_s` (`asyncio.timeout`, on top of the SDK's own), retried with
  exponential backoff and full jitter, at least the server's Retry-After, up to `spec.max_retries` times;
- `ABORT_AFTER` failures in a row stop a model; the pairs it did not send are recorded as failed with why,
  so every selected pair ends answered or failed with a reason;
- each record is appended and flushed as it arrives; the file is compacted at the end.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multipriv.dataset.integrity import load_checked
from multipriv.errors import MultiPrivError
from multipriv.runner import manifest as runfile
from multipriv.runner import results as res
from multipriv.runner.base import Condition, ModelSpec, Provider, ProviderError, Reply, Request
from multipriv.runner.cache import ReplyCache
from multipriv.runner.conditions import get_condition
from multipriv.runner.lock import RunLock
from multipriv.runner.progress import Bar, progress_bar
from multipriv.runner.requests import build_request, request_key
from multipriv.runner.retry import complete_with_retries, retryable_error
from multipriv.runner.selection import nothing_selected, select_items
from multipriv.runner.setup import check_images, load_providers, make_provider, model_dir, prepare_folder
from multipriv.tasks.schema import Item

__all__ = ["RunSummary", "load_providers", "model_dir", "run_eval", "select_items"]

log = logging.getLogger("multipriv.runner")

ABORT_AFTER = 20  # this many failures in a row stop a model (the endpoint died, or the key ran out)
PREFLIGHT_TRIES = 3  # first requests tried while each is rejected for its content (HTTP 400), not the settings


@dataclass
class RunSummary:
    """What one model's run did, over the pairs this run selected (the CLI prints it)."""

    model: str
    out: Path  # the model's results folder
    total: int  # (item, condition) pairs selected
    answered: int  # answered now or already (resumed), including cache hits
    failed: int  # recorded as failed in this run, including pairs not sent after a stop
    cached: int  # answered from the cache in this run
    resumed: int  # already answered in the folder, skipped
    input_tokens: int  # billed in this run (cache hits and resumed pairs cost nothing)
    output_tokens: int
    cost_usd: float
    elapsed_s: float
    stopped: str | None = None  # why the model was stopped early (failures in a row), if it was


@dataclass
class _Job:
    item: Item
    condition: Condition
    request: Request
    key: str


@dataclass
class _Outcome:
    reply: Reply | None
    error: str | None
    attempts: int
    latency: float = 0.0
    kind: str = "ok"  # ok | config | exhausted (retries used up) | rejected (not retryable) | bug


@dataclass
class _Tally:
    answered: int = 0
    failed: int = 0
    cached: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    streak: int = 0  # failures in a row
    aborted: str | None = None


def _one_line(text: str, secrets: Sequence[str]) -> str:
    line = " ".join(text.split())[:300]
    for secret in secrets:
        line = line.replace(secret, "***")
    return line or "error"


class _ModelRun:
    """One model: its provider, its results file, its workers."""

    def __init__(self, spec: ModelSpec, provider: Provider, folder: Path, jobs: list[_Job], *, resumed: int,
                 backoff: tuple[float, float]) -> None:
        self.spec, self.provider, self.folder, self.jobs = spec, provider, folder, jobs
        self.resumed = resumed
        self.tally = _Tally()
        self.backoff = backoff
        self.secrets = [v for v in [os.environ.get(spec.api_key_env or "")] if v and spec.api_key_env]
        self.hits: list[tuple[_Job, Reply]] = []
        self.pending: list[_Job] = []
        self.early: list[tuple[_Job, _Outcome]] = []  # the preflight's requests
        self._logged_bug = False

    def record(self, job: _Job, reply: Reply | None, error: str | None, attempts: int, latency: float,
               cached: bool) -> res.AnswerRecord:
        item = job.item
        return res.AnswerRecord(
            item_id=item.id, twin_id=item.twin_id, task=item.task, lang=item.lang, condition=job.condition,
            model=self.spec.name, text=reply.text if reply else None, error=error, attempts=attempts,
            input_tokens=reply.input_tokens if reply else 0, output_tokens=reply.output_tokens if reply else 0,
            latency_s=round(latency, 4), cached=cached,
            finish_reason=str(reply.raw["finish_reason"]) if reply and reply.raw.get("finish_reason") else None)

    async def call(self, job: _Job, *, preflight: bool = False) -> _Outcome:
        """One pair with retries. On the preflight request a settings error is not retried: it ends the run."""
        spec, attempts, start = self.spec, 0, time.perf_counter()

        def retryable(exc: BaseException) -> bool:
            return retryable_error(exc) and not (preflight and isinstance(exc, ProviderError) and exc.config)

        def count() -> None:
            nonlocal attempts
            attempts += 1

        try:
            reply = await complete_with_retries(self.provider, spec, job.request, backoff=self.backoff,
                                                retryable=retryable, on_attempt=count)
            return _Outcome(reply, None, attempts, time.perf_counter() - start)
        except ProviderError as exc:
            kind = "config" if exc.config else "exhausted" if exc.retryable else "rejected"
            return _Outcome(None, _one_line(str(exc), self.secrets), attempts, time.perf_counter() - start, kind)
        except Exception as exc:  # a provider bug: record it, keep the run going
            if not self._logged_bug:
                self._logged_bug = True
                log.warning("%s: provider raised %s: %s", spec.name, type(exc).__name__,
                            _one_line(str(exc), self.secrets))
            return _Outcome(None, _one_line(f"{type(exc).__name__}: {exc}", self.secrets), attempts,
                            time.perf_counter() - start, "bug")

    async def lookup(self, cache: ReplyCache) -> None:
        hits = await cache.get_many(job.key for job in self.jobs)
        for job in self.jobs:
            hit = hits.get(job.key)
            if hit is None:
                self.pending.append(job)
            else:
                self.hits.append((job, hit))

    async def preflight(self, cache: ReplyCache) -> str | None:
        """Before anything else is sent: the provider loads and one request is answered; else the reason.
        An answer is cached at once: if another model's preflight fails, the next run does not pay for it."""
        if not self.pending:
            return None
        name = self.spec.name
        check = getattr(self.provider, "preflight", None)
        if check is not None:
            try:
                await check()
            except Exception as exc:  # an SDK or weights that do not load
                text = str(exc) if isinstance(exc, ProviderError) else f"{type(exc).__name__}: {exc}"
                return f"model {name!r}: {_one_line(text, self.secrets)}"
        for job in self.pending[:PREFLIGHT_TRIES]:
            outcome = await self.call(job, preflight=True)
            self.early.append((job, outcome))
            if outcome.reply is not None:
                cache.put(job.key, outcome.reply)
                return None
            if outcome.kind != "rejected":
                break
        last = self.early[-1][1]
        tries = "attempt" if last.attempts == 1 else "attempts"
        what = (f"the first request failed after {last.attempts} {tries}" if len(self.early) == 1
                else f"the first {len(self.early)} requests all failed")
        return (f"model {name!r}: {what} ({last.error}); nothing else was sent. Check the model's base URL, "
                f"model id and API key (or path and installed extras)")

    async def run(self, cache: ReplyCache, bar: Bar) -> None:
        writer = res.ResultWriter(self.folder / "results.jsonl")
        task = bar.add(self.spec.name, len(self.jobs) + self.resumed, done=self.resumed)
        try:
            for job, hit in self.hits:
                writer.write(self.record(job, hit, None, 0, 0.0, cached=True))
                self.tally.answered += 1
                self.tally.cached += 1
                bar.advance(task)
            for job, outcome in self.early:
                self.settle(job, outcome, cache, writer, bar, task)
            queue: Iterator[_Job] = iter(self.pending[len(self.early):])
            workers = [asyncio.create_task(self._worker(queue, cache, writer, bar, task))
                       for _ in range(min(max(self.spec.concurrency, 1), len(self.pending) - len(self.early)))]
            try:
                await asyncio.gather(*workers)
            finally:
                for w in workers:
                    w.cancel()
                await asyncio.gather(*workers, return_exceptions=True)
            for job in queue:  # left after a stop: recorded, so every pair ends answered or failed with a reason
                self.settle(job, _Outcome(None, f"not sent: {self.tally.aborted}", 0, kind="stopped"), cache,
                            writer, bar, task)
        finally:
            writer.close()
        if self.tally.aborted:
            log.warning("%s: %s; rerun with --resume", self.spec.name, self.tally.aborted)

    def settle(self, job: _Job, outcome: _Outcome, cache: ReplyCache, writer: res.ResultWriter, bar: Bar,
               task: int) -> None:
        """Write one pair's record and count it."""
        tally, reply = self.tally, outcome.reply
        writer.write(self.record(job, reply, outcome.error, outcome.attempts, outcome.latency, cached=False))
        bar.advance(task)
        if reply is not None:
            cache.put(job.key, reply)
            tally.answered += 1
            tally.input_tokens += reply.input_tokens
            tally.output_tokens += reply.output_tokens
            tally.streak = 0
            return
        tally.failed += 1
        if outcome.kind == "stopped":
            return
        tally.streak += 1
        if tally.streak >= ABORT_AFTER and not tally.aborted:
            tally.aborted = f"stopped after {ABORT_AFTER} failures in a row (the last: {outcome.error})"

    async def _worker(self, queue: Iterator[_Job], cache: ReplyCache, writer: res.ResultWriter, bar: Bar,
                      task: int) -> None:
        for job in queue:  # one shared iterator: no await between next() calls, so no job is taken twice
            outcome = await self.call(job)
            self.settle(job, outcome, cache, writer, bar, task)
            if self.tally.aborted:
                return


async def run_eval(root: Path, specs: list[ModelSpec], out: Path, *, conditions: Sequence[Condition] = ("plain",),
                   tasks: set[int] | None = None, langs: set[str] | None = None, limit: int | None = None,
                   shard: tuple[int, int] | None = None, resume: bool = False, progress: bool = True,
                   cache_path: Path | None = None, use_cache: bool = True,
                   backoff: tuple[float, float] = (1.0, 60.0)) -> dict[str, RunSummary]:
    """Run every model on every selected (item, condition) pair; see the module docstring for how.

    `cache_path` defaults to `out/cache.sqlite`; `backoff` is (initial, maximum) seconds between retries.
    """
    started_at, clock = runfile.now(), time.perf_counter()
    load_providers()
    conds = list(dict.fromkeys(conditions))
    for cond in conds:
        get_condition(cond)  # a one-line error naming the registered conditions
    if not specs:
        raise MultiPrivError("no models to evaluate")
    folders = {spec.name: model_dir(out, spec) for spec in specs}
    if len(set(folders.values())) != len(specs):
        raise MultiPrivError("two models share a name (or a folder name); give each a distinct name")
    build = await asyncio.to_thread(load_checked, root)
    selected = select_items(build.items, tasks=tasks, langs=langs, limit=limit, shard=shard)
    if not selected:
        raise nothing_selected(build.items, str(root), tasks=tasks, langs=langs, limit=limit, shard=shard)
    checked = await asyncio.to_thread(check_images, root, build.manifest, {p for it in selected for p in it.images})
    dataset = runfile.dataset_info(build, {"items.jsonl": build.items_sha256, **checked})
    filters = {"tasks": sorted(tasks) if tasks else None, "langs": sorted(langs) if langs else None,
               "limit": limit, "shard": list(shard) if shard else None, "items": len(selected)}

    providers: list[Provider] = []
    runs: list[_ModelRun] = []
    with ExitStack() as locks:
        try:
            for spec in specs:
                providers.append(make_provider(spec))
            for spec, provider in zip(specs, providers, strict=True):
                folder = folders[spec.name]
                locks.enter_context(RunLock(folder))
                done = prepare_folder(spec, folder, resume, dataset)
                jobs, skipped = [], 0
                for item in selected:
                    for cond in conds:
                        if (item.id, cond) in done:
                            skipped += 1
                            continue
                        request = build_request(item, cond, root)
                        jobs.append(_Job(item, cond, request, request_key(spec, request)))
                runs.append(_ModelRun(spec, provider, folder, jobs, resumed=skipped, backoff=backoff))
            cache_file = (cache_path or out / "cache.sqlite") if use_cache else None
            async with ReplyCache(cache_file) as cache:
                await asyncio.gather(*(run.lookup(cache) for run in runs))
                problems = [p for p in await asyncio.gather(*(run.preflight(cache) for run in runs)) if p]
                if problems:
                    raise MultiPrivError("; ".join(problems))
                sessions = _open_sessions(runs, dataset, conds, filters, started_at, resume)
                bar_ctx: AbstractContextManager[Bar] = progress_bar() if progress else nullcontext(Bar())
                with bar_ctx as bar:
                    outcomes = await asyncio.gather(*(run.run(cache, bar) for run in runs), return_exceptions=True)
        finally:
            await asyncio.gather(*(p.aclose() for p in providers), return_exceptions=True)
        summaries = {run.spec.name: _finish(run, sessions[run.spec.name], dataset, conds, filters, clock)
                     for run in runs}
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            raise outcome
    return summaries


def _open_sessions(runs: list[_ModelRun], dataset: dict[str, Any], conds: list[Condition],
                   filters: dict[str, Any], started_at: str, resume: bool) -> dict[str, list[dict[str, Any]]]:
    """Write each model's run.json before its first record: a killed run can then be resumed."""
    sessions: dict[str, list[dict[str, Any]]] = {}
    for run in runs:
        previous = runfile.read_run(run.folder / "run.json") if resume else None
        earlier = (previous or {}).get("sessions")
        sessions[run.spec.name] = [*(earlier if isinstance(earlier, list) else []), {"started": started_at}]
        runfile.write_run(run.folder / "run.json", runfile.run_manifest(
            run.spec, dataset, conditions=list(conds), filters=filters, sessions=sessions[run.spec.name],
            records=None))
    return sessions


def _finish(run: _ModelRun, sessions: list[dict[str, Any]], dataset: dict[str, Any], conds: list[Condition],
            filters: dict[str, Any], clock: float) -> RunSummary:
    """Compact the results, write the final run.json, sum up."""
    records = res.repair(run.folder / "results.jsonl")
    t = run.tally
    sessions[-1].update(finished=runfile.now(), requested=t.answered - t.cached + t.failed, cached=t.cached,
                        failed=t.failed, resumed=run.resumed, stopped=t.aborted)
    runfile.write_run(run.folder / "run.json", runfile.run_manifest(
        run.spec, dataset, conditions=list(conds), filters=filters, sessions=sessions, records=records))
    return RunSummary(
        model=run.spec.name, out=run.folder, total=len(run.jobs) + run.resumed,
        answered=t.answered + run.resumed, failed=t.failed, cached=t.cached, resumed=run.resumed,
        input_tokens=t.input_tokens, output_tokens=t.output_tokens,
        cost_usd=round(runfile.cost(run.spec, t.input_tokens, t.output_tokens), 6),
        elapsed_s=round(time.perf_counter() - clock, 3), stopped=t.aborted)
