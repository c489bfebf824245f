"""The `multipriv export` command's logic: check the build, pick the format, write into an empty folder.

Formats register themselves when their module is imported (`registry.exporter`); every module of this package
is imported here, so a new format needs no edit of this file or of `multipriv.cli`.
"""

from __future__ import annotations

import importlib
import pkgutil
import shutil
from pathlib import Path

import multipriv.export as package
from multipriv.dataset.validate import check_files, load_manifest
from multipriv.errors import MultiPrivError
from multipriv.export.registry import EXPORTERS, ExportRequest, ExportSummary

_NOT_FORMATS = {"cli", "public", "registry", "templates", "import_results"}


def load_formats() -> dict[str, str]:
    """Import every module of the package so its formats register; returns the third-party packages that
    modules could not import (module -> package): a format needing a missing harness is then unavailable,
    and the others still work."""
    missing: dict[str, str] = {}
    for module in pkgutil.iter_modules(package.__path__):
        if module.name in _NOT_FORMATS:
            continue
        try:
            importlib.import_module(f"{package.__name__}.{module.name}")
        except ModuleNotFoundError as exc:
            if (exc.name or "multipriv").split(".")[0] == "multipriv":
                raise
            missing[module.name] = exc.name or "?"
    return missing


def run_export(data: Path, fmt: str, out: Path, *, public: bool = False) -> ExportSummary:
    """Write build `data` as `fmt` into `out` (new or empty); every problem is one MultiPrivError line."""
    missing = load_formats()
    if fmt not in EXPORTERS:
        hint = f" (some formats need: {', '.join(sorted(set(missing.values())))}; pip install -e \".[export]\")" \
            if missing else ""
        raise MultiPrivError(f"unknown export format {fmt!r}; choose one of {', '.join(sorted(EXPORTERS))}{hint}")
    check_files(data, load_manifest(data))  # the same checksums (and words) as `validate` and `eval`
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise MultiPrivError(f"{out}: exists and is not an empty folder; choose a new --out")
    out.mkdir(parents=True, exist_ok=True)
    try:
        return EXPORTERS[fmt](ExportRequest(data=data, out=out, public=public))
    except BaseException:  # interrupted or failed: no half export that looks like a whole one
        shutil.rmtree(out, ignore_errors=True)
        raise
