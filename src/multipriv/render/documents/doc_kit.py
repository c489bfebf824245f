"""Drawing helpers shared by the document designs of the medical, finance and parcel kinds: cached paper,
stable seeds, label-value lines, faux-bold type, hospital badges and routine lab rows."""

from __future__ import annotations

import functools
import hashlib
import random

from PIL import Image, ImageDraw

from multipriv.render.annotations import Lang
from multipriv.render.canvas import RGB, Canvas, Point
from multipriv.render.decor import emblem, paper_texture
from multipriv.render.fonts import Style, font

W, H = 900, 1270
INK: RGB = (25, 25, 30)
GREY: RGB = (95, 95, 105)


@functools.lru_cache(maxsize=40)  # every (size, tint) of every design, two variants
def paper(width: int, height: int, tint: RGB, variant: int) -> Image.Image:
    """A textured blank sheet; texture is slow (~0.25 s), so a few variants per size are cached."""
    return paper_texture(Image.new("RGB", (width, height), tint), seed=7919 * variant + width + height, strength=0.8)


def stable_seed(*parts: object) -> int:
    """A seed from plain values (not from the document's rng), for pieces that must look the same on every
    document of a person or institution: a state seal, a bank's colours, a hospital's badge."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


@functools.lru_cache(maxsize=64)
def hospital_logo(name: str, size: int, fg: RGB, bg: RGB) -> Image.Image:
    """A round badge with a cross in the middle, derived from the hospital's name (so each has its own)."""
    img = emblem(size, stable_seed("hospital", name), fg)
    d = ImageDraw.Draw(img)
    c, r = size / 2, size * 0.24
    d.ellipse((c - r, c - r, c + r, c + r), fill=(*bg, 255))
    a, b = r * 0.72, r * 0.26
    d.rectangle((c - a, c - b, c + a, c + b), fill=(*fg, 255))
    d.rectangle((c - b, c - a, c + b, c + a), fill=(*fg, 255))
    return img


def split_findings(text: str) -> list[str]:
    parts = [p.strip() for p in text.replace("；", ";").split(";")]
    return [p for p in parts if p]


def lv(
    c: Canvas, xy: Point, label: str, val: str, attr: str | None, pid: str, lang: Lang, *,
    size: int = 22, right: int, label_fill: RGB = GREY, gap: int | None = None, style: Style = "sans",
) -> tuple[int, int, int, int]:
    """`label value` on one line, the value shrunk to end before `right`; attr None prints a plain label."""
    lw = c.measure(label, size=size - 2)[0]
    gap = size // 2 if gap is None else gap
    if attr is None:
        c.text(xy, label, size=size - 2, fill=label_fill, lang=lang)
        return c.text((xy[0] + lw + gap, xy[1]), val, size=size, style=style, fill=INK, lang=lang,
                      max_width=right - xy[0] - lw - gap)
    return c.label_value(xy, label, val, size=size, label_size=size - 2, style=style, label_style="sans",
                         attribute_id=attr, person_id=pid, lang=lang, fill=INK, label_fill=label_fill, gap=gap,
                         max_width=right - xy[0] - lw - gap)


def bold(
    c: Canvas, xy: Point, s: str, *, size: int, fill: RGB, lang: Lang, anchor: str = "la",
    attribute_id: str | None = None, person_id: str | None = None, max_width: int | None = None,
) -> tuple[int, int, int, int]:
    """Faux-bold sans (a second pass 1 px to the right): the bold font's Latin looks like a typewriter."""
    if max_width is not None:
        size = c.fit_size(s, size=size, max_width=max_width - 1)
    box = c.text(xy, s, size=size, fill=fill, lang=lang, anchor=anchor, attribute_id=attribute_id,
                 person_id=person_id)
    c.draw.text((xy[0] + 1, xy[1]), s, font=font("sans", size), fill=fill, anchor=anchor)
    return box


def lab_rows(rng: random.Random, lang: Lang) -> list[tuple[str, str, str, str]]:
    """A few routine results inside their reference ranges, chosen not to contradict any condition's findings."""
    if lang == "zh":
        pool = [("白细胞计数 WBC", 3.5, 9.5, 2, "×10^9/L"), ("血小板计数 PLT", 125, 350, 0, "×10^9/L"),
                ("谷丙转氨酶 ALT", 9, 50, 0, "U/L"), ("肌酐 Cr", 57, 111, 0, "μmol/L"),
                ("白蛋白 ALB", 40, 55, 1, "g/L"), ("血钾 K", 3.5, 5.3, 2, "mmol/L"), ("血钠 Na", 137, 147, 0, "mmol/L")]
    else:
        pool = [("White blood cells", 4.0, 11.0, 1, "10^3/uL"), ("Platelets", 150, 400, 0, "10^3/uL"),
                ("ALT", 7, 56, 0, "U/L"), ("Creatinine", 0.6, 1.3, 2, "mg/dL"), ("Albumin", 3.5, 5.0, 1, "g/dL"),
                ("Potassium", 3.5, 5.1, 1, "mmol/L"), ("Sodium", 135, 145, 0, "mmol/L")]
    out = []
    for name, lo, hi, nd, unit in sorted(rng.sample(pool, 5), key=pool.index):
        span = hi - lo
        v = rng.uniform(lo + 0.1 * span, hi - 0.1 * span)
        ref = f"{lo:.{nd}f}-{hi:.{nd}f}" if nd else f"{lo:g}-{hi:g}"
        out.append((name, f"{v:.{nd}f}", ref, unit))
    return out
