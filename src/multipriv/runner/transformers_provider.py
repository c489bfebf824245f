"""`transformers`: a local vision-language model loaded from a folder (optional extra `local`).

Why a provider of its own: many models people audit before release are not served behind an API yet. The
model and processor come only from `spec.path` (`local_files_only=True`, `trust_remote_code=False`): nothing
is downloaded and no code from a model folder runs. The prompt is built with the model's own chat template,
generation is greedy unless `do_sample` is set, and only the newly generated tokens are decoded. Generation
runs in a worker thread under a lock, so the event loop keeps going and one model never runs twice at once.

Parameters (`ModelSpec.params`): `max_new_tokens` (or `max_tokens`, default 512), `do_sample` (False),
`temperature`, `top_p`, `device` (default cuda when available, else cpu), `dtype` ("auto", "float16",
"bfloat16", "float32").
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import sys
import threading
from pathlib import Path
from typing import Any

from PIL import Image

from multipriv.runner.base import ModelSpec, ProviderError, Reply, Request, provider

_SAMPLING_KEYS = ("temperature", "top_p", "top_k")


def hide_broken_torchvision() -> None:
    """Make transformers fall back to its PIL image processors when torchvision is installed but does not load.

    The torchvision wheels on PyPI are built for CUDA torch; beside the CPU torch this project pins, importing one
    fails ("operator torchvision::nms does not exist"), and transformers, which imports it for its image
    processors when it is installed, fails with it. lmms-eval (the `export` extra) pulls such a wheel in."""
    if "torchvision" in sys.modules or importlib.util.find_spec("torchvision") is None:
        return
    try:
        importlib.import_module("torchvision")
    except Exception:  # any failure to load means: not usable
        for name in [m for m in sys.modules if m == "torchvision" or m.startswith("torchvision.")]:
            del sys.modules[name]
        sys.modules["torchvision"] = None  # type: ignore[assignment]  # find_spec now answers None
        utils = sys.modules.get("transformers.utils.import_utils")
        for name in ("is_torchvision_available", "is_torchvision_v2_available"):  # answers cached before this
            cached = getattr(utils, name, None)
            if cached is not None and hasattr(cached, "cache_clear"):
                cached.cache_clear()


hide_broken_torchvision()  # before anything imports transformers' image processors


@provider("transformers")
class TransformersProvider:
    def __init__(self, spec: ModelSpec) -> None:
        if not spec.path:
            raise ProviderError(f"model {spec.name!r}: the transformers provider needs `path` (a model folder)")
        self.spec = spec
        self._lock = threading.Lock()
        self._model: Any = None
        self._processor: Any = None
        self._device = "cpu"

    def _load(self) -> None:
        try:
            import torch
            import transformers
            from transformers import AutoModelForImageTextToText, AutoProcessor
        except ImportError as exc:
            raise ProviderError(f"the transformers provider needs `pip install 'multipriv[local]'` ({exc})",
                                config=True) from exc
        path = Path(str(self.spec.path)).expanduser()
        if not path.is_dir():
            raise ProviderError(f"model folder {path} does not exist", config=True)
        params = self.spec.params
        dtype_name = str(params.get("dtype", "auto"))
        dtype: Any = dtype_name if dtype_name == "auto" else getattr(torch, dtype_name)
        self._device = str(params.get("device") or ("cuda" if torch.cuda.is_available() else "cpu"))
        auto_processor: Any = AutoProcessor
        auto_model: Any = AutoModelForImageTextToText
        self._processor = auto_processor.from_pretrained(path, local_files_only=True, trust_remote_code=False)
        # `dtype` replaced `torch_dtype` in transformers 4.56; older releases only know the latter.
        major, minor = (int(x) for x in transformers.__version__.split(".")[:2])
        dtype_key = "dtype" if (major, minor) >= (4, 56) else "torch_dtype"
        model = auto_model.from_pretrained(path, local_files_only=True, trust_remote_code=False,
                                           **{dtype_key: dtype})
        self._model = model.to(self._device).eval()

    def _ensure_loaded(self) -> None:
        with self._lock:
            if self._model is None:
                try:
                    self._load()
                except ProviderError:
                    raise
                except (OSError, ValueError, RuntimeError) as exc:
                    raise ProviderError(f"model {self.spec.name!r} does not load: {exc}", config=True) from exc

    async def preflight(self) -> None:
        """Load the model before the first request: a missing extra or unreadable weights end the run at once."""
        await asyncio.to_thread(self._ensure_loaded)

    def _messages(self, request: Request, with_system: bool) -> list[dict[str, Any]]:
        prompt = request.prompt
        messages: list[dict[str, Any]] = []
        if request.system and with_system:
            messages.append({"role": "system", "content": [{"type": "text", "text": request.system}]})
        elif request.system:
            prompt = f"{request.system}\n\n{prompt}"
        content: list[dict[str, Any]] = [{"type": "image"} for _ in request.images]
        content.append({"type": "text", "text": prompt})
        messages.append({"role": "user", "content": content})
        return messages

    def _chat_text(self, request: Request) -> str:
        try:
            return str(self._processor.apply_chat_template(
                self._messages(request, True), add_generation_prompt=True, tokenize=False))
        except Exception:
            if not request.system:
                raise
            return str(self._processor.apply_chat_template(
                self._messages(request, False), add_generation_prompt=True, tokenize=False))

    def _generate(self, request: Request) -> Reply:
        import torch

        self._ensure_loaded()
        with self._lock:
            text = self._chat_text(request)
            images = []
            for p in request.images:
                with Image.open(p) as img:
                    images.append(img.convert("RGB"))
            inputs = self._processor(text=[text], images=images or None, return_tensors="pt").to(self._device)
            params = self.spec.params
            kwargs: dict[str, Any] = {
                "max_new_tokens": int(params.get("max_new_tokens", params.get("max_tokens", 512))),
                "do_sample": bool(params.get("do_sample", False)),
            }
            if kwargs["do_sample"]:
                kwargs.update({k: params[k] for k in _SAMPLING_KEYS if k in params})
            with torch.inference_mode():
                output = self._model.generate(**inputs, **kwargs)
            prompt_len = int(inputs["input_ids"].shape[1])
            new_tokens = output[:, prompt_len:]
            reply = self._processor.batch_decode(new_tokens, skip_special_tokens=True)[0]
            eos = getattr(self._model.generation_config, "eos_token_id", None)
            last = int(new_tokens[0, -1]) if new_tokens.shape[1] else None
            stopped = last is not None and (last == eos or (isinstance(eos, list) and last in eos))
        return Reply(text=str(reply).strip(), input_tokens=prompt_len, output_tokens=int(new_tokens.shape[1]),
                     raw={"finish_reason": "stop" if stopped else "length"})

    async def complete(self, request: Request) -> Reply:
        try:
            return await asyncio.to_thread(self._generate, request)
        except ProviderError:
            raise
        except (RuntimeError, ValueError, OSError) as exc:
            raise ProviderError(f"{self.spec.name}: generation failed: {exc}") from exc

    async def aclose(self) -> None:
        self._model = None
        self._processor = None
