"""Procedural realism for documents: emblems, codes, security patterns, tables, stamps, paper.

All of it is drawn from a seed rather than copied from real documents, so nothing reproduces a real state's
emblem or a real institution's seal, and it is text-free wherever text could be mistaken for a field.
Decoration that prints text (a table cell, a stamp) goes through the `Canvas` so its ink is recorded.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import random
from dataclasses import dataclass
from typing import Literal

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from multipriv.render.annotations import Box, Lang
from multipriv.render.canvas import RGB, Canvas, Point
from multipriv.render.fonts import Style, font

_SS = 4  # supersampling factor for anti-aliased shapes


def _star(cx: float, cy: float, r_out: float, r_in: float, rot: float = -math.pi / 2) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        r = r_out if i % 2 == 0 else r_in
        a = rot + i * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def _text_seed(*parts: object) -> int:
    """A stable seed from text (Python's hash() is salted per process, so it would break determinism)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def emblem(size: int, seed: int, colour: RGB) -> Image.Image:
    """A round, text-free badge (rings, rays, wreath, star or rosette) in one colour, as RGBA."""
    rng = random.Random(seed)
    big = size * _SS
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    ink = (*colour, 255)
    c = big / 2
    r = big / 2 - _SS
    d.ellipse((c - r, c - r, c + r, c + r), outline=ink, width=max(1, int(r * 0.06)))
    r2 = r * rng.uniform(0.78, 0.84)
    d.ellipse((c - r2, c - r2, c + r2, c + r2), outline=ink, width=max(1, int(r * 0.025)))
    # a ring of dots or rays between the two circles
    n = rng.choice([24, 32, 40, 48])
    mid = (r + r2) / 2
    rays = rng.random() < 0.5
    for i in range(n):
        a = 2 * math.pi * i / n
        if rays:
            p0 = (c + r2 * 1.02 * math.cos(a), c + r2 * 1.02 * math.sin(a))
            p1 = (c + r * 0.92 * math.cos(a), c + r * 0.92 * math.sin(a))
            d.line([p0, p1], fill=ink, width=max(1, int(r * 0.02)))
        else:
            dr = r * 0.035
            x, y = c + mid * math.cos(a), c + mid * math.sin(a)
            d.ellipse((x - dr, y - dr, x + dr, y + dr), fill=ink)
    # a wreath of leaves up both sides
    leaves = rng.randint(6, 9)
    lr = r2 * 0.82
    for side in (-1, 1):
        for k in range(leaves):
            a = math.pi / 2 + side * (0.35 + 2.3 * k / leaves)
            x, y = c + lr * math.cos(a), c + lr * math.sin(a)
            leaf = Image.new("RGBA", (int(r * 0.22), int(r * 0.09)), (0, 0, 0, 0))
            ImageDraw.Draw(leaf).ellipse((0, 0, leaf.width - 1, leaf.height - 1), fill=ink)
            rot = leaf.rotate(-math.degrees(a) + side * 90 + side * 35, expand=True, resample=Image.Resampling.BICUBIC)
            img.alpha_composite(rot, (int(x - rot.width / 2), int(y - rot.height / 2)))
    # centre: a big star with small stars, or a rosette of petals
    if rng.random() < 0.6:
        rs = r2 * 0.42
        d.polygon(_star(c, c - rs * 0.15, rs, rs * 0.4), fill=ink)
        for k in range(rng.choice([0, 4])):
            a = -math.pi / 2 + (k - 1.5) * 0.45
            d.polygon(
                _star(c + rs * 1.25 * math.cos(a), c - rs * 0.15 + rs * 1.25 * math.sin(a), rs * 0.22, rs * 0.09),
                fill=ink,
            )
    else:
        petals = rng.choice([6, 8, 12])
        rp = r2 * 0.45
        for k in range(petals):
            a = 2 * math.pi * k / petals
            x, y = c + rp * 0.5 * math.cos(a), c + rp * 0.5 * math.sin(a)
            d.ellipse((x - rp * 0.5, y - rp * 0.5, x + rp * 0.5, y + rp * 0.5), outline=ink, width=max(1, _SS * 2))
        d.ellipse((c - rp * 0.2, c - rp * 0.2, c + rp * 0.2, c + rp * 0.2), fill=ink)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def qr_like(size: int, seed: int) -> Image.Image:
    """A version-2-sized QR look-alike (finder, timing and alignment patterns, random data), RGB."""
    rng = np.random.Generator(np.random.PCG64(seed))
    n = 25
    m = rng.random((n, n)) < 0.5
    for r0, c0 in ((0, 0), (0, n - 7), (n - 7, 0)):
        rs, cs = slice(max(r0 - 1, 0), min(r0 + 8, n)), slice(max(c0 - 1, 0), min(c0 + 8, n))
        m[rs, cs] = False  # separator
        m[r0 : r0 + 7, c0 : c0 + 7] = True
        m[r0 + 1 : r0 + 6, c0 + 1 : c0 + 6] = False
        m[r0 + 2 : r0 + 5, c0 + 2 : c0 + 5] = True
    m[6, 8 : n - 8] = np.arange(8, n - 8) % 2 == 0
    m[8 : n - 8, 6] = np.arange(8, n - 8) % 2 == 0
    m[16:21, 16:21] = True
    m[17:20, 17:20] = False
    m[18, 18] = True
    quiet = 2
    grid = np.ones((n + 2 * quiet, n + 2 * quiet), dtype=np.uint8) * 255
    grid[quiet : quiet + n, quiet : quiet + n] = np.where(m, 0, 255)
    small = Image.fromarray(grid, "L")
    return small.resize((size, size), Image.Resampling.NEAREST).convert("RGB")


def _code128_patterns() -> list[tuple[int, ...]]:
    """Bar/space width patterns shaped like Code 128 symbols: 6 widths of 1..4 modules summing to 11."""
    pats = [p for p in itertools.product(range(1, 5), repeat=6) if sum(p) == 11 and (p[0] + p[2] + p[4]) % 2 == 0]
    return pats


_PATTERNS = _code128_patterns()


def barcode(width: int, height: int, data: str) -> Image.Image:
    """Code-128-looking bars (start, one symbol per character, check symbol, stop) derived from `data`, RGB.

    It is not a decodable Code 128 (the symbol table is a stand-in), only its look; the printed number next to
    it is what a reader is meant to read.
    """
    values = [(ord(ch) - 32) % len(_PATTERNS) for ch in data]
    check = (104 + sum((i + 1) * v for i, v in enumerate(values))) % 103
    widths: list[int] = [2, 1, 1, 2, 1, 4]  # start B
    for v in [*values, check]:
        widths += _PATTERNS[v]
    widths += [2, 3, 3, 1, 1, 1, 2]  # stop
    quiet = 10
    total = sum(widths) + 2 * quiet
    img = Image.new("RGB", (width, height), (255, 255, 255))
    d = ImageDraw.Draw(img)
    scale = width / total
    pos = quiet
    for i, w in enumerate(widths):
        if i % 2 == 0:
            x0, x1 = round(pos * scale), round((pos + w) * scale)
            d.rectangle((x0, 0, max(x0, x1 - 1), height - 1), fill=(0, 0, 0))
        pos += w
    return img


def guilloche(
    box: Box, seed: int, colour: RGB, *, canvas: Canvas | None = None, alpha: int = 40, families: int = 2
) -> Image.Image:
    """Interlaced thin sine curves, the security background of ID cards, as an RGBA layer the size of `box`.

    With `canvas` the layer is also pasted at the box's corner. Keep `alpha` low: fields are printed over it.
    """
    rng = random.Random(seed)
    w, h = box[2] - box[0], box[3] - box[1]
    big = Image.new("RGBA", (w * 2, h * 2), (0, 0, 0, 0))
    d = ImageDraw.Draw(big)
    xs = np.linspace(0, w * 2, max(2, w))
    for _fam in range(families):
        wave = rng.uniform(0.08, 0.2) * w * 2
        amp = rng.uniform(0.08, 0.2) * h * 2
        amp2 = amp * rng.uniform(0.2, 0.5)
        wave2 = wave * rng.uniform(2.5, 4.0)
        lines = rng.randint(14, 22)
        phase0 = rng.uniform(0, 2 * math.pi)
        for k in range(lines):
            base = (k + 0.5) / lines * h * 2
            ph = phase0 + k * rng.uniform(0.25, 0.45)
            ys = base + amp * np.sin(2 * np.pi * xs / wave + ph) + amp2 * np.sin(2 * np.pi * xs / wave2 - ph)
            d.line(list(zip(xs.tolist(), ys.tolist(), strict=True)), fill=(*colour, alpha), width=2)
    layer = big.resize((w, h), Image.Resampling.LANCZOS)
    if canvas is not None:
        canvas.paste(layer, (box[0], box[1]))
    return layer


@dataclass(frozen=True)
class Cell:
    """One table cell: with an attribute_id its text is a field of `person_id`, otherwise a label."""

    text: str
    attribute_id: str | None = None
    person_id: str | None = None
    align: Literal["left", "center", "right"] = "left"
    style: Style | None = None
    lang: Lang | None = None


def table(
    canvas: Canvas,
    xy: Point,
    rows: list[list[Cell]],
    col_widths: list[int],
    *,
    row_height: int,
    size: int,
    lang: Lang,
    style: Style = "sans",
    fill: RGB = (0, 0, 0),
    border: RGB = (70, 70, 70),
    header_fill: RGB | None = None,
    pad: int = 6,
    line_width: int = 1,
) -> list[list[Box | None]]:
    """A bordered grid; returns each cell's ink box (None for empty cells) in the shape of `rows`.

    Cell text is shrunk to fit its column (never wrapped or clipped), so recorded boxes stay inside cells.
    `header_fill` shades the first row.
    """
    x0, y0 = xy
    total_w = sum(col_widths)
    total_h = row_height * len(rows)
    if header_fill is not None and rows:
        canvas.rect((x0, y0, x0 + total_w, y0 + row_height), fill=header_fill)
    boxes: list[list[Box | None]] = []
    for r, row in enumerate(rows):
        if len(row) != len(col_widths):
            raise ValueError(f"row {r} has {len(row)} cells for {len(col_widths)} columns")
        out: list[Box | None] = []
        cx = x0
        cy = y0 + r * row_height + row_height // 2
        for cell, cw in zip(row, col_widths, strict=True):
            if not cell.text.strip():
                out.append(None)
            else:
                anchor, tx = {
                    "left": ("lm", cx + pad),
                    "center": ("mm", cx + cw // 2),
                    "right": ("rm", cx + cw - pad),
                }[cell.align]
                out.append(
                    canvas.text(
                        (tx, cy),
                        cell.text,
                        size=size,
                        style=cell.style or style,
                        fill=fill,
                        attribute_id=cell.attribute_id,
                        person_id=cell.person_id,
                        lang=cell.lang or lang,
                        anchor=anchor,
                        max_width=cw - 2 * pad,
                    )
                )
            cx += cw
        boxes.append(out)
    for r in range(len(rows) + 1):
        y = y0 + r * row_height
        canvas.line([(x0, y), (x0 + total_w, y)], fill=border, width=line_width)
    cx = x0
    for cw in [0, *col_widths]:
        cx += cw
        canvas.line([(cx, y0), (cx, y0 + total_h)], fill=border, width=line_width)
    return boxes


def stamp(
    canvas: Canvas,
    center: Point,
    radius: int,
    text: str,
    colour: RGB = (205, 30, 35),
    *,
    center_text: str = "",
    lang: Lang = "zh",
    style: Style = "bold",
) -> Box:
    """A round official seal: ring, star, `text` around the upper arc, optional `center_text` below the star.

    Its text is recorded as one label (box: the whole seal), never as a field: seals name institutions, not
    persons. The ink is slightly uneven, like a rubber stamp. Returns the seal's box.
    """
    rng = np.random.Generator(np.random.PCG64(_text_seed("stamp", text, center_text, radius)))
    big_r = radius * _SS
    side = 2 * big_r + 4 * _SS
    layer = Image.new("L", (side, side), 0)
    d = ImageDraw.Draw(layer)
    c = side / 2
    ring = max(_SS * 2, int(big_r * 0.07))
    d.ellipse((c - big_r, c - big_r, c + big_r, c + big_r), outline=255, width=ring)
    rs = big_r * 0.26
    d.polygon(_star(c, c, rs, rs * 0.4), fill=255)
    chars = list(text)
    if chars:
        # Characters sit close along the rim, as on real seals; a centre line below the star needs the bottom.
        r_text = big_r - ring - big_r * 0.2
        max_span = math.radians(220 if center_text else 290)
        span = min(max_span, math.radians(25) * len(chars) + math.radians(25))
        step = span / max(len(chars) - 1, 1)
        char_size = int(min(big_r * 0.32, r_text * step * 1.05 / (0.62 if lang == "en" else 1.0)))
        fnt = font(style, max(char_size, 4))
        for i, ch in enumerate(chars):
            a = -span / 2 + i * step if len(chars) > 1 else 0.0  # 0 = straight up, clockwise positive
            glyph = Image.new("L", (char_size * 2, char_size * 2), 0)
            ImageDraw.Draw(glyph).text((char_size, char_size), ch, font=fnt, fill=255, anchor="mm")
            rot = glyph.rotate(-math.degrees(a), resample=Image.Resampling.BICUBIC)
            x, y = c + r_text * math.sin(a), c - r_text * math.cos(a)
            layer.paste(255, (int(x - char_size), int(y - char_size)), rot)
    if center_text:
        sub = font(style, max(4, int(big_r * 0.2)))
        d.text((c, c + big_r * 0.52), center_text, font=sub, fill=255, anchor="mm")
    small = layer.resize((side // _SS, side // _SS), Image.Resampling.LANCZOS)
    ink = np.asarray(small, dtype=np.float64) / 255.0
    grain = rng.random(ink.shape)
    blot = (
        np.asarray(
            Image.fromarray((rng.random((8, 8)) * 255).astype(np.uint8)).resize(small.size, Image.Resampling.BICUBIC),
            dtype=np.float64,
        )
        / 255.0
    )
    alpha = ink * (0.62 + 0.3 * blot) * np.where(grain < 0.06, 0.35, 1.0)
    rgba = Image.new("RGBA", small.size, (*colour, 0))
    rgba.putalpha(Image.fromarray(np.clip(alpha * 255, 0, 255).astype(np.uint8), "L"))
    ox, oy = center[0] - small.width // 2, center[1] - small.height // 2
    canvas.paste(rgba, (ox, oy))
    box: Box = (center[0] - radius, center[1] - radius, center[0] + radius, center[1] + radius)
    label = text + (" " + center_text if center_text else "")
    if label.strip():
        canvas.record_label(label, box, lang)
    return box


def paper_texture(img: Image.Image, seed: int, strength: float = 1.0) -> Image.Image:
    """Uneven tone, fine grain and faint fibres multiplied into a copy of `img` (RGB), weak enough for OCR."""
    rng = np.random.Generator(np.random.PCG64(seed))
    w, h = img.size
    low = Image.fromarray((rng.random((h // 48 + 2, w // 48 + 2)) * 255).astype(np.uint8), "L")
    tone = np.asarray(low.resize((w, h), Image.Resampling.BICUBIC), dtype=np.float64) / 255.0
    grain = rng.normal(0.0, 1.0, (h, w))
    fibres = Image.new("L", (w, h), 0)
    fd = ImageDraw.Draw(fibres)
    for _ in range(max(4, w * h // 6000)):
        x, y = rng.random() * w, rng.random() * h
        ang, ln = rng.random() * math.pi, 4 + rng.random() * 14
        fd.line([(x, y), (x + ln * math.cos(ang), y + ln * math.sin(ang))], fill=int(40 + rng.random() * 60))
    fib = np.asarray(fibres.filter(ImageFilter.GaussianBlur(0.6)), dtype=np.float64) / 255.0
    factor = 1.0 - strength * (0.035 * tone + 0.012 * grain + 0.06 * fib)
    arr = np.asarray(img.convert("RGB"), dtype=np.float64) * np.clip(factor, 0.0, 1.05)[:, :, None]
    return Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8), "RGB")
