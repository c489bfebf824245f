"""Models files: the list of models to evaluate, in YAML or TOML.

    # models.yaml                              # models.toml
    defaults: {base_url: "http://gpu:8000/v1"}  [defaults]
    models:                                     base_url = "http://gpu:8000/v1"
      - name: qwen2-vl-7b                       [[models]]
        params: {temperature: 0}                name = "qwen2-vl-7b"
      - name: gpt-4o                            params = { temperature = 0 }
        base_url: https://api.openai.com/v1
        api_key_env: OPENAI_API_KEY

`defaults` (optional) is merged under every entry (`params` merged key by key). A YAML file may also be a bare
list of entries. Every problem is one line naming the file and the entry, because the CLI prints just that.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from multipriv.errors import MultiPrivError
from multipriv.runner.base import ModelSpec


def _read(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MultiPrivError(f"{path}: models file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MultiPrivError(f"{path}: cannot read ({exc})") from None
    suffix = path.suffix.lower()
    if suffix == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise MultiPrivError(f"{path}: not valid TOML ({_line(exc)})") from None
    if suffix in (".yaml", ".yml"):
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise MultiPrivError(f"{path}: not valid YAML ({_line(exc)})") from None
    raise MultiPrivError(f"{path}: a models file must end in .yaml, .yml or .toml")


def _line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _label(index: int, entry: object) -> str:
    name = entry.get("name") if isinstance(entry, dict) else None
    return f"models[{index}]" + (f" ({name})" if name else "")


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(part) for part in err["loc"])
    return f"{where}: {err['msg']}" if where else str(err["msg"])


def load_models(path: Path) -> list[ModelSpec]:
    """Every entry as a validated `ModelSpec`; names must be unique."""
    data = _read(path)
    defaults: dict[str, Any] = {}
    entries: Any
    if isinstance(data, list):
        entries = data
    elif isinstance(data, dict):
        unknown = set(data) - {"models", "defaults"}
        if unknown:
            raise MultiPrivError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))}; "
                                 f"expected 'models' and optionally 'defaults'")
        entries = data.get("models")
        defaults = data.get("defaults") or {}
        if not isinstance(defaults, dict):
            raise MultiPrivError(f"{path}: 'defaults' must be a table of model fields")
    else:
        entries = None
    if not isinstance(entries, list) or not entries:
        raise MultiPrivError(f"{path}: no models (expected a 'models' list of entries with at least a name)")
    specs: list[ModelSpec] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise MultiPrivError(f"{path}: {_label(index, entry)} is not a table of fields")
        merged = {**defaults, **entry}
        if isinstance(defaults.get("params"), dict) and isinstance(entry.get("params"), dict):
            merged["params"] = {**defaults["params"], **entry["params"]}
        try:
            spec = ModelSpec.model_validate(merged)
        except ValidationError as exc:
            raise MultiPrivError(f"{path}: {_label(index, entry)}: {_first_error(exc)}") from None
        if spec.name in seen:
            raise MultiPrivError(f"{path}: {_label(index, entry)}: duplicate model name {spec.name!r}")
        if spec.concurrency < 1 or spec.timeout_s <= 0 or spec.max_retries < 0:
            raise MultiPrivError(f"{path}: {_label(index, entry)}: concurrency must be >= 1, timeout_s > 0 "
                                 f"and max_retries >= 0")
        seen.add(spec.name)
        specs.append(spec)
    return specs
