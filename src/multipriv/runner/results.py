"""`results.jsonl`: one line per (item_id, condition), appended the moment an answer arrives.

Appending with a flush per record means a killed run loses only its in-flight requests; an fsync every
`FSYNC_EVERY` records or `FSYNC_S` seconds bounds what an OS crash can lose. The file is rewritten (atomically,
through a temporary file) only to repair a truncated last line on resume and to compact at the end of a run,
so that each pair appears once: its success if it ever had one, else its latest failure.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import IO, Any, TypedDict

from multipriv.jsonl import dumps_line, read_jsonl, skip
from multipriv.jsonl import write_atomic as write_text_atomic

FSYNC_EVERY = 256
FSYNC_S = 1.0


class ResultRecord(TypedDict):
    """One line of results.jsonl. `text` is None exactly when `error` is not None."""

    item_id: str
    twin_id: str
    task: int
    lang: str
    condition: str
    model: str
    text: str | None
    error: str | None  # one line: "timeout", "HTTP 400: ...", "empty response", ...
    attempts: int  # provider calls made (0 for a cache hit)
    input_tokens: int
    output_tokens: int
    latency_s: float
    cached: bool
    finish_reason: str | None  # as the provider said ("stop", "length", "content_filter"), when it did


PairKey = tuple[str, str]  # (item_id, condition)


def pair_key(record: ResultRecord | dict[str, Any]) -> PairKey:
    return (str(record["item_id"]), str(record["condition"]))


def dumps(record: ResultRecord | dict[str, Any]) -> str:
    """One line; a reply holding code points UTF-8 cannot carry (a lone surrogate) is escaped, never refused."""
    return dumps_line(record)


def read_records(path: Path) -> tuple[list[dict[str, Any]], int]:
    """Every readable record in file order, and how many lines were dropped (reported with their numbers by
    the shared JSONL reader: a truncated tail, usually)."""
    if not path.exists():
        return [], 0
    found = read_jsonl(path)
    records: list[dict[str, Any]] = []
    dropped = len(found.damaged)
    for number, record in found.rows:
        if not isinstance(record, dict) or "item_id" not in record or "condition" not in record:
            skip(path, number, "a line that is not a result record")
            dropped += 1
            continue
        records.append(record)
    return records, dropped


def compact(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per pair, first-seen order: the last success if any, else the last failure."""
    best: dict[PairKey, dict[str, Any]] = {}
    for record in records:
        key = pair_key(record)
        old = best.get(key)
        if old is None or record.get("text") is not None or old.get("text") is None:
            best[key] = record
    return list(best.values())


def write_atomic(path: Path, records: list[dict[str, Any]]) -> None:
    write_text_atomic(path, (dumps(r) for r in records))


def repair(path: Path) -> list[dict[str, Any]]:
    """Read, repair and compact a results file, rewriting it only if that changes anything.

    Used on resume (a kill can leave a truncated last line, and the next append must start on a fresh line)
    and at the end of a run (a resumed failure is replaced by its success).
    """
    records, dropped = read_records(path)
    kept = compact(records)
    unterminated = path.exists() and path.stat().st_size > 0 and not _ends_with_newline(path)
    if dropped or unterminated or len(kept) != len(records):
        write_atomic(path, kept)
    return kept


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) == b"\n"


class ResultWriter:
    """Append-only writer: write + flush per record, fsync in batches."""

    def __init__(self, path: Path, *, fsync_every: int = FSYNC_EVERY, fsync_s: float = FSYNC_S) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh: IO[str] | None = path.open("a", encoding="utf-8")
        self._fsync_every = fsync_every
        self._fsync_s = fsync_s
        self._unsynced = 0
        self._last_sync = time.monotonic()

    def write(self, record: ResultRecord) -> None:
        fh = self._fh
        if fh is None:
            raise RuntimeError(f"{self.path}: writer is closed")
        fh.write(dumps(record))
        fh.flush()
        self._unsynced += 1
        now = time.monotonic()
        if self._unsynced >= self._fsync_every or now - self._last_sync >= self._fsync_s:
            os.fsync(fh.fileno())
            self._unsynced = 0
            self._last_sync = now

    def close(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None
