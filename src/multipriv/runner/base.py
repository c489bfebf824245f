"""The contract between the runner and whatever answers: providers (HTTP APIs, local models, baselines).

A provider turns one `Request` into one `Reply` or raises `ProviderError`. Everything else — concurrency,
retries, caching, resuming, bookkeeping — is the runner's job, so a new provider is one small class registered
with `@provider("name")`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from multipriv.tasks.schema import Item

Condition = str  # a name registered in runner/conditions.py


class ModelSpec(BaseModel):
    """One model to evaluate, as written in a models file (YAML or TOML) or built from CLI flags.

    Secrets never live here: `api_key_env` names the environment variable that holds the key.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str  # how results and reports call it; also the run folder's name
    provider: str = "openai"  # a key of PROVIDERS
    model: str = ""  # the provider's model id (defaults to `name`)
    base_url: str | None = None
    api_key_env: str | None = None
    path: str | None = None  # local transformers models: a folder
    params: dict[str, Any] = Field(default_factory=dict)  # generation parameters, e.g. temperature, max_tokens
    concurrency: int = 8
    timeout_s: float = 60.0
    max_retries: int = 4
    price_in: float = 0.0  # USD per million input tokens
    price_out: float = 0.0  # USD per million output tokens

    @property
    def model_id(self) -> str:
        return self.model or self.name


@dataclass(frozen=True)
class Request:
    item: Item  # baselines read it (the oracle needs the gold); API providers must only use prompt and images
    system: str | None  # the condition's system prompt, None for plain
    prompt: str  # the user turn (adversarial framing already prepended)
    images: tuple[Path, ...]  # absolute paths, in the order the prompt refers to them


@dataclass(frozen=True)
class Reply:
    text: str
    input_tokens: int = 0
    output_tokens: int = 0
    raw: dict[str, Any] = field(default_factory=dict)  # small provider details worth keeping (finish reason)


class ProviderError(Exception):
    """A request failed. `retryable` errors (429, 5xx, timeouts) are retried with backoff by the runner.

    `config` marks a failure that says the settings are wrong rather than the request (nothing listens at the
    URL, the host does not resolve, the key or model id is refused, the SDK or weights do not load): on the
    run's first request it ends the run at once, before anything else is sent.
    """

    def __init__(self, message: str, *, retryable: bool = False, retry_after: float | None = None,
                 config: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after
        self.config = config


class Provider(Protocol):
    """A provider may also define `async def preflight(self) -> None`, awaited once before its first request
    (load an SDK or weights there, raising `ProviderError(..., config=True)` when they do not load)."""

    spec: ModelSpec

    async def complete(self, request: Request) -> Reply: ...

    async def aclose(self) -> None: ...


ProviderFactory = Callable[[ModelSpec], Provider]
PROVIDERS: dict[str, ProviderFactory] = {}


def provider(name: str) -> Callable[[ProviderFactory], ProviderFactory]:
    def register(factory: ProviderFactory) -> ProviderFactory:
        PROVIDERS[name] = factory
        return factory

    return register
