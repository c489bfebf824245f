"""`multipriv serve-baseline NAME --root DIR --port P`: a baseline behind an OpenAI-compatible HTTP API.

Why: the end-to-end path a real evaluation takes (the runner's OpenAI provider, the `openai` client, HTTP,
data URLs) can then be exercised and timed offline, against answers whose scores are known (the oracle's are
all correct). The HTTP request carries only text and pictures, so the server maps it back to its item: by the
sha256 of the user prompt (with a condition's adversarial framing removed; the protective system prompt
arrives as its own message) and, among items sharing a prompt, by the sha256 of each image's bytes.
Unknown prompts get a 400 with a JSON error, as an API rejects a malformed request.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import threading
import time
import uuid
from collections import defaultdict
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from multipriv.baselines.question import condition_texts
from multipriv.errors import MultiPrivError
from multipriv.runner.base import PROVIDERS, ModelSpec, Provider, ProviderError, Request
from multipriv.tasks.schema import Item, load_items

MAX_BODY = 256 * 1024 * 1024


class LookupError400(Exception):
    """A request that names no item of the dataset: answered with HTTP 400."""


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ItemIndex:
    """Items by prompt hash, and dataset images by content hash (hashed lazily, once)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.by_prompt: dict[str, list[Item]] = defaultdict(list)
        for item in load_items(root / "items.jsonl"):  # damaged lines: reported and skipped, as everywhere
            self.by_prompt[_sha(item.prompt.encode("utf-8", "surrogatepass"))].append(item)
        self._images: dict[str, str] | None = None
        self._lock = threading.Lock()

    def _image_hashes(self) -> dict[str, str]:
        with self._lock:
            if self._images is None:
                paths = sorted({p for items in self.by_prompt.values() for item in items for p in item.images})
                self._images = {}
                for rel in paths:
                    file = self.root / rel
                    if file.is_file():
                        self._images[_sha(file.read_bytes())] = rel
            return self._images

    def _candidates(self, prompt: str) -> list[Item]:
        tried = [prompt.strip()]
        for framing in condition_texts():
            if prompt.startswith(framing):
                tried.append(prompt[len(framing):].strip())
        lines = prompt.split("\n")
        tried += ["\n".join(lines[i:]).strip() for i in range(1, len(lines))]
        for text in tried:
            found = self.by_prompt.get(_sha(text.encode("utf-8", "surrogatepass")))
            if found:
                return found
        return []

    def find(self, prompt: str, images: list[bytes]) -> Item:
        candidates = [i for i in self._candidates(prompt) if len(i.images) == len(images)]
        if not candidates:
            raise LookupError400("no item of this dataset has this prompt with this number of images")
        if len(candidates) == 1:
            return candidates[0]
        hashes = self._image_hashes()
        paths = tuple(hashes.get(_sha(data), "") for data in images)
        for item in candidates:
            if item.images == paths:
                return item
        raise LookupError400("the prompt matches several items but the images match none of them")


def _data_url_bytes(url: str) -> bytes:
    if not url.startswith("data:") or "," not in url:
        raise LookupError400("images must be sent as base64 data URLs")
    header, payload = url.split(",", 1)
    if ";base64" not in header:
        raise LookupError400("images must be base64-encoded data URLs")
    try:
        return base64.b64decode(payload, validate=False)
    except (binascii.Error, ValueError) as exc:
        raise LookupError400(f"bad base64 image: {exc}") from None


def parse_messages(messages: Any) -> tuple[str | None, str, list[bytes]]:
    """(system text, user text, image bytes) of a chat request; text parts of the last user turn joined."""
    if not isinstance(messages, list) or not messages:
        raise LookupError400("'messages' must be a non-empty list")
    system_parts: list[str] = []
    user_text: list[str] = []
    images: list[bytes] = []
    for message in messages:
        if not isinstance(message, dict):
            raise LookupError400("each message must be an object")
        role, content = message.get("role"), message.get("content")
        texts: list[str] = []
        pictures: list[bytes] = []
        if isinstance(content, str):
            texts.append(content)
        elif isinstance(content, list):
            for part in content:
                if not isinstance(part, dict):
                    continue
                if part.get("type") == "text":
                    texts.append(str(part.get("text", "")))
                elif part.get("type") == "image_url":
                    image = part.get("image_url")
                    url = image.get("url", "") if isinstance(image, dict) else str(image or "")
                    pictures.append(_data_url_bytes(url))
        if role in ("system", "developer"):
            system_parts += texts
        elif role == "user":
            user_text, images = texts, pictures
    if not user_text:
        raise LookupError400("no user text in the request")
    return ("\n".join(system_parts) or None), "\n".join(user_text), images


class BaselineServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer whose handlers answer through one baseline provider on a private event loop."""

    daemon_threads = True

    def __init__(self, name: str, root: Path, host: str, port: int, params: dict[str, Any] | None = None) -> None:
        import multipriv.baselines  # noqa: F401  (registers the baseline providers)

        if name not in PROVIDERS:
            raise MultiPrivError(f"unknown baseline {name!r}; known: {', '.join(sorted(PROVIDERS))}")
        self.model_name = name
        self.root = root.absolute()
        self.index = ItemIndex(self.root)
        self.provider: Provider = PROVIDERS[name](ModelSpec(name=name, provider=name, params=params or {}))
        self.loop = asyncio.new_event_loop()
        self._loop_thread = threading.Thread(target=self.loop.run_forever, name="baseline-loop", daemon=True)
        self._loop_thread.start()
        super().__init__((host, port), _Handler)

    def answer(self, body: dict[str, Any]) -> dict[str, Any]:
        system, prompt, images = parse_messages(body.get("messages"))
        item = self.index.find(prompt, images)
        request = Request(item=item, system=system, prompt=prompt,
                          images=tuple(self.root / rel for rel in item.images))
        future = asyncio.run_coroutine_threadsafe(self.provider.complete(request), self.loop)
        reply = future.result()
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": str(body.get("model") or self.model_name),
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": reply.text}}],
            "usage": {"prompt_tokens": reply.input_tokens, "completion_tokens": reply.output_tokens,
                      "total_tokens": reply.input_tokens + reply.output_tokens},
        }

    def server_close(self) -> None:
        super().server_close()
        if self.loop.is_running():
            asyncio.run_coroutine_threadsafe(self.provider.aclose(), self.loop).result(timeout=30)
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._loop_thread.join(timeout=5)


class _Handler(BaseHTTPRequestHandler):
    server: BaselineServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return None  # quiet: a run sends thousands of requests

    def _send(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str, code: str) -> None:
        self._send(status, {"error": {"message": message, "type": "invalid_request_error", "code": code}})

    def do_GET(self) -> None:
        if self.path.rstrip("/") in ("/v1/models", "/models"):
            self._send(HTTPStatus.OK, {"object": "list", "data": [
                {"id": self.server.model_name, "object": "model", "created": 0, "owned_by": "multipriv"}]})
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no route {self.path}", "not_found")

    def do_POST(self) -> None:
        if self.path.rstrip("/") not in ("/v1/chat/completions", "/chat/completions"):
            self._error(HTTPStatus.NOT_FOUND, f"no route {self.path}", "not_found")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0 or length > MAX_BODY:
            self._error(HTTPStatus.BAD_REQUEST, "missing or oversized body", "bad_body")
            return
        try:
            body = json.loads(self.rfile.read(length))
            if not isinstance(body, dict):
                raise LookupError400("the body must be a JSON object")
            payload = self.server.answer(body)
        except (LookupError400, json.JSONDecodeError) as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc), "unknown_prompt")
            return
        except ProviderError as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE if exc.retryable else HTTPStatus.INTERNAL_SERVER_ERROR,
                        str(exc), "provider_error")
            return
        self._send(HTTPStatus.OK, payload)


def make_server(name: str, root: Path, host: str = "127.0.0.1", port: int = 0,
                params: dict[str, Any] | None = None) -> BaselineServer:
    """A ready server (port 0 picks a free one: read `server.server_address`); call `serve_forever()`.
    `params` are the provider's (the floors' priors: `floors.priors_params`)."""
    return BaselineServer(name, root, host, port, params)


def serve(name: str, root: Path, host: str = "127.0.0.1", port: int = 8000,
          params: dict[str, Any] | None = None) -> None:
    server = make_server(name, root, host, port, params)
    host_name, port_number = str(server.server_address[0]), int(server.server_address[1])
    print(f"serving baseline {name!r} over {root} at http://{host_name}:{port_number}/v1", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def serve_baseline_command(name: str, root: Path, port: int, host: str = "127.0.0.1",
                           priors: Path | None = None) -> None:
    """The CLI command `multipriv serve-baseline NAME --data DIR --port P [--priors FILE]`."""
    from multipriv.baselines.floors import priors_params

    serve(name, root, host, port, priors_params(priors) if priors is not None else None)
