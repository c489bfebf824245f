"""Photo realism tiers: how a document image was taken, recorded per image in its annotation.

- ``scan``  a flat render framed on a plain background (`photo.frame_scan`): a scan or screenshot, clean.
- ``photo`` a careful phone photo (`photo.photograph`): mild perspective (corners move up to 6%), even light
  with a falloff, slight softness, sometimes a thumb at a corner, JPEG quality 82.
- ``hard``  a careless or re-shared phone photo (`hard_photo`): the sheet turned out of plane (yaw 14-28
  degrees, pitch 11-22, seen through a pinhole camera, so the far edge is shorter), an uneven light with a cast
  shadow, usually glare, often a stamp or watermark over the text, often a finger at an edge, shake or focus
  blur, the text shrunk to 0.55-0.75 of its printed size (500-900 px on the long side) and JPEG quality 35-55.

`meta["photo_tier"]` names the tier and `meta["degradations"]` lists what was applied, comma-separated in a
fixed order with parameters (e.g. ``perspective:yaw,glare,low_res:612,jpeg:45``), so results can be broken
down by tier and by degradation. Every recorded box goes through the same homography as the pixels; fingers
never cover a recorded value, label or face (any value may be what a question asks about, and a hidden label
would leave its value unnamed), only unrecorded print and the margins; stamps and watermarks cover text, as
they do on real documents. The hard tier aims at what RapidOCR reads on photographed real documents
(about 80% of printed values; see benchmarks/bench_ocr_tiers.py), while staying legible to a person.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from multipriv.render import degrade
from multipriv.render.annotations import Box, ImageAnnotation
from multipriv.render.photo import _homography, photograph, transform_box

TIERS = ("scan", "photo", "hard")
JPEG_QUALITY = {"photo": 82}
HARD_LONG_SIDE = (500, 900)  # px, the long side of a hard-tier image
HARD_SCALE = (0.55, 0.75)  # of the flat render's size, before the clamp to HARD_LONG_SIDE
HARD_JPEG = (35, 55)
MAX_YAW, MAX_PITCH, MAX_ROLL = 28.0, 22.0, 8.0  # degrees


@dataclass(frozen=True)
class Shot:
    """A tiered image: pixels, mapped boxes (same order), what was done, the JPEG quality to save at, the finger's
    box, and the sheet-to-image mapping (3x3, row-major) for callers that check where the sheet went."""

    image: Image.Image
    boxes: list[Box]
    degradations: tuple[str, ...]
    quality: int
    occluder: Box | None
    homography: tuple[float, ...]


def photo_shot(img: Image.Image, boxes: list[Box], seed: int) -> Shot:
    """The ``photo`` tier: `photo.photograph` as it was, with its steps named."""
    shot = photograph(img, boxes, seed)
    steps = ("perspective:mild", "lighting", "blur:focus", *(("finger",) if shot.occluder else ()),
             f"jpeg:{JPEG_QUALITY['photo']}")
    return Shot(shot.image, shot.boxes, steps, JPEG_QUALITY["photo"], shot.occluder, shot.homography)


def hard_photo(img: Image.Image, boxes: list[Box], n_values: int, lang: str, seed: int) -> Shot:
    """The ``hard`` tier. No finger covers any of `boxes`; a stamp lands on one of the first `n_values` (the
    printed values, as stamps do on real documents)."""
    rng = np.random.Generator(np.random.PCG64(seed))
    w, h = img.size
    steps: list[str] = []
    doc = img.convert("RGBA")
    # on the paper, before the camera: they follow the sheet's perspective
    if rng.random() < 0.6:
        doc = degrade.stamp(doc, boxes[:n_values], rng, lang)
        steps.append("stamp")
    if rng.random() < 0.5:
        doc = degrade.watermark(doc, rng, lang)
        steps.append("watermark")
    # text shrinks to HARD_SCALE of its printed size, but the long side stays within HARD_LONG_SIDE
    long_side = min(max(round(float(rng.uniform(*HARD_SCALE)) * max(w, h)), HARD_LONG_SIDE[0]), HARD_LONG_SIDE[1])
    k = long_side / max(w, h)
    out_w, out_h = max(1, round(w * k)), max(1, round(h * k))
    dst = degrade.tilted_quad(rng, w, h, out_w, out_h, MAX_YAW, MAX_PITCH, MAX_ROLL, fill=(0.88, 0.97))
    steps.append("perspective:3d")
    fwd = _homography([(0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h))], dst)
    # shrink by an integer box filter first (what a camera's pixels average over), then warp the small sheet
    factor = max(1, math.floor(1.0 / (k * 0.95)))
    small = doc.reduce(factor) if factor > 1 else doc
    to_small = np.diag([small.width / w, small.height / h, 1.0])
    inv = to_small @ np.linalg.inv(fwd)  # output pixel -> small sheet pixel
    inv = inv / inv[2, 2]
    warped = small.transform((out_w, out_h), Image.Transform.PERSPECTIVE, tuple(float(c) for c in inv.flatten()[:8]),
                             Image.Resampling.BICUBIC)
    surface, surface_name = degrade.background(rng, out_w, out_h)
    steps.append(f"background:{surface_name}")
    alpha = warped.getchannel("A")
    shadow = alpha.filter(ImageFilter.GaussianBlur(max(2.0, out_w * 0.012)))
    surface.paste((20, 18, 15), (int(out_w * 0.01), int(out_h * 0.014)), shadow.point(lambda v: v * 50 // 100))
    surface.paste(warped.convert("RGB"), (0, 0), alpha)
    new_boxes = [transform_box(fwd, b, out_w, out_h) for b in boxes]

    arr = degrade.lighting(np.asarray(surface, dtype=np.float32), rng, float(rng.uniform(0.2, 0.42)))
    steps.append("shadow")
    if rng.random() < 0.85:
        arr = degrade.glare(arr, rng, dst, float(rng.uniform(0.55, 0.85)))
        steps.append("glare")
    out = Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8), "RGB")
    occluder: Box | None = None
    if rng.random() < 0.7:
        out, occluder = degrade.occlude(out, dst, new_boxes, rng, float(rng.uniform(0.11, 0.16)))
        if occluder is not None:
            steps.append("finger")
    if rng.random() < 0.5:
        length = 2
        out = degrade.motion_blur(out, rng, length)
        steps.append(f"blur:motion{length}")
    else:
        radius = float(rng.uniform(0.4, 0.8))
        out = degrade.focus_blur(out, radius)
        steps.append(f"blur:focus{radius:.1f}")
    noisy = np.asarray(out, dtype=np.float32) + rng.standard_normal((out_h, out_w, 3), dtype=np.float32) * 3.0
    out = Image.fromarray(np.clip(np.rint(noisy), 0, 255).astype(np.uint8), "RGB")
    quality = int(rng.integers(HARD_JPEG[0], HARD_JPEG[1] + 1))
    steps += [f"low_res:{max(out_w, out_h)}", f"jpeg:{quality}"]
    return Shot(out, new_boxes, tuple(steps), quality, occluder, tuple(float(v) for v in fwd.flatten()))


def tier_annotation(
    img: Image.Image, ann: ImageAnnotation, tier: str, seed: int
) -> tuple[Image.Image, ImageAnnotation, int]:
    """Apply the ``photo`` or ``hard`` tier to an annotated flat document: every box mapped, photo=True, the
    tier and its degradations in `meta`. Returns the image, the annotation and the JPEG quality to save at."""
    boxes = ann.all_boxes()
    if tier == "photo":
        shot = photo_shot(img, boxes, seed)
    elif tier == "hard":
        lang = "zh" if ann.lang == "zh" else "en"
        shot = hard_photo(img, boxes, len(ann.fields), lang, seed)
    else:
        raise ValueError(f"tier {tier!r} is not a photo tier (expected photo or hard)")
    new = ann.with_boxes(shot.boxes, photo=True, width=shot.image.width, height=shot.image.height)
    meta = {**new.meta, "photo_tier": tier, "degradations": ",".join(shot.degradations)}
    return shot.image, new.model_copy(update={"meta": meta}), shot.quality


def scan_meta(ann: ImageAnnotation) -> ImageAnnotation:
    """Mark a flat (framed) document as the ``scan`` tier: nothing degraded."""
    return ann.model_copy(update={"meta": {**ann.meta, "photo_tier": "scan", "degradations": "none"}})
