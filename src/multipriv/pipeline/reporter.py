"""How the pipeline tells its caller what it is doing, without knowing whether anyone watches: the CLI passes a
console reporter (lines on stderr, progress bars), a library caller or a test the silent one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol


class Tick(Protocol):
    """Progress of one step: `done` of `total` (None while unknown), with the step's current stage name."""

    def __call__(self, done: int, total: int | None, stage: str | None = None) -> None: ...


class Reporter(Protocol):
    def say(self, message: str) -> None:
        """One line for a person: what was written, reused or skipped, and warnings."""

    def progress(self, label: str) -> AbstractContextManager[Tick]:
        """A progress display for one long step, closed when the step ends."""


def _ignore(done: int, total: int | None, stage: str | None = None) -> None:
    return None


class Quiet:
    """Says nothing: for library calls and tests."""

    def say(self, message: str) -> None:
        return None

    @contextmanager
    def progress(self, label: str) -> Iterator[Tick]:
        yield _ignore


QUIET = Quiet()
