"""Scene around a face: backgrounds (drawn at output size) and shoulders with clothing (drawn supersampled)."""

from __future__ import annotations

import functools
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from multipriv.render.face_geom import CLOTHES, NECK, Head, Painter, ellipse_uv, shade

RGB = tuple[int, int, int]

BACKGROUNDS = ("id-plain", "studio-grey", "sage-wall", "sky-gradient", "outdoor-green", "office-frame",
               "dark-studio", "city-blur", "teal-studio", "lavender")

# clothing index -> (style, main colour, accent colour)
CLOTHING: tuple[tuple[str, RGB, RGB], ...] = (
    ("suit", (44, 50, 66), (240, 240, 236)),
    ("collar", (236, 238, 240), (212, 216, 222)),
    ("collar", (160, 192, 224), (140, 170, 206)),
    ("crew", (186, 48, 54), (156, 38, 44)),
    ("vneck", (70, 118, 82), (52, 96, 64)),
    ("hoodie", (138, 140, 146), (238, 238, 238)),
    ("turtle", (38, 38, 44), (60, 60, 66)),
    ("crew", (204, 158, 58), (176, 134, 46)),
    ("stripes", (40, 54, 98), (236, 236, 236)),
    ("vneck", (124, 40, 62), (100, 30, 50)),
    ("tie", (72, 72, 78), (236, 236, 236)),
    ("crew", (40, 128, 138), (30, 106, 116)),
)


def _vertical(size: int, top: RGB, bottom: RGB) -> Image.Image:
    t = np.linspace(0, 1, 32)[:, None, None] * np.ones((1, 2, 1))
    arr = np.array(top, dtype=np.float64) * (1 - t) + np.array(bottom, dtype=np.float64) * t
    return Image.fromarray(arr.astype(np.uint8), "RGB").resize((size, size), Image.Resampling.BILINEAR)


def _blobs(size: int, base: RGB, colours: list[RGB], seed: int, rects: bool) -> Image.Image:
    """Out-of-focus shapes: drawn small, blurred, enlarged."""
    n = 64
    small = Image.new("RGB", (n, n), base)
    d = ImageDraw.Draw(small)
    rng = random.Random(seed)  # a local generator: the same background every time
    for i in range(16):
        c = colours[i % len(colours)]
        x, y = rng.uniform(-4, n), rng.uniform(-4, n)
        if rects:
            w, h = rng.uniform(5, 16), rng.uniform(16, 56)
            d.rectangle((x, n - h, x + w, n), fill=c)
        else:
            r = rng.uniform(4, 11)
            d.ellipse((x - r, y - r, x + r, y + r), fill=c)
    return small.filter(ImageFilter.GaussianBlur(3.0)).resize((size, size), Image.Resampling.BILINEAR)


@functools.lru_cache(maxsize=32)
def _cached_background(index: int, size: int, factor: int) -> Image.Image:
    img = background(index, size)
    return img if factor == 1 else img.resize((size * factor, size * factor), Image.Resampling.NEAREST)


def background_canvas(index: int, size: int, factor: int) -> Image.Image:
    """A fresh copy of background `index` at `size`, enlarged `factor` times to draw a supersampled scene on."""
    return _cached_background(index % len(BACKGROUNDS), size, factor).copy()


def background(index: int, size: int) -> Image.Image:
    """Background number `index` (modulo the palette) at `size`×`size`."""
    kind = BACKGROUNDS[index % len(BACKGROUNDS)]
    if kind == "id-plain":
        return Image.new("RGB", (size, size), (233, 239, 245))
    if kind == "studio-grey":
        return _vertical(size, (204, 207, 212), (160, 164, 172))
    if kind == "sage-wall":
        return _vertical(size, (210, 220, 204), (188, 200, 182))
    if kind == "sky-gradient":
        return _vertical(size, (112, 160, 214), (208, 226, 242))
    if kind == "outdoor-green":
        return _blobs(size, (92, 126, 78), [(150, 182, 98), (214, 220, 160), (58, 88, 58), (236, 236, 206)], 4,
                      False)
    if kind == "dark-studio":
        return _vertical(size, (76, 82, 96), (38, 40, 48))
    if kind == "city-blur":
        sky = _vertical(size, (170, 192, 214), (200, 208, 214))
        city = _blobs(size, (186, 200, 214), [(120, 126, 138), (150, 146, 140), (92, 102, 118), (170, 176, 186)],
                      7, True)
        return Image.blend(sky, city, 0.75)
    if kind == "teal-studio":
        return _vertical(size, (96, 160, 162), (60, 120, 126))
    if kind == "lavender":
        return Image.new("RGB", (size, size), (200, 194, 222))
    img = _vertical(size, (212, 214, 206), (196, 198, 190))  # office wall with a framed picture and a door
    d = ImageDraw.Draw(img)
    s = size / 256
    d.rectangle((14 * s, 22 * s, 72 * s, 96 * s), fill=(86, 64, 44))
    d.rectangle((20 * s, 28 * s, 66 * s, 90 * s), fill=(232, 228, 214))
    d.rectangle((26 * s, 34 * s, 60 * s, 84 * s), fill=(120, 160, 170))
    d.polygon([(26 * s, 84 * s), (44 * s, 56 * s), (60 * s, 84 * s)], fill=(84, 120, 90))
    d.rectangle((214 * s, 0, 256 * s, 256 * s), fill=(168, 150, 124))
    d.rectangle((220 * s, 0, 256 * s, 256 * s), fill=(186, 168, 140))
    return img


def _body_outline(nw: float, yaw: float) -> tuple[np.ndarray, np.ndarray]:
    xs = np.array([nw * 1.02, nw + 0.22, nw + 0.6, 1.3, 1.72, 2.02, 2.28, 2.45, 2.6, 2.7])
    ys = np.array([1.6, 1.79, 1.92, 2.02, 2.12, 2.3, 2.6, 3.0, 3.6, 4.4])
    right, left = xs * (1 - 0.06 * yaw), xs * (1 + 0.06 * yaw)
    return np.concatenate([-left[::-1], right]), np.concatenate([ys[::-1], ys])


def _x_at(nw: float, y: float) -> float:
    xs, ys = _body_outline(nw, 0.0)
    half = len(xs) // 2
    return float(np.interp(y, ys[half:], xs[half:]))


def draw_clothing_back(p: Painter, body: Head, clothing: int, nw: float, yaw: float) -> None:
    """Shoulders and everything of the clothing that lies behind the neck."""
    style, main, accent = CLOTHING[clothing % len(CLOTHING)]
    u, v = _body_outline(nw, yaw)
    p.poly(body.pts(u, v), main, label=CLOTHES)
    if style == "stripes":
        for y0 in np.arange(1.98, 4.0, 0.24):
            ys = np.array([y0, y0 + 0.1])
            xr = np.array([_x_at(nw, y) for y in ys])
            p.poly(body.pts(np.concatenate([-xr, xr[::-1]]), np.concatenate([ys, ys[::-1]])), accent)
    if style == "hoodie":
        hu, hv = ellipse_uv(0.0, 1.62, nw * 2.0, 0.3, 32)
        p.poly(body.pts(hu, hv), shade(main, 0.82), label=CLOTHES)
    if style in ("collar", "suit", "tie"):
        cu = np.array([-nw * 1.22, -nw * 1.18, nw * 1.18, nw * 1.22])
        cv = np.array([1.8, 1.45, 1.45, 1.8])
        p.poly(body.pts(cu, cv), shade(accent if style != "collar" else main, 0.86), label=CLOTHES)


def draw_clothing_front(p: Painter, body: Head, clothing: int, nw: float, skin: RGB) -> None:
    """Necklines, collars and lapels, drawn over the base of the neck."""
    style, main, accent = CLOTHING[clothing % len(CLOTHING)]
    x = np.linspace(-1.0, 1.0, 15)
    if style in ("crew", "stripes", "hoodie"):
        w = nw * 1.2
        curve = 1.66 + 0.16 * (1 - x * x)
        p.poly(body.pts(np.concatenate([x * w, [w, -w]]), np.concatenate([curve, [2.1, 2.1]])), main,
               label=CLOTHES)
        band_u, band_v = np.concatenate([x * w, x[::-1] * w]), np.concatenate([curve, curve[::-1] + 0.07])
        p.poly(body.pts(band_u, band_v), accent if style != "hoodie" else shade(main, 0.9))
        if style == "hoodie":
            for s in (-1.0, 1.0):
                p.line(body.pts([s * 0.13, s * 0.15, s * 0.14], [1.85, 2.15, 2.4]), accent, body.w * 0.025)
    elif style == "vneck":
        w = nw * 1.18
        p.poly(body.pts([-w, 0.0, w], [1.66, 2.2, 1.66]), shade(skin, 0.88), label=NECK)
        p.line(body.pts([-w, 0.0, w], [1.66, 2.22, 1.66]), accent, body.w * 0.06)
    elif style == "turtle":
        tu = np.array([-nw * 1.08, -nw * 1.06, nw * 1.06, nw * 1.08])
        tv = np.array([1.85, 1.3, 1.3, 1.85])
        p.poly(body.pts(tu, tv), main, label=CLOTHES)
        for y in (1.42, 1.56, 1.7):
            p.line(body.pts([-nw * 1.02, nw * 1.02], [y, y + 0.02]), shade(main, 1.5), body.w * 0.015, 140)
    else:  # collared shirt, suit, suit with tie
        w = nw * 1.15
        shirt = accent if style != "collar" else main
        if style != "collar":
            p.poly(body.pts([-w, 0.0, w], [1.7, 2.9, 1.7]), shirt, label=CLOTHES)
            for s in (-1.0, 1.0):
                lapel = body.pts(s * np.array([w * 1.05, 0.5, 0.05, 0.42]), np.array([1.72, 2.3, 2.9, 2.25]))
                p.poly(lapel, shade(main, 0.8))
        if style == "tie":
            p.poly(body.pts([-0.09, 0.09, 0.07, -0.07], [1.86, 1.86, 2.0, 2.0]), (150, 36, 44))
            p.poly(body.pts([-0.07, 0.07, 0.13, 0.0, -0.13], [2.0, 2.0, 2.7, 2.85, 2.7]), (170, 42, 50))
        else:
            p.line(body.pts([0.0, 0.0], [1.95, 3.0]), shade(shirt, 0.8), body.w * 0.02)
        for s in (-1.0, 1.0):
            flap = body.pts(s * np.array([w * 1.02, 0.02, w * 1.2]), np.array([1.55, 1.98, 2.12]))
            p.poly(flap, shade(shirt, 0.97))
            p.line(np.concatenate([flap, flap[:1]]), shade(shirt, 0.78), body.w * 0.012)
