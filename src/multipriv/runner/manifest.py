"""`run.json`: what a results folder was made from, so that numbers can be traced and compared.

It records the dataset (sha256 and version of its manifest.json, and a sha256 over the files this run checked),
the prompt-template version, the package version, the model spec with anything secret-looking redacted (the
spec only names the key's environment variable; parameters and URLs are scrubbed as well in case a user put a
secret there), the filters, timings and totals computed from the final results file. Resuming with a spec
that answers differently is refused.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from multipriv import __version__
from multipriv.dataset.integrity import CheckedBuild, fingerprint
from multipriv.errors import MultiPrivError
from multipriv.jsonl import dumps, write_atomic
from multipriv.runner.base import ModelSpec
from multipriv.runner.results import AnswerRecord
from multipriv.runner.runfile import RunFile, load_run
from multipriv.tasks.common import template_version

RUN_VERSION = 1
_SECRET_NAME = re.compile(r"(api[_-]?key|secret|password|passwd|authorization|auth[_-]?token|bearer|headers)",
                          re.IGNORECASE)
_ANSWER_FIELDS = ("provider", "model", "path", "params")  # a change here changes the answers (a new host need not)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def redact_url(url: str | None) -> str | None:
    if not url:
        return url
    parts = urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        netloc = f"***@{host}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def _redact(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: "***" if _SECRET_NAME.search(str(k)) else _redact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact(v) for v in value]
    return value


def public_spec(spec: ModelSpec) -> dict[str, Any]:
    """The spec as it may be written down: only the key's variable name, scrubbed params and URL."""
    data = spec.model_dump(mode="json")
    data["model"] = spec.model_id
    data["params"] = _redact(data["params"])
    data["base_url"] = redact_url(spec.base_url)
    return data


def dataset_info(build: CheckedBuild, checked: dict[str, str]) -> dict[str, Any]:
    """The build as this run checked it: its manifest's sha256 and version, and one sha256 over the files
    actually verified (items.jsonl and the selected items' images), which a tampered build cannot share."""
    return {"root": str(build.root.absolute()), "manifest_sha256": build.manifest_sha256,
            "version": build.manifest.get("version"), "items_sha256": build.items_sha256,
            "checked": {"files": len(checked), "sha256": fingerprint(checked)}}


def read_run(path: Path) -> dict[str, Any] | None:
    """The previous run.json as a plain dict (read through the typed `RunFile`), or None."""
    run = load_run(path)
    return run.model_dump(mode="json") if run else None


def check_resumable(previous: dict[str, Any] | None, spec: ModelSpec, dataset: dict[str, Any], where: Path) -> None:
    """Refuse to mix answers from a different model, parameters or dataset build in one results file."""
    if not previous:
        return
    old = previous.get("spec")
    old = old if isinstance(old, dict) else {}
    new = public_spec(spec)
    changed = [f for f in _ANSWER_FIELDS if old.get(f) != new.get(f)]
    if changed:
        raise MultiPrivError(f"{where}: the results there were made with a different {', '.join(changed)} for "
                             f"{spec.name!r}; use another output folder")
    before = previous.get("dataset")
    old_sha = before.get("manifest_sha256") if isinstance(before, dict) else None
    if old_sha and dataset["manifest_sha256"] and old_sha != dataset["manifest_sha256"]:
        raise MultiPrivError(f"{where}: the results there were made on a different dataset build; "
                             f"use another output folder")


def totals(records: list[AnswerRecord], spec: ModelSpec) -> dict[str, Any]:
    """Counts and billed tokens (cache hits cost nothing) over the final, compacted results."""
    ok = [r for r in records if r.answered]
    billed = [r for r in ok if not r.cached]
    tin = sum(r.input_tokens for r in billed)
    tout = sum(r.output_tokens for r in billed)
    return {
        "counts": {"records": len(records), "answered": len(ok), "failed": len(records) - len(ok),
                   "cached": sum(r.cached for r in ok)},
        "tokens": {"input": tin, "output": tout},
        "cost_usd": round(cost(spec, tin, tout), 6),
    }


def cost(spec: ModelSpec, tokens_in: int, tokens_out: int) -> float:
    return (tokens_in * spec.price_in + tokens_out * spec.price_out) / 1e6


def run_manifest(spec: ModelSpec, dataset: dict[str, Any], *, conditions: list[str], filters: dict[str, Any],
                 sessions: list[dict[str, Any]], records: list[AnswerRecord] | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "run_version": RUN_VERSION,
        "multipriv_version": __version__,
        "dataset": dataset,
        "template_version": template_version(),
        "spec": public_spec(spec),
        "conditions": conditions,
        "filters": filters,
        "started": sessions[0]["started"] if sessions else None,
        "finished": sessions[-1].get("finished") if sessions else None,
        "sessions": sessions,
    }
    if records is not None:
        data.update(totals(records, spec))
    return data


def write_run(path: Path, data: dict[str, Any]) -> None:
    """Write run.json; what is written must read back as a `RunFile` (a programming error otherwise)."""
    RunFile.model_validate(data)
    write_atomic(path, dumps(data, indent=2) + "\n")
