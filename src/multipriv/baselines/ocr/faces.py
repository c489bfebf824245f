"""Finding faces without ground truth, and comparing them.

The detector is deliberately simple: skin-coloured pixels (the YCrCb range that covers light to dark skin)
outside every OCR text box, cleaned with a morphological opening; each large, roughly face-shaped blob is a
face, its box widened to take in hair and jaw. Faces are compared with a descriptor of our own (`embed`): the
colour statistics (CIELAB mean and spread) of the face's skin-coloured region. On procedural faces that
region carries skin tone and the hair, beard and make-up bordering it, and it is robust to pose, glasses,
hats and framing; grey-level layouts, gradient and LBP histograms were tried and separated persons worse
(area under the ROC curve about 0.65 against 0.86 on a dev build's face crops).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from multipriv.baselines.ocr.reader import Box, OcrPage

MIN_AREA = 0.004  # of the image: smaller skin blobs are hands, noise or tiny avatars
DETECT_SIDE = 640  # long side of the image the skin mask is computed on


def _skin_mask(rgb: NDArray[np.uint8]) -> NDArray[np.bool_]:
    r, g, b = (rgb[..., i].astype(np.float32) for i in range(3))
    cr = 128 + 0.5 * r - 0.4187 * g - 0.0813 * b
    cb = 128 - 0.1687 * r - 0.3313 * g + 0.5 * b
    y = 0.299 * r + 0.587 * g + 0.114 * b
    mask: NDArray[np.bool_] = (cr >= 134) & (cr <= 175) & (cb >= 77) & (cb <= 127) & (y > 35) & (r > b)
    return mask


def face_crops(path: Path, page: OcrPage | None = None, limit: int = 8) -> list[Image.Image]:
    """The face crops of an image, largest first (the file is decoded once)."""
    with Image.open(path) as img:
        rgb = img.convert("RGB")
    return [rgb.crop(box) for box in find_faces(rgb, page, limit)]


def find_faces(rgb_img: Image.Image, page: OcrPage | None = None, limit: int = 8) -> list[Box]:
    import cv2

    scale = min(1.0, DETECT_SIDE / max(rgb_img.size))
    # A box reduction by an integer factor first, then bilinear: the skin mask needs colour, not detail (a
    # bicubic resize of the whole page was a third of the baselines' answering time).
    small = rgb_img.resize((max(1, round(rgb_img.width * scale)), max(1, round(rgb_img.height * scale))),
                           Image.Resampling.BILINEAR, reducing_gap=2.0)
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
        if area > 0.96 * w * h and area < 0.05 * mask.size:
            continue  # a small solid patch (a card's chip, a label): a face has eyes, brows and a mouth in it
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

_SIDE = 96
# Weights of (L, a, b) mean and (L, a, b) spread: lightness varies with exposure, so it counts half.
_WEIGHTS = np.array([0.5, 1.0, 1.0, 1.0, 2.0, 2.0])
SCALE = 12.0  # Lab units: the descriptor distance at which `similarity` falls to 1/e


def _head_region(rgb: NDArray[np.uint8]) -> NDArray[np.bool_]:
    """The skin-coloured region of a face crop: the largest skin-range blob, preferring the centre. Fair,
    blond, red and brown hair fall in the same colour range and belong to it, as do beards' edges."""
    import cv2

    mask = cv2.morphologyEx(_skin_mask(rgb).astype(np.uint8), cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    count, labels, stats, centres = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if count < 2:
        return np.ones(mask.shape, dtype=bool)
    width = mask.shape[1]
    best = max(range(1, count), key=lambda i: stats[i, 4] / (1 + 2 * abs(centres[i][0] - width / 2) / width))
    region: NDArray[np.bool_] = labels == best
    return region


def embed(face: Image.Image) -> NDArray[np.float64]:
    """A face crop's descriptor: mean and spread of the CIELAB colour of its skin-coloured region (skin tone,
    and hair, beard and make-up where they border it), weighted; compare two with `similarity`."""
    import cv2

    rgb = np.asarray(face.convert("RGB").resize((_SIDE, _SIDE), Image.Resampling.BILINEAR), dtype=np.uint8)
    lab = cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB).astype(np.float64)
    pixels = lab[_head_region(rgb)]
    stats: NDArray[np.float64] = np.concatenate([pixels.mean(axis=0), pixels.std(axis=0)]) * _WEIGHTS
    return stats


def similarity(a: Any, b: Any) -> float:
    """How alike two faces are, in (0, 1]: exp(-distance / SCALE) of their descriptors."""
    d = float(np.linalg.norm(np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)))
    return float(np.exp(-d / SCALE))
