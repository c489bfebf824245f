"""Finding faces without ground truth, and comparing them.

The detector is deliberately simple: skin-coloured pixels (the YCrCb range that covers light to dark skin)
outside every OCR text box, cleaned with a morphological opening; each large, roughly face-shaped blob is a
face, its box widened to take in hair and jaw. Faces are compared with `multipriv.render.face_similarity`
when that module is present, else with a colour-and-shape signature of the crop (skin tone, hair colour,
coarse layout), which is what tells the procedural faces apart.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from multipriv.runner.baselines.ocr.reader import Box, OcrPage

MIN_AREA = 0.004  # of the image: smaller skin blobs are hands, noise or tiny avatars


def _skin_mask(rgb: NDArray[np.uint8]) -> NDArray[np.bool_]:
    r, g, b = (rgb[..., i].astype(np.float32) for i in range(3))
    cr = 128 + 0.5 * r - 0.4187 * g - 0.0813 * b
    cb = 128 - 0.1687 * r - 0.3313 * g + 0.5 * b
    y = 0.299 * r + 0.587 * g + 0.114 * b
    mask: NDArray[np.bool_] = (cr >= 134) & (cr <= 175) & (cb >= 77) & (cb <= 127) & (y > 35) & (r > b)
    return mask


def detect_faces(path: Path, page: OcrPage | None = None, limit: int = 8) -> list[Box]:
    """Face boxes in pixels, largest first."""
    with Image.open(path) as img:
        return find_faces(img.convert("RGB"), page, limit)


def face_crops(path: Path, page: OcrPage | None = None, limit: int = 8) -> list[Image.Image]:
    """The face crops of an image, largest first (the file is decoded once)."""
    with Image.open(path) as img:
        rgb = img.convert("RGB")
    return [rgb.crop(box) for box in find_faces(rgb, page, limit)]


def find_faces(rgb_img: Image.Image, page: OcrPage | None = None, limit: int = 8) -> list[Box]:
    import cv2

    scale = min(1.0, 640 / max(rgb_img.size))
    small = rgb_img.resize((max(1, round(rgb_img.width * scale)), max(1, round(rgb_img.height * scale))))
    rgb = np.asarray(small)
    mask: Any = _skin_mask(rgb).astype(np.uint8)
    if page is not None:
        for line in page.lines:
            x0, y0, x1, y1 = (int(v * scale) for v in line.box)
            mask[max(0, y0 - 2): y1 + 2, max(0, x0 - 2): x1 + 2] = 0
    kernel = np.ones((5, 5), np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    area_min = MIN_AREA * mask.shape[0] * mask.shape[1]
    boxes: list[tuple[int, Box]] = []
    for i in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[i])
        if area < area_min or not 0.5 <= h / max(w, 1) <= 2.8 or area < 0.35 * w * h:
            continue
        pad_x, pad_top, pad_bottom = 0.25 * w, 0.45 * h, 0.1 * h
        box = (int(max(0, x - pad_x) / scale), int(max(0, y - pad_top) / scale),
               int(min(mask.shape[1], x + w + pad_x) / scale), int(min(mask.shape[0], y + h + pad_bottom) / scale))
        boxes.append((area, box))
    boxes.sort(key=lambda t: -t[0])
    return [b for _, b in boxes[:limit]]


def crop(path: Path, box: Box) -> Image.Image:
    with Image.open(path) as img:
        return img.convert("RGB").crop(box)


# ------------------------------------------------------------------------------------------ comparison


def _signature(face: Image.Image) -> NDArray[np.float64]:
    """Skin and hair colours (hue-saturation-value histogram) and a coarse grey layout, unit length."""
    small = face.resize((24, 24), Image.Resampling.BILINEAR)
    hsv = np.asarray(small.convert("HSV"), dtype=np.float32) / 255.0
    hist, _ = np.histogramdd(hsv.reshape(-1, 3), bins=(8, 3, 4), range=((0, 1), (0, 1), (0, 1)))
    hist = hist.ravel() / max(1.0, hist.sum())
    grey = np.asarray(small.convert("L").resize((12, 12)), dtype=np.float32).ravel()
    grey = (grey - grey.mean()) / (grey.std() + 1e-6) / np.sqrt(grey.size)
    vec: NDArray[np.float64] = np.concatenate([np.sqrt(hist) * 1.5, grey * 0.5]).astype(np.float64)
    return vec / (float(np.linalg.norm(vec)) + 1e-9)


@cache
def _external() -> Callable[[Image.Image], Any] | None:
    try:
        module = importlib.import_module("multipriv.render.face_similarity")
    except ImportError:
        return None
    embed: Callable[[Image.Image], Any] | None = getattr(module, "embed", None)
    return embed


def embed(face: Image.Image) -> Any:
    """A unit-length embedding of a face crop: the project's face measure, else the colour signature."""
    ext = _external()
    return ext(face) if ext is not None else _signature(face)


def similarity(a: Any, b: Any) -> float:
    """Cosine of two embeddings (both measures give unit vectors)."""
    return float(np.dot(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)))
