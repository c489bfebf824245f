"""`multipriv eval`: run models on a build, fast and without losing answers.

Design, in the order things happen:
- everything that can fail on configuration fails before any request is sent (unknown provider, missing API
  key variable, missing image, results already present without `resume`);
- items are filtered, sorted by id, cut to `limit`, then sharded (item i of that list goes to shard i mod n),
  so shards of one selection are disjoint and cover it;
- images are hashed once, request keys computed up front and looked up in the cache in one query;
- each model runs `concurrency` workers pulling from one queue of (item, condition) pairs (a semaphore of that
  size, without a parked task per pair); models run concurrently;
- each attempt is bounded by `spec.timeout_s` (`asyncio.timeout`, on top of the SDK's own), retried with
  exponential backoff and full jitter, at least the server's Retry-After, up to `spec.max_retries` times;
- each record is appended and flushed as it arrives; the file is compacted at the end.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt, wait_random_exponential

from multipriv.errors import MultiPrivError
from multipriv.runner import manifest as runfile
from multipriv.runner import results as res
from multipriv.runner.base import PROVIDERS, Condition, ModelSpec, Provider, ProviderError, Reply, Request
from multipriv.runner.cache import ReplyCache
from multipriv.runner.progress import Bar, progress_bar
from multipriv.runner.requests import build_request, image_sha256, request_key
from multipriv.tasks.schema import Item

log = logging.getLogger("multipriv.runner")

MAX_RETRY_AFTER_S = 600.0  # a server asking for more is not honoured beyond this
ABORT_AFTER = 20  # this many failures before any success stop a model (bad key, wrong model id or URL)


@dataclass
class RunSummary:
    """What one model's run did, over the pairs this run selected (the CLI prints it)."""

    model: str
    out: Path  # the model's results folder
    total: int  # (item, condition) pairs selected
    answered: int  # answered now or already (resumed), including cache hits
    failed: int
    cached: int  # answered from the cache in this run
    resumed: int  # already answered in the folder, skipped
    input_tokens: int  # billed in this run (cache hits and resumed pairs cost nothing)
    output_tokens: int
    cost_usd: float
    elapsed_s: float
    stopped: str | None = None  # why the model was stopped early (its first requests all failed), if it was


@dataclass
class _Job:
    item: Item
    condition: Condition
    request: Request
    key: str


@dataclass
class _Tally:
    answered: int = 0
    failed: int = 0
    cached: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    fatal_streak: int = 0
    aborted: str | None = None


_UNLOADED: dict[str, str] = {}  # optional provider modules that failed to import, and why


def load_providers() -> None:
    """Register the built-in providers. Optional modules that cannot be imported are remembered, not fatal:
    a run that does not use them should not fail, and one that does is told why they are missing."""
    import importlib

    from multipriv.runner import anthropic_provider, openai_provider  # noqa: F401

    for name in ("multipriv.runner.baselines", "multipriv.runner.transformers_provider"):
        try:
            importlib.import_module(name)
        except ImportError as exc:
            _UNLOADED[name] = " ".join(str(exc).split())
        else:
            _UNLOADED.pop(name, None)


def select_items(items: Sequence[Item], *, tasks: set[int] | None = None, langs: set[str] | None = None,
                 limit: int | None = None, shard: tuple[int, int] | None = None) -> list[Item]:
    """Filter, sort by id, cut to `limit`, then keep shard i of n: deterministic, disjoint, covering."""
    chosen = sorted((it for it in items if (tasks is None or it.task in tasks) and (langs is None or it.lang in langs)),
                    key=lambda it: it.id)
    if limit is not None:
        chosen = chosen[:max(limit, 0)]
    if shard is not None:
        index, count = shard
        if count < 1 or not 0 <= index < count:
            raise MultiPrivError(f"bad shard {index}/{count}: need 0 <= i < n")
        chosen = chosen[index::count]
    return chosen


def model_dir(out: Path, spec: ModelSpec) -> Path:
    safe = re.sub(r"[^\w.+=@-]", "_", spec.name)
    if not safe.strip("._"):
        raise MultiPrivError(f"model name {spec.name!r} cannot name a folder")
    return out / safe


def _wait(initial: float, maximum: float) -> Any:
    jitter = wait_random_exponential(multiplier=initial, max=maximum)

    def wait(state: RetryCallState) -> float:
        base: float = jitter(state)
        exc = state.outcome.exception() if state.outcome else None
        after = getattr(exc, "retry_after", None)
        return max(base, min(float(after), MAX_RETRY_AFTER_S)) if after else base

    return wait


def _retryable(exc: BaseException) -> bool:
    return isinstance(exc, ProviderError) and exc.retryable


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
        self._logged_bug = False

    def record(self, job: _Job, reply: Reply | None, error: str | None, attempts: int, latency: float,
               cached: bool) -> res.ResultRecord:
        item = job.item
        return res.ResultRecord(
            item_id=item.id, twin_id=item.twin_id, task=item.task, lang=item.lang, condition=job.condition,
            model=self.spec.name, text=reply.text if reply else None, error=error, attempts=attempts,
            input_tokens=reply.input_tokens if reply else 0, output_tokens=reply.output_tokens if reply else 0,
            latency_s=round(latency, 4), cached=cached,
            finish_reason=str(reply.raw["finish_reason"]) if reply and reply.raw.get("finish_reason") else None)

    async def call(self, job: _Job) -> tuple[Reply | None, str | None, int]:
        """One pair with retries: (reply, None, attempts) or (None, one-line reason, attempts)."""
        spec, attempts = self.spec, 0
        retrying = AsyncRetrying(stop=stop_after_attempt(spec.max_retries + 1), wait=_wait(*self.backoff),
                                 retry=retry_if_exception(_retryable), reraise=True)
        try:
            async for attempt in retrying:
                with attempt:
                    attempts += 1
                    try:
                        async with asyncio.timeout(spec.timeout_s):
                            reply = await self.provider.complete(job.request)
                    except TimeoutError:
                        raise ProviderError("timeout", retryable=True) from None
            return reply, None, attempts
        except ProviderError as exc:
            return None, _one_line(str(exc), self.secrets), attempts
        except Exception as exc:  # a provider bug: record it, keep the run going
            if not self._logged_bug:
                self._logged_bug = True
                log.warning("%s: provider raised %s: %s", spec.name, type(exc).__name__,
                            _one_line(str(exc), self.secrets))
            return None, _one_line(f"{type(exc).__name__}: {exc}", self.secrets), attempts

    async def run(self, cache: ReplyCache, bar: Bar) -> None:
        writer = res.ResultWriter(self.folder / "results.jsonl")
        task = bar.add(self.spec.name, len(self.jobs) + self.resumed, done=self.resumed)
        try:
            hits = await cache.get_many(job.key for job in self.jobs)
            pending: list[_Job] = []
            for job in self.jobs:
                hit = hits.get(job.key)
                if hit is None:
                    pending.append(job)
                    continue
                writer.write(self.record(job, hit, None, 0, 0.0, cached=True))
                self.tally.answered += 1
                self.tally.cached += 1
                bar.advance(task)
            queue: Iterator[_Job] = iter(pending)
            workers = [asyncio.create_task(self._worker(queue, cache, writer, bar, task))
                       for _ in range(min(max(self.spec.concurrency, 1), len(pending)))]
            try:
                await asyncio.gather(*workers)
            finally:
                for w in workers:
                    w.cancel()
                await asyncio.gather(*workers, return_exceptions=True)
        finally:
            writer.close()
        if self.tally.aborted:
            log.warning("%s", self.tally.aborted)

    async def _worker(self, queue: Iterator[_Job], cache: ReplyCache, writer: res.ResultWriter, bar: Bar,
                      task: int) -> None:
        tally = self.tally
        for job in queue:  # one shared iterator: no await between next() calls, so no job is taken twice
            if tally.aborted:
                return
            start = time.perf_counter()
            reply, error, attempts = await self.call(job)
            latency = time.perf_counter() - start
            writer.write(self.record(job, reply, error, attempts, latency, cached=False))
            bar.advance(task)
            if reply is not None:
                cache.put(job.key, reply)
                tally.answered += 1
                tally.input_tokens += reply.input_tokens
                tally.output_tokens += reply.output_tokens
                tally.fatal_streak = -1  # one success: the settings work, never abort
                continue
            tally.failed += 1
            if tally.fatal_streak >= 0:
                tally.fatal_streak += 1
                if tally.fatal_streak >= ABORT_AFTER:
                    tally.aborted = (f"{self.spec.name}: the first {ABORT_AFTER} requests failed ({error}); stopped. "
                                     f"Fix the model settings and rerun with --resume")


def _prepare_folder(spec: ModelSpec, folder: Path, resume: bool, dataset: dict[str, Any]) -> set[res.PairKey]:
    """Check the folder may be written and return the pairs already answered there."""
    path = folder / "results.jsonl"
    if not resume:
        if path.exists() and path.stat().st_size > 0:
            raise MultiPrivError(f"{path} already has results: pass --resume to continue that run, "
                                 f"or choose another output folder")
        return set()
    runfile.check_resumable(runfile.read_run(folder / "run.json"), spec, dataset, folder)
    return {res.pair_key(r) for r in res.repair(path) if r.get("text") is not None}


def _make_provider(spec: ModelSpec) -> Provider:
    factory = PROVIDERS.get(spec.provider)
    if factory is None:
        known = ", ".join(sorted(PROVIDERS)) or "none"
        why = "; ".join(f"{mod} not loaded: {reason}" for mod, reason in _UNLOADED.items())
        raise MultiPrivError(f"model {spec.name!r}: unknown provider {spec.provider!r} (known: {known})"
                             + (f" ({why})" if why else ""))
    return factory(spec)


def _hash_images(paths: set[Path]) -> None:
    for path in sorted(paths):
        image_sha256(path)


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
        if cond not in get_args(Condition):
            raise MultiPrivError(f"unknown condition {cond!r}; choose from plain, protective, adversarial")
    if not specs:
        raise MultiPrivError("no models to evaluate")
    folders = {spec.name: model_dir(out, spec) for spec in specs}
    if len(set(folders.values())) != len(specs):
        raise MultiPrivError("two models share a name (or a folder name); give each a distinct name")
    from multipriv.dataset.validate import load_items  # heavy (it pulls in the renderer): only when running

    items_path = root / "items.jsonl"
    if not items_path.is_file():
        raise MultiPrivError(f"{items_path}: no items; is {root} a MultiPriv build?")
    selected = select_items(load_items(items_path), tasks=tasks, langs=langs, limit=limit, shard=shard)
    dataset = runfile.dataset_info(root)
    done = {spec.name: _prepare_folder(spec, folders[spec.name], resume, dataset) for spec in specs}
    await asyncio.to_thread(_hash_images, {(root / p).resolve() for it in selected for p in it.images})
    filters = {"tasks": sorted(tasks) if tasks else None, "langs": sorted(langs) if langs else None,
               "limit": limit, "shard": list(shard) if shard else None, "items": len(selected)}

    providers: list[Provider] = []
    runs: list[_ModelRun] = []
    try:
        for spec in specs:
            provider = _make_provider(spec)
            providers.append(provider)
            jobs, skipped = [], 0
            for item in selected:
                for cond in conds:
                    if (item.id, cond) in done[spec.name]:
                        skipped += 1
                        continue
                    request = build_request(item, cond, root)
                    jobs.append(_Job(item, cond, request, request_key(spec, request)))
            runs.append(_ModelRun(spec, provider, folders[spec.name], jobs, resumed=skipped, backoff=backoff))
        sessions: dict[str, list[dict[str, Any]]] = {}
        for run in runs:
            run.folder.mkdir(parents=True, exist_ok=True)
            previous = runfile.read_run(run.folder / "run.json") if resume else None
            sessions[run.spec.name] = [*(previous or {}).get("sessions", []), {"started": started_at}]
            runfile.write_run(run.folder / "run.json", runfile.run_manifest(
                run.spec, dataset, conditions=list(conds), filters=filters, sessions=sessions[run.spec.name],
                records=None))
        cache_file = (cache_path or out / "cache.sqlite") if use_cache else None
        bar_ctx: AbstractContextManager[Bar] = progress_bar() if progress else nullcontext(Bar())
        async with ReplyCache(cache_file) as cache:
            with bar_ctx as bar:
                outcomes = await asyncio.gather(*(run.run(cache, bar) for run in runs), return_exceptions=True)
    finally:
        await asyncio.gather(*(p.aclose() for p in providers), return_exceptions=True)

    summaries: dict[str, RunSummary] = {}
    for run in runs:
        records = res.repair(run.folder / "results.jsonl")
        session = sessions[run.spec.name][-1]
        t = run.tally
        session.update(finished=runfile.now(), requested=t.answered - t.cached + t.failed, cached=t.cached,
                       failed=t.failed, resumed=run.resumed, stopped=t.aborted)
        runfile.write_run(run.folder / "run.json", runfile.run_manifest(
            run.spec, dataset, conditions=list(conds), filters=filters, sessions=sessions[run.spec.name],
            records=records))
        summaries[run.spec.name] = RunSummary(
            model=run.spec.name, out=run.folder, total=len(run.jobs) + run.resumed,
            answered=t.answered + run.resumed, failed=t.failed, cached=t.cached, resumed=run.resumed,
            input_tokens=t.input_tokens, output_tokens=t.output_tokens,
            cost_usd=round(runfile.cost(run.spec, t.input_tokens, t.output_tokens), 6),
            elapsed_s=round(time.perf_counter() - clock, 3), stopped=t.aborted)
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            raise outcome
    return summaries
