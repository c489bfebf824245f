"""Throughput of `multipriv eval` against an OpenAI-compatible server that answers at once.

Three figures, in samples per second, on the same ~1,000 items with small images and the same concurrency:
(i)   a bare asyncio loop of the same `openai` client calls (data URLs precomputed): the ceiling;
(ii)  `run_eval` with a fresh cache (no cache hits), everything included: loading items, hashing images,
      request keys, retries machinery, results file, manifest and final compaction;
(iii) inspect_ai (optional extra `bench`) through its OpenAI-compatible provider (`openai-api/<service>/...`).
Targets (issue 16): (ii) >= 90% of (i) and >= 10x (iii).

The server is a minimal raw-asyncio HTTP/1.1 server with keep-alive, run in separate processes sharing one
listening socket, so that it neither shares the client's event loop nor becomes the bottleneck.

Run: .venv/bin/python benchmarks/bench_runner.py [--items 1000] [--concurrency 32] [--repeat 3] [--no-inspect]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import random
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPLY = json.dumps({
    "id": "chatcmpl-bench", "object": "chat.completion", "created": 0, "model": "bench-vlm",
    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "yes"}}],
    "usage": {"prompt_tokens": 90, "completion_tokens": 1, "total_tokens": 91},
}).encode()
RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(REPLY)).encode() + b"\r\n\r\n" + REPLY)


# ---------------------------------------------------------------- the server (child processes)

async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            if length:
                await reader.readexactly(length)
            writer.write(RESPONSE)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


def _serve(sock: socket.socket) -> None:
    async def main() -> None:
        server = await asyncio.start_server(_handle, sock=sock, limit=1 << 24)
        async with server:
            await server.serve_forever()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())


def start_server(procs: int) -> tuple[str, list[Any]]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1024)
    ctx = multiprocessing.get_context("fork")  # children inherit the listening socket
    children = [ctx.Process(target=_serve, args=(sock,), daemon=True) for _ in range(procs)]
    for child in children:
        child.start()
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/v1", children


# ---------------------------------------------------------------- the data

def make_build(root: Path, n_items: int, n_images: int = 60) -> list[Any]:
    from PIL import Image

    from multipriv.tasks.schema import AnswerType, Item

    rng = random.Random(0)
    (root / "images").mkdir(parents=True)
    for k in range(n_images):
        img = Image.new("RGB", (64, 48), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
        for _ in range(40):
            img.putpixel((rng.randrange(64), rng.randrange(48)), (rng.randrange(256), 0, 0))
        img.save(root / "images" / f"img{k:03d}.png")
    items = []
    for i in range(n_items):
        images = tuple(f"images/img{rng.randrange(n_images):03d}.png" for _ in range(1 + (i % 3 == 0)))
        items.append(Item(id=f"bench-{i:05d}", twin_id=f"twin-{i // 2:05d}", task=1 + i % 9,
                          level="perception", lang="en" if i % 2 == 0 else "zh", images=images,
                          prompt=f"Question {i}: do these records belong to the same person?\n"
                                 "Answer \"yes\" or \"no\".",
                          answer_type=AnswerType.YESNO, gold=("yes",)))
    with (root / "items.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(item.model_dump_json() + "\n" for item in items)
    from multipriv.dataset.integrity import MANIFEST_VERSION, pin_files

    names = ["items.jsonl", *(f"images/img{k:03d}.png" for k in range(n_images))]
    (root / "manifest.json").write_text(json.dumps({"manifest_version": MANIFEST_VERSION, "version": "bench",
                                                    "counts": {"items": n_items}, "images": n_images,
                                                    "files": pin_files(root, names)}))
    return items


# ---------------------------------------------------------------- the three contenders

async def bare_loop(url: str, items: list[Any], root: Path, concurrency: int) -> None:
    import openai

    from multipriv.runner.requests import image_data_url

    urls = {p: image_data_url((root / p).resolve()) for it in items for p in it.images}
    client = openai.AsyncOpenAI(api_key="EMPTY", base_url=url, max_retries=0, timeout=30)
    sem = asyncio.Semaphore(concurrency)

    async def one(item: Any) -> None:
        content: list[Any] = [{"type": "image_url", "image_url": {"url": urls[p]}} for p in item.images]
        content.append({"type": "text", "text": item.prompt})
        async with sem:
            resp = await client.chat.completions.create(model="bench-vlm", temperature=0, max_tokens=16,
                                                        messages=[{"role": "user", "content": content}])
            assert resp.choices[0].message.content

    await asyncio.gather(*(one(it) for it in items))
    await client.close()


Figure = tuple[float, float]  # (samples per wall second, client CPU milliseconds per sample)


def _figure(n: int, wall0: float, cpu0: float) -> Figure:
    return n / (time.perf_counter() - wall0), 1000 * (time.process_time() - cpu0) / n


def time_bare(url: str, items: list[Any], root: Path, concurrency: int) -> Figure:
    wall0, cpu0 = time.perf_counter(), time.process_time()
    asyncio.run(bare_loop(url, items, root, concurrency))
    return _figure(len(items), wall0, cpu0)


def time_engine(url: str, items: list[Any], root: Path, concurrency: int, out: Path) -> Figure:
    from multipriv.runner.base import ModelSpec
    from multipriv.runner.engine import run_eval

    spec = ModelSpec(name="bench", model="bench-vlm", base_url=url, concurrency=concurrency, timeout_s=30,
                     params={"temperature": 0, "max_tokens": 16})
    wall0, cpu0 = time.perf_counter(), time.process_time()
    summary = asyncio.run(run_eval(root, [spec], out, progress=False))["bench"]
    figure = _figure(len(items), wall0, cpu0)
    assert summary.answered == len(items) and summary.cached == 0, summary
    return figure


def time_inspect(url: str, items: list[Any], root: Path, concurrency: int, logs: Path) -> Figure:
    from inspect_ai import Task, eval
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import ChatMessageUser, ContentImage, ContentText
    from inspect_ai.solver import generate

    samples = []
    for it in items:
        content: list[Any] = [ContentImage(image=str((root / p).resolve())) for p in it.images]
        content.append(ContentText(text=it.prompt))
        samples.append(Sample(id=it.id, input=[ChatMessageUser(content=content)], target="yes"))
    os.environ["BENCH_BASE_URL"] = url
    os.environ["BENCH_API_KEY"] = "EMPTY"
    task = Task(dataset=MemoryDataset(samples), solver=generate())
    wall0, cpu0 = time.perf_counter(), time.process_time()
    logs_out = eval(task, model="openai-api/bench/bench-vlm", max_connections=concurrency, log_dir=str(logs),
                    display="none", temperature=0, max_tokens=16, score=False, max_retries=2)
    figure = _figure(len(items), wall0, cpu0)
    log = logs_out[0]
    assert log.status == "success", (log.status, log.error)
    assert log.samples is None or len(log.samples) == len(items)
    return figure


def _median(figures: list[Figure]) -> Figure:
    return statistics.median(f[0] for f in figures), statistics.median(f[1] for f in figures)


def _rates(figures: list[Figure]) -> list[int]:
    return [round(f[0]) for f in figures]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--server-procs", type=int, default=1, help="server processes (more on many-core machines)")
    parser.add_argument("--no-inspect", action="store_true")
    args = parser.parse_args()
    url, children = start_server(args.server_procs)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "build"
            items = make_build(root, args.items)
            from multipriv.dataset import validate  # noqa: F401  (a one-off import, not per-run work)

            time_bare(url, items[:100], root, args.concurrency)  # warm up: imports, connections, server
            bare: list[Figure] = []
            engine: list[Figure] = []
            for r in range(args.repeat):  # interleaved, so a busy moment on the machine hits both
                bare.append(time_bare(url, items, root, args.concurrency))
                engine.append(time_engine(url, items, root, args.concurrency, Path(tmp) / f"out{r}"))
            b, e = _median(bare), _median(engine)
            print(f"items {args.items}, concurrency {args.concurrency}, median of {args.repeat} interleaved runs; "
                  f"client CPU ms per sample in brackets")
            print(f"(i)   bare openai loop : {b[0]:8.1f} samples/s  [{b[1]:.2f} ms]  runs {_rates(bare)}")
            print(f"(ii)  multipriv eval   : {e[0]:8.1f} samples/s  [{e[1]:.2f} ms]  runs {_rates(engine)}  "
                  f"= {e[0] / b[0]:.0%} of the bare loop (target >= 90%)")
            if not args.no_inspect:
                try:
                    i = time_inspect(url, items, root, args.concurrency, Path(tmp) / "inspect")
                except Exception as exc:  # report why, keep the other figures
                    print(f"(iii) inspect_ai       : failed: {type(exc).__name__}: {exc}")
                else:
                    print(f"(iii) inspect_ai       : {i[0]:8.1f} samples/s  [{i[1]:.2f} ms]  "
                          f"multipriv eval = {e[0] / i[0]:.1f}x (target >= 10x)")
    finally:
        for child in children:
            child.terminate()
        for child in children:
            child.join(timeout=5)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
