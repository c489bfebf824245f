"""Geometry and painting helpers shared by the parts of the procedural face renderer.

Faces are drawn in *face units*: `u` runs across the face (±1 at the widest point of the outline, in units of
the face half-width) and `v` runs down it (−1 at the top of the skull, +1 at the chin, in units of the face
half-height). `Head.pts` maps face units to canvas pixels, applying the head turn (yaw, as a rotation of points
lying at a given depth on a cylinder-like surface), the in-plane tilt (roll) and the framing. Shapes are
polygons so that every transform applies to every part alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import ArrayLike, NDArray
from PIL import Image, ImageDraw

Arr = NDArray[np.float64]
RGB = tuple[int, int, int]

# Region labels of the low-resolution map that drives the soft shading.
BG, HAIR, CLOTHES, NECK, SKIN, HAT = range(6)

SKIN_TONES: tuple[RGB, ...] = (
    (248, 222, 204),
    (239, 203, 174),
    (226, 185, 150),
    (207, 160, 121),
    (184, 136, 98),
    (152, 106, 74),
    (116, 79, 56),
    (84, 58, 43),
)
# black, dark brown, brown, auburn, blonde, grey, white
HAIR_COLORS: tuple[RGB, ...] = (
    (30, 26, 27),
    (60, 44, 38),
    (114, 77, 48),
    (150, 66, 36),
    (222, 186, 120),
    (152, 150, 148),
    (232, 230, 224),
)
# brown, dark brown, hazel, green, blue
EYE_COLORS: tuple[RGB, ...] = (
    (124, 74, 36),
    (58, 36, 26),
    (164, 124, 52),
    (70, 150, 82),
    (62, 132, 206),
)

# face_shape -> (top exponent, bottom exponent, chin taper, aspect W/H)
FACE_SHAPES: tuple[tuple[float, float, float, float], ...] = (
    (2.1, 2.0, 0.16, 0.75),  # oval
    (2.3, 2.4, 0.02, 0.89),  # round
    (2.6, 4.2, 0.05, 0.82),  # square
    (2.5, 1.7, 0.40, 0.81),  # heart
    (2.3, 2.6, 0.12, 0.64),  # long
)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear blend from colour `a` (t=0) to `b` (t=1)."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def shade(c: RGB, f: float) -> RGB:
    """Colour `c` with its intensity multiplied by `f`, clipped to the byte range."""
    return (min(255, round(c[0] * f)), min(255, round(c[1] * f)), min(255, round(c[2] * f)))


Shape = int | tuple[float, float, float, float]  # an index into FACE_SHAPES, or a row like theirs


def outline_uv(shape: Shape, t: ArrayLike, expand: float = 0.0) -> tuple[Arr, Arr]:
    """Points of the face outline at angles `t` (0: right, π/2: chin, −π/2: top), grown by `expand`."""
    top, bottom, taper, _ = FACE_SHAPES[shape] if isinstance(shape, int) else shape
    ta = np.asarray(t, dtype=np.float64)
    c, s = np.cos(ta), np.sin(ta)
    n = np.where(s > 0, bottom, top)
    u = np.sign(c) * np.abs(c) ** (2.0 / n)
    v = np.sign(s) * np.abs(s) ** (2.0 / n)
    u = u * (1.0 - taper * np.clip(v, 0.0, 1.0) ** 1.6)
    return u * (1.0 + expand), v * (1.0 + expand) - 0.25 * expand


_HALF_T = np.linspace(-math.pi / 2, math.pi / 2, 181)


def half_width(shape: Shape, v: ArrayLike) -> Arr:
    """Half-width of the outline (in u) at height `v`."""
    us, vs = outline_uv(shape, _HALF_T)
    return np.asarray(np.interp(np.asarray(v, dtype=np.float64), vs, us), dtype=np.float64)


def ellipse_uv(cu: float, cv: float, ru: float, rv: float, n: int = 32) -> tuple[Arr, Arr]:
    """An ellipse as polygon points."""
    t = np.linspace(0.0, 2 * math.pi, n, endpoint=False)
    return cu + ru * np.cos(t), cv + rv * np.sin(t)


def stroke_uv(u: Arr, v: Arr, thick: ArrayLike) -> tuple[Arr, Arr]:
    """A mostly horizontal tapered stroke along the centre line (u, v) with vertical thickness `thick`."""
    half = np.broadcast_to(np.asarray(thick, dtype=np.float64), u.shape) / 2
    return np.concatenate([u, u[::-1]]), np.concatenate([v - half, (v + half)[::-1]])


@dataclass(frozen=True)
class Head:
    """Maps face units to canvas pixels: centre, half-width, half-height, yaw (rad), roll (rad), roll pivot."""

    cx: float
    cy: float
    w: float
    h: float
    yaw: float = 0.0
    roll: float = 0.0
    px: float = 0.0
    py: float = 0.0

    @property
    def iso(self) -> float:
        """Multiply a horizontal size in u by this to get the same length in v."""
        return self.w / self.h

    def pts(self, u: ArrayLike, v: ArrayLike, d: ArrayLike = 0.0) -> Arr:
        """Canvas points (N, 2) of face points (u, v) lying at depth `d` (0: on the silhouette plane)."""
        ua = np.asarray(u, dtype=np.float64)
        va = np.asarray(v, dtype=np.float64)
        da = np.asarray(d, dtype=np.float64)
        x = self.cx + self.w * (ua * math.cos(self.yaw) + da * math.sin(self.yaw))
        y = self.cy + self.h * va
        if self.roll:
            c, s = math.cos(self.roll), math.sin(self.roll)
            dx, dy = x - self.px, y - self.py
            x, y = self.px + c * dx - s * dy, self.py + s * dx + c * dy
        return np.stack(np.broadcast_arrays(x, y), axis=-1).reshape(-1, 2)

    def surf(self, u: ArrayLike, extra: ArrayLike = 0.0) -> Arr:
        """Depth of a point on the face surface at `u` (plus `extra` for parts that stand out, like the nose)."""
        ua = np.asarray(u, dtype=np.float64)
        ea = np.asarray(extra, dtype=np.float64)
        return np.asarray(0.92 * np.sqrt(np.clip(1.0 - ua * ua, 0.0, 1.0)) + ea, dtype=np.float64)

    def on_face(self, u: ArrayLike, v: ArrayLike, extra: ArrayLike = 0.0) -> Arr:
        """Canvas points of face-surface points: they move with the head turn."""
        return self.pts(u, v, self.surf(u, extra))

    def scaled(self, k: float) -> Head:
        return replace(self, cx=self.cx * k, cy=self.cy * k, w=self.w * k, h=self.h * k, px=self.px * k,
                       py=self.py * k)

    def to_face(self, x: Arr, y: Arr) -> tuple[Arr, Arr]:
        """Inverse of `pts` for points on the silhouette plane (used for per-pixel shading)."""
        if self.roll:
            c, s = math.cos(self.roll), math.sin(self.roll)
            dx, dy = x - self.px, y - self.py
            x, y = self.px + c * dx + s * dy, self.py - s * dx + c * dy
        return (x - self.cx) / (self.w * math.cos(self.yaw)), (y - self.cy) / self.h


class Painter:
    """Draws anti-aliased-by-supersampling shapes on the large canvas and region labels on the small map."""

    def __init__(self, canvas: Image.Image, labels: Image.Image, factor: int) -> None:
        self.canvas = canvas
        self.draw = ImageDraw.Draw(canvas, "RGBA")
        self.ldraw = ImageDraw.Draw(labels)
        self.inv = 1.0 / factor

    def poly(self, pts: Arr, color: RGB, alpha: int = 255, label: int | None = None) -> None:
        self.draw.polygon(pts.ravel().tolist(), fill=(*color, alpha))
        if label is not None:
            self.ldraw.polygon((pts * self.inv).ravel().tolist(), fill=label)

    def line(self, pts: Arr, color: RGB, width: float, alpha: int = 255) -> None:
        self.draw.line(pts.ravel().tolist(), fill=(*color, alpha), width=max(1, round(width)),
                       joint="curve" if alpha == 255 else None)

    def clipped(self, clip: Arr, layers: list[tuple[Arr, RGB, int]], base: RGB) -> None:
        """Fill `clip` with `base`, then draw `layers` (points, colour, alpha) clipped to it."""
        x0, y0 = np.floor(clip.min(axis=0)).astype(int)
        x1, y1 = np.ceil(clip.max(axis=0)).astype(int) + 1
        off = np.array([x0, y0], dtype=np.float64)
        size = (int(x1 - x0), int(y1 - y0))
        layer = Image.new("RGB", size, base)
        ld = ImageDraw.Draw(layer, "RGBA")
        for pts, color, alpha in layers:
            ld.polygon((pts - off).ravel().tolist(), fill=(*color, alpha))
        mask = Image.new("L", size, 0)
        ImageDraw.Draw(mask).polygon((clip - off).ravel().tolist(), fill=255)
        self.canvas.paste(layer, (int(x0), int(y0)), mask)
