"""complete_requests: the judge's way to call a model retries like the runner, caches, and always closes."""

from __future__ import annotations

import asyncio
from pathlib import Path

from multipriv.runner.base import PROVIDERS, ModelSpec, ProviderError, Reply, Request
from multipriv.runner.cache import ReplyCache
from multipriv.runner.complete import complete_requests
from multipriv.tasks.schema import Item

from .conftest import make_dataset

CALLS: dict[str, int] = {}
CLOSED: list[str] = []


class Flaky:
    """Fails each prompt's first attempt with a retryable error; prompts starting with "bad" always fail hard."""

    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec

    async def complete(self, request: Request) -> Reply:
        CALLS[request.prompt] = CALLS.get(request.prompt, 0) + 1
        if request.prompt.startswith("bad"):
            raise ProviderError("HTTP 400: refused", retryable=False)
        if CALLS[request.prompt] == 1:
            raise ProviderError("HTTP 503: busy", retryable=True)
        return Reply(text=f"answer to {request.prompt}")

    async def aclose(self) -> None:
        CLOSED.append(self.spec.name)


def _request(item: Item, prompt: str) -> Request:
    return Request(item=item, system=None, prompt=prompt, images=())


def test_retries_caches_and_closes(tmp_path: Path) -> None:
    any_item = make_dataset(tmp_path / "data", n=1)[0]
    PROVIDERS["flaky-test"] = Flaky
    try:
        spec = ModelSpec(name="judge", provider="flaky-test", max_retries=2)
        requests = {0: _request(any_item, "one"), 1: _request(any_item, "two"), 2: _request(any_item, "bad one")}

        async def go() -> dict[int, Reply | Exception]:
            async with ReplyCache(tmp_path / "cache.sqlite") as cache:
                return await complete_requests(spec, requests, cache, backoff=(0.0, 0.0))

        first = asyncio.run(go())
        assert isinstance(first[0], Reply) and first[0].text == "answer to one"
        assert isinstance(first[1], Reply) and CALLS["one"] == 2 and CALLS["two"] == 2  # one retry each
        assert isinstance(first[2], ProviderError) and CALLS["bad one"] == 1  # not retried
        assert CLOSED == ["judge"]
        second = asyncio.run(go())  # answered ones come from the cache; only the failed one is asked again
        assert isinstance(second[0], Reply) and CALLS["one"] == 2 and CALLS["bad one"] == 2
        assert CLOSED == ["judge", "judge"]
    finally:
        PROVIDERS.pop("flaky-test", None)
