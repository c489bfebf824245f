"""What the `multipriv` commands share: printing, option parsing, the eval summary and exit status.

Everything shown on the console goes through `say` or `fail` as rich `Text`, never as markup: a folder named
`x[/bold]` or an install hint like `multipriv[anthropic]` prints exactly as it is.
"""

from __future__ import annotations

import logging
import shlex
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, TimeRemainingColumn
from rich.text import Text

from multipriv.errors import MultiPrivError

if TYPE_CHECKING:
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


def evaluate(*, data: Path, out: Path, models: Path | None, model: str | None, base_url: str | None,
             api_key_env: str | None, baselines: str | None, concurrency: int, conditions: str, tasks: str | None,
             lang: str | None, limit: int | None, shard: str | None, resume: bool, priors_file: Path | None,
             dev_data: Path | None) -> dict[str, RunSummary]:
    """`multipriv eval` without its printing: the model specs from the options, then `run_eval`."""
    import asyncio

    from multipriv.runner.base import ModelSpec
    from multipriv.runner.conditions import get_condition
    from multipriv.runner.engine import run_eval
    from multipriv.runner.models_file import load_models

    specs: list[ModelSpec] = load_models(models) if models else []
    if model:
        specs.append(ModelSpec(name=model.replace("/", "_"), model=model, base_url=base_url,
                               api_key_env=api_key_env, concurrency=concurrency))
    names = [n.strip() for n in (baselines or "").split(",") if n.strip()]
    floor_params: dict[str, object] = {}
    if {"constant", "blind"} & set(names):
        from multipriv.baselines.floors import resolve_priors

        floor_params, warning = resolve_priors(data, out, priors_file, dev_data)
        if warning:
            say(f"warning: {warning}")
    for name in names:
        specs.append(ModelSpec(name=name, provider=name, concurrency=4,
                               params=floor_params if name in ("constant", "blind") else {}))
    if not specs:
        raise MultiPrivError("no model given: use --model, --models FILE or --baselines random,ocr,oracle")
    chosen = [c.strip() for c in conditions.split(",") if c.strip()]
    for c in chosen:
        get_condition(c)
    return asyncio.run(run_eval(data, specs, out, conditions=chosen, tasks=int_set(tasks, "tasks"),
                                langs={lang} if lang else None, limit=limit, shard=parse_shard(shard),
                                resume=resume))


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


def reusable(data: Path, seed: int, persons: int, background: int, split: str | None) -> bool:
    """Whether `data` holds a valid build of exactly these settings (said why not when it holds another)."""
    from multipriv.dataset.validate import validate as check

    if not (data / "manifest.json").exists():
        return False
    try:
        manifest = check(data)
    except MultiPrivError as exc:
        say(f"rebuilding {data}: {exc}")
        return False
    return bool((manifest.get("seed"), manifest.get("persons"), manifest.get("split")) == (
        seed, {"core": persons, "background": background}, split))


def warm_ocr(data: Path) -> None:
    """Read every image once with OCR, in two processes, before the `ocr` and `ocr-rules` baselines answer
    from the cache they share."""

    from multipriv.baselines.ocr.reader import warm_cache
    from multipriv.render.annotations import AnnotationSet

    paths = [data / a.path for a in AnnotationSet.load(data / "annotations.json").images]
    with progress() as bar:
        task = bar.add_task("OCR (ocr, ocr-rules baselines)", total=None)
        warm_cache(paths, data / ".ocr_cache", jobs=2,
                   progress=lambda done, total: bar.update(task, completed=done, total=total))


def faces_installed() -> bool:
    """Whether the face check's extra (dlib) is installed: the main job then measures the build's faces."""
    import importlib.util

    return importlib.util.find_spec("dlib") is not None


def check_faces(path: Path) -> None:
    """`validate --faces` without the validation: measure every recorded face, print the table, write
    face_check.json and the dataset card's face section."""
    from rich.console import Console

    from multipriv.dataset.face_check import face_check
    from multipriv.dataset.face_embed import FaceRecogniser
    from multipriv.dataset.face_report import table, update_card, write_report

    recogniser = FaceRecogniser()
    with progress() as bar:
        task = bar.add_task("faces", total=None)
        report = face_check(path, recogniser, lambda done, total: bar.update(task, completed=done, total=total))
    Console().print(table(report))
    update_card(path / "DATASET_CARD.md", report)
    say(f"wrote {write_report(path, report)} and the face section of {path / 'DATASET_CARD.md'}")
