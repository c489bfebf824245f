"""Running models on a build: providers behind one contract (`base`), and the engine behind `multipriv eval`.

Imports stay light here: the engine and providers (which pull in HTTP SDKs) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multipriv.runner.engine import RunSummary, load_providers, run_eval
    from multipriv.runner.models_file import load_models

__all__ = ["RunSummary", "load_models", "load_providers", "run_eval"]


def __getattr__(name: str) -> Any:
    if name in ("RunSummary", "run_eval", "load_providers"):
        from multipriv.runner import engine

        return getattr(engine, name)
    if name == "load_models":
        from multipriv.runner.models_file import load_models

        return load_models
    raise AttributeError(f"module 'multipriv.runner' has no attribute {name!r}")
