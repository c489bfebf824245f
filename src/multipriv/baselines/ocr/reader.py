"""Reading every image once: RapidOCR lines with boxes, cached in memory and on disk.

The OCR baseline answers ~7,400 items x 3 conditions over ~1,100 images, and most images are asked about many
times; OCR is the only slow part, so each image is read once per machine: results are keyed by the file's
path, size and modification time and kept as one JSON file per image under a cache folder. Reading runs in
worker threads, each with its own single-threaded engine (ONNX Runtime releases the GIL), so the cores are
used while
the event loop keeps serving requests whose images are already read.
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import functools
import hashlib
import json
import math
import multiprocessing as mp
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageChops

MAX_SIDE = 1280  # images are downscaled to this long side before OCR: text stays legible, OCR gets faster
# The detector's input long side. RapidOCR's "max" limit ignores the configured side (it picks 960, 1500 or
# 2000 from the image's size, so a 1280-pixel page was detected at full size): `_engine` enforces this one.
DET_SIDE = 960
# Text lines per recognition call. RapidOCR's 6 pads each batch to its widest line; one line per call does
# no padding work: recognition 20% cheaper on one thread, and the baseline's scores hold (benchmarks/README.md).
REC_BATCH = 1
# Recognition input: RapidOCR pads every text line to at least 320 px wide (a 6.7:1 line) before recognising it,
# so a short label or value costs as much as a long line; `LineRecogniser` feeds each line at its own width,
# rounded up to REC_STEP pixels: recognition about 30% cheaper (`benchmarks/bench_ocr.py`), scores held.
REC_STEP = 8
CACHE_VERSION = 4  # 2: margins trimmed; 3: detection really at DET_SIDE, batch 1; 4: lines at their own width

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class OcrLine:
    text: str
    box: Box  # x0, y0, x1, y1 in pixels of the original image
    score: float

    @property
    def cx(self) -> float:
        return (self.box[0] + self.box[2]) / 2

    @property
    def cy(self) -> float:
        return (self.box[1] + self.box[3]) / 2

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]


@dataclass(frozen=True)
class OcrPage:
    width: int
    height: int
    lines: tuple[OcrLine, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def to_json(self) -> dict[str, Any]:
        return {"v": CACHE_VERSION, "width": self.width, "height": self.height,
                "lines": [[ln.text, list(ln.box), round(ln.score, 4)] for ln in self.lines]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OcrPage:
        lines = tuple(OcrLine(str(t), (int(b[0]), int(b[1]), int(b[2]), int(b[3])), float(s))
                      for t, b, s in data["lines"])
        return cls(int(data["width"]), int(data["height"]), lines)


# --------------------------------------------------------------------------------------- the OCR engine

_LOCAL = threading.local()


class LineRecogniser:
    """RapidOCR's text recogniser (same model, same decoding) without its 320-pixel floor: each text line is
    resized to the model's height and padded only to a multiple of `REC_STEP`, lines sorted by width so that a
    batch (`REC_BATCH`) pads little. Called like RapidOCR's: crops in, ([(text, score)], seconds) out."""

    def __init__(self, inner: Any, batch: int = REC_BATCH, step: int = REC_STEP) -> None:
        self.session = inner.session  # the ONNX session (benchmarks/bench_ocr.py times it)
        self.postprocess_op = inner.postprocess_op
        self.height = int(inner.rec_image_shape[1])
        self.batch, self.step = max(1, batch), max(1, step)

    def width(self, line: NDArray[np.uint8]) -> int:
        """The input width of one line: its width at the model's height, rounded up to `step`."""
        h, w = line.shape[:2]
        natural = math.ceil(self.height * w / max(1, h))
        return int(max(self.step, -(-natural // self.step) * self.step))

    def _input(self, line: NDArray[np.uint8], width: int) -> NDArray[np.float32]:
        import cv2

        h, w = line.shape[:2]
        resized_w = max(1, min(width, math.ceil(self.height * w / max(1, h))))
        resized = np.asarray(cv2.resize(line, (resized_w, self.height)), dtype=np.float32)
        out = np.zeros((3, self.height, width), dtype=np.float32)
        out[:, :, :resized_w] = resized.transpose((2, 0, 1)) / 127.5 - 1.0  # RapidOCR's (x / 255 - 0.5) / 0.5
        return out

    def __call__(self, lines: NDArray[np.uint8] | list[NDArray[np.uint8]],
                 return_word_box: bool = False) -> tuple[list[tuple[str, float]], float]:
        crops = [lines] if isinstance(lines, np.ndarray) else list(lines)
        widths = [self.width(c) for c in crops]
        order = sorted(range(len(crops)), key=lambda i: widths[i])
        results: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        for start in range(0, len(order), self.batch):
            chunk = order[start: start + self.batch]
            width = max(widths[i] for i in chunk)
            batch = np.stack([self._input(crops[i], width) for i in chunk])
            preds = self.session(batch)[0]
            for i, (text, score, *_rest) in zip(chunk, self.postprocess_op(preds), strict=True):
                results[i] = (text, score)
        return results, 0.0


def _engine() -> Any:
    """This thread's engine: ONNX Runtime runs fastest here with one thread per session and one session per
    worker thread (it releases the GIL while it runs)."""
    engine = getattr(_LOCAL, "engine", None)
    if engine is None:
        import cv2
        from rapidocr_onnxruntime import RapidOCR
        from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

        # OpenCV's own pool would start one thread per core in every reading thread or process: on a small
        # machine that is oversubscription, on a container that reports the host's cores it is much worse.
        cv2.setNumThreads(1)
        engine = RapidOCR(det_limit_type="max", det_limit_side_len=DET_SIDE, intra_op_num_threads=1,
                          inter_op_num_threads=1, use_cls=False, rec_batch_num=REC_BATCH)
        det = engine.text_det
        det.get_preprocess = lambda _max_side: DetPreProcess(DET_SIDE, "max", det.mean, det.std)
        engine.text_rec = LineRecogniser(engine.text_rec)
        _LOCAL.engine = engine
    return engine


def usable_cores() -> int:
    """The cores this process may run on (a container's or `taskset`'s limit, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _reading_order(lines: list[OcrLine]) -> tuple[OcrLine, ...]:
    """Top to bottom, then left to right within a row (lines whose centres are within half a line height)."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: ln.cy):
        if rows and abs(rows[-1][0].cy - line.cy) < max(6.0, 0.5 * min(rows[-1][0].height, line.height)):
            rows[-1].append(line)
        else:
            rows.append([line])
    return tuple(ln for row in rows for ln in sorted(row, key=lambda ln: ln.box[0]))


def trim_margins(rgb: Image.Image, tolerance: int = 12) -> tuple[Image.Image, int, int]:
    """The image without a plain border (a scan's empty page around the document), and the offset of what is
    kept: what every document scanner does before reading, and fewer pixels to read."""
    corner = rgb.getpixel((0, 0))
    diff = ImageChops.difference(rgb, Image.new("RGB", rgb.size, corner)).convert("L")
    box = diff.point(lambda v: 255 if v > tolerance else 0).getbbox()
    if box is None:
        return rgb, 0, 0
    pad = 8
    x0, y0 = max(0, box[0] - pad), max(0, box[1] - pad)
    x1, y1 = min(rgb.width, box[2] + pad), min(rgb.height, box[3] + pad)
    if (x0, y0, x1, y1) == (0, 0, rgb.width, rgb.height):
        return rgb, 0, 0
    return rgb.crop((x0, y0, x1, y1)), x0, y0


def ocr_image(path: str) -> dict[str, Any]:
    """OCR one image file (plain margins trimmed, downscaled to `MAX_SIDE`), boxes mapped back to original
    pixels, as JSON."""
    with Image.open(path) as img:
        full = img.convert("RGB")
    rgb, dx, dy = trim_margins(full)
    full_width, full_height = full.size
    width, height = rgb.size
    scale = min(1.0, MAX_SIDE / max(width, height))
    if scale < 1.0:
        rgb = rgb.resize((round(width * scale), round(height * scale)), Image.Resampling.LANCZOS)
    array = np.asarray(rgb)[:, :, ::-1].copy()  # RapidOCR expects BGR like cv2.imread
    result, _ = _engine()(array, use_cls=False)
    lines: list[OcrLine] = []
    for quad, text, score in result or ():
        xs = [p[0] / scale + dx for p in quad]
        ys = [p[1] / scale + dy for p in quad]
        box = (max(0, int(min(xs))), max(0, int(min(ys))), min(full_width, int(max(xs)) + 1),
               min(full_height, int(max(ys)) + 1))
        lines.append(OcrLine(str(text).strip(), box, float(score)))
    return OcrPage(full_width, full_height, _reading_order([ln for ln in lines if ln.text])).to_json()


# --------------------------------------------------------------------------------------------- caching


@functools.lru_cache(maxsize=65536)
def _resolved(path: Path) -> str:
    """`path.resolve()` once per path: it costs one `lstat` per folder of the path, and every answer asks."""
    return str(path.resolve())


def _key(path: Path) -> str:
    st = path.stat()
    raw = f"{CACHE_VERSION}\x1f{_resolved(path)}\x1f{st.st_size}\x1f{st.st_mtime_ns}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


class OcrReader:
    """Reads images through a memory cache, a disk cache and a pool of OCR worker threads (one per core by
    default), each with its own engine, started on first use. Threads rather than processes: no start
    method pitfalls for callers' scripts, and the engine does its work outside the GIL."""

    def __init__(self, cache_dir: Path | None, workers: int | None = None) -> None:
        self.cache_dir = cache_dir
        self.workers = usable_cores() if workers is None else max(1, workers)
        self._memory: dict[str, OcrPage] = {}
        self._pending: dict[str, asyncio.Future[OcrPage]] = {}
        self._pool: cf.ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    # -- cache
    def _cached(self, key: str) -> OcrPage | None:
        page = self._memory.get(key)
        if page is None and self.cache_dir is not None:
            file = self.cache_dir / f"{key}.json"
            if file.is_file():
                try:
                    page = OcrPage.from_json(json.loads(file.read_text(encoding="utf-8")))
                except (ValueError, KeyError, TypeError):
                    page = None
                if page is not None:
                    self._memory[key] = page
        return page

    def _store(self, key: str, data: dict[str, Any]) -> OcrPage:
        page = OcrPage.from_json(data)
        self._memory[key] = page
        if self.cache_dir is not None:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = self.cache_dir / f"{key}.json.{os.getpid()}.{threading.get_ident()}.tmp"
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            tmp.replace(self.cache_dir / f"{key}.json")
        return page

    # -- reading
    def read_sync(self, path: Path) -> OcrPage:
        key = _key(path)
        page = self._cached(key)
        if page is None:
            page = self._store(key, ocr_image(str(path)))
        return page

    def _executor(self) -> cf.ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = cf.ThreadPoolExecutor(max(1, self.workers), thread_name_prefix="ocr")
            return self._pool

    async def read(self, path: Path) -> OcrPage:
        """One image's page; concurrent requests for the same image share one OCR run."""
        key = _key(path)
        page = self._cached(key)
        if page is not None:
            return page
        pending = self._pending.get(key)
        if pending is not None:
            return await asyncio.shield(pending)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[OcrPage] = loop.create_future()
        self._pending[key] = future
        try:
            data = await asyncio.wrap_future(self._executor().submit(ocr_image, str(path)))
            page = self._store(key, data)
            future.set_result(page)
            return page
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: no "never retrieved" warning when nobody else waits
            raise
        finally:
            self._pending.pop(key, None)

    async def read_all(self, paths: tuple[Path, ...]) -> list[OcrPage]:
        return list(await asyncio.gather(*(self.read(p) for p in paths)))

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None


def warm_cache(paths: list[Path], cache_dir: Path, jobs: int = 2,
               progress: Callable[[int, int], None] | None = None) -> int:
    """OCR every image not yet cached, in `jobs` forked processes; returns how many were read.

    The threads of `OcrReader` share one interpreter, and RapidOCR's pre- and post-processing hold the GIL, so
    a cold cache over a whole build is read several times faster by processes. Fork (not spawn) needs no
    `__main__` guard in the caller; it is used only here, for this one batch.
    """
    reader = OcrReader(cache_dir, workers=1)
    todo = [p for p in paths if reader._cached(_key(p)) is None]
    if not todo:
        return 0
    context = mp.get_context("fork")
    with cf.ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=context) as pool:
        for n, (path, data) in enumerate(zip(todo, pool.map(ocr_image, [str(p) for p in todo], chunksize=4),
                                             strict=True), start=1):
            reader._store(_key(path), data)
            if progress:
                progress(n, len(todo))
    return len(todo)
