"""The Anthropic provider against a local fake of the Messages API (a real HTTP server, not SDK mocks)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import anthropic  # noqa: F401  (an optional extra, in `dev`: CI runs this test)
import pytest

from multipriv.runner.anthropic_provider import AnthropicProvider
from multipriv.runner.base import ModelSpec, ProviderError, Reply
from multipriv.runner.requests import build_request

from .conftest import KEY_ENV, SECRET, Action, FakeServer, make_dataset, read_results, run


def claude(fake: FakeServer, **overrides: object) -> ModelSpec:
    fields: dict[str, object] = {"name": "claude", "provider": "anthropic", "model": "fake-claude",
                                 "base_url": fake.root_url, "api_key_env": KEY_ENV, "timeout_s": 2.0,
                                 "params": {"temperature": 0}}
    fields.update(overrides)
    return ModelSpec.model_validate(fields)


def test_messages_request_and_reply(fake_server: FakeServer, tmp_path: Path, key_env: str) -> None:
    root = tmp_path / "build"
    item = make_dataset(root, n=2)[0]

    async def go() -> Reply:
        provider = AnthropicProvider(claude(fake_server))
        try:
            return await provider.complete(build_request(item, "protective", root))
        finally:
            await provider.aclose()

    reply = asyncio.run(go())
    assert reply.text.startswith("answer: Question 000") and (reply.input_tokens, reply.output_tokens) == (21, 4)
    body = fake_server.bodies[0]
    assert body["model"] == "fake-claude" and body["max_tokens"] == 1024 and "personal data" in body["system"]
    blocks = body["messages"][0]["content"]
    assert [b["type"] for b in blocks] == ["image", "image", "text"]
    assert blocks[0]["source"]["media_type"] == "image/png" and blocks[1]["source"]["media_type"] == "image/jpeg"
    assert SECRET in fake_server.auth[0]  # x-api-key or a bearer token, depending on the SDK version


def test_rate_limit_is_retryable(fake_server: FakeServer, tmp_path: Path, key_env: str) -> None:
    root = tmp_path / "build"
    item = make_dataset(root, n=1)[0]
    fake_server.script = lambda prompt, n: Action("429", headers=(("retry-after", "2"),))

    async def go() -> None:
        provider = AnthropicProvider(claude(fake_server))
        try:
            await provider.complete(build_request(item, "plain", root))
        finally:
            await provider.aclose()

    with pytest.raises(ProviderError) as info:
        asyncio.run(go())
    assert info.value.retryable and info.value.retry_after == 2.0 and SECRET not in str(info.value)


def test_run_eval_with_anthropic(fake_server: FakeServer, tmp_path: Path, key_env: str) -> None:
    root = tmp_path / "build"
    make_dataset(root, n=6)
    summary = run(root, [claude(fake_server)], tmp_path / "out")["claude"]
    assert summary.answered == 6
    assert all(r["text"] for r in read_results(tmp_path / "out" / "claude" / "results.jsonl"))
