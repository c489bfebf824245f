"""One request with the runner's retry policy: exponential jittered backoff, a server's Retry-After honoured up
to a bound, a per-attempt timeout; used by the engine for every pair and by anything else that calls a model
(the judge), so all model calls retry the same way."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt, wait_random_exponential

from multipriv.runner.base import ModelSpec, Provider, ProviderError, Reply, Request

MAX_RETRY_AFTER_S = 600.0  # a server asking for more is not honoured beyond this
BACKOFF = (1.0, 30.0)  # (initial, maximum) seconds between retries


def backoff_wait(initial: float, maximum: float) -> Any:
    jitter = wait_random_exponential(multiplier=initial, max=maximum)

    def wait(state: RetryCallState) -> float:
        base: float = jitter(state)
        exc = state.outcome.exception() if state.outcome else None
        after = getattr(exc, "retry_after", None)
        return max(base, min(float(after), MAX_RETRY_AFTER_S)) if after else base

    return wait


@dataclass
class Attempted:
    reply: Reply
    attempts: int


def retryable_error(exc: BaseException) -> bool:
    return isinstance(exc, ProviderError) and exc.retryable


async def complete_with_retries(provider: Provider, spec: ModelSpec, request: Request, *,
                                backoff: tuple[float, float] = BACKOFF,
                                retryable: Callable[[BaseException], bool] = retryable_error,
                                on_attempt: Callable[[], None] | None = None) -> Reply:
    """The provider's reply; raises the last `ProviderError` (a timeout becomes a retryable one) when every
    attempt failed or the error is not retryable. `on_attempt` is called before each attempt (for counting)."""
    retrying = AsyncRetrying(stop=stop_after_attempt(spec.max_retries + 1), wait=backoff_wait(*backoff),
                             retry=retry_if_exception(retryable), reraise=True)
    async for attempt in retrying:
        with attempt:
            if on_attempt:
                on_attempt()
            try:
                async with asyncio.timeout(spec.timeout_s):
                    return await provider.complete(request)
            except TimeoutError:
                raise ProviderError("timeout", retryable=True) from None
    raise AssertionError("unreachable: tenacity re-raises the last error")  # pragma: no cover
