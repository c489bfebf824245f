"""A second bank card design: the vertical card with a flat-printed number, as newer cards are issued.

Same attributes as the embossed landscape card (bank, card number, holder name); the card stands upright, the
chip is turned with it, and the number, holder and expiry are printed flat and small near the foot instead of
embossed across the middle.
"""

from __future__ import annotations

import functools

from PIL import Image

from multipriv.render.canvas import RGB, Canvas
from multipriv.render.documents.base import DocContext, Rendered
from multipriv.render.documents.designs import register
from multipriv.render.documents.identity import val
from multipriv.render.documents.identity_cards import _CARD_PALETTES, _bank_mark, _card_face, group_card_number


@functools.lru_cache(maxsize=16)
def _upright_face(bank: str) -> tuple[Image.Image, int]:
    """The landscape card face turned upright (chip at the top), on the same surface."""
    img, idx = _card_face(bank, 1000, 630)
    return img.transpose(Image.Transpose.ROTATE_270), idx


@register("bank_card", "zh", "vertical")
@register("bank_card", "en", "vertical")
def vertical_card(ctx: DocContext) -> Rendered:
    """Upright card: bank at the top, chip below it, number and holder printed flat near the foot."""
    p, pid, zh = ctx.person, ctx.person.id, ctx.lang == "zh"
    fin = p.financial
    bank = val(p, "bank")
    bg, idx = _upright_face(bank.en)
    c = Canvas.from_image(bg)  # 630 x 1000; the card spans x 24..608, y 24..976
    white: RGB = (255, 255, 255)
    soft: RGB = (236, 236, 242)
    _bank_mark(c, 500, 60, bank.en)
    if zh:
        c.text((70, 100), bank.zh, size=36, style="bold", fill=white, attribute_id="bank", person_id=pid,
               lang="zh", anchor="ls", max_width=410)
        c.text((72, 132), bank.en.upper(), size=16, fill=soft, attribute_id="bank", person_id=pid, lang="en",
               anchor="ls", max_width=410)
    else:
        c.text((70, 104), bank.en, size=32, style="bold", fill=white, attribute_id="bank", person_id=pid,
               lang="en", anchor="ls", max_width=410)
    c.text((70, 700), "借记卡 DEBIT" if zh else "debit", size=26, fill=soft, lang="zh" if zh else "en",
           anchor="ls")
    c.line([(70, 730), (560, 730)], fill=soft, width=1)
    number = group_card_number(fin.card_number)
    c.text((70, 790), number, size=34, style="mono", fill=white, attribute_id="bank_card", person_id=pid,
           lang="en", anchor="ls", max_width=490)
    holder = p.name.passport if zh else p.name.full.en.upper()
    c.text((70, 850), holder, size=26, style="mono", fill=white, attribute_id="name", person_id=pid, lang="en",
           anchor="ls", max_width=490)
    c.text((70, 900), "有效期 VALID THRU" if zh else "VALID THRU", size=15, fill=soft, lang="zh" if zh else "en",
           anchor="ls")
    c.text((70, 936), fin.card_expiry, size=26, style="mono", fill=white, lang="en", anchor="ls")
    c.rounded_rect((420, 890, 560, 946), 10, fill=(250, 250, 250))
    c.text((490, 918), "DEBIT", size=28, style="bold", fill=_CARD_PALETTES[idx][0], lang="en", anchor="mm")
    c.check_inside()
    _, _, colour_en, colour_zh = _CARD_PALETTES[idx]
    return Rendered(c, "zh" if zh else "en", (pid,), {"colour_en": colour_en, "colour_zh": colour_zh,
                                                      "date": ctx.date.isoformat(), "emboss": "flat"})
