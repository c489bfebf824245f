"""Degradations of a document photo, one function each, for the photo tiers (`photo_tiers`).

Real phone photos of documents are hard to read for reasons a uniform tilt does not show: glare from a
lamp, the shadow of the hand holding the phone, a sheet tilted away from the camera, a small re-shared
image squeezed by JPEG, shake, a finger at the edge, a stamp or watermark over the text. Each function
here adds one of these; all draw from a numpy generator, so the same seed gives the same pixels.
Geometry (`tilted_quad`) is computed here but applied by the caller, which maps every box with it.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from multipriv.render.annotations import Box
from multipriv.render.fonts import font
from multipriv.render.photo import Quad, _thumb, uneven_light

BACKGROUNDS = ("wood", "desk", "cloth", "check", "carpet", "paper")


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def background(rng: np.random.Generator, w: int, h: int) -> tuple[Image.Image, str]:
    """A surface under the sheet: one of `BACKGROUNDS`, chosen by the seed (returned with its name)."""
    name = BACKGROUNDS[int(rng.integers(len(BACKGROUNDS)))]
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    coarse = Image.fromarray((rng.random((6, 8)) * 255).astype(np.uint8), "L").resize((w, h), Image.Resampling.BICUBIC)
    low = np.asarray(coarse, dtype=np.float32) / np.float32(255.0)
    fine = rng.standard_normal((h, w), dtype=np.float32)
    if name == "wood":
        base = np.array([150.0, 105.0, 70.0]) * rng.uniform(0.7, 1.15)
        grain = np.sin(y / rng.uniform(2.0, 4.0) + 4.0 * low + 0.6 * np.sin(x / rng.uniform(40.0, 90.0)))
        shade = 1.0 + 0.08 * grain + 0.12 * (low - 0.5) + 0.02 * fine
    elif name == "desk":
        base = np.full(3, rng.uniform(70.0, 190.0)) + rng.uniform(-10.0, 10.0, 3)
        shade = 1.0 + 0.1 * (low - 0.5) + 0.035 * fine
    elif name == "cloth":
        base = np.array(rng.uniform(50.0, 160.0, 3))
        shade = 1.0 + 0.06 * np.sin(x * 1.3) * np.sin(y * 1.3) + 0.1 * (low - 0.5) + 0.03 * fine
    elif name == "check":
        base = np.array(rng.uniform(120.0, 220.0, 3))
        cell = rng.uniform(10.0, 24.0)
        squares = ((x // cell + y // cell) % 2).astype(np.float32)
        shade = 0.75 + 0.25 * squares + 0.06 * (low - 0.5) + 0.02 * fine
    elif name == "carpet":
        base = np.array(rng.uniform(40.0, 110.0, 3))
        shade = 1.0 + 0.18 * fine + 0.15 * (low - 0.5)
    else:  # a pile of other paper: light, with faint ruled lines
        base = np.full(3, rng.uniform(200.0, 235.0))
        lines = (np.mod(y, rng.uniform(14.0, 22.0)) < 1.0).astype(np.float32)
        shade = 1.0 - 0.12 * lines + 0.05 * (low - 0.5) + 0.015 * fine
    arr = base.astype(np.float32)[None, None, :] * shade.astype(np.float32)[:, :, None]
    return Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8), "RGB"), name


def tilted_quad(
    rng: np.random.Generator, w: int, h: int, out_w: int, out_h: int, max_yaw: float, max_pitch: float,
    max_roll: float, fill: tuple[float, float],
) -> Quad:
    """Where a w x h sheet's corners land in an out_w x out_h photo when the sheet is turned in 3D (yaw and
    pitch about its centre, roll in plane) and seen through a pinhole camera: real foreshortening, the far
    edge shorter than the near one. The quad fills `fill` of the frame and stays inside it."""
    # yaw and pitch at least half their range (visibly out of plane), either sign; roll anywhere in its range
    yaw, pitch = (math.radians(float(rng.uniform(m / 2, m)) * (1 if rng.random() < 0.5 else -1))
                  for m in (max_yaw, max_pitch))
    roll = math.radians(float(rng.uniform(-max_roll, max_roll)))
    corners = np.array([[-w / 2, -h / 2, 0.0], [w / 2, -h / 2, 0.0], [w / 2, h / 2, 0.0], [-w / 2, h / 2, 0.0]])
    cy, sy, cp, sp = math.cos(yaw), math.sin(yaw), math.cos(pitch), math.sin(pitch)
    cr, sr = math.cos(roll), math.sin(roll)
    rot_y = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    rot_x = np.array([[1, 0, 0], [0, cp, -sp], [0, sp, cp]])
    rot_z = np.array([[cr, -sr, 0], [sr, cr, 0], [0, 0, 1]])
    pts = corners @ (rot_z @ rot_x @ rot_y).T
    focal = 1.5 * max(w, h)  # a phone camera (~28 mm equivalent) framing the sheet with some margin
    z = pts[:, 2] + focal
    proj = pts[:, :2] * (focal / z)[:, None]
    span = proj.max(axis=0) - proj.min(axis=0)
    scale = float(rng.uniform(*fill)) * min(out_w / span[0], out_h / span[1])
    proj = (proj - proj.min(axis=0)) * scale
    room = np.array([out_w, out_h]) - (proj.max(axis=0))
    offset = room * rng.uniform(0.2, 0.8, 2)
    return [(float(x), float(y)) for x, y in proj + offset]


def stamp(img: Image.Image, boxes: list[Box], rng: np.random.Generator, lang: str) -> Image.Image:
    """A round rubber stamp in translucent red or blue ink, pressed over one of the printed values."""
    if not boxes:
        return img
    x0, y0, x1, y1 = boxes[int(rng.integers(len(boxes)))]
    r = int(min(max(y1 - y0, 14) * rng.uniform(2.0, 3.0), 0.12 * min(img.size)))  # a stamp is palm-sized
    cx = int(rng.uniform(x0, max(x0 + 1, x1)))
    cy = (y0 + y1) // 2 + int(rng.uniform(-0.3, 0.3) * r)
    ink = ((200, 30, 40) if rng.random() < 0.7 else (40, 60, 170)) + (int(rng.uniform(110, 160)),)
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    width = max(2, r // 12)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=ink, width=width)
    d.ellipse((cx - r * 0.78, cy - r * 0.78, cx + r * 0.78, cy + r * 0.78), outline=ink, width=max(1, width // 2))
    words = ("已核验", "专用章") if lang == "zh" else ("VERIFIED", "COPY")
    text = words[int(rng.integers(2))]
    f = font("bold", max(8, int(r * (0.42 if lang == "zh" else 0.32))))
    d.text((cx, cy), text, font=f, fill=ink, anchor="mm")
    return Image.alpha_composite(img.convert("RGBA"), layer)


def watermark(img: Image.Image, rng: np.random.Generator, lang: str) -> Image.Image:
    """A large diagonal translucent word across the sheet, as on specimen and copy documents."""
    w, h = img.size
    text = ("样本", "复印件")[int(rng.integers(2))] if lang == "zh" else ("SPECIMEN", "COPY")[int(rng.integers(2))]
    f = font("bold", max(12, int(min(w, h) * rng.uniform(0.16, 0.24))))
    left, top, right, bottom = (int(v) for v in f.getbbox(text))
    tile = Image.new("RGBA", (right - left + 8, bottom - top + 8), (0, 0, 0, 0))
    grey = int(rng.uniform(90, 150))
    ImageDraw.Draw(tile).text((4 - left, 4 - top), text, font=f, fill=(grey, grey, grey, int(rng.uniform(45, 75))))
    tile = tile.rotate(float(rng.uniform(18, 35)) * (1 if rng.random() < 0.5 else -1), expand=True,
                       resample=Image.Resampling.BICUBIC)
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    px = int((w - tile.width) * rng.uniform(0.2, 0.8))
    py = int((h - tile.height) * rng.uniform(0.2, 0.8))
    layer.paste(tile, (px, py), tile)
    return Image.alpha_composite(img.convert("RGBA"), layer)


def lighting(arr: np.ndarray, rng: np.random.Generator, strength: float) -> np.ndarray:
    """Uneven light: a falloff from a random direction, a vignette, and a soft-edged cast shadow (a hand or
    the phone between the lamp and the sheet) darkening part of the frame by up to `strength`."""
    h, w = arr.shape[:2]
    xs, ys, light = uneven_light(w, h, rng, (0.1, 0.25), 0.35)
    # the cast shadow: a half-plane with a blurred edge through a random point
    ang2 = rng.uniform(0, 2 * math.pi)
    px, py = rng.uniform(-0.35, 0.35) * w, rng.uniform(-0.35, 0.35) * h
    dist = (xs - np.float32(px)) * np.float32(math.cos(ang2)) + (ys - np.float32(py)) * np.float32(math.sin(ang2))
    soft = np.float32(max(4.0, 0.04 * max(w, h)))
    edge = np.float32(1.0) / (np.float32(1.0) + np.exp(-dist / soft))
    shadow = np.float32(1.0) - np.float32(strength) * edge
    out: np.ndarray = arr * (light * shadow)[:, :, None]
    return out


def glare(arr: np.ndarray, rng: np.random.Generator, quad: Quad, peak: float) -> np.ndarray:
    """A specular highlight on the sheet: a wide soft glow with a bright core, washing the ink towards white
    (at most `peak` of the way, so the text under it stays faintly visible)."""
    h, w = arr.shape[:2]
    u, v = rng.uniform(0.15, 0.85, 2)  # a point on the sheet: bilinear in its corners
    top = [(1 - u) * a + u * b for a, b in zip(quad[0], quad[1], strict=True)]
    bottom = [(1 - u) * a + u * b for a, b in zip(quad[3], quad[2], strict=True)]
    cx, cy = ((1 - v) * a + v * b for a, b in zip(top, bottom, strict=True))
    sx, sy = rng.uniform(0.06, 0.16) * w, rng.uniform(0.05, 0.12) * h
    xs = (np.arange(w, dtype=np.float32)[None, :] - np.float32(cx)) / np.float32(sx)
    ys = (np.arange(h, dtype=np.float32)[:, None] - np.float32(cy)) / np.float32(sy)
    d2 = xs**2 + ys**2
    g = np.float32(peak) * (np.float32(0.55) * np.exp(-d2 / np.float32(2.0)) + np.float32(0.45) * np.exp(-d2 * 3))
    out: np.ndarray = arr + (np.float32(255.0) - arr) * np.minimum(g, np.float32(peak))[:, :, None]
    return out


def motion_blur(img: Image.Image, rng: np.random.Generator, length: int) -> Image.Image:
    """Camera shake: the mean of `length` copies shifted one pixel apart along a random direction."""
    if length <= 1:
        return img
    arr = np.asarray(img, dtype=np.float32)
    ang = rng.uniform(0, math.pi)
    acc = np.zeros_like(arr)
    for k in range(length):
        off = k - (length - 1) / 2
        dx, dy = round(off * math.cos(ang)), round(off * math.sin(ang))
        acc += np.roll(arr, (dy, dx), axis=(0, 1))
    return Image.fromarray(np.clip(np.rint(acc / length), 0, 255).astype(np.uint8), "RGB")


def occlude(
    out: Image.Image, quad: Quad, keep: list[Box], rng: np.random.Generator, size: float
) -> tuple[Image.Image, Box | None]:
    """A finger over the sheet's edge or corner, placed only where it covers none of the `keep` boxes (the
    values and faces questions ask about). Tries the four corners and four edge midpoints in a random order;
    returns the image unchanged and None when every place would cover a kept box."""
    w, h = out.size
    r = size * min(w, h)
    skin = tuple(int(c) for c in np.array([224.0, 172.0, 140.0]) * rng.uniform(0.55, 1.05))
    centre = (sum(p[0] for p in quad) / 4, sum(p[1] for p in quad) / 4)
    spots = list(quad) + [((quad[i][0] + quad[(i + 1) % 4][0]) / 2, (quad[i][1] + quad[(i + 1) % 4][1]) / 2)
                          for i in range(4)]
    for i in (int(k) for k in rng.permutation(len(spots))):
        sx, sy = spots[i]
        norm = math.hypot(centre[0] - sx, centre[1] - sy) or 1.0
        inward = ((centre[0] - sx) / norm, (centre[1] - sy) / norm)
        layer, shadow = _thumb((w, h), (sx, sy), inward, r, (skin[0], skin[1], skin[2]))
        covered = Image.fromarray(np.maximum(np.asarray(layer.getchannel("A")), np.asarray(shadow)), "L").getbbox()
        if covered is None:
            continue
        grown: Box = (max(0, covered[0] - 5), max(0, covered[1] - 5), min(w, covered[2] + 5), min(h, covered[3] + 5))
        if any(_overlaps(grown, b) for b in keep):
            continue
        out = out.copy()
        out.paste((25, 20, 15), (0, 0), shadow)
        out.paste(layer.convert("RGB"), (0, 0), layer.getchannel("A"))
        return out, grown
    return out, None


def focus_blur(img: Image.Image, radius: float) -> Image.Image:
    return img.filter(ImageFilter.GaussianBlur(radius))
