"""Phone screenshots: a post on a social app (here) and a chat in a messaging app (`chat`), apps fictional.

Screenshots are where people leak the most without meaning to: a caption tags a friend and a place, a chat
bubble carries a home address. Both kinds draw their own phone chrome (`phone_chrome`) so they read as
screenshots, not as documents. Each language has two app designs: for English a purple photo feed and a dark
text-first timeline (`social_b`); for Chinese a friends feed under a cover photo and a photo-notes app.
"""

from __future__ import annotations

from multipriv.render.annotations import Lang
from multipriv.render.canvas import Canvas
from multipriv.render.documents import chat  # noqa: F401  (registers the chat kind)
from multipriv.render.documents.base import DocContext, Rendered, document
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
    nav_icons,
    pin,
    post_caption,
    status_bar,
    when,
)
from multipriv.render.documents.photos import SCENES, scene_cover, scene_for, scene_photo, text_pieces
from multipriv.render.documents.printed_dates import pick_design
from multipriv.render.documents.social_b import social_en_dim, social_zh_notes
from multipriv.render.faces import random_view

__all__ = ["GREY", "INK", "H", "W", "status_bar"]


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
    line1, line2 = post_caption(ctx, companion(ctx), lang)
    text_pieces(canvas, (24, 978), line1, size=24, lang=lang, max_width=W - 48, fill=INK)
    text_pieces(canvas, (24, 1014), line2, size=24, lang=lang, max_width=W - 48, fill=INK)
    canvas.text((24, 1048), "#weekend #goodtimes", size=22, fill=(40, 90, 170), lang=lang, anchor="ls")
    canvas.text((24, 1084), f"View all {ctx.rng.randint(3, 60)} comments", size=21, fill=GREY, lang=lang,
                anchor="ls")
    for k, (nick, said) in enumerate(zip(ctx.rng.sample(NICKS_EN, 2), ctx.rng.sample(COMMENTS_EN, 2),
                                         strict=True)):
        text_pieces(canvas, (24, 1118 + 32 * k), [(nick, None, None), ("  " + said, None, None)], size=21,
                    lang=lang, max_width=W - 48, fill=INK)
    canvas.text((24, 1188), when(ctx, lang), size=17, fill=GREY, lang=lang, anchor="ls")
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
    line1, line2 = post_caption(ctx, companion(ctx), lang)
    text_pieces(canvas, (124, 648), line1, size=25, lang=lang, max_width=W - 150, fill=INK,
                fills={i: link for i, part in enumerate(line1) if part[1] == "name"})
    text_pieces(canvas, (124, 686), line2, size=25, lang=lang, max_width=W - 150, fill=INK)
    scene_photo(canvas, ctx, (124, 706, 544, 1056), [p], scene_for(p.frequent_places[0].en, ctx.rng), face_px=320)
    pin(canvas, (132, 1076), 6, link)
    canvas.text((146, 1088), p.home.city.zh, size=21, fill=link, attribute_id="home_city", person_id=p.id,
                lang=lang, anchor="ls")
    canvas.text((124, 1124), when(ctx, lang), size=19, fill=GREY, lang=lang, anchor="ls")
    canvas.rounded_rect((W - 80, 1104, W - 28, 1132), 5, fill=(238, 240, 244))
    for i in (0, 1):
        canvas.draw.ellipse((W - 64 + i * 16, 1114, W - 56 + i * 16, 1122), fill=link)
    # likes and comments box
    canvas.rect((124, 1144, W - 28, 1262), fill=(243, 243, 245))
    heart(canvas, (146, 1170), 10, fill=None, outline=link)
    nicks = ctx.rng.sample(NICKS_ZH, 4)
    canvas.text((166, 1180), "，".join(nicks), size=21, fill=link, lang=lang, anchor="ls")
    canvas.line([(124, 1194), (W - 28, 1194)], fill=(224, 224, 228))
    for k, (nick, said) in enumerate(zip(ctx.rng.sample(nicks, 2), ctx.rng.sample(COMMENTS_ZH, 2), strict=True)):
        text_pieces(canvas, (138, 1224 + 30 * k), [(nick, None, None), ("：" + said, None, None)], size=20,
                    lang=lang, max_width=W - 190, fill=INK, fills={0: link})


@document("social_post", title=("social media post", "社交媒体动态"))
def render_social_post(ctx: DocContext) -> Rendered:
    """A screenshot of the person's own post: their face, name, handle, city, a friend and a place."""
    canvas = Canvas(W, H, (255, 255, 255))
    zh = ctx.lang == "zh"
    design = pick_design(ctx, ("moments", "notes") if zh else ("feed", "dim"))
    draw, colours = {"moments": (_social_zh, ("orange", "橙色")), "feed": (_social_en, ("purple", "紫色")),
                     "notes": (social_zh_notes, ("red", "红色")),
                     "dim": (social_en_dim, ("dark blue", "深蓝色"))}[design]
    draw(canvas, ctx)
    canvas.check_inside()
    ids = [ctx.person.id] + [f.person_id for f in canvas.fields if f.person_id != ctx.person.id]
    return Rendered(canvas, lang=ctx.lang, person_ids=tuple(dict.fromkeys(ids)),
                    meta={"colour_en": colours[0], "colour_zh": colours[1], "date": ctx.date.isoformat(),
                          "design": design})
