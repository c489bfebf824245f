"""A second boarding pass design: the thermal-printed ATB card with its stub on the left.

Same facts as the counter pass in `travel` (name, route in both languages, flight, date and seat twice: on
the pass and on the stub), but typed by a thermal printer in a monospaced face over a pre-printed form: the
labels read "Passenger / 旅客", "Flight No. / 航班号"..., the route starts with the airport codes, and dates
are printed 03/12/2024 (English passes) or 2024-03-12 (Chinese passes).
"""

from __future__ import annotations

import functools

from PIL import Image

from multipriv.render.annotations import Box, Lang
from multipriv.render.canvas import RGB, Canvas
from multipriv.render.decor import barcode, paper_texture
from multipriv.render.documents.base import DocContext, Rendered
from multipriv.render.documents.designs import register
from multipriv.render.documents.printed_dates import iso, us_slashes
from multipriv.render.documents.travel import _LIVERIES, _city, _seed, pdf417_like
from multipriv.world.schema import Flight

_TYPED: RGB = (28, 28, 34)
_CAPTION: RGB = (110, 110, 120)


def _route(f: Flight, lang: Lang) -> str:
    """Codes first: "PVG 上海 → PEK 北京"."""
    return f"{f.origin_code} {_city(f.origin.get(lang), lang)} → {f.destination_code} " \
           f"{_city(f.destination.get(lang), lang)}"


@functools.lru_cache(maxsize=16)
def _thermal_background(colour: RGB) -> Image.Image:
    w, h = 1000, 400
    c = Canvas(w, h, (250, 250, 250))
    c.rect((270, 0, w, 58), fill=colour)
    c.rect((0, 0, 256, 40), fill=colour)
    for y in range(0, h, 12):  # perforation between stub (left) and pass
        c.line([(262, y), (262, y + 6)], fill=(160, 160, 160), width=2)
    c.rect((270, h - 8, w, h), fill=colour)
    return paper_texture(c.image, _seed("thermal", colour), 0.4)


def _typed(c: Canvas, x: int, y: int, caption: str, value: str, *, size: int = 24, attr: str | None = None,
           pid: str | None = None, lang: Lang = "en", width: int = 200, caption_lang: Lang = "en") -> Box:
    """A pre-printed caption with the thermal-printed value under it."""
    c.text((x, y), caption, size=13, fill=_CAPTION, lang=caption_lang, max_width=width)
    return c.text((x, y + 20), value, size=size, style="mono", fill=_TYPED, attribute_id=attr,
                  person_id=pid if attr else None, lang=lang, max_width=width)


@register("boarding_pass", "zh", "thermal_pass")
@register("boarding_pass", "en", "thermal_pass")
def thermal_pass(ctx: DocContext) -> Rendered:
    """Stub on the left, pass on the right under a livery band; values in a monospaced thermal print."""
    p, f, pid = ctx.person, ctx.person.flights[0], ctx.person.id
    zh = ctx.lang == "zh"
    main: Lang = "zh" if zh else "en"
    other: Lang = "en" if zh else "zh"
    colour, c_en, c_zh = _LIVERIES[_seed(f.airline.en) % len(_LIVERIES)]
    c = Canvas.from_image(_thermal_background(colour))
    white: RGB = (255, 255, 255)
    when = iso(f.date) if zh else us_slashes(f.date)  # "Oct 4" in the mono face reads back as "0ct4"
    # the pass
    x0 = 290
    c.text((x0, 30), f.airline.get(main), size=26, style="bold", fill=white, lang=main, anchor="lm", max_width=380)
    c.text((976, 30), "登机牌  BOARDING PASS" if zh else "BOARDING PASS  登机牌", size=20, fill=white, lang=main,
           anchor="rm")
    if zh:
        nb = _typed(c, x0, 74, "旅客 Passenger", p.name.full.zh, size=28, attr="name", pid=pid, lang="zh",
                    width=300, caption_lang="zh")
        c.text((nb[2] + 16, nb[3]), p.name.passport, size=20, style="mono", fill=_TYPED, attribute_id="name",
               person_id=pid, lang="en", anchor="ls", max_width=max(40, 960 - nb[2] - 16))
    else:
        _typed(c, x0, 74, "Passenger / 旅客", p.name.passport, size=26, attr="name", pid=pid, width=660)
    _typed(c, x0, 140, "航程 Route" if zh else "Route / 航程", _route(f, main), size=24, attr="flight_route",
           pid=pid, lang=main, width=680, caption_lang=main)
    c.text((x0, 208), _route(f, other), size=16, fill=_CAPTION, attribute_id="flight_route", person_id=pid,
           lang=other, max_width=680)
    cols = (x0, x0 + 150, x0 + 380, x0 + 500, x0 + 590)
    _typed(c, cols[0], 244, "航班号 Flight No." if zh else "Flight No. / 航班号", f.number, attr="flight_number",
           pid=pid, width=140, caption_lang=main)
    _typed(c, cols[1], 244, "日期 Date" if zh else "Date / 日期", when, size=22, attr="flight_date", pid=pid,
           lang=main, width=220, caption_lang=main)
    _typed(c, cols[2], 244, "登机口 Gate" if zh else "Gate / 登机口", f.gate, width=110, caption_lang=main)
    _typed(c, cols[3], 244, "登机 Board" if zh else "Boards", f.boarding_time, size=22, width=86, caption_lang=main)
    _typed(c, cols[4], 244, "座位号 Seat" if zh else "Seat / 座位号", f.seat, size=34, attr="flight_seat", pid=pid,
           width=120, caption_lang=main)
    _typed(c, cols[0], 316, "舱位 Class" if zh else "Class", f.cabin.get(main), size=18, lang=main, width=140,
           caption_lang=main)
    _typed(c, cols[1], 316, "起飞 Departs" if zh else "Departs", f.departure_time, size=18, width=110,
           caption_lang=main)
    _typed(c, cols[1] + 120, 316, "航站楼 Terminal" if zh else "Terminal", f.terminal, size=18, width=100,
           caption_lang=main)
    code_data = f"M1{p.name.passport}{f.number}{f.seat}"
    c.paste(pdf417_like(250, 60, code_data), (722, 320))
    # the stub
    c.text((16, 20), f.airline.get(main), size=18, style="bold", fill=white, lang=main, anchor="lm", max_width=230)
    _typed(c, 16, 56, "旅客" if zh else "Passenger", p.name.passport, size=18, attr="name", pid=pid, width=230,
           caption_lang=main)
    _typed(c, 16, 118, "航班" if zh else "Flight", f.number, size=24, attr="flight_number", pid=pid, width=110,
           caption_lang=main)
    _typed(c, 136, 118, "座位" if zh else "Seat", f.seat, size=30, attr="flight_seat", pid=pid, width=110,
           caption_lang=main)
    _typed(c, 16, 184, "日期" if zh else "Date", when, size=18, attr="flight_date", pid=pid, lang=main, width=230,
           caption_lang=main)
    _typed(c, 16, 246, "到达" if zh else "To", f.destination_code, size=24, width=110, caption_lang=main)
    c.paste(barcode(220, 40, code_data), (16, 330))
    c.check_inside()
    return Rendered(c, lang="bi", person_ids=(pid,), meta={"colour_en": c_en, "colour_zh": c_zh,
                                                           "date": f.date.isoformat()})
