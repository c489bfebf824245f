"""Phone chrome shared by the screenshot kinds (social posts, chats, ride receipts): status bar, avatars,
icons, and the caption and companion helpers the social designs share."""

from __future__ import annotations

import functools
import math

from PIL import Image, ImageDraw

from multipriv.render.annotations import Box, Lang
from multipriv.render.canvas import RGB, Canvas
from multipriv.render.documents.base import DocContext
from multipriv.render.documents.photos import Piece, others
from multipriv.render.faces import FaceView, random_view
from multipriv.world.schema import Person

W, H = 720, 1280
GREY: RGB = (142, 142, 147)
INK: RGB = (20, 20, 24)

# Nicknames of commenters: invented handles, never a world person's name.
NICKS_EN = ("sunny.trails", "mapleandmoss", "jo_bakes", "wanderkit", "pixel.pine", "tealkettle", "ruthless_runs",
             "cloudberry22")
NICKS_ZH = ("小鹿", "阿泽", "晴天", "Momo", "橘子汽水", "木木", "大熊", "七七")
COMMENTS_EN = ("Love this!", "So fun, miss you guys", "Looks amazing", "Need to go there soon",
                "Great shot!", "Save me a seat next time")
COMMENTS_ZH = ("好羡慕！", "下次带上我", "拍得真好", "这是哪里呀", "好久不见了", "周末快乐")


# ---------------------------------------------------------------------------------------------- chrome

def status_bar(canvas: Canvas, ctx: DocContext, *, dark_text: bool, lang: Lang, y: int = 0,
               bg: RGB | None = None) -> int:
    """A phone status bar (clock, signal, Wi-Fi, battery); returns its bottom edge."""
    h = 48
    if bg is not None:
        canvas.rect((0, y, W, y + h), fill=bg)
    ink: RGB = INK if dark_text else (255, 255, 255)
    hour, minute, battery = ctx.rng.randint(7, 23), ctx.rng.randrange(60), ctx.rng.randint(18, 99)
    clock = f"{hour}:{minute:02d}"
    cy = y + h // 2 + 2
    canvas.text((34, cy), clock, size=23, fill=ink, lang=lang, anchor="lm")
    x = W - 30
    canvas.rounded_rect((x - 44, cy - 10, x - 4, cy + 10), 5, outline=ink, width=2)  # battery
    canvas.rect((x - 4, cy - 4, x, cy + 4), fill=ink)
    canvas.rect((x - 41, cy - 7, x - 41 + int(34 * battery / 100), cy + 7), fill=ink)
    pct = canvas.text((x - 52, cy), f"{battery}%", size=17, fill=ink, lang=lang, anchor="rm")
    x = pct[0] - 12
    for r in (5, 11, 17):  # Wi-Fi arcs
        canvas.draw.arc((x - 2 * 17 + 17 - r, cy + 6 - r, x - 17 + r, cy + 6 + r), 225, 315, fill=ink, width=3)
    x -= 44
    for i in range(4):  # signal bars
        canvas.rect((x - 30 + i * 8, cy + 7 - 4 * (i + 1), x - 25 + i * 8, cy + 8), fill=ink)
    return y + h


@functools.lru_cache(maxsize=16)
def round_mask(w: int, h: int, radius: int) -> Image.Image:
    """Antialiased mask of the outside of a rounded rectangle (radius >= w/2 gives a circle)."""
    big = Image.new("L", (w * 4, h * 4), 255)
    ImageDraw.Draw(big).rounded_rectangle((0, 0, w * 4 - 1, h * 4 - 1), radius=radius * 4, fill=0)
    return big.resize((w, h), Image.Resampling.LANCZOS)


def avatar(canvas: Canvas, ctx: DocContext, person: Person, box: Box, radius: int, bg: RGB,
           view: FaceView | None = None, image: Image.Image | None = None) -> Box:
    """A profile picture of `person` (recorded as their face), rounded by painting `bg` over its corners.

    An account has one profile picture: pass the same `view` (or the same fetched `image`) for every avatar
    of one person on a screen.
    """
    side = max(box[2] - box[0], box[3] - box[1])
    if image is None:
        image = ctx.faces.face(person.id, person.face, view or random_view(ctx.rng), min(192, max(96, side)))
    canvas.face(box, image, person.id)
    canvas.image.paste(bg, box, round_mask(box[2] - box[0], box[3] - box[1], radius))
    return box


def heart(canvas: Canvas, c: tuple[int, int], r: int, *, fill: RGB | None, outline: RGB) -> None:
    pts = []
    for i in range(48):
        t = 2 * math.pi * i / 48
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((c[0] + x * r / 16, c[1] - y * r / 16))
    canvas.draw.polygon(pts, fill=fill, outline=outline, width=3)


def pin(canvas: Canvas, c: tuple[int, int], r: int, colour: RGB) -> None:
    canvas.draw.ellipse((c[0] - r, c[1] - r, c[0] + r, c[1] + r), fill=colour)
    canvas.draw.polygon([(c[0] - r * 0.8, c[1] + r * 0.5), (c[0] + r * 0.8, c[1] + r * 0.5), (c[0], c[1] + 2 * r)],
                        fill=colour)
    canvas.draw.ellipse((c[0] - r * 0.4, c[1] - r * 0.4, c[0] + r * 0.4, c[1] + r * 0.4), fill=(255, 255, 255))


def nav_icons(canvas: Canvas, cy: int, ink: RGB) -> None:
    """A bottom navigation bar's five icons: home, search, new post, videos, profile."""
    d = canvas.draw
    x = 72
    d.polygon([(x - 18, cy - 2), (x, cy - 18), (x + 18, cy - 2)], outline=ink, width=3)
    d.rectangle((x - 13, cy - 3, x + 13, cy + 16), outline=ink, width=3)
    x += 144
    d.ellipse((x - 15, cy - 17, x + 9, cy + 7), outline=ink, width=3)
    d.line([(x + 6, cy + 4), (x + 17, cy + 15)], fill=ink, width=4)
    x += 144
    canvas.rounded_rect((x - 18, cy - 18, x + 18, cy + 18), 8, outline=ink, width=3)
    d.line([(x, cy - 9), (x, cy + 9)], fill=ink, width=3)
    d.line([(x - 9, cy), (x + 9, cy)], fill=ink, width=3)
    x += 144
    canvas.rounded_rect((x - 18, cy - 16, x + 18, cy + 16), 7, outline=ink, width=3)
    d.polygon([(x - 5, cy - 8), (x + 8, cy), (x - 5, cy + 8)], fill=ink)
    x += 144
    d.ellipse((x - 17, cy - 17, x + 17, cy + 17), outline=ink, width=3)
    d.ellipse((x - 6, cy - 10, x + 6, cy + 2), fill=ink)
    d.pieslice((x - 12, cy + 2, x + 12, cy + 22), 180, 360, fill=ink)


def companion(ctx: DocContext) -> Person | None:
    """The friend a post or a chat is with: a relation if any, else someone from the same circle."""
    found = others(ctx, 1)
    return found[0] if found else None


def when(ctx: DocContext, lang: Lang) -> str:
    hours = ctx.rng.randint(1, 23)
    return f"{hours}小时前" if lang == "zh" else f"{hours} HOURS AGO"


def post_caption(ctx: DocContext, friend: Person | None, lang: Lang) -> tuple[list[Piece], list[Piece]]:
    pid = ctx.person.id
    place: Piece = (ctx.person.frequent_places[0].get(lang), "frequent_place", pid)
    if lang == "zh":
        who: list[Piece] = [("和", None, None), (friend.name.full.zh, "name", friend.id)] if friend else []
        lead = ctx.rng.choice(["周末", "今天", "难得"])
        tail = ctx.rng.choice(["一起出来走走", "一起喝杯咖啡", "聚一聚，开心"])
        return [(lead, None, None), *who, (tail, None, None)], [("打卡 ", None, None), place]
    lead = ctx.rng.choice(["Lazy Sunday", "Catching up", "Best afternoon"])
    who = [(" with ", None, None), (friend.name.full.en, "name", friend.id)] if friend else []
    return [(lead, None, None), *who], [("at ", None, None), place]
