"""What the `multipriv` commands share: printing, option parsing, the eval summary and exit status.

Everything shown on the console goes through `say` or `fail` as rich `Text`, never as markup: a folder named
`x[/bold]` or an install hint like `multipriv[anthropic]` prints exactly as it is.
"""

from __future__ import annotations

import logging
import shlex
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, TimeRemainingColumn
from rich.text import Text

from multipriv.errors import MultiPrivError

if TYPE_CHECKING:
    from multipriv.pipeline.reporter import Tick
    from multipriv.runner.engine import RunSummary

console = Console(stderr=True)
EXIT_ERROR = 2  # a problem to fix (one line on stderr)
EXIT_FAILED = 3  # the run ended, but some pairs failed: rerun with --resume to retry them


def say(message: str, *, style: str | None = None) -> None:
    """One message on stderr, as text: brackets in paths and names are printed, not interpreted."""
    console.print(Text(message, style=style or ""), soft_wrap=True, highlight=False)


def fail(message: str) -> None:
    console.print(Text.assemble(("error:", "red"), " ", " ".join(message.split())), soft_wrap=True,
                  highlight=False)


class _Lines(logging.Handler):
    """Warnings as `warning: ...` lines on the current stderr (above a live progress bar, not through it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(f"{record.levelname.lower()}: {' '.join(record.getMessage().split())}\n")
        except Exception:  # logging must never end a run
            self.handleError(record)


def show_warnings() -> None:
    logger = logging.getLogger("multipriv")
    if not any(isinstance(h, _Lines) for h in logger.handlers):
        logger.addHandler(_Lines(logging.WARNING))
        logger.setLevel(logging.WARNING)
        logger.propagate = False


def progress() -> Progress:
    """A bar with counts, rate and ETA on stderr, cleared when done."""
    columns = (*Progress.get_default_columns()[:-1], MofNCompleteColumn(), TimeRemainingColumn())
    return Progress(*columns, console=console, transient=True)


class ConsoleReporter:
    """The pipeline's messages as lines on stderr and its long steps as progress bars."""

    def say(self, message: str) -> None:
        say(message)

    @contextmanager
    def progress(self, label: str) -> Iterator[Tick]:
        with progress() as bar:
            task = bar.add_task(label, total=None)

            def tick(done: int, total: int | None, stage: str | None = None) -> None:
                bar.update(task, completed=done, total=total, description=stage or label)

            yield tick


def parse_shard(shard: str | None) -> tuple[int, int] | None:
    if shard is None:
        return None
    try:
        i, n = (int(x) for x in shard.split("/"))
    except ValueError:
        raise MultiPrivError(f"--shard takes i/n, e.g. 0/4, not {shard!r}") from None
    if not 0 <= i < n:
        raise MultiPrivError(f"--shard {shard}: need 0 <= i < n")
    return i, n


def int_set(text: str | None, what: str) -> set[int] | None:
    if not text:
        return None
    try:
        return {int(x) for x in text.split(",")}
    except ValueError:
        raise MultiPrivError(f"--{what} takes numbers separated by commas, not {text!r}") from None


def command_line(ctx: typer.Context, add: Sequence[str] = ()) -> str:
    """The running command as it can be typed again: `multipriv`, the command, every argument and option the
    user gave (defaults left out), then `add` (e.g. --resume) unless already there."""
    words = ["multipriv", ctx.info_name or ""]
    for param in ctx.command.params:
        name = param.name or ""
        value = ctx.params.get(name)
        source = ctx.get_parameter_source(name)
        if source is None or source.name in ("DEFAULT", "DEFAULT_MAP"):
            continue
        opts = list(getattr(param, "opts", None) or [])
        if param.param_type_name == "argument":
            words += [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
        elif getattr(param, "is_flag", False):
            secondary = list(getattr(param, "secondary_opts", None) or [])
            words.append(opts[0] if value or not secondary else secondary[0])
        elif value is not None and opts:
            words += [opts[0], str(value)]
    words += [flag for flag in add if flag not in words]
    return shlex.join(words)


def summarise(summaries: Mapping[str, RunSummary]) -> int:
    """Print one line per model; return how many pairs failed in all."""
    for name, s in summaries.items():
        line = (f"{name}: {s.answered} answered, {s.failed} failed, {s.cached} from cache, "
                f"{s.input_tokens + s.output_tokens} tokens, ${s.cost_usd:.4f}, {s.elapsed_s:.1f} s")
        say(line + (f" ({s.stopped})" if s.stopped else ""))
    return sum(s.failed for s in summaries.values())


def failed_line(summaries: Mapping[str, RunSummary], resume: str) -> str:
    failed = sum(s.failed for s in summaries.values())
    total = sum(s.total for s in summaries.values())
    per_model = ", ".join(f"{name}: {s.failed}" for name, s in summaries.items() if s.failed)
    return f"{failed} of {total} answers failed ({per_model}); retry them with: {resume}"
