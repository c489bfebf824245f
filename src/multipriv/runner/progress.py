"""Progress bars for `multipriv eval`: one line per model with count, rate and ETA, on stderr.

`Bar` is the silent version (progress=False); the rich one refreshes on its own thread, so advancing it from
the event loop costs a lock and an addition, not a redraw.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class Bar:
    """No output: what the engine talks to when progress is off."""

    def add(self, name: str, total: int, done: int = 0) -> int:
        return 0

    def advance(self, task: int) -> None:
        return None


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:6.1f}/s" if speed else "     ?/s", style="progress.data.speed")


class _RichBar(Bar):
    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    def add(self, name: str, total: int, done: int = 0) -> int:
        return int(self.progress.add_task(name, total=total, completed=done))

    def advance(self, task: int) -> None:
        self.progress.advance(TaskID(task))


@contextmanager
def progress_bar() -> Iterator[Bar]:
    progress = Progress(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(), _Rate(),
                        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                        console=Console(stderr=True), speed_estimate_period=60.0)
    with progress:
        yield _RichBar(progress)
