"""JSON Lines, read and written the same way by every stage (eval, score, report, refusal).

One policy for a damaged line: a line that is not UTF-8, not valid JSON, or the unfinished last line a killed
writer leaves, is reported with its file and line number and skipped (`strict=True` raises `MultiPrivError`
with the same words instead, for files whose lines must all be there). Nothing here ever raises a decoding
error as a traceback.

Writing never fails on what a string holds: text is kept as UTF-8, but a record holding a code point UTF-8
cannot carry (a lone surrogate in a server's reply, or in a path that came from non-UTF-8 bytes) is written
with `\\uXXXX` escapes instead, which read back to the very same string.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multipriv.errors import MultiPrivError

log = logging.getLogger("multipriv")

TRUNCATED = "a truncated last line"
NOT_UTF8 = "a line that is not UTF-8"
NOT_JSON = "a line that is not valid JSON"


@dataclass
class JsonlFile:
    """What `read_jsonl` found: (line number, value) for every good line, and the damaged lines' numbers."""

    path: Path
    rows: list[tuple[int, Any]] = field(default_factory=list)
    damaged: list[tuple[int, str]] = field(default_factory=list)  # (line number, why)
    unterminated: bool = False  # the file does not end with a newline (an append must start a fresh line)


def where(path: Path, number: int) -> str:
    return f"{path}, line {number}"


def skip(path: Path, number: int, why: str) -> None:
    """Report one skipped line (also for callers whose own checks reject a line that parsed)."""
    log.warning("%s: skipped %s", where(path, number), why)


def read_jsonl(path: Path, *, data: bytes | None = None, strict: bool = False) -> JsonlFile:
    """Read `path` (or its already-read bytes `data`); blank lines are ignored, damaged ones reported."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise MultiPrivError(f"cannot read {path}: {exc.strerror or exc}") from None
    out = JsonlFile(path, unterminated=bool(data) and not data.endswith(b"\n"))
    lines = data.split(b"\n")
    last = len(lines) if out.unterminated else -1
    for number, raw in enumerate(lines, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # a byte-order mark some editors write
        if not raw.strip():
            continue
        try:
            out.rows.append((number, json.loads(raw.decode("utf-8"))))
            continue
        except UnicodeDecodeError:
            why = TRUNCATED if number == last else NOT_UTF8
        except ValueError:
            why = TRUNCATED if number == last else NOT_JSON
        if strict:
            raise MultiPrivError(f"{where(path, number)}: {why.removeprefix('a line that is ')}")
        out.damaged.append((number, why))
        skip(path, number, why)
    return out


def dumps(value: Any, *, indent: int | None = None) -> str:
    """JSON text that always encodes as UTF-8: non-ASCII kept, lone surrogates escaped."""
    separators = (",", ": ") if indent is not None else (",", ":")
    text = json.dumps(value, ensure_ascii=False, indent=indent, separators=separators, default=str)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value, ensure_ascii=True, indent=indent, separators=separators, default=str)
    return text


def dumps_line(value: Any) -> str:
    return dumps(value) + "\n"


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write through a temporary file of this process, fsync it, then rename it over `path`."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            if isinstance(text, str):
                fh.write(text)
            else:
                fh.writelines(text)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
