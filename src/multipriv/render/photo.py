"""Photo-of-document variants, and deterministic image files.

VLMs meet private documents mostly as phone photos, not flat scans, so a share of the images are re-shot:
the flat render is laid on a table texture, tilted in perspective, shaded, softened, and sometimes partly
covered by a thumb. Every recorded box goes through the same perspective mapping, so ground truth survives.
The tilt is moderate (corners move at most ~6%) because the benchmark measures privacy reasoning, not OCR
robustness; the legibility test in tests/render/test_canvas.py checks that OCR still reads the fields.
This is the ``photo`` tier; `photo_tiers` adds the ``hard`` tier (and records the tier of every document).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from multipriv.render.annotations import Box, ImageAnnotation

Quad = list[tuple[float, float]]

MAX_CORNER_SHIFT = 0.06
MAX_BLUR = 0.8


def uneven_light(w: int, h: int, rng: np.random.Generator, drop: tuple[float, float],
                 vignette: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Light over a w×h picture: a linear falloff from a random direction (dimming by a share drawn from
    `drop`) times a vignette; returned with the centred column and row coordinates it was computed on. float32
    and separable row/column terms: this runs on every photo, full size."""
    xs = np.arange(w, dtype=np.float32)[None, :] - np.float32(w / 2)
    ys = np.arange(h, dtype=np.float32)[:, None] - np.float32(h / 2)
    ang = rng.uniform(0, 2 * math.pi)
    t = (xs * np.float32(math.cos(ang)) + ys * np.float32(math.sin(ang))) / np.float32(0.5 * math.hypot(w, h))
    light = np.float32(1.0) - np.float32(rng.uniform(*drop)) * (t + np.float32(1.0)) / np.float32(2.0)
    vig = np.float32(1.0) - np.float32(vignette) * ((xs / np.float32(w)) ** 2 + (ys / np.float32(h)) ** 2)
    return xs, ys, light * vig

def _homography(src: Quad, dst: Quad) -> np.ndarray:
    """The 3x3 projective map taking the four `src` points to the four `dst` points."""
    a, b = [], []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    h = np.linalg.solve(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))
    return np.append(h, 1.0).reshape(3, 3)


def _apply(h: np.ndarray, pts: Quad) -> Quad:
    p = np.hstack([np.asarray(pts, dtype=np.float64), np.ones((len(pts), 1))]) @ h.T
    return [(float(x), float(y)) for x, y in p[:, :2] / p[:, 2:3]]


def transform_box(h: np.ndarray, box: Box, width: int, height: int) -> Box:
    """Axis-aligned bounds of the mapped corners of `box`, clipped to a `width` x `height` image."""
    x0, y0, x1, y1 = box
    pts = _apply(h, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (
        max(0, min(width, math.floor(min(xs)))),
        max(0, min(height, math.floor(min(ys)))),
        max(0, min(width, math.ceil(max(xs)))),
        max(0, min(height, math.ceil(max(ys)))),
    )


def _table(rng: np.random.Generator, w: int, h: int) -> Image.Image:
    """A background surface: wood grain, a grey desk or a cloth-like fabric, chosen by the seed."""
    kind = int(rng.integers(3))
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    coarse = Image.fromarray((rng.random((6, 8)) * 255).astype(np.uint8), "L").resize((w, h), Image.Resampling.BICUBIC)
    low = np.asarray(coarse, dtype=np.float32) / np.float32(255.0)
    fine = rng.standard_normal((h, w), dtype=np.float32)
    if kind == 0:
        base = np.array([150.0, 105.0, 70.0]) * rng.uniform(0.8, 1.15)
        grain = np.sin(y / rng.uniform(3.0, 6.0) + 4.0 * low + 0.6 * np.sin(x / rng.uniform(60.0, 140.0)))
        shade = 1.0 + 0.08 * grain + 0.12 * (low - 0.5) + 0.02 * fine
    elif kind == 1:
        base = np.full(3, rng.uniform(90.0, 170.0)) + rng.uniform(-10.0, 10.0, 3)
        shade = 1.0 + 0.1 * (low - 0.5) + 0.035 * fine
    else:
        base = np.array(rng.uniform(60.0, 160.0, 3))
        weave = np.sin(x * 1.3) * np.sin(y * 1.3)
        shade = 1.0 + 0.05 * weave + 0.1 * (low - 0.5) + 0.03 * fine
    arr = base.astype(np.float32)[None, None, :] * shade.astype(np.float32)[:, :, None]
    return Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8), "RGB")


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _thumb(
    size: tuple[int, int],
    corner: tuple[float, float],
    inward: tuple[float, float],
    r: float,
    skin: tuple[int, int, int],
) -> tuple[Image.Image, Image.Image]:
    """A thumb pressing on a document corner: its RGBA layer and its shadow mask, both image-sized."""
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    ang = math.atan2(inward[1], inward[0])
    cx, cy = corner[0] - inward[0] * r * 0.25, corner[1] - inward[1] * r * 0.25

    def ellipse(cx: float, cy: float, along: float, across: float) -> list[tuple[float, float]]:
        pts = []
        for k in range(48):
            t = 2 * math.pi * k / 48
            ex, ey = along * math.cos(t), across * math.sin(t)
            pts.append((cx + ex * math.cos(ang) - ey * math.sin(ang), cy + ex * math.sin(ang) + ey * math.cos(ang)))
        return pts

    d.polygon(ellipse(cx, cy, r * 1.1, r * 0.6), fill=(*skin, 255))
    # the nail: a lighter, pinker ellipse near the tip, with a darker rim
    nx, ny = cx + inward[0] * r * 0.62, cy + inward[1] * r * 0.62
    nail = (min(255, skin[0] + 12), min(255, skin[1] + 8), min(255, skin[2] + 14))
    rim = (int(skin[0] * 0.82), int(skin[1] * 0.78), int(skin[2] * 0.78))
    d.polygon(ellipse(nx, ny, r * 0.34, r * 0.27), fill=(*nail, 255), outline=(*rim, 255), width=2)
    layer = layer.filter(ImageFilter.GaussianBlur(1.2))
    shadow = Image.new("L", size, 0)
    shadow.paste(layer.getchannel("A"), (int(r * 0.08) + 1, int(r * 0.1) + 1))
    shadow = shadow.filter(ImageFilter.GaussianBlur(r * 0.12)).point(lambda v: v * 4 // 10)
    return layer, shadow


@dataclass(frozen=True)
class Photo:
    """A photo variant with what was done to it: the mapping (3x3, row-major) and the occluder's box."""

    image: Image.Image
    boxes: list[Box]
    homography: tuple[float, ...]
    occluder: Box | None


def photo_of_document(img: Image.Image, boxes: list[Box], seed: int) -> tuple[Image.Image, list[Box]]:
    """The document as a phone photo of the same size, and `boxes` mapped into it (same order)."""
    shot = photograph(img, boxes, seed)
    return shot.image, shot.boxes


def photograph(img: Image.Image, boxes: list[Box], seed: int) -> Photo:
    """`photo_of_document` with its details, for callers that record them (or tests that check them)."""
    rng = np.random.Generator(np.random.PCG64(seed))
    w, h = img.size
    scale = rng.uniform(0.84, 0.92)
    dw, dh = w * scale, h * scale
    ox = (w - dw) / 2 + rng.uniform(-0.3, 0.3) * (w - dw) / 2
    oy = (h - dh) / 2 + rng.uniform(-0.3, 0.3) * (h - dh) / 2
    base_quad: Quad = [(ox, oy), (ox + dw, oy), (ox + dw, oy + dh), (ox, oy + dh)]
    shift = rng.uniform(-MAX_CORNER_SHIFT, MAX_CORNER_SHIFT, (4, 2)) * np.array([w, h])
    dst: Quad = [(x + float(sx), y + float(sy)) for (x, y), (sx, sy) in zip(base_quad, shift, strict=True)]
    # keep the whole sheet in frame: a cropped field would print less than its recorded text
    margin = 0.01 * min(w, h)
    fit = min(
        1.0,
        *((w / 2 - margin) / max(abs(x - w / 2), 1e-9) for x, _ in dst),
        *((h / 2 - margin) / max(abs(y - h / 2), 1e-9) for _, y in dst),
    )
    dst = [(w / 2 + (x - w / 2) * fit, h / 2 + (y - h / 2) * fit) for x, y in dst]
    src: Quad = [(0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h))]
    fwd = _homography(src, dst)
    inv = np.linalg.inv(fwd)
    inv = inv / inv[2, 2]
    coeffs = tuple(float(c) for c in inv.flatten()[:8])

    out = _table(rng, w, h)
    doc = img.convert("RGBA").transform((w, h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC)
    alpha = doc.getchannel("A")
    # soft drop shadow under the sheet
    shadow = alpha.filter(ImageFilter.GaussianBlur(max(2.0, w * 0.012)))
    out.paste((20, 18, 15), (int(w * 0.008), int(h * 0.012)), shadow.point(lambda v: v * 45 // 100))
    out.paste(doc.convert("RGB"), (0, 0), alpha)
    _, _, light = uneven_light(w, h, rng, (0.08, 0.2), 0.32)
    arr = np.asarray(out, dtype=np.float32) * light[:, :, None]
    arr += rng.standard_normal(arr.shape, dtype=np.float32) * np.float32(2.0)
    out = Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8), "RGB")

    new_boxes = [transform_box(fwd, b, w, h) for b in boxes]
    occluder: Box | None = None
    if rng.random() < 0.6:
        r = min(w, h) * rng.uniform(0.09, 0.13)
        skin = tuple(int(c) for c in np.array([224.0, 172.0, 140.0]) * rng.uniform(0.6, 1.05))
        centre = (sum(p[0] for p in dst) / 4, sum(p[1] for p in dst) / 4)
        for i in (int(k) for k in rng.permutation(4)):
            cx, cy = dst[i]
            norm = math.hypot(centre[0] - cx, centre[1] - cy)
            inward = ((centre[0] - cx) / norm, (centre[1] - cy) / norm)
            layer, shadow = _thumb((w, h), (cx, cy), inward, r, (skin[0], skin[1], skin[2]))
            covered = Image.fromarray(np.maximum(np.asarray(layer.getchannel("A")), np.asarray(shadow)), "L").getbbox()
            if covered is None:
                continue
            # a margin for the final blur, which spreads the thumb's edge by a few pixels
            grown: Box = (
                max(0, covered[0] - 4),
                max(0, covered[1] - 4),
                min(w, covered[2] + 4),
                min(h, covered[3] + 4),
            )
            if not any(_overlaps(grown, b) for b in new_boxes):
                occluder = grown
                out.paste((25, 20, 15), (0, 0), shadow)
                out.paste(layer.convert("RGB"), (0, 0), layer.getchannel("A"))
                break
    blur = rng.uniform(0.3, MAX_BLUR)
    out = out.filter(ImageFilter.GaussianBlur(blur))
    return Photo(out, new_boxes, tuple(float(v) for v in fwd.flatten()), occluder)


FRAME_MARGIN = 0.6  # of the page's width (height) at most, on each side


def frame_scan(img: Image.Image, boxes: list[Box], seed: int) -> tuple[Image.Image, list[Box]]:
    """A flat document as a scan or screenshot shows it: on a larger plain background, at a random place.

    Layouts are fixed per kind and language, so without this a value's box could be predicted from the
    question alone (where the date of birth sits on every ID card); random margins (up to `FRAME_MARGIN` on each
    side) move and rescale every box relative to the image while the text keeps its resolution."""
    rng = np.random.Generator(np.random.PCG64(seed))
    w, h = img.size
    left, right = (round(float(v) * w) for v in rng.uniform(0, FRAME_MARGIN, 2))
    top, bottom = (round(float(v) * h) for v in rng.uniform(0, FRAME_MARGIN, 2))
    tone = rng.uniform(0.78, 0.97)
    tint = rng.uniform(-0.03, 0.03, 3)
    r, g, b = (int(255 * min(1.0, max(0.0, tone + t))) for t in tint)
    out = Image.new("RGB", (w + left + right, h + top + bottom), (r, g, b))
    shadow = Image.new("L", (w, h), 60).filter(ImageFilter.GaussianBlur(3))
    out.paste((40, 40, 40), (left + 3, top + 4), shadow)
    out.paste(img.convert("RGB"), (left, top))
    moved = [(x0 + left, y0 + top, x1 + left, y1 + top) for x0, y0, x1, y1 in boxes]
    return out, moved


CROP_MAX = 0.3  # of the photo's width (height) at most, on each side


def crop_photo(img: Image.Image, boxes: list[Box], seed: int) -> tuple[Image.Image, list[Box]]:
    """A photo cropped differently each time, as shared photos are: up to `CROP_MAX` off each side, never
    into a recorded box, so a caption or plate is not always at the same place of the frame."""
    rng = np.random.Generator(np.random.PCG64(seed))
    w, h = img.size
    pad = 4
    x_lo = min((b[0] for b in boxes), default=w) - pad
    y_lo = min((b[1] for b in boxes), default=h) - pad
    x_hi = w - max((b[2] for b in boxes), default=0) - pad
    y_hi = h - max((b[3] for b in boxes), default=0) - pad
    left, right = (int(float(rng.uniform(0, 1)) * max(0, min(lim, CROP_MAX * w))) for lim in (x_lo, x_hi))
    top, bottom = (int(float(rng.uniform(0, 1)) * max(0, min(lim, CROP_MAX * h))) for lim in (y_lo, y_hi))
    out = img.crop((left, top, w - right, h - bottom))
    moved = [(x0 - left, y0 - top, x1 - left, y1 - top) for x0, y0, x1, y1 in boxes]
    return out, moved


def crop_annotation(img: Image.Image, ann: ImageAnnotation, seed: int) -> tuple[Image.Image, ImageAnnotation]:
    """`crop_photo` applied to an annotated image: every box moved with the crop."""
    out, boxes = crop_photo(img, ann.all_boxes(), seed)
    return out, ann.with_boxes(boxes, photo=ann.photo, width=out.width, height=out.height)


def frame_annotation(img: Image.Image, ann: ImageAnnotation, seed: int) -> tuple[Image.Image, ImageAnnotation]:
    """`frame_scan` applied to an annotated image: every box moved with the page."""
    out, boxes = frame_scan(img, ann.all_boxes(), seed)
    return out, ann.with_boxes(boxes, photo=ann.photo, width=out.width, height=out.height)


def photo_annotation(
    img: Image.Image, ann: ImageAnnotation, seed: int, path: str | None = None
) -> tuple[Image.Image, ImageAnnotation]:
    """`photo_of_document` applied to an annotated image: fields, labels and faces all mapped, photo=True."""
    out, boxes = photo_of_document(img, ann.all_boxes(), seed)
    new = ann.with_boxes(boxes, photo=True, width=out.width, height=out.height)
    return out, new if path is None else new.model_copy(update={"path": path})


def _clean(img: Image.Image) -> Image.Image:
    """A copy without `info` (no ICC, EXIF, dpi or text chunks that could differ between runs)."""
    mode = img.mode if img.mode in ("RGB", "RGBA", "L") else "RGB"
    src = img.convert(mode)
    return Image.frombytes(mode, src.size, src.tobytes())


# zlib level 1: a third of level 6's encoding time for files about 8% larger; encoding was 44% of render time.
PNG_LEVEL = 1


def png_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    _clean(img).save(buf, format="PNG", compress_level=PNG_LEVEL, optimize=False)
    return buf.getvalue()


def jpeg_bytes(img: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    _clean(img).convert("RGB").save(
        buf, format="JPEG", quality=quality, optimize=False, progressive=False, subsampling=2
    )
    return buf.getvalue()


def save_png(img: Image.Image, path: str | Path) -> None:
    """Write a PNG whose bytes depend only on the pixels (fixed compression, no metadata)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(png_bytes(img))


def save_jpeg(img: Image.Image, path: str | Path, quality: int) -> None:
    """Write a baseline JPEG at `quality` (4:2:0, no EXIF, not optimised): bytes depend only on pixels."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(jpeg_bytes(img, quality))
