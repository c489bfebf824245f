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


PROVIDER_PLUGINS = "multipriv.providers"  # entry-point group: a package there registers providers on import


def load_providers() -> None:
    """Register the built-in providers, then every package of the `multipriv.providers` entry-point group
    (the offline baselines, the local transformers provider, and any installed plug-in). A plug-in that cannot
    be imported is remembered, not fatal: a run that does not use it should not fail, and one that does is
    told why it is missing."""
    from importlib.metadata import entry_points

    from multipriv.runner import anthropic_provider, openai_provider  # noqa: F401

    for plugin in entry_points(group=PROVIDER_PLUGINS):
        try:
            plugin.load()
        except ImportError as exc:
            _UNLOADED[plugin.value] = " ".join(str(exc).split())
        else:
            _UNLOADED.pop(plugin.value, None)


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
    return {res.pair_key(r) for r in res.repair(path) if r.answered}


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
