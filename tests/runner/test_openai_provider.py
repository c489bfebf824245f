"""The OpenAI-compatible provider against the local fake server: request shape and failure classification."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from multipriv.errors import MultiPrivError
from multipriv.runner.base import ModelSpec, ProviderError, Reply
from multipriv.runner.openai_provider import OpenAIProvider, retry_after
from multipriv.runner.requests import build_request
from multipriv.tasks.schema import Item

from .conftest import KEY_ENV, SECRET, Action, FakeServer, make_dataset, spec_for


@pytest.fixture
def item_and_root(tmp_path: Path) -> tuple[Item, Path]:
    root = tmp_path / "build"
    return make_dataset(root, n=2)[0], root


def complete(spec: ModelSpec, item: Item, root: Path, condition: Any = "plain") -> Reply:
    async def go() -> Reply:
        provider = OpenAIProvider(spec)
        try:
            return await provider.complete(build_request(item, condition, root))
        finally:
            await provider.aclose()

    return asyncio.run(go())


def failure(spec: ModelSpec, item: Item, root: Path) -> ProviderError:
    with pytest.raises(ProviderError) as info:
        complete(spec, item, root)
    return info.value


def test_reply_and_request_shape(fake_server: FakeServer, item_and_root: tuple[Item, Path], key_env: str) -> None:
    item, root = item_and_root
    reply = complete(spec_for(fake_server, params={"temperature": 0, "top_k": 5}), item, root, "protective")
    assert reply.text.startswith("answer: Question 000") and (reply.input_tokens, reply.output_tokens) == (11, 3)
    assert reply.raw == {"finish_reason": "stop"}
    body = fake_server.bodies[0]
    assert body["model"] == "fake-vlm" and body["temperature"] == 0 and body["top_k"] == 5
    system, user = body["messages"]
    assert system["role"] == "system" and "personal data" in system["content"]
    kinds = [part["type"] for part in user["content"]]
    assert kinds == ["image_url", "image_url", "text"]
    assert fake_server.auth == [f"Bearer {SECRET}"]


def test_failures_are_classified(fake_server: FakeServer, item_and_root: tuple[Item, Path], key_env: str) -> None:
    item, root = item_and_root
    spec = spec_for(fake_server, timeout_s=0.3)
    cases = {
        "429": (True, "rate limited"), "500": (True, "HTTP 500"), "400": (False, "HTTP 400"),
        "hang": (True, "timeout"), "malformed": (True, "malformed response"), "empty": (True, "empty response"),
        "none": (True, "empty response"),
    }
    for kind, (retryable, message) in cases.items():
        action = Action(kind, headers=(("retry-after", "7"),))
        fake_server.script = lambda prompt, n, action=action: action  # type: ignore[misc]
        err = failure(spec, item, root)
        assert err.retryable is retryable and str(err).startswith(message), (kind, str(err))
        assert SECRET not in str(err)
        if kind == "429":
            assert err.retry_after == 7.0


def test_content_filter_is_an_empty_answer(fake_server: FakeServer, key_env: str) -> None:
    provider = OpenAIProvider(spec_for(fake_server))

    class Choice:
        finish_reason = "content_filter"
        message = type("M", (), {"content": None})()

    resp = type("R", (), {"choices": [Choice()], "usage": None})()
    assert provider._reply(resp) == Reply("", 0, 0, {"finish_reason": "content_filter"})


def test_connection_refused_is_retryable(item_and_root: tuple[Item, Path]) -> None:
    item, root = item_and_root
    spec = ModelSpec(name="x", base_url="http://127.0.0.1:9/v1", timeout_s=2.0)  # no key needed: api_key_env None
    err = failure(spec, item, root)
    assert err.retryable and str(err).startswith("connection error")


def test_missing_key_names_the_variable(fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.raises(MultiPrivError, match=f"{KEY_ENV} is not set"):
        OpenAIProvider(spec_for(fake_server))


def test_retry_after_forms() -> None:
    assert retry_after({"retry-after-ms": "1500"}) == 1.5
    assert retry_after({"retry-after": "3"}) == 3.0
    assert retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0  # in the past
    assert retry_after({"retry-after": "soon"}) is None and retry_after({}) is None
