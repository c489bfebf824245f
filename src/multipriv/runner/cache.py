"""A SQLite cache of replies keyed by `request_key`: a repeated run costs nothing and sends nothing.

All database work happens on one dedicated thread (so the event loop never blocks on disk and no connection
crosses threads); writes are queued and committed in batches. The cache is a convenience, never a risk: a file
that is not a database is moved aside (`cache.sqlite.corrupt-<n>`) with a one-line warning and a fresh one is
started, and any later database error disables the cache for the rest of the run instead of failing it.
A reply holding code points UTF-8 cannot carry (a lone surrogate) is stored as its surrogate-passing bytes
and read back to the same string.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from multipriv.runner.base import Reply

log = logging.getLogger("multipriv.runner")
T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS replies (
    key TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    raw TEXT NOT NULL,
    created REAL NOT NULL
)
"""
BATCH = 256  # pending writes that trigger a commit before the timer does
FLUSH_S = 0.5


def _to_db(text: str) -> str | bytes:
    """SQLite takes only valid UTF-8 text: a string with a lone surrogate goes in as its bytes instead."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")
    return text


def _from_db(value: str | bytes) -> str:
    return value.decode("utf-8", "surrogatepass") if isinstance(value, bytes) else value


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(_SCHEMA)
        conn.execute("SELECT count(*) FROM replies WHERE key = ''").fetchone()
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


def _move_aside(path: Path) -> Path:
    n = 1
    while path.with_name(f"{path.name}.corrupt-{n}").exists():
        n += 1
    target = path.with_name(f"{path.name}.corrupt-{n}")
    path.replace(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target


def open_connection(path: Path) -> sqlite3.Connection | None:
    """Open or create the cache; a corrupted file is moved aside. None if even a fresh file cannot be made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _connect(path)
    except sqlite3.DatabaseError as exc:
        if not path.exists():
            log.warning("cache %s unusable (%s); running without a cache", path, exc)
            return None
        target = _move_aside(path)
        log.warning("cache %s is corrupted (%s); moved it to %s and started a fresh cache", path, exc, target.name)
    try:
        return _connect(path)
    except sqlite3.DatabaseError as exc:
        log.warning("cache %s unusable (%s); running without a cache", path, exc)
        return None


class ReplyCache:
    """Use as `async with ReplyCache(path) as cache:`; `get_many` before the run, `put` per success."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="multipriv-cache")
        self._conn: sqlite3.Connection | None = None
        self._pending: list[tuple[str, str | bytes, int, int, str, float]] = []
        self._flusher: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._closing = False

    @property
    def enabled(self) -> bool:
        return self._conn is not None

    async def __aenter__(self) -> ReplyCache:
        if self.path is not None:
            self._conn = await self._run(open_connection, self.path)
        if self._conn is not None:
            self._flusher = asyncio.create_task(self._flush_loop())
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _run(self, fn: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def _disable(self, exc: BaseException) -> None:
        if self._conn is not None:
            log.warning("cache %s failed (%s); continuing without it", self.path, exc)
            conn, self._conn = self._conn, None
            self._pool.submit(conn.close)

    async def get_many(self, keys: Iterable[str]) -> dict[str, Reply]:
        conn = self._conn
        if conn is None:
            return {}
        wanted = list(dict.fromkeys(keys))

        def lookup() -> dict[str, Reply]:
            found: dict[str, Reply] = {}
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(f"SELECT key, text, input_tokens, output_tokens, raw FROM replies "
                                    f"WHERE key IN ({marks})", chunk).fetchall()
                for key, text, tin, tout, raw in rows:
                    found[key] = Reply(_from_db(text), tin, tout, json.loads(raw))
            return found

        try:
            result: dict[str, Reply] = await self._run(lookup)
        except (sqlite3.Error, ValueError) as exc:
            self._disable(exc)
            return {}
        return result

    def put(self, key: str, reply: Reply) -> None:
        """Queue one reply; a background task commits batches."""
        if self._conn is None:
            return
        self._pending.append((key, _to_db(reply.text), reply.input_tokens, reply.output_tokens,
                              json.dumps(reply.raw, default=str), time.time()))
        if len(self._pending) >= BATCH:
            self._wake.set()

    async def flush(self) -> None:
        conn = self._conn
        if conn is None or not self._pending:
            return
        rows, self._pending = self._pending, []

        def write() -> None:
            with conn:
                conn.execute("BEGIN")
                conn.executemany("INSERT OR REPLACE INTO replies VALUES (?, ?, ?, ?, ?, ?)", rows)

        try:
            await self._run(write)
        except (sqlite3.Error, ValueError) as exc:
            self._disable(exc)

    async def _flush_loop(self) -> None:
        while not self._closing:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=FLUSH_S)
            self._wake.clear()
            await self.flush()

    async def close(self) -> None:
        self._closing = True
        if self._flusher is not None:
            self._wake.set()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flusher
            self._flusher = None
        await self.flush()
        if self._conn is not None:
            conn, self._conn = self._conn, None
            await self._run(conn.close)
        self._pool.shutdown(wait=True)
