"""Writing a build's large files as they are produced, so the main process's memory does not grow with the build.

Items come out of the task compilers in task order, but items.jsonl is sorted by id: `ItemWriter` serialises each
item at once, keeps at most `run_size` lines, spills each full batch as a sorted run file and merges the runs
at the end (an external merge sort). The counts the manifest needs are tallied on the way, and a repeated id is
caught in the merge, where equal ids meet. The bytes are exactly those of sorting every item in memory.
`read_items` is the reading side: one item at a time, for checks that look at each item once.
"""

from __future__ import annotations

import heapq
import json
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from pydantic import ValidationError

from multipriv.errors import MultiPrivError
from multipriv.jsonl import NOT_JSON, NOT_UTF8, TRUNCATED, skip, where
from multipriv.tasks.schema import Item
from multipriv.world.io import first_error

RUN_SIZE = 4000  # lines held before a sorted run is spilled (~20 MB of items at most)


def item_line(item: Item) -> str:
    """One line of items.jsonl (without its newline)."""
    return json.dumps(item.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


class Tally:
    """The manifest's `counts`, item by item."""

    KEYS = ("by_task", "by_lang", "by_level", "by_category")

    def __init__(self) -> None:
        self.items = 0
        self.controls = 0
        self._by: dict[str, Counter[str]] = {key: Counter() for key in self.KEYS}

    def add(self, item: Item) -> None:
        self.items += 1
        self.controls += item.control
        for key, value in zip(self.KEYS, (str(item.task), item.lang, item.level, item.category or "none"),
                              strict=True):
            self._by[key][value] += 1

    def counts(self) -> dict[str, Any]:
        """In the order and form the manifest has always had."""
        by = {key: dict(sorted(counter.items())) for key, counter in self._by.items()}
        return {"items": self.items, **by, "controls": self.controls}


class ItemWriter:
    """Sorted items.jsonl from items added in any order; use as a context manager, then `finish()`."""

    def __init__(self, path: Path, run_size: int = RUN_SIZE) -> None:
        self.path = path
        self.run_size = run_size
        self.runs: list[Path] = []
        self._buffer: list[tuple[str, str]] = []  # (id, line)
        self._tmp = tempfile.TemporaryDirectory(prefix=".items-", dir=path.parent)
        self.tally = Tally()

    def __enter__(self) -> ItemWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._tmp.cleanup()

    def add(self, item: Item) -> None:
        self._buffer.append((item.id, item_line(item)))
        self.tally.add(item)
        if len(self._buffer) >= self.run_size:
            self._spill()

    def extend(self, items: Iterable[Item]) -> None:
        for item in items:
            self.add(item)

    def _spill(self) -> None:
        run = Path(self._tmp.name) / f"run-{len(self.runs):05d}"
        with run.open("w", encoding="utf-8", newline="\n") as fh:
            for key, line in sorted(self._buffer):
                fh.write(f"{key}\t{line}\n")  # JSON escapes tabs, so the first tab ends the id
        self.runs.append(run)
        self._buffer = []

    def finish(self) -> dict[str, Any]:
        """Merge every run into `path`; returns the counts."""
        self._buffer.sort()
        files = [run.open(encoding="utf-8", newline="\n") for run in self.runs]
        try:
            merged = heapq.merge(*(_read_run(fh) for fh in files), iter(self._buffer))
            with self.path.open("w", encoding="utf-8", newline="\n") as out:
                previous = None
                for key, line in merged:
                    if key == previous:
                        raise MultiPrivError("two items got the same id: a task compiled one question twice")
                    previous = key
                    out.write(line + "\n")
        finally:
            for fh in files:
                fh.close()
        self._buffer = []
        return self.tally.counts()


def _read_run(fh: IO[str]) -> Iterator[tuple[str, str]]:
    for row in fh:
        key, _, line = row.rstrip("\n").partition("\t")
        yield key, line


def read_items(path: Path) -> Iterator[Item]:
    """The items of an items file one line at a time, with `load_items`'s policy: a damaged line (not UTF-8, not
    JSON, a truncated last line) is reported and skipped, a line that parses but is no item is a one-line error.
    pydantic parses each line straight from its bytes; only a line it refuses is looked at the careful way."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise MultiPrivError(f"cannot read {path}: {exc.strerror or exc}") from None
    with fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a byte-order mark some editors write
            if not raw.strip():
                continue
            try:
                yield Item.model_validate_json(raw)
            except ValidationError:
                item = _careful(path, number, raw)
                if item is not None:
                    yield item


def _careful(path: Path, number: int, raw: bytes) -> Item | None:
    try:
        row = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        last = not raw.endswith(b"\n")
        skip(path, number, TRUNCATED if last else NOT_UTF8 if isinstance(exc, UnicodeDecodeError) else NOT_JSON)
        return None
    try:
        return Item.model_validate(row)
    except ValidationError as exc:
        raise MultiPrivError(f"{where(path, number)}: invalid item: {first_error(exc)}") from None
