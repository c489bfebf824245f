"""A drawing surface that records ground truth as it draws.

Document renderers never compute boxes themselves: every `text` call measures the ink it actually put on the
image (the glyph mask's bounding box), so the recorded box is tight by construction, whatever the font,
anchor, shear or size reduction. Text is never wrapped: a value that does not fit `max_width` is printed
smaller, because a wrapped value would print differently from its recorded text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from PIL import Image, ImageDraw, ImageOps

from multipriv.errors import MultiPrivError
from multipriv.render.annotations import LABEL, Box, FaceBox, FieldBox, ImageAnnotation, Lang
from multipriv.render.fonts import HAND_SHEAR, Style, font

RGB = tuple[int, int, int]
Point = tuple[int, int]

MIN_FONT_SIZE = 6
"""`max_width` never shrinks text below this (it raises instead)."""

LEGIBLE_FLAT = 16
"""Smallest value size (px, Noto Sans) that RapidOCR read back fully on the flat test card."""
LEGIBLE_PHOTO = 24
"""Smallest value size that survived every tried photo variant (tilt, shade, blur, <= 0.92x scale): print fields
at least this large on documents that may be photographed. See tests/render/test_canvas.py."""


def _glyph_mask(s: str, style: Style, size: int, anchor: str) -> tuple[Image.Image, int, int]:
    """The anti-aliased glyph mask of `s` and the offset of its top-left corner from the anchor point."""
    fnt = font(style, size)
    left, top, right, bottom = (int(v) for v in fnt.getbbox(s, anchor=anchor))
    pad = 2 + size // 8
    w, h = right - left + 2 * pad, bottom - top + 2 * pad
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).text((pad - left, pad - top), s, font=fnt, fill=255, anchor=anchor)
    ox, oy = left - pad, top - pad
    if style == "hand":
        # Slant about the anchor's row: x_out = x_in + k * (row - y) + left, so glyphs lean right while the
        # anchor stays put; `left` makes room for descenders, which lean left of the anchor.
        row = -oy
        left = int(np.ceil(HAND_SHEAR * max(h - row, 0)))
        right = int(np.ceil(HAND_SHEAR * max(row, 0)))
        mask = mask.transform(
            (w + left + right + 1, h),
            Image.Transform.AFFINE,
            (1.0, HAND_SHEAR, -HAND_SHEAR * row - left, 0.0, 1.0, 0.0),
            resample=Image.Resampling.BICUBIC,
        )
        ox -= left
    return mask, ox, oy


class Canvas:
    """An RGB image plus the field, label and face boxes drawn on it."""

    def __init__(self, width: int, height: int, background: RGB = (255, 255, 255)) -> None:
        if width < 1 or height < 1:
            raise MultiPrivError(f"canvas size must be positive, got {width}x{height}")
        self.image = Image.new("RGB", (width, height), background)
        self.draw = ImageDraw.Draw(self.image)
        self._fields: list[FieldBox] = []
        self._labels: list[FieldBox] = []
        self._faces: list[FaceBox] = []

    @classmethod
    def from_image(cls, image: Image.Image) -> Canvas:
        """A canvas over a copy of `image` (e.g. a pre-rendered background), with nothing recorded yet."""
        canvas = cls(image.width, image.height)
        canvas.image.paste(image.convert("RGB"))
        return canvas

    @property
    def width(self) -> int:
        return self.image.width

    @property
    def height(self) -> int:
        return self.image.height

    @property
    def fields(self) -> tuple[FieldBox, ...]:
        return tuple(self._fields)

    @property
    def labels(self) -> tuple[FieldBox, ...]:
        return tuple(self._labels)

    @property
    def faces(self) -> tuple[FaceBox, ...]:
        return tuple(self._faces)

    # ----------------------------------------------------------------------------------------------- text

    def measure(self, s: str, *, size: int, style: Style = "sans") -> tuple[int, int]:
        """Width and height of the ink `text` would draw, for layout decisions before drawing."""
        mask, _, _ = _glyph_mask(s, style, size, "la")
        bbox = mask.getbbox()
        return (0, 0) if bbox is None else (bbox[2] - bbox[0], bbox[3] - bbox[1])

    def fit_size(self, s: str, *, size: int, style: Style = "sans", max_width: int) -> int:
        """The largest size <= `size` whose ink is at most `max_width` wide; raises below MIN_FONT_SIZE."""
        current = size
        width = self.measure(s, size=current, style=style)[0]
        if width > max_width:
            current = max(MIN_FONT_SIZE, min(size - 1, int(size * max_width / width)))
            while self.measure(s, size=current, style=style)[0] > max_width:
                if current <= MIN_FONT_SIZE:
                    raise MultiPrivError(
                        f"text {s!r} does not fit {max_width}px even at {MIN_FONT_SIZE}px;"
                        " shorten it or widen the layout"
                    )
                current -= 1
        return current

    def text(
        self,
        xy: Point,
        s: str,
        *,
        size: int,
        style: Style = "sans",
        fill: RGB = (0, 0, 0),
        attribute_id: str | None = None,
        person_id: str | None = None,
        lang: Lang,
        anchor: str = "la",
        max_width: int | None = None,
        masked: bool = False,
    ) -> Box:
        """Draw one line of text and return the tight box of its ink.

        With `attribute_id` the text is recorded as a field of `person_id` (`masked` when it prints the value
        partly hidden); without, as a label. Anchors are Pillow's (e.g. "la" left-ascender, "ls" left-baseline,
        "mm" middle-middle, "ra" right-ascender).
        """
        if not s.strip():
            raise MultiPrivError(f"refusing to draw empty text for attribute {attribute_id or LABEL!r}")
        if "\n" in s:
            raise MultiPrivError(f"text must be one line, got {s!r}; draw each line with its own call")
        if max_width is not None:
            size = self.fit_size(s, size=size, style=style, max_width=max_width)
        mask, ox, oy = _glyph_mask(s, style, size, anchor)
        ink = mask.getbbox()
        if ink is None:
            raise MultiPrivError(f"text {s!r} drew no ink at size {size}")
        x0, y0 = xy[0] + ox, xy[1] + oy
        self.image.paste(fill, (x0, y0, x0 + mask.width, y0 + mask.height), mask)
        box: Box = (x0 + ink[0], y0 + ink[1], x0 + ink[2], y0 + ink[3])
        if attribute_id is not None and attribute_id != LABEL:
            if person_id is None:
                raise MultiPrivError(f"field {attribute_id!r} needs a person_id")
            self.record_field(attribute_id, person_id, s, box, lang, masked=masked)
        else:
            self.record_label(s, box, lang)
        return box

    def label_value(
        self,
        xy: Point,
        label: str,
        value: str,
        *,
        size: int,
        attribute_id: str,
        person_id: str,
        lang: Lang,
        style: Style = "sans",
        label_style: Style | None = None,
        label_size: int | None = None,
        fill: RGB = (0, 0, 0),
        label_fill: RGB | None = None,
        gap: int | None = None,
        max_width: int | None = None,
        masked: bool = False,
    ) -> Box:
        """Draw "label value" on one baseline starting at `xy` (top-left) and return the value's box.

        The label is printed exactly as given (include ":" / "：" if wanted); `max_width` bounds the value.
        """
        l_style = label_style or style
        l_size = label_size or size
        baseline = xy[1] + max(font(l_style, l_size).getmetrics()[0], font(style, size).getmetrics()[0])
        lbox = self.text(
            (xy[0], baseline),
            label,
            size=l_size,
            style=l_style,
            fill=label_fill or fill,
            lang=lang,
            anchor="ls",
        )
        vx = lbox[2] + (gap if gap is not None else max(4, size // 2))
        return self.text(
            (vx, baseline),
            value,
            size=size,
            style=style,
            fill=fill,
            attribute_id=attribute_id,
            person_id=person_id,
            lang=lang,
            anchor="ls",
            max_width=max_width,
            masked=masked,
        )

    # -------------------------------------------------------------------------------------------- records

    def record_field(self, attribute_id: str, person_id: str, text: str, box: Box, lang: Lang, *,
                     masked: bool = False) -> None:
        """Record a value drawn by other means (a signature image, a stamp-free table cell)."""
        self._fields.append(FieldBox(attribute_id=attribute_id, person_id=person_id, text=text, box=box, lang=lang,
                                     masked=masked))

    def record_label(self, text: str, box: Box, lang: Lang) -> None:
        """Record non-private printed text (titles, field labels, stamp text)."""
        self._labels.append(FieldBox(attribute_id=LABEL, person_id="", text=text, box=box, lang=lang))

    # ------------------------------------------------------------------------------------------- drawing

    def face(self, box: Box, image: Image.Image, person_id: str) -> Box:
        """Paste a face photo scaled and centre-cropped to fill `box`, and record it as the person's face."""
        x0, y0, x1, y1 = box
        fitted = ImageOps.fit(image, (x1 - x0, y1 - y0), method=Image.Resampling.LANCZOS)
        self.paste(fitted, (x0, y0))
        self._faces.append(FaceBox(person_id=person_id, box=box))
        return box

    def paste(self, img: Image.Image, xy: Point) -> Box:
        """Paste an image (RGBA uses its alpha) with its top-left at `xy`; returns the covered box."""
        if img.mode == "RGBA" or img.mode == "LA":
            self.image.paste(img.convert("RGB"), xy, img.getchannel("A"))
        else:
            self.image.paste(img.convert("RGB"), xy)
        return (xy[0], xy[1], xy[0] + img.width, xy[1] + img.height)

    def rect(self, box: Box, *, fill: RGB | None = None, outline: RGB | None = None, width: int = 1) -> None:
        """A rectangle; `box` is inclusive-exclusive like every recorded box."""
        self.draw.rectangle((box[0], box[1], box[2] - 1, box[3] - 1), fill=fill, outline=outline, width=width)

    def rounded_rect(
        self, box: Box, radius: int, *, fill: RGB | None = None, outline: RGB | None = None, width: int = 1
    ) -> None:
        self.draw.rounded_rectangle(
            (box[0], box[1], box[2] - 1, box[3] - 1), radius=radius, fill=fill, outline=outline, width=width
        )

    def line(self, points: Sequence[Point], *, fill: RGB = (0, 0, 0), width: int = 1) -> None:
        self.draw.line(list(points), fill=fill, width=width, joint="curve")

    def gradient_band(
        self, box: Box, c0: RGB, c1: RGB, *, direction: Literal["horizontal", "vertical"] = "horizontal"
    ) -> None:
        """Fill `box` with a linear colour ramp from c0 to c1 (card headers, passport bands)."""
        x0, y0, x1, y1 = box
        w, h = x1 - x0, y1 - y0
        if w <= 0 or h <= 0:
            return
        n = w if direction == "horizontal" else h
        t = np.linspace(0.0, 1.0, n)[:, None]
        ramp = np.asarray(c0, dtype=np.float64) * (1 - t) + np.asarray(c1, dtype=np.float64) * t
        ramp_u8 = np.clip(np.rint(ramp), 0, 255).astype(np.uint8)
        arr = (
            np.broadcast_to(ramp_u8[None, :, :], (h, w, 3))
            if direction == "horizontal"
            else (np.broadcast_to(ramp_u8[:, None, :], (h, w, 3)))
        )
        self.image.paste(Image.fromarray(np.ascontiguousarray(arr), "RGB"), (x0, y0))

    # ------------------------------------------------------------------------------------------ checking

    def check_inside(self) -> None:
        """Raise if any recorded box is empty or leaves the canvas: such truth could not be scored."""
        named: list[tuple[str, Box]] = [(f"field {f.attribute_id} {f.text!r}", f.box) for f in self._fields]
        named += [(f"label {f.text!r}", f.box) for f in self._labels]
        named += [(f"face of {f.person_id}", f.box) for f in self._faces]
        for name, (x0, y0, x1, y1) in named:
            if x0 < 0 or y0 < 0 or x1 > self.width or y1 > self.height or x1 <= x0 or y1 <= y0:
                raise MultiPrivError(
                    f"{name} box {(x0, y0, x1, y1)} is empty or outside the {self.width}x{self.height} canvas"
                )

    def annotation(
        self,
        path: str,
        kind: str,
        lang: Literal["en", "zh", "bi"],
        person_ids: Sequence[str],
        tier: Literal["individual", "attribute"],
        meta: dict[str, str] | None = None,
        *,
        photo: bool = False,
    ) -> ImageAnnotation:
        """The ground-truth record of this canvas as drawn so far (checks the boxes first)."""
        self.check_inside()
        return ImageAnnotation(
            path=path,
            kind=kind,
            lang=lang,
            width=self.width,
            height=self.height,
            person_ids=tuple(person_ids),
            fields=self.fields,
            faces=self.faces,
            labels=self.labels,
            photo=photo,
            tier=tier,
            meta=dict(meta or {}),
        )
