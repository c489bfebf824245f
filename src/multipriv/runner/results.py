"""`results.jsonl`: one line per (item_id, condition), appended the moment an answer arrives.

Appending with a flush per record means a killed run loses only its in-flight requests; an fsync every
`FSYNC_EVERY` records or `FSYNC_S` seconds bounds what an OS crash can lose. The file is rewritten (atomically,
through a temporary file) only to repair a truncated last line on resume and to compact at the end of a run,
so that each pair appears once: its success if it ever had one, else its latest failure.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from pydantic import BaseModel, ConfigDict, ValidationError

from multipriv.jsonl import dumps_line, read_jsonl, skip
from multipriv.jsonl import write_atomic as write_text_atomic

FSYNC_EVERY = 256
FSYNC_S = 1.0


class AnswerRecord(BaseModel):
    """One line of results.jsonl: one model's answer to one (item, condition) pair, or why there is none.
    `text` is None exactly when `error` is not None. Item fields beyond the ids are copied for readers of the
    file alone (a person with `jq`); MultiPriv's own readers join items by `item_id` (`analysis/frame.py`)."""

    model_config = ConfigDict(extra="allow", frozen=True)  # newer writers may add fields

    item_id: str
    twin_id: str = ""
    task: int = 0
    lang: str = ""
    condition: str
    model: str = ""
    text: str | None = None
    error: str | None = None  # one line: "timeout", "HTTP 400: ...", "empty response", ...
    attempts: int = 0  # provider calls made (0 for a cache hit)
    input_tokens: int = 0
    output_tokens: int = 0
    latency_s: float = 0.0
    cached: bool = False
    finish_reason: str | None = None  # as the provider said ("stop", "length", "content_filter"), when it did

    @property
    def answered(self) -> bool:
        return self.text is not None


PairKey = tuple[str, str]  # (item_id, condition)


def pair_key(record: AnswerRecord) -> PairKey:
    return (record.item_id, record.condition)


def dumps(record: AnswerRecord) -> str:
    """One line; a reply holding code points UTF-8 cannot carry (a lone surrogate) is escaped, never refused."""
    return dumps_line(record.model_dump())


def read_records(path: Path) -> tuple[list[AnswerRecord], int]:
    """Every readable record in file order, and how many lines were dropped (reported with their numbers by
    the shared JSONL reader: a truncated tail, usually, or a line that is not an answer record)."""
    if not path.exists():
        return [], 0
    found = read_jsonl(path)
    records: list[AnswerRecord] = []
    dropped = len(found.damaged)
    for number, row in found.rows:
        try:
            records.append(AnswerRecord.model_validate(row))
        except ValidationError:
            skip(path, number, "a line that is not an answer record")
            dropped += 1
    return records, dropped


def compact(records: Iterable[AnswerRecord]) -> list[AnswerRecord]:
    """One record per pair, first-seen order: the last success if any, else the last failure."""
    best: dict[PairKey, AnswerRecord] = {}
    for record in records:
        key = pair_key(record)
        old = best.get(key)
        if old is None or record.text is not None or old.text is None:
            best[key] = record
    return list(best.values())


def write_atomic(path: Path, records: Iterable[AnswerRecord]) -> None:
    write_text_atomic(path, (dumps(r) for r in records))


def repair(path: Path) -> list[AnswerRecord]:
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

    def write(self, record: AnswerRecord) -> None:
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
