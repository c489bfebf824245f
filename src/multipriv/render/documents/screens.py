"""Phone screenshots: a post on a social app and a chat in a messaging app (both apps fictional).

Screenshots are where people leak the most without meaning to: a caption tags a friend and a place, a chat
bubble carries a home address. Both kinds draw their own phone chrome (status bar, app bars) so they read as
screenshots, not as documents. The English designs follow Western apps (white, purple/blue accents, round
avatars); the Chinese designs follow Chinese apps (a feed with a cover photo, square avatars, grey chat).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

from multipriv.render.annotations import Box, Lang
from multipriv.render.canvas import RGB, Canvas
from multipriv.render.documents.base import DocContext, Rendered, document
from multipriv.render.documents.photos import (
    SCENES,
    Piece,
    others,
    scene_cover,
    scene_for,
    scene_photo,
    text_pieces,
)
from multipriv.render.faces import FaceView, random_view
from multipriv.world.schema import Person

W, H = 720, 1280
GREY: RGB = (142, 142, 147)
INK: RGB = (20, 20, 24)

# Nicknames of commenters: invented handles, never a world person's name.
_NICKS_EN = ("sunny.trails", "mapleandmoss", "jo_bakes", "wanderkit", "pixel.pine", "tealkettle", "ruthless_runs",
             "cloudberry22")
_NICKS_ZH = ("小鹿", "阿泽", "晴天", "Momo", "橘子汽水", "木木", "大熊", "七七")
_COMMENTS_EN = ("Love this!", "So fun, miss you guys", "Looks amazing", "Need to go there soon",
                "Great shot!", "Save me a seat next time")
_COMMENTS_ZH = ("好羡慕！", "下次带上我", "拍得真好", "这是哪里呀", "好久不见了", "周末快乐")


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
def _round_mask(w: int, h: int, radius: int) -> Image.Image:
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
    canvas.image.paste(bg, box, _round_mask(box[2] - box[0], box[3] - box[1], radius))
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


def _companion(ctx: DocContext) -> Person | None:
    """The friend a post or a chat is with: a relation if any, else someone from the same circle."""
    found = others(ctx, 1)
    return found[0] if found else None


def _when(ctx: DocContext, lang: Lang) -> str:
    hours = ctx.rng.randint(1, 23)
    return f"{hours}小时前" if lang == "zh" else f"{hours} HOURS AGO"


# ----------------------------------------------------------------------------------------- social post

def _post_caption(ctx: DocContext, friend: Person | None, lang: Lang) -> tuple[list[Piece], list[Piece]]:
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


def _social_en(canvas: Canvas, ctx: DocContext) -> None:
    p = ctx.person
    lang: Lang = "en"
    purple, orange = (118, 62, 196), (240, 120, 60)
    canvas.gradient_band((0, 0, W, 124), purple, (196, 70, 140))
    status_bar(canvas, ctx, dark_text=False, lang=lang)
    canvas.text((28, 88), "Lumora", size=44, style="hand", fill=(255, 255, 255), lang=lang, anchor="lm")
    heart(canvas, (W - 110, 88), 14, fill=None, outline=(255, 255, 255))
    canvas.draw.polygon([(W - 62, 76), (W - 26, 88), (W - 62, 100), (W - 54, 88)], outline=(255, 255, 255), width=3)
    # post header: ringed avatar, name and handle, geotag
    canvas.draw.ellipse((18, 138, 96, 216), outline=orange, width=4)
    avatar(canvas, ctx, p, (24, 144, 90, 210), 33, (255, 255, 255))
    nb = canvas.text((110, 172), p.name.full.en, size=26, fill=INK, attribute_id="name",
                     person_id=p.id, lang=lang, anchor="ls", max_width=300)
    canvas.text((nb[2] + 10, 172), p.contact.social_handle, size=21, fill=GREY, attribute_id="social_handle",
                person_id=p.id, lang=lang, anchor="ls", max_width=W - 60 - nb[2])
    pin(canvas, (118, 194), 7, purple)
    canvas.text((134, 206), p.home.city.en, size=21, fill=(70, 70, 76), attribute_id="home_city", person_id=p.id,
                lang=lang, anchor="ls")
    for i in range(3):
        canvas.draw.ellipse((W - 44 + i * 9 - 3, 174, W - 44 + i * 9 + 3, 180), fill=INK)
    scene_photo(canvas, ctx, (0, 230, W, 830), [p], scene_for(p.frequent_places[0].en, ctx.rng), face_px=400)
    # actions, likes, caption, comments
    heart(canvas, (44, 874), 17, fill=(232, 50, 80), outline=(232, 50, 80))
    canvas.draw.ellipse((84, 856, 120, 892), outline=INK, width=3)
    canvas.draw.polygon([(150, 858), (186, 874), (150, 890), (158, 874)], outline=INK, width=3)
    canvas.draw.polygon([(W - 52, 856), (W - 26, 856), (W - 26, 894), (W - 39, 882), (W - 52, 894)], outline=INK,
                        width=3)
    likes = ctx.rng.randint(40, 2400)
    canvas.text((24, 936), f"{likes:,} likes", size=23, fill=INK, lang=lang, anchor="ls")
    line1, line2 = _post_caption(ctx, _companion(ctx), lang)
    text_pieces(canvas, (24, 978), line1, size=24, lang=lang, max_width=W - 48, fill=INK)
    text_pieces(canvas, (24, 1014), line2, size=24, lang=lang, max_width=W - 48, fill=INK)
    canvas.text((24, 1048), "#weekend #goodtimes", size=22, fill=(40, 90, 170), lang=lang, anchor="ls")
    canvas.text((24, 1084), f"View all {ctx.rng.randint(3, 60)} comments", size=21, fill=GREY, lang=lang,
                anchor="ls")
    for k, (nick, said) in enumerate(zip(ctx.rng.sample(_NICKS_EN, 2), ctx.rng.sample(_COMMENTS_EN, 2),
                                         strict=True)):
        text_pieces(canvas, (24, 1118 + 32 * k), [(nick, None, None), ("  " + said, None, None)], size=21,
                    lang=lang, max_width=W - 48, fill=INK)
    canvas.text((24, 1188), _when(ctx, lang), size=17, fill=GREY, lang=lang, anchor="ls")
    canvas.line([(0, 1206), (W, 1206)], fill=(219, 219, 222))
    nav_icons(canvas, 1244, INK)


def _social_zh(canvas: Canvas, ctx: DocContext) -> None:
    p = ctx.person
    lang: Lang = "zh"
    link = (222, 104, 36)  # the app's orange accent: names, places and likes
    # cover photo with the owner's name and avatar, as at the top of a friends feed
    canvas.paste(scene_cover(ctx.rng.choice(SCENES), W, 440), (0, 0))
    status_bar(canvas, ctx, dark_text=False, lang=lang)
    canvas.text((30, 84), "友迹", size=30, style="bold", fill=(255, 255, 255), lang=lang, anchor="lm")
    canvas.rounded_rect((W - 76, 66, W - 28, 102), 8, outline=(255, 255, 255), width=3)
    canvas.draw.ellipse((W - 60, 76, W - 44, 92), outline=(255, 255, 255), width=3)
    canvas.text((W - 188, 430), p.name.full.zh, size=30, style="bold", fill=(255, 255, 255), attribute_id="name",
                person_id=p.id, lang=lang, anchor="rs", max_width=300)
    view = random_view(ctx.rng)
    avatar(canvas, ctx, p, (W - 164, 370, W - 24, 510), 14, (255, 255, 255), view)
    hb = canvas.text((W - 24, 546), p.contact.social_handle, size=20, fill=GREY, attribute_id="social_handle",
                     person_id=p.id, lang=lang, anchor="rs")
    canvas.text((hb[0] - 8, 546), "友迹号：", size=20, fill=GREY, lang=lang, anchor="rs")
    # the post
    avatar(canvas, ctx, p, (24, 580, 104, 660), 10, (255, 255, 255), view)
    canvas.text((124, 606), p.name.full.zh, size=26, style="bold", fill=link, attribute_id="name",
                person_id=p.id, lang=lang, anchor="ls")
    line1, line2 = _post_caption(ctx, _companion(ctx), lang)
    text_pieces(canvas, (124, 648), line1, size=25, lang=lang, max_width=W - 150, fill=INK,
                fills={i: link for i, part in enumerate(line1) if part[1] == "name"})
    text_pieces(canvas, (124, 686), line2, size=25, lang=lang, max_width=W - 150, fill=INK)
    scene_photo(canvas, ctx, (124, 706, 544, 1056), [p], scene_for(p.frequent_places[0].en, ctx.rng), face_px=320)
    pin(canvas, (132, 1076), 6, link)
    canvas.text((146, 1088), p.home.city.zh, size=21, fill=link, attribute_id="home_city", person_id=p.id,
                lang=lang, anchor="ls")
    canvas.text((124, 1124), _when(ctx, lang), size=19, fill=GREY, lang=lang, anchor="ls")
    canvas.rounded_rect((W - 80, 1104, W - 28, 1132), 5, fill=(238, 240, 244))
    for i in (0, 1):
        canvas.draw.ellipse((W - 64 + i * 16, 1114, W - 56 + i * 16, 1122), fill=link)
    # likes and comments box
    canvas.rect((124, 1144, W - 28, 1262), fill=(243, 243, 245))
    heart(canvas, (146, 1170), 10, fill=None, outline=link)
    nicks = ctx.rng.sample(_NICKS_ZH, 4)
    canvas.text((166, 1180), "，".join(nicks), size=21, fill=link, lang=lang, anchor="ls")
    canvas.line([(124, 1194), (W - 28, 1194)], fill=(224, 224, 228))
    for k, (nick, said) in enumerate(zip(ctx.rng.sample(nicks, 2), ctx.rng.sample(_COMMENTS_ZH, 2), strict=True)):
        text_pieces(canvas, (138, 1224 + 30 * k), [(nick, None, None), ("：" + said, None, None)], size=20,
                    lang=lang, max_width=W - 190, fill=INK, fills={0: link})


@document("social_post", title=("social media post", "社交媒体动态"))
def render_social_post(ctx: DocContext) -> Rendered:
    """A screenshot of the person's own post: their face, name, handle, city, a friend and a place."""
    canvas = Canvas(W, H, (255, 255, 255))
    if ctx.lang == "zh":
        _social_zh(canvas, ctx)
        colours = ("orange", "橙色")
    else:
        _social_en(canvas, ctx)
        colours = ("purple", "紫色")
    canvas.check_inside()
    ids = [ctx.person.id] + [f.person_id for f in canvas.fields if f.person_id != ctx.person.id]
    return Rendered(canvas, lang=ctx.lang, person_ids=tuple(dict.fromkeys(ids)),
                    meta={"colour_en": colours[0], "colour_zh": colours[1], "date": ctx.date.isoformat()})


# ------------------------------------------------------------------------------------------------- chat

Line = list[Piece]
Message = tuple[bool, list[Line]]  # (sent by the person, lines)
Said = tuple[bool, str]  # (sent by the person, words)


@dataclass(frozen=True)
class _Script:
    """What friends say around the reveal; `ask_*` are (question, the person's lead-in)."""

    opening: tuple[tuple[Said, Said], ...]
    ask_address: tuple[str, str]
    ask_phone: tuple[str, str]
    small_talk: tuple[tuple[Said, Said], ...]
    closing: tuple[Said, Said]
    yesterday: str
    placeholder: str


_CHAT = {
    "en": _Script(
        ((((False, "Hey! Are we still on for Saturday?"), (True, "Yes! Come over to my place around 3")),
          ((False, "Is the party still at your place?"), (True, "Yep, it starts at 7")))),
        ("What's your address again?", "Sure, here it is"), ("Did you change your number?", "Yes, the new one is"),
        (((False, "Should I bring anything?"), (True, "Just snacks, I've got drinks")),
         ((False, "Is parking easy there?"), (True, "There's street parking out front"))),
        ((False, "Got it, see you then!"), (True, "Text me when you're outside :)")), "Yesterday", "Message"),
    "zh": _Script(
        ((((False, "周六还一起吃饭吗？"), (True, "去呀，来我家吧，下午三点")),
          ((False, "明天的聚会还在你家吗？"), (True, "对，晚上七点开始")))),
        ("你家地址再发我一下", "好的，地址是"), ("你是不是换号码了？", "换了，新号码是"),
        (((False, "要我带点什么吗？"), (True, "带点水果就行，饮料我买了")),
         ((False, "那边好停车吗？"), (True, "小区门口可以停"))),
        ((False, "收到，到时见！"), (True, "到楼下给我打电话")), "昨天", ""),
}


def _said(lines: tuple[Said, ...] | list[Said]) -> list[Message]:
    return [(me, [[(words, None, None)]]) for me, words in lines]


def _address_lines(canvas: Canvas, text: str, pid: str, lang: Lang, size: int, max_w: int) -> list[Line]:
    """The home address as one recorded line, or as two (split at a comma or after the district) when one
    line would print too small to read."""
    if canvas.fit_size(text, size=size, max_width=max_w) >= 22:
        return [[(text, "home_address", pid)]]
    if lang == "zh":
        cuts = [i + 1 for i, ch in enumerate(text) if ch in "市区县" and 0 < i < len(text) - 2]
        parts = [(text[:c], text[c:]) for c in cuts]
    else:
        parts = [(text[:i], text[i + 2:]) for i in range(len(text)) if text.startswith(", ", i)]
    if not parts:
        return [[(text, "home_address", pid)]]
    first, second = min(parts, key=lambda ab: max(len(ab[0]), len(ab[1])))
    return [[(first, "home_address", pid)], [(second, "home_address", pid)]]


def _conversation(ctx: DocContext, canvas: Canvas, lang: Lang, max_w: int, room: int,
                  height: Callable[[list[Message]], int]) -> list[Message]:
    """The reveal (address, phone or both) with small talk around it, as much as fits in `room` pixels."""
    script, p = _CHAT[lang], ctx.person
    reveal = ctx.rng.choice(["address", "phone", "both"])
    # the friend greets the person by the name friends use (a nickname or the given name)
    name: Piece = (p.name.full.get(lang), "name", p.id)
    hello: Line = [name, ("，在吗？", None, None)] if lang == "zh" else [("Hi ", None, None), name, ("!", None, None)]
    msgs: list[Message] = [(False, [hello]), *_said(ctx.rng.choice(script.opening))]
    if reveal in ("address", "both"):
        msgs += _said([(False, script.ask_address[0]), (True, script.ask_address[1])])
        msgs.append((True, _address_lines(canvas, p.home.full.get(lang), p.id, lang, 26, max_w)))
    if reveal in ("phone", "both"):
        msgs += _said([(False, script.ask_phone[0])])
        msgs.append((True, [[(script.ask_phone[1], None, None)], [(p.contact.phone, "phone", p.id)]]))
    for extra in ctx.rng.sample(script.small_talk, len(script.small_talk)):
        if height(msgs + _said(extra) + _said(script.closing)) <= room:
            msgs += _said(extra)
    return msgs + _said(script.closing)


def render_chat(canvas: Canvas, ctx: DocContext, partner: Person | None, lang: Lang) -> None:
    zh = lang == "zh"
    bg: RGB = (237, 237, 237) if zh else (255, 255, 255)
    mine: RGB = (128, 214, 110) if zh else (30, 120, 246)
    canvas.rect((0, 0, W, H), fill=bg)
    status_bar(canvas, ctx, dark_text=True, lang=lang, bg=(237, 237, 237) if zh else (247, 247, 249))
    partner_name = partner.name.full.get(lang) if partner else ("小林" if zh else "Alex")
    pid = partner.id if partner else None
    attr = "name" if partner else None
    d = canvas.draw
    if zh:
        d.line([(26, 92), (40, 78), (26, 92), (40, 106)], fill=INK, width=3)
        canvas.text((W // 2, 92), partner_name, size=28, style="bold", fill=INK, attribute_id=attr, person_id=pid,
                    lang=lang, anchor="mm", max_width=420)
        for i in range(3):
            d.ellipse((W - 58 + i * 12 - 3, 89, W - 58 + i * 12 + 3, 95), fill=INK)
        top = 136
    else:
        canvas.rect((0, 48, W, 186), fill=(247, 247, 249))
        d.line([(38, 76), (24, 92), (38, 108)], fill=mine, width=4)
        if partner:
            avatar(canvas, ctx, partner, (W // 2 - 34, 58, W // 2 + 34, 126), 34, (247, 247, 249))
        canvas.text((W // 2, 150), partner_name, size=23, fill=INK, attribute_id=attr, person_id=pid, lang=lang,
                    anchor="ma", max_width=420)
        top = 186
    d.line([(0, top), (W, top)], fill=(214, 214, 218), width=1)
    bottom = 1168
    size, line_h, pad, gap = 26, 38, 15, 20
    av = 72
    max_w = 430 if zh else 470
    msgs = _conversation(ctx, canvas, lang, max_w, bottom - top - 90,
                         lambda ms: sum(len(lines) * line_h + 2 * pad + gap for _, lines in ms))
    heights = [len(lines) * line_h + 2 * pad for _, lines in msgs]
    y = top + 26
    hour, minute = ctx.rng.randint(8, 21), ctx.rng.randrange(60)
    canvas.text((W // 2, y), f"{_CHAT[lang].yesterday} {hour}:{minute:02d}", size=19, fill=GREY, lang=lang,
                anchor="ma")
    y += 50
    faces = {}
    for (me, lines), h in zip(msgs, heights, strict=True):
        widths = [canvas.measure("".join(t for t, _, _ in ln), size=size)[0] for ln in lines]
        bw = min(max_w, max(widths)) + 2 * pad + 4
        if zh:
            who = ctx.person if me else partner
            if who is not None:
                if who.id not in faces:
                    faces[who.id] = ctx.faces.face(who.id, who.face, random_view(ctx.rng), 96)
                ax = W - 20 - av if me else 20
                avatar(canvas, ctx, who, (ax, y, ax + av, y + av), 8, bg, image=faces[who.id])
            x0 = W - 20 - av - 14 - bw if me else 20 + av + 14
        else:
            x0 = W - 24 - bw if me else 24
        canvas.rounded_rect((x0, y, x0 + bw, y + h), 10 if zh else 22,
                            fill=mine if me else ((255, 255, 255) if zh else (233, 233, 236)))
        ink: RGB = INK if zh or not me else (255, 255, 255)
        for k, ln in enumerate(lines):
            text_pieces(canvas, (x0 + pad + 2, y + pad + k * line_h + 28), ln, size=size, lang=lang, max_width=max_w,
                        fill=ink)
        y += h + gap
    # input bar
    canvas.rect((0, bottom, W, H), fill=(247, 247, 247))
    d.line([(0, bottom), (W, bottom)], fill=(214, 214, 218))
    d.ellipse((20, bottom + 22, 64, bottom + 66), outline=INK if zh else GREY, width=3)
    d.line([(42, bottom + 32), (42, bottom + 56)], fill=INK if zh else GREY, width=3)
    d.line([(30, bottom + 44), (54, bottom + 44)], fill=INK if zh else GREY, width=3)
    canvas.rounded_rect((82, bottom + 18, W - 90, bottom + 70), 8 if zh else 26, fill=(255, 255, 255),
                        outline=None if zh else (210, 210, 214))
    if _CHAT[lang].placeholder:
        canvas.text((106, bottom + 44), _CHAT[lang].placeholder, size=22, fill=GREY, lang=lang, anchor="lm")
    if zh:  # emoji button
        d.ellipse((W - 70, bottom + 22, W - 26, bottom + 66), outline=INK, width=3)
        d.arc((W - 60, bottom + 32, W - 36, bottom + 56), 20, 160, fill=INK, width=3)
    else:  # send button
        d.ellipse((W - 70, bottom + 22, W - 26, bottom + 66), fill=mine)
        d.polygon([(W - 48, bottom + 30), (W - 60, bottom + 46), (W - 36, bottom + 46)], fill=(255, 255, 255))
        d.line([(W - 48, bottom + 40), (W - 48, bottom + 58)], fill=(255, 255, 255), width=4)
    canvas.rounded_rect((W // 2 - 70, H - 14, W // 2 + 70, H - 8), 3, fill=INK)


@document("chat_screenshot", title=("chat screenshot", "聊天截图"))
def render_chat_screenshot(ctx: DocContext) -> Rendered:
    """A chat with a friend who greets the person by nickname or given name, in which the person sends their
    home address, their phone number or both."""
    canvas = Canvas(W, H)
    partner = _companion(ctx)
    render_chat(canvas, ctx, partner, ctx.lang)
    canvas.check_inside()
    colours = ("green", "绿色") if ctx.lang == "zh" else ("blue", "蓝色")
    return Rendered(canvas, lang=ctx.lang, person_ids=(ctx.person.id, *([partner.id] if partner else [])),
                    meta={"colour_en": colours[0], "colour_zh": colours[1], "date": ctx.date.isoformat()})
