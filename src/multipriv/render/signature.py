"""Handwriting-like signatures drawn from fonts, deterministic from (name, style).

A signature is a direct identifier in the benchmark, so it must look handwritten yet still carry the name:
Latin names stay readable enough for OCR (letters are slanted and jittered, not distorted), Chinese names get
a brush look (thick, slanted, characters joined by thin connecting strokes).
"""

from __future__ import annotations

import hashlib
import math
import random
from dataclasses import dataclass
from typing import Literal

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from multipriv.render.fonts import Style, font

N_STYLES = 6

Flourish = Literal["none", "underline", "loop", "swoosh", "double", "tail"]


@dataclass(frozen=True)
class _Hand:
    style: Style
    shear: float
    jitter: float  # baseline jitter as a fraction of the font size
    tilt: float  # per-letter rotation, degrees
    spacing: float  # advance factor: < 1 makes letters touch, like joined-up writing
    big_caps: float
    stroke: int
    flourish: Flourish


_HANDS: tuple[_Hand, ...] = (
    _Hand("serif", 0.30, 0.05, 4.0, 0.92, 1.25, 1, "underline"),
    _Hand("serif", 0.34, 0.06, 4.0, 0.9, 1.3, 1, "loop"),
    _Hand("serif", 0.25, 0.06, 5.0, 0.86, 1.3, 1, "none"),
    _Hand("serif", 0.33, 0.07, 4.5, 0.90, 1.35, 1, "swoosh"),
    _Hand("sans", 0.38, 0.06, 5.0, 0.90, 1.25, 0, "double"),
    _Hand("serif", 0.38, 0.07, 5.0, 0.9, 1.3, 1, "tail"),
)


def _seed(name: str, style: int) -> int:
    digest = hashlib.sha256(f"signature\x1f{name}\x1f{style}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _is_cjk(name: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in name)


def _shear(mask: Image.Image, k: float) -> Image.Image:
    """Slant right by k (x += k * (h - y)), widening the image so nothing is cut."""
    extra = math.ceil(k * mask.height) + 1
    return mask.transform(
        (mask.width + extra, mask.height),
        Image.Transform.AFFINE,
        (1.0, k, -k * mask.height, 0.0, 1.0, 0.0),
        resample=Image.Resampling.BICUBIC,
    )


def _letters(name: str, hand: _Hand, rng: random.Random, base: int, cjk: bool) -> tuple[Image.Image, int]:
    """Draw the letters one by one on a big mask; returns it and the baseline row."""
    width = int(base * (len(name) + 2) * (1.3 if cjk else 0.9))
    height = base * 3
    baseline = int(base * 1.9)
    mask = Image.new("L", (width, height), 0)
    x = float(base) * 0.5
    drift = 0.0
    prev_end: tuple[float, float] | None = None
    stroke = max(1, base // 48) if cjk else hand.stroke * max(1, base // 40)
    for ch in name:
        if ch == " ":
            x += base * 0.35 * hand.spacing
            prev_end = None
            continue
        size = int(base * (hand.big_caps if ch.isupper() else 1.0))
        fnt = font(hand.style, size)
        drift = 0.6 * drift + rng.gauss(0.0, hand.jitter * base)
        glyph = Image.new("L", (size * 3, size * 3), 0)
        ImageDraw.Draw(glyph).text(
            (size, size * 2), ch, font=fnt, fill=255, anchor="ls", stroke_width=stroke, stroke_fill=255
        )
        rot = glyph.rotate(
            rng.uniform(-hand.tilt, hand.tilt), resample=Image.Resampling.BICUBIC, center=(size, size * 2)
        )
        ox, oy = int(x - size), int(baseline + drift - size * 2)
        mask.paste(Image.new("L", rot.size, 255), (ox, oy), rot)
        adv = fnt.getlength(ch) * hand.spacing
        if cjk:
            # brush: a thin hairline joining the end of one character to the start of the next
            start = (x + size * 0.12, baseline + drift - size * 0.3)
            if prev_end is not None:
                d = ImageDraw.Draw(mask)
                mid = ((prev_end[0] + start[0]) / 2, max(prev_end[1], start[1]) + size * 0.1)
                d.line([prev_end, mid, start], fill=170, width=max(1, stroke // 2), joint="curve")
            prev_end = (x + adv * 0.88, baseline + drift - size * 0.05)
        x += adv
    return mask.crop((0, 0, min(width, int(x + base)), height)), baseline


def _flourish(mask: Image.Image, hand: _Hand, rng: random.Random, baseline: int, base: int) -> None:
    """Pen strokes after the name: underlines, loops, a tail; drawn as smooth polylines."""
    box = mask.getbbox()
    if box is None or hand.flourish == "none":
        return
    x0, _, x1, _ = box
    d = ImageDraw.Draw(mask)
    w = max(2, base // 12)
    y = baseline + base * 0.35
    t = np.linspace(0.0, 1.0, 60)
    if hand.flourish in ("underline", "double"):
        for k in range(1 if hand.flourish == "underline" else 2):
            yy = y + k * base * 0.25 + base * 0.12 * np.sin(np.pi * t + rng.uniform(-0.3, 0.3))
            xx = x0 + (x1 - x0) * (0.05 + 0.95 * t) - k * base * 0.3
            d.line(list(zip(xx.tolist(), yy.tolist(), strict=True)), fill=255, width=w, joint="curve")
    elif hand.flourish == "loop":
        a = np.linspace(0.0, 2.4 * np.pi, 120)
        cx, cy = x0 + base * 0.4, y + base * 0.1
        xx = cx + (x1 - x0) * 0.5 * (a / a[-1]) + base * 0.45 * np.cos(a)
        yy = cy + base * 0.3 * np.sin(a)
        d.line(list(zip(xx.tolist(), yy.tolist(), strict=True)), fill=255, width=w, joint="curve")
    elif hand.flourish == "swoosh":
        xx = x1 - (x1 - x0) * 1.05 * t
        yy = y - base * 0.9 * (1 - t) ** 2 + base * 0.2 * t
        d.line(list(zip(xx.tolist(), yy.tolist(), strict=True)), fill=255, width=w, joint="curve")
    else:  # tail from the last letter, curling back under the name
        xx = x1 - base * 0.2 + base * 0.8 * np.sin(np.pi * t) - (x1 - x0) * 0.6 * t**2
        yy = baseline - base * 0.1 + base * 0.55 * t
        d.line(list(zip(xx.tolist(), yy.tolist(), strict=True)), fill=255, width=w, joint="curve")


def draw_signature(
    name: str, style: int, size: tuple[int, int], ink: tuple[int, int, int] = (20, 30, 120)
) -> Image.Image:
    """`name` signed in hand `style` (0..5), scaled to fit `size`, as RGBA ink on transparent."""
    if not name.strip():
        raise ValueError("cannot sign an empty name")
    hand = _HANDS[style % N_STYLES]
    rng = random.Random(_seed(name, style))
    cjk = _is_cjk(name)
    base = 96
    if cjk:
        hand = _Hand(
            "serif" if style % 2 == 0 else "sans",
            0.18 + 0.04 * (style % 3),
            0.06,
            5.0,
            0.92,
            1.0,
            1,
            "none" if style % 3 == 0 else hand.flourish,
        )
    mask, baseline = _letters(name, hand, rng, base, cjk)
    _flourish(mask, hand, rng, baseline, base)
    mask = _shear(mask, hand.shear)
    if cjk:
        # dry brush: blotchy, slightly uneven ink density
        rng_np = np.random.Generator(np.random.PCG64(_seed(name, style + 100)))
        coarse = Image.fromarray((rng_np.random((6, 12)) * 255).astype(np.uint8), "L")
        density = np.asarray(coarse.resize(mask.size, Image.Resampling.BICUBIC), dtype=np.float64) / 255.0
        arr = np.asarray(mask, dtype=np.float64) * (0.78 + 0.22 * density)
        mask = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(0.8))
    box = mask.getbbox()
    assert box is not None
    mask = mask.crop(box)
    w, h = size
    scale = min((w * 0.94) / mask.width, (h * 0.9) / mask.height)
    nw, nh = max(1, int(mask.width * scale)), max(1, int(mask.height * scale))
    small = mask.resize((nw, nh), Image.Resampling.LANCZOS)
    alpha = Image.new("L", (w, h), 0)
    alpha.paste(small, ((w - nw) // 2, (h - nh) // 2))
    out = Image.new("RGBA", (w, h), (*ink, 0))
    out.putalpha(alpha)
    return out
