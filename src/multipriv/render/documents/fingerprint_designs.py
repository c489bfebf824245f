"""A second fingerprint record design: the landscape applicant card (FD-258 style, 十指指纹卡).

Same attributes as the portrait form in `identity_cards` (name, sex, birth date, ID or licence number, the
right thumb's pattern class, the signature), but as boxed fields with their captions inside the boxes, the name
written "FAMILY, GIVEN", the birth date as 1989-03-12, and the ten prints in one band across the card.
"""

from __future__ import annotations

import functools

from PIL import Image, ImageOps

from multipriv.render.annotations import Lang
from multipriv.render.canvas import RGB, Canvas
from multipriv.render.decor import barcode, paper_texture
from multipriv.render.documents.base import DocContext, Rendered
from multipriv.render.documents.designs import register
from multipriv.render.documents.doc_kit import stable_seed
from multipriv.render.documents.identity import sign, val
from multipriv.render.documents.identity_cards import _FINGERS, _POOL, _ink, _pattern_of, _print
from multipriv.render.documents.printed_dates import iso

_FORM: RGB = (150, 40, 40)  # the card's pre-printed ink; values are typed in black
_TYPED: RGB = (20, 20, 24)


@functools.lru_cache(maxsize=2)
def _card_background(w: int, h: int) -> Image.Image:
    return paper_texture(Image.new("RGB", (w, h), (250, 248, 240)), 17, strength=0.7)


def _box(c: Canvas, box: tuple[int, int, int, int], caption: str, lang: Lang) -> None:
    """A form box with its caption in the top-left corner."""
    c.rect(box, outline=_FORM, width=2)
    c.text((box[0] + 8, box[1] + 20), caption, size=14, fill=_FORM, lang=lang, anchor="ls", max_width=box[2] - box[0]
           - 16)


@register("fingerprint_record", "zh", "applicant_card")
@register("fingerprint_record", "en", "applicant_card")
def applicant_card(ctx: DocContext) -> Rendered:
    """Landscape card: boxed identity fields on top, thumb and class at the right, ten prints in a band."""
    p, pid, zh = ctx.person, ctx.person.id, ctx.lang == "zh"
    lang: Lang = ctx.lang
    en_name, zh_name, pattern = _pattern_of(p.fingerprint.en)
    c = Canvas.from_image(_card_background(1240, 860))
    c.text((40, 56), "十指指纹卡" if zh else "APPLICANT FINGERPRINT CARD", size=34, style="bold", fill=_FORM,
           lang=lang, anchor="ls")
    serial = f"{stable_seed('fp-card', pid, ctx.date) % 10**9:09d}"
    c.paste(barcode(200, 34, serial), (1000, 26))
    c.text((1200, 82), f"卡号 {serial}" if zh else f"CARD {serial}", size=15, fill=_FORM, lang=lang, anchor="rs")
    # row 1: name, signature; row 2: sex, birth date, identifier
    name = val(p, "name").zh if zh else f"{p.name.family.en.upper()}, {p.name.given.en.upper()}"
    _box(c, (40, 96, 620, 170), "姓名" if zh else "NAME (LAST, FIRST)", lang)
    c.text((52, 158), name, size=34, style="mono", fill=_TYPED, attribute_id="name", person_id=pid, lang=lang,
           anchor="ls", max_width=556)
    _box(c, (620, 96, 1200, 170), "本人签名" if zh else "SIGNATURE OF PERSON FINGERPRINTED", lang)
    sign(c, p, (660, 118, 1100, 168), lang)
    _box(c, (40, 170, 200, 244), "性别" if zh else "SEX", lang)
    c.text((52, 230), val(p, "gender").get(lang), size=28, style="mono", fill=_TYPED, attribute_id="gender",
           person_id=pid, lang=lang, anchor="ls", max_width=140)
    _box(c, (200, 170, 460, 244), "出生年月日" if zh else "DATE OF BIRTH", lang)
    c.text((212, 230), iso(p.birth_date), size=28, style="mono", fill=_TYPED, attribute_id="birth_date",
           person_id=pid, lang=lang, anchor="ls", max_width=236)
    id_attr = "id_number" if zh else "license_number"
    _box(c, (460, 170, 900, 244), "身份证件号码" if zh else "DRIVER LICENSE / STATE ID NO.", lang)
    c.text((472, 230), val(p, id_attr).get(lang), size=28, style="mono", fill=_TYPED, attribute_id=id_attr,
           person_id=pid, lang=lang, anchor="ls", max_width=416)
    _box(c, (900, 170, 1200, 244), "采集日期" if zh else "DATE PRINTED", lang)
    c.text((912, 230), iso(ctx.date), size=24, style="mono", fill=_TYPED, lang=lang, anchor="ls", max_width=276)
    # the ten prints, right hand above left hand
    bw, bh, x0, top = 192, 250, 40, 262
    thumb_seed = stable_seed("finger", pid, "R", 0)
    for row, (hand_zh, hand_en) in enumerate((("右手", "R."), ("左手", "L."))):
        y = top + row * bh
        for f, (fz, fe) in enumerate(_FINGERS):
            x = x0 + f * bw
            c.rect((x, y, x + bw + 1, y + bh + 1), outline=_FORM, width=2)
            c.text((x + 8, y + 20), f"{f + 1 + 5 * row}. {hand_zh}{fz}" if zh else f"{f + 1 + 5 * row}. {hand_en} "
                   f"{fe.upper()}", size=14, fill=_FORM, lang=lang, anchor="ls")
            if row == 0 and f == 0:
                img = _print(pattern, thumb_seed, 200)
            else:
                img = _print(pattern, stable_seed("pool", pattern, (row * 5 + f) % _POOL) % 2**32, 200)
                img = img.rotate(ctx.rng.uniform(-12, 12), fillcolor=255, resample=Image.Resampling.BICUBIC)
            if row == 1:
                img = ImageOps.mirror(img)
            _ink(c, img, (x + (bw - 200) // 2, y + 36))
    # the classification panel at the right
    px = x0 + 5 * bw + 20
    c.rect((px, top, 1200, top + 2 * bh), outline=_FORM, width=2)
    c.text((px + 12, top + 30), "右拇指纹型" if zh else "R. THUMB CLASS", size=16, fill=_FORM, lang=lang,
           anchor="ls", max_width=1200 - px - 24)
    c.text((px + 12, top + 80), zh_name if zh else en_name, size=30, style="bold", fill=_TYPED,
           attribute_id="fingerprint", person_id=pid, lang=lang, anchor="ls", max_width=1200 - px - 24)
    notes = ["活体采集", "500 dpi", "质量合格"] if zh else ["LIVE SCAN", "500 DPI", "QUALITY OK"]
    for i, note in enumerate(notes):
        c.text((px + 12, top + 140 + 34 * i), note, size=16, fill=_FORM, lang=lang, anchor="ls")
    officer = f"{stable_seed('officer', p.home.city.en) % 90000 + 10000}"
    c.text((40, 800), f"采集人编号 {officer}" if zh else f"OFFICIAL TAKING FINGERPRINTS  No. {officer}", size=18,
           fill=_FORM, lang=lang, anchor="ls")
    c.text((1200, 800), "请勿折叠" if zh else "LEAVE THIS SPACE BLANK", size=16, fill=_FORM, lang=lang, anchor="rs")
    c.check_inside()
    return Rendered(c, lang, (pid,), {"colour_en": "cream", "colour_zh": "米黄色", "date": ctx.date.isoformat()})
