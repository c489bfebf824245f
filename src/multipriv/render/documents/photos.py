"""Casual photographs: a portrait of the person and a group photo with the people around them.

Faces come from `ctx.faces` as head-and-shoulders pictures; a photo places them, bottom-anchored, in front of
a drawn scene (park, office, street, café) and feathers their edges into it, so that the face source's own
backdrop blends with the scene instead of showing as a pasted square. The view asks the face source for a
matching backdrop where it draws one. Scenes are blurred as if out of focus: they carry no text that could be
mistaken for a field, and a blurred backdrop is what a phone portrait looks like.
"""

from __future__ import annotations

import dataclasses
import functools
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from multipriv.render.annotations import Box, Lang
from multipriv.render.canvas import RGB, Canvas
from multipriv.render.documents.base import DocContext, Rendered, document
from multipriv.render.documents.printed_dates import FULL_MONTHS
from multipriv.render.faces import random_view
from multipriv.render.fonts import Style, font
from multipriv.world.schema import Person

SCENES = ("park", "office", "street", "cafe")
_PLAIN_BACKDROP = 9  # lavender: far from every skin, hair and clothing colour, so it keys out cleanly
_SCENE_TINT: dict[str, tuple[float, float, float]] = {
    "park": (1.02, 1.03, 0.97), "office": (0.99, 1.0, 1.03), "street": (1.0, 1.0, 1.02), "cafe": (1.07, 1.0, 0.9),
}
# the backdrop that suits a named place (by a word of its English name); unknown places get any scene
_PLACE_SCENES = (("Park", "park"), ("Coffee", "cafe"), ("Church", "street"), ("Temple", "street"),
                 ("Library", "office"), ("Fitness", "office"), ("Gym", "office"), ("Club", "office"),
                 ("Hall", "office"))


# ------------------------------------------------------------------------------------------------ scenes

def _blobs(d: ImageDraw.ImageDraw, rng: random.Random, n: int, box: Box, colours: list[RGB], r: tuple[int, int]
           ) -> None:
    for i in range(n):
        x, y = rng.uniform(box[0], box[2]), rng.uniform(box[1], box[3])
        rad = rng.uniform(*r)
        d.ellipse((x - rad, y - rad, x + rad, y + rad), fill=colours[i % len(colours)])


@functools.lru_cache(maxsize=32)
def scene_image(kind: str, width: int, height: int) -> Image.Image:
    """An out-of-focus backdrop of `kind`, drawn small and enlarged (the same every time: cached)."""
    w, h = max(8, width // 4), max(8, height // 4)
    img = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(img)
    rng = random.Random(f"scene:{kind}")
    if kind == "park":
        for y in range(h):
            t = y / h
            d.line([(0, y), (w, y)], fill=(int(150 + 60 * t), int(190 + 40 * t), int(230 + 10 * t)))
        _blobs(d, rng, 60, (0, int(h * 0.15), w, int(h * 0.62)), [(70, 118, 62), (96, 142, 74), (54, 92, 52),
                                                                   (128, 168, 92)], (w // 14, w // 6))
        d.rectangle((0, int(h * 0.6), w, h), fill=(110, 160, 80))
        d.polygon([(w * 0.42, h), (w * 0.58, h), (w * 0.52, h * 0.6), (w * 0.48, h * 0.6)], fill=(200, 186, 150))
        _blobs(d, rng, 14, (0, int(h * 0.2), w, int(h * 0.5)), [(226, 236, 190)], (1, w // 40 + 2))
    elif kind == "office":
        d.rectangle((0, 0, w, h), fill=(220, 216, 206))
        for i in range(3):
            x0 = int(w * (0.05 + 0.33 * i))
            d.rectangle((x0, int(h * 0.1), x0 + int(w * 0.26), int(h * 0.62)), fill=(176, 206, 228))
            for k in range(6):
                y = int(h * (0.12 + 0.08 * k))
                d.line([(x0, y), (x0 + int(w * 0.26), y)], fill=(210, 222, 232), width=1)
        d.rectangle((0, 0, w, int(h * 0.05)), fill=(238, 238, 234))
        _blobs(d, rng, 6, (0, 0, w, int(h * 0.05)), [(255, 252, 236)], (w // 30, w // 16))
        d.rectangle((0, int(h * 0.66), w, h), fill=(120, 112, 104))
        _blobs(d, rng, 5, (0, int(h * 0.5), w, int(h * 0.7)), [(70, 120, 70), (90, 140, 80)], (w // 20, w // 10))
    elif kind == "street":
        for y in range(h):
            t = y / h
            d.line([(0, y), (w, y)], fill=(int(180 + 30 * t), int(200 + 20 * t), int(222 + 10 * t)))
        x = -rng.randint(0, w // 8)
        while x < w:
            bw, bh = rng.randint(w // 8, w // 4), rng.randint(int(h * 0.35), int(h * 0.85))
            c = rng.choice([(156, 150, 142), (190, 176, 156), (120, 126, 138), (176, 112, 92), (210, 204, 192)])
            d.rectangle((x, h - bh, x + bw, h), fill=c)
            for wy in range(h - bh + 4, int(h * 0.7), 7):
                for wx in range(x + 3, x + bw - 4, 7):
                    d.rectangle((wx, wy, wx + 3, wy + 3), fill=(min(255, c[0] + 40), min(255, c[1] + 44), 236))
            x += bw + rng.randint(0, 4)
        d.rectangle((0, int(h * 0.78), w, h), fill=(96, 98, 104))
        _blobs(d, rng, 6, (0, int(h * 0.76), w, int(h * 0.82)), [(190, 40, 40), (236, 236, 236), (40, 60, 120)],
               (w // 30, w // 16))
    else:  # cafe
        d.rectangle((0, 0, w, h), fill=(92, 64, 46))
        d.rectangle((0, int(h * 0.2), w, int(h * 0.5)), fill=(126, 92, 64))
        for k in range(4):
            y = int(h * (0.25 + 0.07 * k))
            d.line([(0, y), (w, y)], fill=(70, 48, 34), width=2)
        _blobs(d, rng, 24, (0, int(h * 0.2), w, int(h * 0.5)), [(176, 150, 120), (210, 190, 160), (140, 60, 50)],
               (1, w // 30 + 2))
        _blobs(d, rng, 12, (0, 0, w, int(h * 0.22)), [(255, 214, 140), (255, 230, 170)], (w // 40, w // 20))
        d.rectangle((0, int(h * 0.66), w, h), fill=(150, 110, 80))
    return img.filter(ImageFilter.GaussianBlur(max(1.5, w / 90))).resize((width, height),
                                                                          Image.Resampling.BICUBIC)


@functools.lru_cache(maxsize=8)
def scene_cover(scene: str, width: int, height: int) -> Image.Image:
    """A wide scene for a feed's cover, darkened at the top and bottom so white text over it stays readable."""
    img = scene_image(scene, width, height).copy()
    t = np.linspace(0.0, 1.0, height, dtype=np.float32)
    shade = np.clip((0.2 - t) / 0.2, 0, 1) * 0.45 + np.clip((t - 0.7) / 0.3, 0, 1) * 0.5
    arr = np.asarray(img, dtype=np.float32) * (1.0 - shade)[:, None, None]
    return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")


@functools.lru_cache(maxsize=32)
def _bust_prior(width: int, height: int) -> np.ndarray:
    """Where a head-and-shoulders picture may show the person (feathered bust shape), 0..1."""
    n = 64
    m = Image.new("L", (n, n), 0)
    d = ImageDraw.Draw(m)
    d.ellipse((n * 0.2, n * 0.06, n * 0.8, n * 0.76), fill=255)
    d.rounded_rectangle((n * 0.03, n * 0.62, n * 0.97, n * 1.2), radius=n * 0.2, fill=255)
    m = m.filter(ImageFilter.GaussianBlur(n * 0.04)).resize((width, height), Image.Resampling.BILINEAR)
    return np.asarray(m, dtype=np.float32) / 255.0


def _cutout(img: Image.Image) -> Image.Image:
    """A soft mask of the person in a face picture taken against a plain backdrop.

    The backdrop is keyed out against the picture's top rows (a plain studio backdrop varies across, not
    down); small holes (eye whites, a grey collar) are closed at quarter resolution. A picture against a busy
    backdrop keys as all person and falls back to the feathered bust shape.
    """
    arr = np.asarray(img, dtype=np.float32)
    top = arr[: max(2, img.height // 64)].mean(axis=0, keepdims=True)
    key = np.clip((np.abs(arr - top).sum(axis=2) - 28.0) / 24.0, 0.0, 1.0)
    key_img = Image.fromarray((key * 255 + 0.5).astype(np.uint8), "L")
    small = key_img.resize((max(1, img.width // 4), max(1, img.height // 4)), Image.Resampling.BOX)
    closed = small.filter(ImageFilter.MaxFilter(3)).filter(ImageFilter.MinFilter(3))
    filled = np.asarray(closed.resize(img.size, Image.Resampling.BILINEAR), dtype=np.float32) / 255.0
    alpha = np.minimum(np.maximum(key, np.clip((filled - 0.9) * 10.0, 0.0, 1.0)), _bust_prior(*img.size))
    mask = Image.fromarray((alpha * 255 + 0.5).astype(np.uint8), "L")
    return mask.filter(ImageFilter.MinFilter(3)).filter(ImageFilter.GaussianBlur(1.2))


@functools.lru_cache(maxsize=16)
def _finish_fields(width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """A vignette and a grain pattern (fixed per size, so photos stay byte-identical)."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    r = np.hypot((x - width / 2) / (width / 2), (y - height / 2) / (height / 2))
    vignette = (1.0 - 0.22 * np.clip(r - 0.55, 0, 1) ** 1.6)[..., None]
    grain = np.random.Generator(np.random.PCG64(width * 7919 + height)).normal(0, 3.2, (height, width, 1))
    return vignette.astype(np.float32), grain.astype(np.float32)


def finish_photo(canvas: Canvas, box: Box, scene: str, exposure: float) -> None:
    """Camera look over a photo region: vignette, the scene's colour cast, exposure and sensor grain."""
    region = canvas.image.crop(box)
    vignette, grain = _finish_fields(region.width, region.height)
    tint = np.asarray(_SCENE_TINT[scene], dtype=np.float32) * np.float32(exposure)
    arr = np.asarray(region, dtype=np.float32) * vignette * tint + grain
    canvas.image.paste(Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB"), box[:2])


def place_person(canvas: Canvas, ctx: DocContext, person: Person, box: Box, backdrop: Image.Image,
                 face_px: int = 448) -> Box:
    """Paste `person`'s face picture into `box` (recorded as their face) and feather it into `backdrop`.

    `backdrop` is what the canvas showed under `box` before the paste; the face is asked for at no more than
    `face_px` (drawing faces is the slow part of a photo) and enlarged to the box.
    """
    view = dataclasses.replace(random_view(ctx.rng), background=_PLAIN_BACKDROP)
    side = max(box[2] - box[0], box[3] - box[1])
    img = ctx.faces.face(person.id, person.face, view, min(face_px, side))
    canvas.face(box, img, person.id)
    pasted = canvas.image.crop(box)
    canvas.image.paste(Image.composite(pasted, backdrop, _cutout(pasted)), box[:2])
    return box


def scene_photo(canvas: Canvas, ctx: DocContext, region: Box, people: list[Person], scene: str,
                face_px: int = 300) -> list[Box]:
    """Draw `scene` in `region` with `people` standing side by side in front of it; returns their face boxes.

    Each person is a bottom-anchored head-and-shoulders picture; neighbours overlap a little, as people do
    when posing together.
    """
    rw, rh = region[2] - region[0], region[3] - region[1]
    canvas.paste(scene_image(scene, rw, rh), region[:2])
    n = len(people)
    side = int(min(rh * 0.82, rw * 0.94 / (1 + 0.74 * (n - 1))))
    step = side * 0.74
    span = side + step * (n - 1)
    left = region[0] + (rw - span) / 2 + ctx.rng.uniform(-0.5, 0.5) * max(0.0, rw - span) * 0.6
    boxes = []
    for i, p in enumerate(people):
        s = int(side * ctx.rng.uniform(0.94, 1.0))
        x0 = int(min(max(left + i * step + (side - s) / 2, region[0]), region[2] - s))
        box: Box = (x0, region[3] - s, x0 + s, region[3])
        backdrop = canvas.image.crop(box)
        boxes.append(place_person(canvas, ctx, p, box, backdrop, face_px))
    finish_photo(canvas, region, scene, ctx.rng.uniform(0.94, 1.06))
    return boxes


def scene_for(place_en: str, rng: random.Random) -> str:
    """A scene that fits a place named in a caption (a park for a park, a café for a coffee shop)."""
    for word, scene in _PLACE_SCENES:
        if word in place_en:
            return scene
    return rng.choice(SCENES)


def others(ctx: DocContext, count: int) -> list[Person]:
    """The person's relations (in their order), or else `count` other persons of the same locale."""
    rel = [ctx.world.person(r.person_id) for r in ctx.person.relations]
    if rel:
        return rel[:count]
    pool = [p for p in ctx.world.persons if p.id != ctx.person.id and p.locale == ctx.person.locale]
    pool = pool or [p for p in ctx.world.persons if p.id != ctx.person.id]
    return ctx.rng.sample(pool, min(count, len(pool)))


# --------------------------------------------------------------------------------------------- portrait

@document("portrait", title=("portrait photo", "个人照片"), photo=True, may_photograph=False)
def render_portrait(ctx: DocContext) -> Rendered:
    """A phone photo of the person in a park, an office, a street or a café."""
    w, h = 640, 800
    canvas = Canvas(w, h)
    scene = ctx.rng.choice(SCENES)
    backdrop = scene_image(scene, w, h)
    canvas.paste(backdrop, (0, 0))
    bw = ctx.rng.randint(560, 620)
    bh = min(h - 110, int(bw * 1.06))
    x0 = ctx.rng.randint(0, w - bw)
    box: Box = (x0, h - bh, x0 + bw, h)
    place_person(canvas, ctx, ctx.person, box, backdrop.crop(box))
    finish_photo(canvas, (0, 0, w, h), scene, ctx.rng.uniform(0.94, 1.06))
    if ctx.rng.random() < 0.5:  # a camera that prints the date in the corner
        d = ctx.date
        stamp = f"'{d.year % 100:02d} {d.month:2d} {d.day:2d}"
        canvas.text((w - 24, h - 22), stamp, size=26, style="mono", fill=(255, 150, 40), lang="en", anchor="rs")
    canvas.check_inside()
    colours = {"park": ("green", "绿色"), "office": ("grey", "灰色"), "street": ("grey", "灰色"),
               "cafe": ("brown", "棕色")}[scene]
    return Rendered(canvas, lang=ctx.lang, person_ids=(ctx.person.id,),
                    meta={"colour_en": colours[0], "colour_zh": colours[1], "date": ctx.date.isoformat(),
                          "scene": scene})


# ------------------------------------------------------------------------------------------ group photo

Piece = tuple[str, str | None, str | None]
"""(text, attribute_id or None for a label, person_id): one run of a line drawn in pieces."""


def text_pieces(canvas: Canvas, xy: tuple[int, int], parts: list[Piece], *, size: int, lang: Lang,
                max_width: int, fill: RGB = (40, 40, 44), style: Style = "sans", align: str = "left",
                fills: dict[int, RGB] | None = None) -> int:
    """One line drawn as consecutive pieces, so that each private value in it is its own record.

    `xy` is the left (or, with align="center", the middle) of the baseline. Pieces sit where they would if
    the whole line were drawn at once, so the line reads naturally and OCR reads it as one line; the size
    shrinks for the whole line when it is wider than `max_width`. `fills` colours pieces by index (a linked
    name). Returns the x where the line ends.
    """
    line = "".join(p[0] for p in parts)
    size = canvas.fit_size(line, size=size, style=style, max_width=max_width)
    fnt = font(style, size)
    x = xy[0] - fnt.getlength(line) / 2 if align == "center" else float(xy[0])
    prefix = ""
    for i, (text, attr, pid) in enumerate(parts):
        if text.strip():
            canvas.text((round(x + fnt.getlength(prefix)), xy[1]), text, size=size, style=style,
                        fill=(fills or {}).get(i, fill), attribute_id=attr, person_id=pid, lang=lang,
                        anchor="ls")
        prefix += text
    return round(x + fnt.getlength(line))


@document("group_photo", title=("group photo", "合影"), photo=True, may_photograph=False)
def render_group_photo(ctx: DocContext) -> Rendered:
    """The person with relations (or acquaintances) side by side, printed with a caption naming them."""
    lang = ctx.lang
    companions = others(ctx, ctx.rng.randint(1, 3) if ctx.person.relations else ctx.rng.randint(1, 2))
    people = [ctx.person, *companions]
    ctx.rng.shuffle(people)
    w, h = 1000, 760
    canvas = Canvas(w, h, (250, 249, 245))
    scene = scene_for(ctx.person.frequent_places[0].en, ctx.rng)
    region: Box = (24, 24, w - 24, 624)
    scene_photo(canvas, ctx, region, people, scene)
    # caption: names on the first line, place and month on the second
    names: list[Piece] = []
    for i, p in enumerate(people):
        if i:
            last = i == len(people) - 1
            names.append(("和" if last else "、", None, None) if lang == "zh" else
                         (" and " if last else ", ", None, None))
        names.append((p.name.full.get(lang), "name", p.id))
    place = ctx.person.frequent_places[0].get(lang)
    d = ctx.date
    if lang == "zh":
        line2 = [("摄于", None, None), (place, "frequent_place", ctx.person.id),
                 (f" · {d.year}年{d.month}月", None, None)]
    else:
        line2 = [("at ", None, None), (place, "frequent_place", ctx.person.id),
                 (f" · {FULL_MONTHS[d.month - 1]} {d.year}", None, None)]
    text_pieces(canvas, (w // 2, 676), names, size=30, lang=lang, max_width=w - 80, align="center")
    text_pieces(canvas, (w // 2, 724), line2, size=26, lang=lang, max_width=w - 80, align="center")
    canvas.check_inside()
    colours = {"park": ("green", "绿色"), "office": ("grey", "灰色"), "street": ("grey", "灰色"),
               "cafe": ("brown", "棕色")}[scene]
    # the owner first, as on every image (the others in their left-to-right order): people are shuffled above
    ids = (ctx.person.id, *(p.id for p in people if p.id != ctx.person.id))
    return Rendered(canvas, lang=lang, person_ids=ids,
                    meta={"colour_en": colours[0], "colour_zh": colours[1], "date": ctx.date.isoformat(),
                          "people": str(len(people)), "scene": scene})
