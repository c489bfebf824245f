"""A real local HTTP server speaking the OpenAI chat-completions and Anthropic Messages APIs, scripted per test.

Each request's behaviour comes from `server.script(prompt, n)`, where `n` counts the requests already seen for
that prompt (0 for the first), so "two 429s, then an answer" is `lambda p, n: Action("429") if n < 2 else OK`.
The server listens on 127.0.0.1 with an ephemeral port, in a background thread, and stops at fixture teardown
(hanging handlers are released by an event, so teardown never waits on them).
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from multipriv.dataset.integrity import MANIFEST_VERSION, pin_files
from multipriv.runner.base import ModelSpec
from multipriv.runner.engine import RunSummary, run_eval
from multipriv.tasks.schema import AnswerType, Item

SECRET = "sk-test-SECRET123"
KEY_ENV = "MP_TEST_KEY"


@dataclass(frozen=True)
class Action:
    kind: str = "ok"  # ok | 429 | 500 | 400 | hang | malformed | empty | none | slow
    text: str | None = None  # default: "answer: <prompt's first line>"
    delay: float = 0.0  # for "slow"
    headers: tuple[tuple[str, str], ...] = ()


OK = Action()


@dataclass
class FakeServer:
    script: Callable[[str, int], Action] = lambda prompt, n: OK
    seen: Counter[str] = field(default_factory=Counter)
    bodies: list[dict[str, Any]] = field(default_factory=list)
    auth: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def count(self) -> int:
        with self.lock:
            return len(self.bodies)

    def take(self, body: dict[str, Any], auth: str) -> tuple[str, Action]:
        prompt = prompt_of(body)
        with self.lock:
            n = self.seen[prompt]
            self.seen[prompt] += 1
            self.bodies.append(body)
            self.auth.append(auth)
        return prompt, self.script(prompt, n)


def prompt_of(body: dict[str, Any]) -> str:
    user = [m for m in body.get("messages", []) if m.get("role") == "user"][-1]
    parts = user["content"] if isinstance(user["content"], list) else [{"type": "text", "text": user["content"]}]
    return "".join(p.get("text", "") for p in parts if p.get("type") == "text")


def openai_body(text: str | None, *, choices: bool = True, finish: str = "stop") -> dict[str, Any]:
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "fake-vlm",
            "choices": [{"index": 0, "finish_reason": finish,
                         "message": {"role": "assistant", "content": text}}] if choices else [],
            "usage": {"prompt_tokens": 11, "completion_tokens": 3, "total_tokens": 14}}


def anthropic_body(text: str) -> dict[str, Any]:
    return {"id": "msg_1", "type": "message", "role": "assistant", "model": "fake-claude",
            "content": [{"type": "text", "text": text}], "stop_reason": "end_turn", "stop_sequence": None,
            "usage": {"input_tokens": 21, "output_tokens": 4}}


def make_handler(fake: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            return None

        def send(self, status: int, payload: bytes, headers: tuple[tuple[str, str], ...] = ()) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            auth = self.headers.get("Authorization") or self.headers.get("x-api-key") or ""
            prompt, action = fake.take(body, auth)
            text = action.text if action.text is not None else "answer: " + prompt.splitlines()[0]
            anthropic = self.path.endswith("/messages")
            if action.kind == "slow":
                fake.stop.wait(action.delay)
            if action.kind == "hang":
                fake.stop.wait(30)
                return self.send(200, json.dumps(openai_body("too late")).encode())
            if action.kind in ("429", "500", "400"):
                # echoes the credentials back, as some servers do: the runner must scrub them
                error = {"error": {"message": f"fake {action.kind} for key {auth}", "type": "fake"}}
                return self.send(int(action.kind), json.dumps(error).encode(), action.headers)
            if action.kind == "malformed":
                return self.send(200, b'{"id": "chatcmpl-1", "choices": [{"index": 0, "mess')
            if action.kind == "empty":
                return self.send(200, json.dumps(openai_body(None, choices=False)).encode())
            if action.kind == "none":
                return self.send(200, json.dumps(openai_body(None)).encode())
            payload = anthropic_body(text) if anthropic else openai_body(text)
            return self.send(200, json.dumps(payload).encode(), action.headers)

    return Handler


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    fake = FakeServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(fake))
    httpd.daemon_threads = True
    fake.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def make_dataset(root: Path, n: int = 20) -> list[Item]:
    """A tiny build without the renderer: a few PNGs, `n` items over all tasks and both languages."""
    (root / "images").mkdir(parents=True, exist_ok=True)
    for k in range(4):
        Image.new("RGB", (16, 12), (40 * k, 90, 200 - 30 * k)).save(root / "images" / f"img{k}.png")
    Image.new("RGB", (10, 10), (5, 5, 5)).save(root / "images" / "photo.jpg")
    items = []
    for i in range(n):
        lang = "en" if i % 2 == 0 else "zh"
        images = (f"images/img{i % 4}.png",) if i % 3 else (f"images/img{i % 4}.png", "images/photo.jpg")
        items.append(Item(id=f"item-{i:03d}", twin_id=f"twin-{i // 2:03d}", task=1 + i % 9,
                          level="perception" if 1 + i % 9 <= 4 else "reasoning", lang=lang, images=images,
                          prompt=f"Question {i:03d}: is this a document?\nAnswer \"yes\" or \"no\".",
                          answer_type=AnswerType.YESNO, gold=("yes",)))
    with (root / "items.jsonl").open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(item.model_dump_json() + "\n")
    pin(root)
    return items


def pin(root: Path) -> None:
    """Write the manifest that pins items.jsonl and every image, as `multipriv build` does."""
    names = ["items.jsonl", *sorted(p.relative_to(root).as_posix() for p in (root / "images").iterdir())]
    n = sum(1 for line in (root / "items.jsonl").read_bytes().splitlines() if line.strip())
    manifest = {"manifest_version": MANIFEST_VERSION, "version": "x", "counts": {"items": n},
                "images": len(names) - 1, "files": pin_files(root, names)}
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


@pytest.fixture
def dataset(tmp_path: Path) -> tuple[Path, list[Item]]:
    root = tmp_path / "build"
    return root, make_dataset(root)


@pytest.fixture
def key_env(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(KEY_ENV, SECRET)
    return SECRET


def spec_for(fake: FakeServer, **overrides: Any) -> ModelSpec:
    fields: dict[str, Any] = {"name": "fake", "model": "fake-vlm", "base_url": fake.url, "api_key_env": KEY_ENV,
                              "concurrency": 4, "timeout_s": 2.0, "max_retries": 3,
                              "params": {"temperature": 0, "max_tokens": 32}, "price_in": 1.0, "price_out": 2.0}
    fields.update(overrides)
    return ModelSpec(**fields)


def run(root: Path, specs: list[ModelSpec], out: Path, **kwargs: Any) -> dict[str, RunSummary]:
    kwargs.setdefault("progress", False)
    kwargs.setdefault("backoff", (0.01, 0.05))
    return asyncio.run(run_eval(root, specs, out, **kwargs))


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def read_results(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
