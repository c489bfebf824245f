"""The typed form of `run.json`, and its one reader: the runner (resume checks), `score` (which build) and
`report` (why a model stopped) all read a run folder through `load_run`, so a field means one thing everywhere.
The writer is `runner/manifest.py`, which validates what it writes against the same model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")  # newer versions may add fields; old readers keep working


class CheckedFiles(_Open):
    files: int = 0
    sha256: str | None = None


class DatasetRef(_Open):
    """The build a run answered: where it was, and the hashes that pin it."""

    root: str
    manifest_sha256: str | None = None
    version: Any = None
    items_sha256: str | None = None
    checked: CheckedFiles = CheckedFiles()


class Session(_Open):
    """One `multipriv eval` invocation on this folder (a resumed run has several)."""

    started: str | None = None
    finished: str | None = None
    requested: int | None = None
    cached: int | None = None
    failed: int | None = None
    resumed: int | None = None
    stopped: str | None = None  # why the runner stopped this model early, if it did


class Counts(_Open):
    records: int = 0
    answered: int = 0
    failed: int = 0
    cached: int = 0


class RunFile(_Open):
    run_version: int
    multipriv_version: str | None = None
    dataset: DatasetRef
    template_version: str | None = None
    spec: dict[str, Any] = {}
    conditions: list[str] = []
    filters: dict[str, Any] = {}
    started: str | None = None
    finished: str | None = None
    sessions: list[Session] = []
    counts: Counts | None = None
    tokens: dict[str, int] | None = None
    cost_usd: float | None = None

    @property
    def dataset_root(self) -> Path:
        return Path(self.dataset.root)

    @property
    def stopped(self) -> str | None:
        """The first reason a session stopped early, if any."""
        return next((s.stopped for s in self.sessions if s.stopped), None)


def parse_run(text: str | bytes) -> RunFile | None:
    try:
        return RunFile.model_validate_json(text)
    except ValidationError:
        return None


def load_run(folder_or_file: Path) -> RunFile | None:
    """A run folder's `run.json` (or the file itself); None when it is missing, damaged or not a run file."""
    path = folder_or_file / "run.json" if folder_or_file.is_dir() else folder_or_file
    try:
        text = path.read_bytes()
    except OSError:
        return None
    return parse_run(text)
