"""Fonts for every rendered document, loaded only from the fonts that ship inside the `mplfonts` package.

Why not OS fonts: the same seed must give byte-identical images on any machine, so glyph shapes cannot depend
on what happens to be installed. The Noto/Source Han CJK fonts carry Latin, digits and CJK in one file, so one
style serves English, Chinese and bilingual documents alike.

Styles:

- ``sans``  Noto Sans CJK SC Regular: the default for printed forms and cards.
- ``serif`` Noto Serif CJK SC Regular: certificates, letters, passports.
- ``mono``  Noto Sans Mono CJK SC Regular: machine-readable zones, tickets, receipts.
- ``bold``  SimHei: a heavy sans (its Latin is bold-looking), for titles and headings.
- ``hand``  the serif font; FreeType in Pillow cannot shear glyphs, so the handwriting look (a slanted,
  italic-ish serif) is produced by whoever draws it: `Canvas.text` shears the rendered glyph mask when
  ``style="hand"``, and `signature.draw_signature` shears and jitters letters itself.
"""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path
from typing import Literal

from PIL import ImageFont

from multipriv.errors import MultiPrivError

Style = Literal["sans", "serif", "mono", "bold", "hand"]

FONT_FILES: dict[str, str] = {
    "sans": "NotoSansCJKsc-Regular.otf",
    "serif": "NotoSerifCJKsc-Regular.otf",
    "mono": "NotoSansMonoCJKsc-Regular.otf",
    "bold": "SimHei.ttf",
    "hand": "NotoSerifCJKsc-Regular.otf",
}

# Styles whose glyphs `Canvas.text` slants by this shear factor (x += SHEAR * (baseline - y)).
HAND_SHEAR = 0.28


def font_path(style: Style) -> Path:
    """The font file of a style inside the installed mplfonts package; raises if it is not there."""
    if style not in FONT_FILES:
        raise MultiPrivError(f"unknown font style {style!r}; expected one of {', '.join(FONT_FILES)}")
    try:
        root = importlib.resources.files("mplfonts") / "fonts"
    except ModuleNotFoundError as exc:
        raise MultiPrivError("package 'mplfonts' is not installed; reinstall multipriv") from exc
    path = Path(str(root / FONT_FILES[style]))
    if not path.is_file():
        raise MultiPrivError(f"font file {FONT_FILES[style]} missing from {root}; reinstall mplfonts==0.0.11")
    return path


@functools.lru_cache(maxsize=1024)
def font(style: Style, size: int) -> ImageFont.FreeTypeFont:
    """The font of `style` at `size` pixels (em size), cached because documents reuse a handful of sizes."""
    if size < 1:
        raise MultiPrivError(f"font size must be at least 1 pixel, got {size}")
    path = font_path(style)
    try:
        return ImageFont.truetype(str(path), size=size, layout_engine=ImageFont.Layout.BASIC)
    except OSError as exc:
        raise MultiPrivError(f"cannot load font file {path}: {exc}") from exc
