"""What `eval` settles before its first request: providers, run folders and the images' checksums.

Each check fails with one line (a `MultiPrivError`), so that a configuration problem never costs a request.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from multipriv.dataset.integrity import verify
from multipriv.errors import MultiPrivError
from multipriv.runner import manifest as runfile
from multipriv.runner import results as res
from multipriv.runner.base import PROVIDERS, ModelSpec, Provider, ProviderError
from multipriv.runner.requests import image_sha256

_UNLOADED: dict[str, str] = {}  # optional provider modules that failed to import, and why


def load_providers() -> None:
    """Register the built-in providers. Optional modules that cannot be imported are remembered, not fatal:
    a run that does not use them should not fail, and one that does is told why they are missing."""
    import importlib

    from multipriv.runner import anthropic_provider, openai_provider  # noqa: F401

    for name in ("multipriv.runner.baselines", "multipriv.runner.transformers_provider"):
        try:
            importlib.import_module(name)
        except ImportError as exc:
            _UNLOADED[name] = " ".join(str(exc).split())
        else:
            _UNLOADED.pop(name, None)


def model_dir(out: Path, spec: ModelSpec) -> Path:
    safe = re.sub(r"[^\w.+=@-]", "_", spec.name)
    if not safe.strip("._"):
        raise MultiPrivError(f"model name {spec.name!r} cannot name a folder")
    return out / safe


def prepare_folder(spec: ModelSpec, folder: Path, resume: bool, dataset: dict[str, Any]) -> set[res.PairKey]:
    """Check the folder may be written (its lock is held) and return the pairs already answered there."""
    path = folder / "results.jsonl"
    if not resume:
        if path.exists() and path.stat().st_size > 0:
            raise MultiPrivError(f"{path} already has results: pass --resume to continue that run, "
                                 f"or choose another output folder")
        return set()
    runfile.check_resumable(runfile.read_run(folder / "run.json"), spec, dataset, folder)
    return {res.pair_key(r) for r in res.repair(path) if r.get("text") is not None}


def make_provider(spec: ModelSpec) -> Provider:
    factory = PROVIDERS.get(spec.provider)
    if factory is None:
        known = ", ".join(sorted(PROVIDERS)) or "none"
        why = "; ".join(f"{mod} not loaded: {reason}" for mod, reason in _UNLOADED.items())
        raise MultiPrivError(f"model {spec.name!r}: unknown provider {spec.provider!r} (known: {known})"
                             + (f" ({why})" if why else ""))
    try:
        return factory(spec)
    except ProviderError as exc:  # a provider refusing its settings: a configuration error like any other
        raise MultiPrivError(" ".join(str(exc).split())) from None


def check_images(root: Path, manifest: dict[str, Any], names: set[str]) -> dict[str, str]:
    """sha256 of every selected image, each the manifest's; hashed by the memo that keys requests, so that
    checking costs no extra read."""
    return {name: verify(root, manifest, name, lambda path: image_sha256(path.absolute())) for name in sorted(names)}
