"""Ask one model many requests outside a run: cached, concurrent, with the runner's retries, and the provider
always closed. The judge (score/judge.py) uses it, so its calls behave like every other model call."""

from __future__ import annotations

import asyncio
from collections.abc import Hashable, Mapping
from typing import TypeVar

from multipriv.runner.base import ModelSpec, Reply, Request
from multipriv.runner.cache import ReplyCache
from multipriv.runner.requests import request_key
from multipriv.runner.retry import BACKOFF, complete_with_retries
from multipriv.runner.setup import load_providers, make_provider

K = TypeVar("K", bound=Hashable)


async def complete_requests(spec: ModelSpec, requests: Mapping[K, Request], cache: ReplyCache, *,
                            backoff: tuple[float, float] = BACKOFF) -> dict[K, Reply | Exception]:
    """Each request's reply (from `cache` where it has one), or the exception its last attempt raised."""
    if not requests:
        return {}
    keys = {k: request_key(spec, req) for k, req in requests.items()}
    cached = await cache.get_many(keys.values())
    todo = [k for k in requests if keys[k] not in cached]
    out: dict[K, Reply | Exception] = {k: cached[keys[k]] for k in requests if keys[k] in cached}
    if not todo:
        return out
    load_providers()
    provider = make_provider(spec)
    semaphore = asyncio.Semaphore(spec.concurrency)

    async def one(k: K) -> None:
        async with semaphore:
            try:
                reply = await complete_with_retries(provider, spec, requests[k], backoff=backoff)
            except Exception as exc:  # the caller decides what an unanswered request means
                out[k] = exc
                return
        cache.put(keys[k], reply)
        out[k] = reply

    try:
        await asyncio.gather(*(one(k) for k in todo))
    finally:
        await provider.aclose()
    return out
