"""Evaluation as a request: which models (a models file, one endpoint, offline baselines) answer which items
under which conditions, with the floors' priors resolved, handed to the runner."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multipriv.baselines.floors import resolve_priors
from multipriv.errors import MultiPrivError
from multipriv.pipeline.reporter import QUIET, Reporter
from multipriv.runner.base import ModelSpec
from multipriv.runner.conditions import get_condition
from multipriv.runner.engine import RunSummary, run_eval
from multipriv.runner.models_file import load_models

FLOORS = ("constant", "blind")  # the baselines that answer from priors learned on a dev split


@dataclass(frozen=True)
class EvalRequest:
    data: Path
    out: Path
    models_file: Path | None = None
    model: str | None = None  # one model id, with base_url for an OpenAI-compatible endpoint
    base_url: str | None = None
    api_key_env: str | None = None
    baselines: tuple[str, ...] = ()
    concurrency: int = 8  # requests in flight for `model`
    conditions: tuple[str, ...] = ("plain",)
    tasks: frozenset[int] | None = None
    langs: frozenset[str] | None = None
    limit: int | None = None
    shard: tuple[int, int] | None = None
    resume: bool = False
    priors_file: Path | None = None
    dev_data: Path | None = None


def model_specs(request: EvalRequest, reporter: Reporter = QUIET) -> list[ModelSpec]:
    """Every model the request names, baselines last; floors get their priors (learned if need be)."""
    specs: list[ModelSpec] = load_models(request.models_file) if request.models_file else []
    if request.model:
        specs.append(ModelSpec(name=request.model.replace("/", "_"), model=request.model,
                               base_url=request.base_url, api_key_env=request.api_key_env,
                               concurrency=request.concurrency))
    floor_params: dict[str, Any] = {}
    if set(FLOORS) & set(request.baselines):
        floor_params, warning = resolve_priors(request.data, request.out, request.priors_file, request.dev_data)
        if warning:
            reporter.say(f"warning: {warning}")
    for name in request.baselines:
        specs.append(ModelSpec(name=name, provider=name, concurrency=4,
                               params=floor_params if name in FLOORS else {}))
    if not specs:
        raise MultiPrivError("no model given: use --model, --models FILE or --baselines random,ocr,oracle")
    return specs


def evaluate(request: EvalRequest, reporter: Reporter = QUIET) -> dict[str, RunSummary]:
    """Run every model of the request on its items; one summary per model."""
    for condition in request.conditions:
        get_condition(condition)
    specs = model_specs(request, reporter)
    return asyncio.run(run_eval(request.data, specs, request.out, conditions=request.conditions,
                                tasks=set(request.tasks) if request.tasks else None,
                                langs=set(request.langs) if request.langs else None, limit=request.limit,
                                shard=request.shard, resume=request.resume))
