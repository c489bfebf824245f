"""The baseline server end to end: the real `openai` client over real HTTP on loopback, images as data URLs,
the oracle's reply scored correct by the real scorer; unknown prompts are a 400 with a JSON error."""

from __future__ import annotations

import base64
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import openai
import pytest

from multipriv.baselines.serve import BaselineServer, make_server
from multipriv.runner.requests import condition_text
from multipriv.score.record import score_item
from multipriv.tasks.schema import Item


@contextmanager
def running(srv: BaselineServer) -> Iterator[BaselineServer]:
    """The server answering from a background thread, shut down and closed on the way out."""
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def server(small_build: Path) -> Iterator[BaselineServer]:
    with running(make_server("oracle", small_build, "127.0.0.1", 0)) as srv:
        yield srv


def _url(srv: BaselineServer) -> str:
    host, port = srv.server_address[:2]
    return f"http://{host!s}:{port}/v1"


def _data_url(path: Path) -> str:
    mime = "image/png" if path.suffix == ".png" else "image/jpeg"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode()}"


def _messages(root: Path, item: Item, system: str | None, prompt: str) -> list[dict[str, object]]:
    content: list[dict[str, object]] = [{"type": "image_url", "image_url": {"url": _data_url(root / p)}}
                                        for p in item.images]
    content.append({"type": "text", "text": prompt})
    messages: list[dict[str, object]] = [{"role": "system", "content": system}] if system else []
    return [*messages, {"role": "user", "content": content}]


def _pick(items: list[Item]) -> list[Item]:
    """One item per (answer type, language), preferring prompts many items share (the image hash decides)."""
    chosen: dict[tuple[str, str], Item] = {}
    for item in items:
        chosen.setdefault((item.answer_type.value, item.lang), item)
    return list(chosen.values())


def test_openai_client_gets_oracle_answers(server: BaselineServer, small_build: Path) -> None:
    items = [Item.model_validate_json(line) for line in (small_build / "items.jsonl").read_text("utf-8").splitlines()]
    client = openai.OpenAI(base_url=_url(server), api_key="not-needed", max_retries=0, timeout=30)
    assert [m.id for m in client.models.list().data] == ["oracle"]
    for n, item in enumerate(_pick(items)):
        condition = ("plain", "protective", "adversarial")[n % 3]
        system = condition_text(item.lang, "protective") if condition == "protective" else None
        prompt = item.prompt if condition != "adversarial" else (
            f"{condition_text(item.lang, 'adversarial')}\n\n{item.prompt}")
        reply = client.chat.completions.create(model="oracle", messages=_messages(small_build, item, system, prompt),
                                               temperature=0)
        text = reply.choices[0].message.content or ""
        record = score_item(item, text, model="oracle", condition=condition)
        assert record.correct is True, (item.id, condition, text)


def test_shared_prompt_is_told_apart_by_images(server: BaselineServer, small_build: Path) -> None:
    items = [Item.model_validate_json(line) for line in (small_build / "items.jsonl").read_text("utf-8").splitlines()]
    by_prompt: dict[str, list[Item]] = {}
    for item in items:
        by_prompt.setdefault(item.prompt, []).append(item)
    twins = next(group for group in by_prompt.values() if len({i.gold for i in group}) > 1)
    client = openai.OpenAI(base_url=_url(server), api_key="x", max_retries=0, timeout=30)
    for item in twins[:4]:
        reply = client.chat.completions.create(model="oracle",
                                               messages=_messages(small_build, item, None, item.prompt))
        assert score_item(item, reply.choices[0].message.content or "").correct is True


def test_unknown_prompt_is_a_400_with_json_error(server: BaselineServer) -> None:
    body = json.dumps({"model": "oracle", "messages": [{"role": "user", "content": "What is the weather?"}]})
    request = urllib.request.Request(_url(server) + "/chat/completions", data=body.encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 400
    error = json.loads(info.value.read())["error"]
    assert error["code"] == "unknown_prompt" and "prompt" in error["message"]
    client = openai.OpenAI(base_url=_url(server), api_key="x", max_retries=0, timeout=10)
    with pytest.raises(openai.BadRequestError):
        client.chat.completions.create(model="oracle", messages=[{"role": "user", "content": "hello"}])


def test_floors_are_served_with_their_priors(small_build: Path, tmp_path: Path) -> None:
    """`serve-baseline constant --priors FILE`: the floor answers over HTTP what it answers in `eval`."""
    import asyncio

    from multipriv.baselines.floors import priors_params
    from multipriv.baselines.priors import learn_from_build
    from multipriv.runner.base import PROVIDERS, ModelSpec, Request

    priors = tmp_path / "priors.json"
    learn_from_build(small_build, priors)
    params = priors_params(priors)
    with running(make_server("constant", small_build, "127.0.0.1", 0, params)) as srv:
        items = [Item.model_validate_json(line)
                 for line in (small_build / "items.jsonl").read_text("utf-8").splitlines()]
        item = _pick(items)[0]
        client = openai.OpenAI(base_url=_url(srv), api_key="not-needed", max_retries=0, timeout=30)
        reply = client.chat.completions.create(model="constant", temperature=0,
                                               messages=_messages(small_build, item, None, item.prompt))
        local = PROVIDERS["constant"](ModelSpec(name="constant", provider="constant", params=params))
        expected = asyncio.run(local.complete(Request(item=item, system=None, prompt=item.prompt,
                                                      images=tuple(small_build / p for p in item.images))))
        assert reply.choices[0].message.content == expected.text


def test_an_unknown_baseline_is_one_error(small_build: Path) -> None:
    from multipriv.errors import MultiPrivError

    with pytest.raises(MultiPrivError, match="unknown baseline 'gpt'"):
        make_server("gpt", small_build, "127.0.0.1", 0)
