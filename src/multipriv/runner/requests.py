"""From an item and a prompt condition to the `Request` a provider answers, and the cache key of that request.

The key hashes everything that can change an answer (model, endpoint, parameters, system prompt, prompt and the
image *contents*) and nothing secret: the API key never enters it. Image files are hashed once per run and
memoised by path, mtime and size, so a changed image gets a new key while an unchanged one is read only once.
Data URLs are memoised too (bounded by bytes) because the same image is sent under several conditions and tasks.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from collections import OrderedDict
from pathlib import Path

from multipriv.errors import MultiPrivError
from multipriv.runner.base import Condition, ModelSpec, Request
from multipriv.runner.conditions import get_condition
from multipriv.tasks.common import templates
from multipriv.tasks.schema import Item

KEY_VERSION = 1  # bump when the key's recipe changes: old cache entries then simply stop matching

_MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp",
         ".gif": "image/gif"}


def condition_text(lang: str, condition: Condition) -> str:
    """The condition's text from the item language's template ("" when the condition adds none)."""
    spec = get_condition(condition)
    key = spec.template_key
    if key is None:
        return ""
    texts = templates(lang).get("conditions", {})
    if key in texts:
        return str(texts[key]).strip()
    if spec.texts is not None:
        return spec.texts[1 if lang == "zh" else 0].strip()
    raise MultiPrivError(f"condition {condition!r} has no text under [conditions] in the {lang} templates")


def build_request(item: Item, condition: Condition, root: Path) -> Request:
    """The condition's shape decides: the item's prompt as is, with the text as system prompt, or the text before
    the prompt (see runner/conditions.py)."""
    base = root.absolute()  # no resolve(): joining is enough, and stat calls per request add up
    images = tuple(base / rel for rel in item.images)
    shape = get_condition(condition).shape
    if shape == "none":
        return Request(item=item, system=None, prompt=item.prompt, images=images)
    text = condition_text(item.lang, condition)
    if shape == "system":
        return Request(item=item, system=text, prompt=item.prompt, images=images)
    return Request(item=item, system=None, prompt=f"{text}\n\n{item.prompt}", images=images)


class _FileMemo:
    """Per-path memo invalidated by (mtime_ns, size): cheap `stat` instead of re-reading the file."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sha: dict[Path, tuple[int, int, str]] = {}

    def sha256(self, path: Path) -> str:
        try:
            st = path.stat()
        except OSError:
            raise MultiPrivError(f"{path}: image not found") from None
        with self._lock:
            hit = self._sha.get(path)
        if hit and hit[0] == st.st_mtime_ns and hit[1] == st.st_size:
            return hit[2]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        with self._lock:
            self._sha[path] = (st.st_mtime_ns, st.st_size, digest)
        return digest


_FILES = _FileMemo()


def image_sha256(path: Path) -> str:
    return _FILES.sha256(path)


def request_key(spec: ModelSpec, request: Request) -> str:
    """sha256 over what determines the answer; concurrency, timeouts, prices and secrets stay out."""
    payload = {
        "v": KEY_VERSION,
        "provider": spec.provider,
        "model": spec.model_id,
        "base_url": (spec.base_url or "").rstrip("/"),
        "path": spec.path,
        "params": spec.params,
        "system": request.system,
        "prompt": request.prompt,
        "images": [image_sha256(p) for p in request.images],
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def mime_type(path: Path) -> str:
    return _MIME.get(path.suffix.lower(), "image/png")


class _DataUrlCache:
    """LRU of base64 data URLs bounded by total characters, so a 1,000-image build does not fill memory."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self._lock = threading.Lock()
        self._urls: OrderedDict[tuple[Path, int, int], str] = OrderedDict()
        self._chars = 0

    def get(self, path: Path) -> str:
        st = path.stat()
        key = (path, st.st_mtime_ns, st.st_size)
        with self._lock:
            url = self._urls.get(key)
            if url is not None:
                self._urls.move_to_end(key)
                return url
        url = f"data:{mime_type(path)};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
        with self._lock:
            self._urls[key] = url
            self._chars += len(url)
            while self._chars > self.max_chars and len(self._urls) > 1:
                _, old = self._urls.popitem(last=False)
                self._chars -= len(old)
        return url


_DATA_URLS = _DataUrlCache(max_chars=512 * 1024 * 1024)


def image_data_url(path: Path) -> str:
    """`data:image/png;base64,...` for one image file, memoised. Never log what this returns."""
    return _DATA_URLS.get(path)


def image_base64(path: Path) -> tuple[str, str]:
    """(media type, base64 payload) for APIs that take them apart (Anthropic)."""
    url = image_data_url(path)
    head, _, data = url.partition(",")
    return head[len("data:"):].split(";", 1)[0], data
