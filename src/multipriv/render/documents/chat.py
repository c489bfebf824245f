"""A chat screenshot in a messaging app (fictional): the person sends their home address, phone or both.

Two designs per language: for English a white app with blue bubbles or a teal app with timestamps in the
bubbles over a beige wallpaper; for Chinese a grey app with square avatars and green bubbles, or a light app
with round avatars and blue bubbles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from multipriv.render.annotations import Lang
from multipriv.render.canvas import RGB, Canvas
from multipriv.render.documents.base import DocContext, Rendered, document
from multipriv.render.documents.phone_chrome import GREY, INK, H, W, avatar, companion, status_bar
from multipriv.render.documents.photos import Piece, text_pieces
from multipriv.render.documents.printed_dates import pick_design
from multipriv.render.faces import random_view
from multipriv.world.schema import Person

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


def render_chat_b(canvas: Canvas, ctx: DocContext, partner: Person | None, lang: Lang) -> None:
    """The second app: en a teal app over a beige wallpaper, no avatars, a time in every bubble; zh a light app
    with round avatars on both sides and blue bubbles."""
    zh = lang == "zh"
    head: RGB = (236, 244, 252) if zh else (0, 94, 84)
    bg: RGB = (244, 246, 250) if zh else (236, 229, 221)
    mine: RGB = (30, 144, 230) if zh else (217, 247, 196)
    head_ink: RGB = INK if zh else (255, 255, 255)
    canvas.rect((0, 0, W, H), fill=bg)
    status_bar(canvas, ctx, dark_text=zh, lang=lang, bg=head)
    canvas.rect((0, 48, W, 140), fill=head)
    partner_name = partner.name.full.get(lang) if partner else ("小林" if zh else "Alex")
    pid = partner.id if partner else None
    attr = "name" if partner else None
    d = canvas.draw
    d.line([(38, 78), (24, 94), (38, 110)], fill=(30, 144, 230) if zh else head_ink, width=4)
    if zh:
        canvas.text((W // 2, 86), partner_name, size=28, fill=INK, attribute_id=attr, person_id=pid, lang=lang,
                    anchor="mm", max_width=420)
        canvas.text((W // 2, 120), "手机在线", size=16, fill=GREY, lang=lang, anchor="mm")
        d.line([(W - 64, 84), (W - 34, 84)], fill=INK, width=3)
        d.line([(W - 64, 96), (W - 34, 96)], fill=INK, width=3)
        d.line([(W - 64, 108), (W - 34, 108)], fill=INK, width=3)
    else:
        x = 56
        if partner:
            avatar(canvas, ctx, partner, (56, 62, 122, 128), 33, head)
            x = 136
        canvas.text((x, 68), partner_name, size=26, fill=head_ink, attribute_id=attr, person_id=pid, lang=lang,
                    anchor="la", max_width=W - x - 150)
        canvas.text((x, 108), "online", size=17, fill=(200, 230, 224), lang=lang)
        canvas.rounded_rect((W - 130, 84, W - 100, 106), 4, outline=head_ink, width=3)
        d.polygon([(W - 100, 95), (W - 88, 86), (W - 88, 104)], outline=head_ink, width=2)
        d.arc((W - 58, 80, W - 30, 108), 90, 200, fill=head_ink, width=4)
    top, bottom = 140, 1176
    # tighter than the first app: the longest reveal (address on two lines and the phone) must still fit
    size, line_h, pad, gap = 25, 35, 11, 10
    stamp_h = 0 if zh else 16
    av = 64 if zh else 0
    max_w = 420 if zh else 480
    msgs = _conversation(ctx, canvas, lang, max_w, bottom - top - 90,
                         lambda ms: sum(len(lines) * line_h + 2 * pad + stamp_h + gap for _, lines in ms))
    y = top + 22
    hour, minute = ctx.rng.randint(8, 20), ctx.rng.randrange(50)
    chip = f"{_CHAT[lang].yesterday} {hour:02d}:{minute:02d}" if zh else "YESTERDAY"
    cw = canvas.measure(chip, size=18)[0] + 28
    canvas.rounded_rect((W // 2 - cw // 2, y, W // 2 + cw // 2, y + 34), 10,
                        fill=(226, 230, 236) if zh else (225, 245, 254))
    canvas.text((W // 2, y + 17), chip, size=18, fill=GREY if zh else (84, 101, 111), lang=lang, anchor="mm")
    y += 56
    faces = {}
    for me, lines in msgs:
        h = len(lines) * line_h + 2 * pad + stamp_h
        widths = [canvas.measure("".join(t for t, _, _ in ln), size=size)[0] for ln in lines]
        bw = min(max_w, max(widths)) + 2 * pad + 4 + (0 if zh else 70)
        if zh:
            who = ctx.person if me else partner
            if who is not None:
                if who.id not in faces:
                    faces[who.id] = ctx.faces.face(who.id, who.face, random_view(ctx.rng), 96)
                ax = W - 18 - av if me else 18
                avatar(canvas, ctx, who, (ax, y, ax + av, y + av), av // 2, bg, image=faces[who.id])
            x0 = W - 18 - av - 12 - bw if me else 18 + av + 12
        else:
            x0 = W - 22 - bw if me else 22
        canvas.rounded_rect((x0, y, x0 + bw, y + h), 16 if zh else 10,
                            fill=mine if me else (255, 255, 255))
        ink: RGB = (255, 255, 255) if zh and me else INK
        for k, ln in enumerate(lines):
            text_pieces(canvas, (x0 + pad + 2, y + pad + k * line_h + 27), ln, size=size, lang=lang,
                        max_width=max_w, fill=ink)
        if not zh:
            minute = (minute + ctx.rng.randint(0, 2)) % 60
            canvas.text((x0 + bw - 12, y + h - 6), f"{hour % 12 or 12}:{minute:02d} {'PM' if hour >= 12 else 'AM'}",
                        size=15, fill=(110, 120, 126), lang=lang, anchor="rs")
        y += h + gap
    canvas.rect((0, bottom, W, H), fill=(255, 255, 255) if zh else bg)
    if zh:
        d.line([(0, bottom), (W, bottom)], fill=(220, 224, 230))
        canvas.rounded_rect((24, bottom + 18, W - 140, bottom + 70), 26, fill=(244, 246, 250))
        canvas.rounded_rect((W - 120, bottom + 20, W - 24, bottom + 68), 24, fill=(30, 144, 230))
        canvas.text((W - 72, bottom + 44), "发送", size=22, fill=(255, 255, 255), lang=lang, anchor="mm")
    else:
        canvas.rounded_rect((16, bottom + 16, W - 96, bottom + 72), 28, fill=(255, 255, 255))
        canvas.text((48, bottom + 44), "Message", size=22, fill=GREY, lang=lang, anchor="lm")
        d.ellipse((W - 82, bottom + 14, W - 18, bottom + 78), fill=(0, 168, 132))
        canvas.rounded_rect((W - 58, bottom + 28, W - 42, bottom + 54), 8, fill=(255, 255, 255))
        d.arc((W - 64, bottom + 36, W - 36, bottom + 62), 0, 180, fill=(255, 255, 255), width=3)
    canvas.rounded_rect((W // 2 - 70, H - 14, W // 2 + 70, H - 8), 3, fill=INK)


@document("chat_screenshot", title=("chat screenshot", "聊天截图"))
def render_chat_screenshot(ctx: DocContext) -> Rendered:
    """A chat with a friend who greets the person by nickname or given name, in which the person sends their
    home address, their phone number or both."""
    canvas = Canvas(W, H)
    zh = ctx.lang == "zh"
    design = pick_design(ctx, ("green", "blue") if zh else ("blue", "teal"))
    partner = companion(ctx)
    first = design == ("green" if zh else "blue")
    (render_chat if first else render_chat_b)(canvas, ctx, partner, ctx.lang)
    canvas.check_inside()
    colours = {"green": ("green", "绿色"), "blue": ("blue", "蓝色"), "teal": ("teal", "青绿色")}[design]
    return Rendered(canvas, lang=ctx.lang, person_ids=(ctx.person.id, *([partner.id] if partner else [])),
                    meta={"colour_en": colours[0], "colour_zh": colours[1], "date": ctx.date.isoformat(),
                          "design": design})
