"""Second designs of the social post: a dark, text-first timeline post (English) and a photo-notes app post
with the picture on top and a title under it (Chinese).

Like the first designs they show the person's face twice (profile picture and the photo), their name, handle
and home city, and a caption naming a friend and a place.
"""

from __future__ import annotations

from multipriv.render.annotations import Lang
from multipriv.render.canvas import RGB, Canvas
from multipriv.render.documents.base import DocContext
from multipriv.render.documents.phone_chrome import (
    COMMENTS_EN,
    COMMENTS_ZH,
    GREY,
    INK,
    NICKS_EN,
    NICKS_ZH,
    H,
    W,
    avatar,
    companion,
    heart,
    pin,
    post_caption,
    round_mask,
    status_bar,
    when,
)
from multipriv.render.documents.photos import scene_for, scene_photo, text_pieces
from multipriv.render.documents.printed_dates import date_text

_DOTS: tuple[RGB, ...] = ((240, 150, 80), (110, 180, 120), (120, 140, 230), (200, 110, 190))


def _comments(canvas: Canvas, ctx: DocContext, y: int, nicks: tuple[str, ...], said: tuple[str, ...],
              ink: RGB, sub: RGB, lang: Lang) -> None:
    """Two comments by invented handles, with plain coloured dots as their pictures (no faces)."""
    for k, (nick, words) in enumerate(zip(ctx.rng.sample(nicks, 2), ctx.rng.sample(said, 2), strict=True)):
        cy = y + 62 * k
        colour = _DOTS[ctx.rng.randrange(len(_DOTS))]
        canvas.draw.ellipse((24, cy - 4, 68, cy + 40), fill=colour)
        canvas.text((84, cy + 12), nick, size=19, fill=sub, lang=lang, anchor="ls")
        canvas.text((84, cy + 42), words, size=22, fill=ink, lang=lang, anchor="ls", max_width=W - 120)


def social_en_dim(canvas: Canvas, ctx: DocContext) -> None:
    """A dark-theme timeline post: avatar, name over handle, caption first, photo with round corners."""
    p = ctx.person
    lang: Lang = "en"
    bg, ink, sub, line, blue = (21, 32, 43), (239, 243, 244), (139, 152, 165), (56, 68, 77), (29, 155, 240)
    canvas.rect((0, 0, W, H), fill=bg)
    status_bar(canvas, ctx, dark_text=False, lang=lang)
    d = canvas.draw
    d.line([(44, 72), (26, 88), (44, 104)], fill=ink, width=4)
    d.line([(26, 88), (62, 88)], fill=ink, width=4)
    canvas.text((90, 88), "Post", size=28, fill=ink, lang=lang, anchor="lm")
    d.line([(0, 124), (W, 124)], fill=line)
    avatar(canvas, ctx, p, (24, 142, 100, 218), 38, bg)
    canvas.text((118, 172), p.name.full.en, size=26, fill=ink, attribute_id="name", person_id=p.id, lang=lang,
                anchor="ls", max_width=W - 150)
    canvas.text((118, 206), p.contact.social_handle, size=22, fill=sub, attribute_id="social_handle",
                person_id=p.id, lang=lang, anchor="ls", max_width=W - 150)
    line1, line2 = post_caption(ctx, companion(ctx), lang)
    text_pieces(canvas, (24, 268), line1, size=28, lang=lang, max_width=W - 48, fill=ink,
                fills={i: blue for i, part in enumerate(line1) if part[1] == "name"})
    text_pieces(canvas, (24, 310), line2, size=28, lang=lang, max_width=W - 48, fill=ink)
    region = (24, 334, W - 24, 814)
    scene_photo(canvas, ctx, region, [p], scene_for(p.frequent_places[0].en, ctx.rng), face_px=380)
    canvas.image.paste(bg, region, round_mask(region[2] - region[0], region[3] - region[1], 26))
    # place, time and views on one line, as the app prints them (and as OCR reads them)
    pin(canvas, (34, 890), 7, sub)
    city = canvas.text((50, 904), p.home.city.en, size=21, fill=sub, attribute_id="home_city", person_id=p.id,
                       lang=lang, anchor="ls")
    hour, minute = ctx.rng.randint(1, 12), ctx.rng.randrange(60)
    canvas.text((city[2] + 8, 904), f"· {hour}:{minute:02d} PM · {date_text(ctx.date, 'mon_day')} · "
                f"{ctx.rng.randint(2, 90)}K Views", size=20, fill=sub, lang=lang, anchor="ls")
    d.line([(24, 926), (W - 24, 926)], fill=line)
    canvas.text((24, 966), f"{ctx.rng.randint(2, 80)} Reposts   {ctx.rng.randint(1, 20)} Quotes   "
                f"{ctx.rng.randint(40, 2400):,} Likes", size=21, fill=ink, lang=lang, anchor="ls")
    d.line([(24, 988), (W - 24, 988)], fill=line)
    cy = 1024
    d.ellipse((40, cy - 14, 70, cy + 12), outline=sub, width=3)
    d.line([(180, cy - 8), (200, cy - 16), (220, cy - 8)], fill=sub, width=3)
    d.line([(180, cy + 8), (200, cy + 16), (220, cy + 8)], fill=sub, width=3)
    heart(canvas, (360, cy), 14, fill=(249, 24, 128), outline=(249, 24, 128))
    d.polygon([(500, cy - 16), (522, cy - 16), (522, cy + 16), (511, cy + 6), (500, cy + 16)], outline=sub, width=3)
    d.line([(W - 60, cy + 14), (W - 60, cy - 16)], fill=sub, width=3)
    d.line([(W - 72, cy - 4), (W - 60, cy - 16), (W - 48, cy - 4)], fill=sub, width=3)
    d.line([(0, 1058), (W, 1058)], fill=line)
    _comments(canvas, ctx, 1084, NICKS_EN, COMMENTS_EN, ink, sub, lang)
    canvas.rounded_rect((24, H - 62, W - 24, H - 14), 24, fill=(39, 51, 64))
    canvas.text((52, H - 38), "Post your reply", size=21, fill=sub, lang=lang, anchor="lm")


def social_zh_notes(canvas: Canvas, ctx: DocContext) -> None:
    """A photo-notes post: author bar with a follow button, the photo, a title, the place and comments."""
    p = ctx.person
    lang: Lang = "zh"
    red, link = (255, 36, 66), (19, 86, 160)
    status_bar(canvas, ctx, dark_text=True, lang=lang)
    d = canvas.draw
    d.line([(38, 72), (24, 88), (38, 104)], fill=INK, width=3)
    avatar(canvas, ctx, p, (60, 62, 112, 114), 26, (255, 255, 255))
    canvas.text((126, 88), p.name.full.zh, size=24, fill=INK, attribute_id="name", person_id=p.id, lang=lang,
                anchor="lm", max_width=W - 330)
    canvas.rounded_rect((W - 186, 68, W - 86, 108), 20, outline=red, width=2)
    canvas.text((W - 136, 88), "关注", size=21, fill=red, lang=lang, anchor="mm")
    d.ellipse((W - 58, 78, W - 38, 98), outline=INK, width=3)
    region = (0, 128, W, 748)
    scene_photo(canvas, ctx, region, [p], scene_for(p.frequent_places[0].en, ctx.rng), face_px=380)
    for i in range(3):
        x = W // 2 - 16 + 16 * i
        d.ellipse((x - 4, 764, x + 4, 772), fill=red if i == 0 else (210, 210, 214))
    line1, line2 = post_caption(ctx, companion(ctx), lang)
    text_pieces(canvas, (28, 826), line1, size=30, lang=lang, max_width=W - 56, fill=INK, style="bold",
                fills={i: link for i, part in enumerate(line1) if part[1] == "name"})
    text_pieces(canvas, (28, 874), line2, size=25, lang=lang, max_width=W - 56, fill=INK)
    canvas.text((28, 914), "#周末去哪儿 #城市漫步", size=23, fill=link, lang=lang, anchor="ls")
    pin(canvas, (36, 944), 7, GREY)
    canvas.text((52, 958), p.home.city.zh, size=21, fill=GREY, attribute_id="home_city", person_id=p.id,
                lang=lang, anchor="ls")
    hb = canvas.text((28, 998), f"{when(ctx, lang)} · 拾光号：", size=19, fill=GREY, lang=lang, anchor="ls")
    canvas.text((hb[2] + 4, 998), p.contact.social_handle, size=19, fill=GREY, attribute_id="social_handle",
                person_id=p.id, lang=lang, anchor="ls")
    d.line([(28, 1018), (W - 28, 1018)], fill=(232, 232, 236))
    canvas.text((28, 1054), f"共 {ctx.rng.randint(3, 90)} 条评论", size=20, fill=INK, lang=lang, anchor="ls")
    _comments(canvas, ctx, 1070, NICKS_ZH, COMMENTS_ZH, INK, GREY, lang)
    d.line([(0, H - 90), (W, H - 90)], fill=(232, 232, 236))
    canvas.rounded_rect((24, H - 74, 300, H - 26), 24, fill=(244, 244, 246))
    canvas.text((50, H - 50), "说点什么...", size=20, fill=GREY, lang=lang, anchor="lm")
    heart(canvas, (360, H - 50), 13, fill=None, outline=INK)
    canvas.text((382, H - 50), str(ctx.rng.randint(20, 900)), size=19, fill=INK, lang=lang, anchor="lm")
    d.polygon([(480, H - 64), (486, H - 54), (498, H - 53), (489, H - 45), (492, H - 34), (480, H - 40),
               (468, H - 34), (471, H - 45), (462, H - 53), (474, H - 54)], outline=INK, width=2)
    canvas.text((506, H - 50), str(ctx.rng.randint(5, 400)), size=19, fill=INK, lang=lang, anchor="lm")
    d.ellipse((590, H - 64, 618, H - 36), outline=INK, width=3)
    canvas.text((626, H - 50), str(ctx.rng.randint(3, 90)), size=19, fill=INK, lang=lang, anchor="lm")
