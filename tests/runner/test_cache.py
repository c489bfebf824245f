"""The reply cache and its key: round trips, corruption, and what the key does and does not depend on."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

import pytest

from multipriv.runner.base import ModelSpec, Reply
from multipriv.runner.cache import ReplyCache
from multipriv.runner.requests import build_request, request_key
from multipriv.tasks.schema import Item

from .conftest import make_dataset


def test_round_trip_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"

    async def go() -> dict[str, Reply]:
        async with ReplyCache(path) as cache:
            cache.put("k1", Reply("yes", 10, 2, {"finish_reason": "stop"}))
            cache.put("k2", Reply("", 5, 0, {"finish_reason": "content_filter"}))
        async with ReplyCache(path) as cache:
            return await cache.get_many(["k1", "k2", "missing"])

    found = asyncio.run(go())
    assert found == {"k1": Reply("yes", 10, 2, {"finish_reason": "stop"}),
                     "k2": Reply("", 5, 0, {"finish_reason": "content_filter"})}


def test_garbage_file_is_moved_aside(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "cache.sqlite"
    path.write_bytes(os.urandom(4096))
    (tmp_path / "cache.sqlite.corrupt-1").write_bytes(b"older")

    async def go() -> dict[str, Reply]:
        async with ReplyCache(path) as cache:
            assert cache.enabled
            cache.put("k", Reply("ok"))
            await cache.flush()
            return await cache.get_many(["k"])

    with caplog.at_level(logging.WARNING, logger="multipriv.runner"):
        assert asyncio.run(go()) == {"k": Reply("ok")}
    assert (tmp_path / "cache.sqlite.corrupt-2").stat().st_size == 4096
    assert len([r for r in caplog.records if "corrupted" in r.getMessage()]) == 1


def test_disabled_cache_is_a_no_op() -> None:
    async def go() -> dict[str, Reply]:
        async with ReplyCache(None) as cache:
            cache.put("k", Reply("x"))
            return await cache.get_many(["k"])

    assert asyncio.run(go()) == {}


def _key(spec: ModelSpec, item: Item, root: Path) -> str:
    return request_key(spec, build_request(item, "plain", root))


def test_key_depends_on_what_changes_the_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "build"
    item = make_dataset(root, n=3)[1]
    spec = ModelSpec(name="m", model="vlm", base_url="http://127.0.0.1:1/v1", api_key_env="K",
                     params={"temperature": 0, "max_tokens": 8})
    base = _key(spec, item, root)
    monkeypatch.setenv("K", "sk-one")
    assert _key(spec, item, root) == base  # the key's value never matters
    same = spec.model_copy(update={"params": {"max_tokens": 8, "temperature": 0}, "concurrency": 99,
                                   "timeout_s": 1.0, "name": "other", "price_in": 3.0})
    assert _key(same, item, root) == base
    for change in ({"params": {"temperature": 1}}, {"model": "vlm2"}, {"base_url": "http://127.0.0.1:2/v1"}):
        assert _key(spec.model_copy(update=change), item, root) != base, change
    assert request_key(spec, build_request(item, "protective", root)) != base
    image = root / item.images[0]
    stat = image.stat()
    image.write_bytes(image.read_bytes() + b"\x00")  # new content, new key (mtime or size changed)
    os.utime(image, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert _key(spec, item, root) != base
