"""Export formats, registered by decorator: one function per harness that writes a build in its layout.

The export stage sits after `score`: the harness-side scorers call MultiPriv's own scoring, so a model gets the
same number whichever harness ran it. A format is one function `(ExportRequest) -> ExportSummary`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ExportRequest:
    """What every exporter gets: a checked build folder, an empty output folder, and whether to drop gold."""

    data: Path  # a folder written by `multipriv build` (already integrity-checked by the caller)
    out: Path
    public: bool = False  # questions and images only: no gold, hashes or scoring metadata


@dataclass
class ExportSummary:
    """What the CLI prints: how many items and images went out, and the files a user should open first."""

    format: str
    items: int
    images: int
    files: list[Path] = field(default_factory=list)


Exporter = Callable[[ExportRequest], ExportSummary]
EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    """Register `fn` as the writer of format `name` (`multipriv export --format NAME`)."""

    def register(fn: Exporter) -> Exporter:
        if name in EXPORTERS:
            raise ValueError(f"export format {name!r} registered twice")
        EXPORTERS[name] = fn
        return fn

    return register
