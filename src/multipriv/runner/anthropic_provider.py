"""Anthropic's Messages API through the official SDK, an optional extra (`pip install multipriv[anthropic]`).

Same failure policy as the OpenAI provider (see its docstring): 429/5xx/529, timeouts, connection errors and
malformed bodies are retryable, other 4xx are not; a reply without text is "empty response" (retryable) unless
the model stopped with stop_reason "refusal", which is returned as an empty answer for the scorer to count.
The SDK is imported when a provider is made, so this module registers itself even where it is not installed.
"""

from __future__ import annotations

import json
from typing import Any

from multipriv.errors import MultiPrivError
from multipriv.runner.base import ModelSpec, ProviderError, Reply, Request, provider
from multipriv.runner.openai_provider import NO_KEY, api_key, check_base_url, connect_failed, retry_after, sdk_params
from multipriv.runner.requests import image_base64

DEFAULT_MAX_TOKENS = 1024  # the Messages API requires max_tokens


def content(request: Request) -> list[dict[str, Any]]:
    """Images as base64 blocks in prompt order, then the text."""
    blocks: list[dict[str, Any]] = []
    for path in request.images:
        media, data = image_base64(path)
        blocks.append({"type": "image", "source": {"type": "base64", "media_type": media, "data": data}})
    blocks.append({"type": "text", "text": request.prompt})
    return blocks


@provider("anthropic")
class AnthropicProvider:
    def __init__(self, spec: ModelSpec) -> None:
        try:
            import anthropic
        except ImportError:
            raise MultiPrivError("the anthropic provider needs its SDK: pip install 'multipriv[anthropic]'") from None
        check_base_url(spec)
        self._sdk = anthropic
        self.spec = spec
        self._key = api_key(spec)
        self.client = anthropic.AsyncAnthropic(api_key=self._key, base_url=spec.base_url, max_retries=0,
                                               timeout=spec.timeout_s)
        params = dict(spec.params)
        if "max_completion_tokens" in params:
            params.setdefault("max_tokens", params.pop("max_completion_tokens"))
        params.setdefault("max_tokens", DEFAULT_MAX_TOKENS)
        if "stop" in params:
            stop = params.pop("stop")
            params.setdefault("stop_sequences", [stop] if isinstance(stop, str) else list(stop))
        params.pop("seed", None)  # not part of the Messages API
        named = sdk_params(self.client.messages.create)
        self._named = {k: v for k, v in params.items() if k in named}
        extra = {k: v for k, v in params.items() if k not in named}
        self._extra: dict[str, Any] = {"extra_body": extra} if extra else {}

    async def complete(self, request: Request) -> Reply:
        sdk = self._sdk
        system: dict[str, Any] = {"system": request.system} if request.system else {}
        turns: list[Any] = [{"role": "user", "content": content(request)}]
        try:
            resp = await self.client.messages.create(
                model=self.spec.model_id, messages=turns, timeout=self.spec.timeout_s, **system, **self._named,
                **self._extra)
        except sdk.APITimeoutError:
            raise ProviderError("timeout", retryable=True) from None
        except sdk.APIConnectionError as exc:
            raise ProviderError(f"connection error: {self._clean(exc.__cause__ or exc)}", retryable=True,
                                config=connect_failed(exc)) from None
        except sdk.APIStatusError as exc:
            status = exc.status_code
            retryable = status == 429 or status >= 500 or status in (408, 409)
            wait = retry_after(exc.response.headers) if retryable else None
            what = "rate limited (HTTP 429)" if status == 429 else f"HTTP {status}"
            raise ProviderError(f"{what}: {self._clean(exc.message)[:200]}", retryable=retryable,
                                retry_after=wait, config=status in (401, 403, 404)) from None
        except (sdk.APIResponseValidationError, json.JSONDecodeError, ValueError) as exc:
            raise ProviderError(f"malformed response: {self._clean(exc)[:200]}", retryable=True) from None
        return self._reply(resp)

    def _reply(self, resp: Any) -> Reply:
        blocks = getattr(resp, "content", None) or []
        text = "".join(getattr(b, "text", "") or "" for b in blocks if getattr(b, "type", None) == "text")
        usage = getattr(resp, "usage", None)
        tokens_in = int(getattr(usage, "input_tokens", 0) or 0)
        tokens_out = int(getattr(usage, "output_tokens", 0) or 0)
        stop = getattr(resp, "stop_reason", None)
        raw = {"finish_reason": stop} if stop else {}
        if not text.strip():
            if stop == "refusal":
                return Reply("", tokens_in, tokens_out, raw)
            raise ProviderError("empty response", retryable=True)
        return Reply(text, tokens_in, tokens_out, raw)

    def _clean(self, text: object) -> str:
        line = " ".join(str(text).split())
        return line.replace(self._key, "***") if self._key != NO_KEY else line

    async def aclose(self) -> None:
        await self.client.close()
