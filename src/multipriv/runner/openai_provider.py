"""Any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, SGLang, Ollama, llama.cpp server, ...).

The SDK's own retries are off (`max_retries=0`): the runner owns the one retry policy, so backoff, Retry-After
and attempt counts live in one place. This module only classifies failures:

- 429 → retryable, waiting at least the server's Retry-After (`retry-after-ms` or `retry-after`);
- 5xx, 408, 409, timeouts, connection errors and unparsable bodies → retryable (transient on real servers);
- other 4xx (bad request, auth, not found) → not retryable: repeating them only wastes time;
- a refused connection, a host that does not resolve, 401, 403 and 404 say the settings are wrong
  (`config=True`): the run's first request is then not retried, it ends the run at once with that reason;
  a base URL that is not an http(s) URL is refused before anything is sent;
- no choices, or a choice without text → "empty response", retryable (servers under load do this; a retry is
  cheap, and after the last attempt the pair is recorded as failed, then retried on `--resume`);
- empty text with finish_reason "content_filter" → a Reply with empty text: the provider refused, which the
  scorer counts as a refusal; retrying would give the same answer at a cost.
"""

from __future__ import annotations

import email.utils
import inspect
import json
import os
import time
from typing import Any
from urllib.parse import urlsplit

import openai

from multipriv.errors import MultiPrivError
from multipriv.runner.base import ModelSpec, ProviderError, Reply, Request, provider
from multipriv.runner.requests import image_data_url

NO_KEY = "EMPTY"  # local servers that check no key still need the header to be well formed


def sdk_params(method: Any) -> frozenset[str]:
    """Generation parameters this SDK version takes by name; the rest of `spec.params` goes in `extra_body`,
    which reaches the server just the same (SDKs add and drop named parameters between versions)."""
    try:
        names = set(inspect.signature(method).parameters)
    except (TypeError, ValueError):
        return frozenset()
    return frozenset(names - {"model", "messages", "stream", "timeout", "extra_headers", "extra_query", "extra_body"})


def api_key(spec: ModelSpec) -> str:
    """The key from the environment variable the spec names; the error names the variable, never a value."""
    if spec.api_key_env is None:
        return NO_KEY
    value = os.environ.get(spec.api_key_env)
    if not value:
        raise MultiPrivError(f"model {spec.name!r}: environment variable {spec.api_key_env} is not set "
                             f"(it should hold the API key)")
    return value


_CONNECT_FAILURES = ("ConnectError", "UnsupportedProtocol", "InvalidURL")  # httpx's names: nothing answered


def check_base_url(spec: ModelSpec) -> None:
    """A base URL must be an http(s) URL with a host: anything else fails every request the same way."""
    if spec.base_url is None:
        return
    parts = urlsplit(spec.base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise MultiPrivError(f"model {spec.name!r}: base URL {spec.base_url!r} is not an http(s) URL "
                             f"(e.g. http://localhost:8000/v1)")


def connect_failed(exc: BaseException) -> bool:
    """Whether a connection error means nothing answered at that address (not a dropped connection)."""
    return type(exc.__cause__ or exc).__name__ in _CONNECT_FAILURES


def retry_after(headers: Any) -> float | None:
    """Seconds to wait from `retry-after-ms`, `retry-after` (seconds or an HTTP date), or None."""
    if headers is None:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def user_content(request: Request) -> list[dict[str, Any]]:
    """Images first, in prompt order, then the text: what most VLM chat templates expect."""
    parts: list[dict[str, Any]] = [{"type": "image_url", "image_url": {"url": image_data_url(p)}}
                                   for p in request.images]
    parts.append({"type": "text", "text": request.prompt})
    return parts


def messages(request: Request) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if request.system:
        out.append({"role": "system", "content": request.system})
    out.append({"role": "user", "content": user_content(request)})
    return out


def _status_error(exc: openai.APIStatusError) -> ProviderError:
    status = exc.status_code
    detail = _one_line(exc.message)[:200]
    if status == 429:
        return ProviderError(f"rate limited (HTTP 429): {detail}", retryable=True,
                             retry_after=retry_after(exc.response.headers))
    retryable = status >= 500 or status in (408, 409)
    return ProviderError(f"HTTP {status}: {detail}", retryable=retryable, config=status in (401, 403, 404),
                         retry_after=retry_after(exc.response.headers) if retryable else None)


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


@provider("openai")
class OpenAIProvider:
    """One AsyncOpenAI client per model spec (the SDK's keep-alive pool, 100 connections, is reused)."""

    def __init__(self, spec: ModelSpec) -> None:
        check_base_url(spec)
        self.spec = spec
        self._key = api_key(spec)
        self.client = openai.AsyncOpenAI(api_key=self._key, base_url=spec.base_url, max_retries=0,
                                         timeout=spec.timeout_s)
        named = sdk_params(self.client.chat.completions.create)
        self._named = {k: v for k, v in spec.params.items() if k in named}
        extra = {k: v for k, v in spec.params.items() if k not in named}
        self._extra: dict[str, Any] = {"extra_body": extra} if extra else {}

    async def complete(self, request: Request) -> Reply:
        try:
            resp = await self.client.chat.completions.create(
                model=self.spec.model_id, messages=messages(request),  # type: ignore[arg-type]
                timeout=self.spec.timeout_s, **self._named, **self._extra)
        except openai.APITimeoutError:
            raise ProviderError("timeout", retryable=True) from None
        except openai.APIConnectionError as exc:
            cause = exc.__cause__ or exc
            raise ProviderError(f"connection error: {self._clean(cause)}", retryable=True,
                                config=connect_failed(exc)) from None
        except openai.APIStatusError as exc:
            raise self._scrubbed(_status_error(exc)) from None
        except (openai.APIResponseValidationError, json.JSONDecodeError, ValueError) as exc:
            raise ProviderError(f"malformed response: {self._clean(exc)[:200]}", retryable=True) from None
        return self._reply(resp)

    def _reply(self, resp: Any) -> Reply:
        choices = getattr(resp, "choices", None)
        if not choices:
            raise ProviderError("empty response", retryable=True)
        choice = choices[0]
        finish = getattr(choice, "finish_reason", None)
        text = getattr(getattr(choice, "message", None), "content", None)
        usage = getattr(resp, "usage", None)
        tokens_in = int(getattr(usage, "prompt_tokens", 0) or 0)
        tokens_out = int(getattr(usage, "completion_tokens", 0) or 0)
        if not text or not str(text).strip():
            if finish == "content_filter":
                return Reply("", tokens_in, tokens_out, {"finish_reason": finish})
            raise ProviderError("empty response", retryable=True)
        return Reply(str(text), tokens_in, tokens_out, {"finish_reason": finish} if finish else {})

    def _clean(self, exc: object) -> str:
        """One line, with the key masked in case a server echoes it back."""
        text = _one_line(exc)
        return text.replace(self._key, "***") if self._key != NO_KEY else text

    def _scrubbed(self, err: ProviderError) -> ProviderError:
        return ProviderError(self._clean(err), retryable=err.retryable, retry_after=err.retry_after, config=err.config)

    async def aclose(self) -> None:
        await self.client.close()

