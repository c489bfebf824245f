"""Travel documents: a bilingual boarding pass, and a Chinese train ticket or a US ride-hailing receipt.

They carry the location trajectory (where the person flew or rode, when, in which seat) next to the name,
which is what makes them a linking hop: a boarding pass ties a name to a city on a date. Airlines and apps
are fictional; colours follow the airline so that passes of different carriers look different.
"""

from __future__ import annotations

import datetime as dt
import functools
import zlib

import numpy as np
from PIL import Image, ImageDraw

from multipriv.render.annotations import Box, Lang
from multipriv.render.canvas import RGB, Canvas
from multipriv.render.decor import barcode, emblem, guilloche, paper_texture, qr_like
from multipriv.render.documents.base import DocContext, Rendered, document
from multipriv.render.documents.designs import dispatch, register
from multipriv.render.documents.photos import text_pieces
from multipriv.render.documents.printed_dates import MONTHS, day_mon_year, zh_padded
from multipriv.render.documents.screens import GREY, INK, status_bar
from multipriv.world.schema import Flight

# airline livery colour and its name in both languages
_LIVERIES: tuple[tuple[RGB, str, str], ...] = (
    ((22, 56, 118), "navy blue", "藏青色"), ((0, 112, 122), "teal", "青色"), ((168, 32, 44), "red", "红色"),
    ((24, 112, 72), "green", "绿色"), ((92, 52, 132), "purple", "紫色"), ((200, 96, 20), "orange", "橙色"),
)


def _seed(*parts: object) -> int:
    return zlib.crc32("\x1f".join(map(str, parts)).encode("utf-8"))


def pdf417_like(width: int, height: int, data: str) -> Image.Image:
    """Stacked rows of bar codewords between start and stop patterns: the look of a boarding-pass PDF417."""
    rng = np.random.Generator(np.random.PCG64(_seed("pdf417", data)))
    rows, words = 10, 4
    start, stop = [8, 1, 1, 1, 1, 1, 1, 3], [7, 1, 1, 3, 1, 1, 1, 2, 1]
    lines = []
    for _ in range(rows):
        widths = list(start)
        for _ in range(words):
            w = rng.integers(1, 6, 8)
            while w.sum() != 17:  # every codeword is 17 modules wide
                i = int(rng.integers(0, 8))
                w[i] = max(1, min(6, w[i] + (1 if w.sum() < 17 else -1)))
            widths += w.tolist()
        widths += stop
        row = np.concatenate([np.full(k, 0 if i % 2 == 0 else 255, np.uint8) for i, k in enumerate(widths)])
        lines.append(row)
    grid = np.stack(lines)
    img = Image.fromarray(grid, "L").resize((width, height), Image.Resampling.NEAREST)
    return img.convert("RGB")


def _city(name: str, lang: Lang) -> str:
    """Chinese city names without the administrative suffix, as tickets print them (广州市 -> 广州)."""
    return name[:-1] if lang == "zh" and name.endswith("市") and len(name) > 2 else name


def _route(f: Flight, lang: Lang) -> str:
    return f"{_city(f.origin.get(lang), lang)} {f.origin_code} → {_city(f.destination.get(lang), lang)} " \
           f"{f.destination_code}"


def _date(d: dt.date, lang: Lang) -> str:
    return zh_padded(d) if lang == "zh" else day_mon_year(d)


def _cell(canvas: Canvas, x: int, y: int, label: tuple[str, str], value: str, *, size: int = 26,
          attr: str | None = None, pid: str | None = None, lang: Lang = "en", zh_first: bool = False,
          colour: RGB = INK, max_width: int = 200) -> Box:
    """A bilingual caption over a value, as on boarding passes."""
    cap = f"{label[1]} {label[0]}" if zh_first else f"{label[0]} {label[1]}"
    canvas.text((x, y), cap, size=14, fill=GREY, lang="zh" if zh_first else "en", max_width=max_width)
    return canvas.text((x, y + 22), value, size=size, fill=colour, attribute_id=attr, person_id=pid, lang=lang,
                       max_width=max_width)


@functools.lru_cache(maxsize=16)
def _pass_background(colour: RGB, zh: bool) -> Image.Image:
    w, h = 1000, 420
    c = Canvas(w, h, (252, 251, 247))
    guilloche((0, 0, 728, h), seed=_seed("pass", colour), colour=colour, canvas=c, alpha=14)
    if zh:
        c.rect((0, 0, 64, h), fill=colour)
        c.rect((64, h - 12, w, h), fill=colour)
        c.paste(emblem(48, _seed("em", colour), (255, 255, 255)), (8, 16))
    else:
        c.gradient_band((0, 0, w, 72), colour, tuple(min(255, v + 50) for v in colour))  # type: ignore[arg-type]
        c.paste(emblem(50, _seed("em", colour), (255, 255, 255)), (16, 11))
    for y in range(0, h, 14):  # perforation between pass and stub
        c.line([(730, y), (730, y + 7)], fill=(170, 170, 170), width=2)
    return paper_texture(c.image, _seed("paper", colour, zh), 0.6)


@document("boarding_pass", title=("boarding pass", "登机牌"))
def render_boarding_pass(ctx: DocContext) -> Rendered:
    """A boarding pass in one of the designs of `designs.DESIGNS` (see `travel_designs`)."""
    return dispatch("boarding_pass", ctx)


@register("boarding_pass", "zh", "counter_pass")
@register("boarding_pass", "en", "counter_pass")
def counter_pass(ctx: DocContext) -> Rendered:
    """A boarding pass printed in English and Chinese, with a tear-off stub repeating name, flight and seat.

    Half the passes are printed the international way: the route as airport codes only and the name only in
    Latin letters (SURNAME GIVEN), so the destination city and a Chinese name must be worked out."""
    p, f = ctx.person, ctx.person.flights[0]
    zh = ctx.lang == "zh"
    codes_only = ctx.rng.random() < 0.5
    colour, c_en, c_zh = _LIVERIES[_seed(f.airline.en) % len(_LIVERIES)]
    canvas = Canvas.from_image(_pass_background(colour, zh))
    white: RGB = (255, 255, 255)
    x0 = 84 if zh else 28
    main_lang: Lang = "zh" if zh else "en"
    if zh:
        canvas.text((x0, 22), f.airline.zh, size=30, style="bold", fill=colour, lang="zh")
        canvas.text((x0, 60), f.airline.en.upper(), size=15, fill=colour, lang="en")
        canvas.text((712, 22), "登机牌", size=30, style="bold", fill=colour, lang="zh", anchor="ra")
        canvas.text((712, 60), "BOARDING PASS", size=15, fill=colour, lang="en", anchor="ra")
        canvas.line([(x0, 86), (712, 86)], fill=colour, width=2)
    else:
        canvas.text((78, 12), f.airline.en, size=27, fill=white, lang="en")
        canvas.text((78, 46), f.airline.zh, size=17, fill=white, lang="zh")
        canvas.text((712, 12), "BOARDING PASS", size=27, fill=white, lang="en", anchor="ra")
        canvas.text((712, 46), "登机牌", size=17, fill=white, lang="zh", anchor="ra")
    # passenger and route
    y = 100
    name_lab = ("NAME OF PASSENGER", "旅客姓名")
    if zh and not codes_only:
        nb = _cell(canvas, x0, y, name_lab, p.name.full.zh, size=30, attr="name", pid=p.id, lang="zh",
                   zh_first=True, max_width=300)
        canvas.text((nb[2] + 18, nb[3]), p.name.passport, size=22, fill=INK, attribute_id="name", person_id=p.id,
                    lang="en", anchor="ls", max_width=640 - nb[2])
    else:
        _cell(canvas, x0, y, name_lab, p.name.passport, size=28, attr="name", pid=p.id, lang="en", zh_first=zh,
              max_width=640)
    y = 170
    first: Lang = "zh" if zh else "en"
    second: Lang = "en" if zh else "zh"
    if codes_only:
        _cell(canvas, x0, y, ("FROM / TO", "航程"), f"{f.origin_code} → {f.destination_code}", size=32,
              attr="flight_route", pid=p.id, lang="en", zh_first=zh, colour=colour, max_width=620)
    else:
        _cell(canvas, x0, y, ("FROM / TO", "航程"), _route(f, first), size=28, attr="flight_route", pid=p.id,
              lang=first, zh_first=zh, colour=colour, max_width=620)
        canvas.text((x0, y + 62), _route(f, second), size=18, fill=(70, 70, 70), attribute_id="flight_route",
                    person_id=p.id, lang=second, max_width=620)
    # the grid of flight facts
    y = 262
    step = (712 - x0) // 5
    _cell(canvas, x0, y, ("FLIGHT", "航班"), f.number, attr="flight_number", pid=p.id, zh_first=zh,
          max_width=step - 10)
    _cell(canvas, x0 + step, y, ("DATE", "日期"), _date(f.date, main_lang), size=22 if zh else 24,
          attr="flight_date", pid=p.id, lang=main_lang, zh_first=zh, max_width=step + 30)
    _cell(canvas, x0 + 2 * step + 30, y, ("BOARDING", "登机"), f.boarding_time, zh_first=zh, max_width=step - 30)
    _cell(canvas, x0 + 3 * step + 10, y, ("GATE", "登机口"), f.gate, zh_first=zh, max_width=step - 10)
    _cell(canvas, x0 + 4 * step, y, ("SEAT", "座位"), f.seat, size=30, attr="flight_seat", pid=p.id,
          zh_first=zh, colour=colour, max_width=step - 10)
    y = 328
    _cell(canvas, x0, y, ("CLASS", "舱位"), f.cabin.get(main_lang), size=18, lang=main_lang, zh_first=zh,
          max_width=step - 10)
    _cell(canvas, x0 + step, y, ("TERMINAL", "航站楼"), f.terminal, size=18, zh_first=zh, max_width=step - 10)
    _cell(canvas, x0 + 2 * step + 30, y, ("DEPARTS", "起飞"), f.departure_time, size=18, zh_first=zh,
          max_width=step - 30)
    code_data = f"M1{p.name.passport}{f.number}{f.seat}"
    canvas.paste(pdf417_like(250, 56, code_data), (x0 + 3 * step + 10, 334))
    # stub
    sx = 752
    if not zh:
        canvas.text((sx, 24), f.airline.en, size=21, fill=white, lang="en", max_width=228)
    else:
        canvas.text((sx, 22), f.airline.zh, size=24, style="bold", fill=colour, lang="zh", max_width=228)
        canvas.line([(sx, 86), (976, 86)], fill=colour, width=2)
    if zh and not codes_only:
        sb = _cell(canvas, sx, 100, ("NAME", "姓名"), p.name.full.zh, size=24, attr="name", pid=p.id, lang="zh",
                   zh_first=True, max_width=110)
        canvas.text((sb[2] + 12, sb[3]), p.name.passport, size=17, fill=INK, attribute_id="name", person_id=p.id,
                    lang="en", anchor="ls", max_width=976 - sb[2] - 12)
    else:
        _cell(canvas, sx, 100, ("NAME", "姓名"), p.name.passport, size=22, attr="name", pid=p.id, zh_first=zh,
              max_width=224)
    _cell(canvas, sx, 170, ("FLIGHT", "航班"), f.number, size=24, attr="flight_number", pid=p.id, zh_first=zh,
          max_width=110)
    _cell(canvas, sx + 120, 170, ("TO", "到达"), f.destination_code, size=24, zh_first=zh, max_width=100)
    _cell(canvas, sx, 236, ("DATE", "日期"), _date(f.date, main_lang), size=20, attr="flight_date", pid=p.id,
          lang=main_lang, zh_first=zh, max_width=224)
    _cell(canvas, sx, 300, ("SEAT", "座位"), f.seat, size=30, attr="flight_seat", pid=p.id, zh_first=zh,
          colour=colour, max_width=110)
    _cell(canvas, sx + 120, 300, ("GATE", "登机口"), f.gate, size=24, zh_first=zh, max_width=100)
    canvas.paste(barcode(220, 26, code_data), (sx, 376))
    canvas.check_inside()
    return Rendered(canvas, lang="bi", person_ids=(p.id,),
                    meta={"colour_en": c_en, "colour_zh": c_zh, "date": f.date.isoformat()})


# ------------------------------------------------------------------------------------------ ground trips

@functools.lru_cache(maxsize=4)
def _train_background() -> Image.Image:
    w, h = 1000, 630
    c = Canvas(w, h, (206, 230, 244))
    guilloche((0, 0, w, h), seed=_seed("train"), colour=(60, 120, 180), canvas=c, alpha=26, families=3)
    c.rect((0, h - 72, w, h), fill=(176, 210, 232))
    c.rounded_rect((40, 452, 720, 530), 10, outline=(110, 150, 190), width=2)
    return paper_texture(c.image, _seed("train-paper"), 0.7)


def _train_ticket(ctx: DocContext) -> Canvas:
    """A high-speed rail ticket: stations, train, departure, carriage and seat, fare, masked ID and name."""
    p, t = ctx.person, ctx.person.trips[0]
    canvas = Canvas.from_image(_train_background())
    red: RGB = (200, 30, 36)
    serial = f"{chr(ctx.rng.randrange(65, 91))}{ctx.rng.randrange(10**6):06d}"
    canvas.text((48, 40), serial, size=30, style="mono", fill=red, lang="en")
    canvas.text((952, 44), f"{t.origin.zh.removesuffix('站')}售", size=24, fill=INK, lang="zh", anchor="ra")
    line = f"{t.origin.zh}→{t.destination.zh}"
    box = canvas.text((500, 168), line, size=48, style="bold", fill=INK, attribute_id="trip", person_id=p.id,
                      lang="zh", anchor="ms", max_width=860)
    canvas.text((500, 104), t.number, size=34, style="mono", fill=INK, lang="en", anchor="ms")
    canvas.text((box[0], 204), t.origin.en, size=20, fill=(60, 60, 70), lang="en", anchor="ls")
    canvas.text((box[2], 204), t.destination.en, size=20, fill=(60, 60, 70), lang="en", anchor="rs")
    d = t.date
    canvas.text((60, 270), f"{d.year}年{d.month:02d}月{d.day:02d}日 {t.departure_time}开", size=30, fill=INK,
                lang="zh", anchor="ls")
    canvas.text((640, 270), t.seat, size=30, fill=INK, lang="zh", anchor="ls")
    fare = f"¥{float(t.fare):.1f}元"
    canvas.text((60, 326), fare, size=30, fill=INK, lang="zh", anchor="ls")
    canvas.text((640, 326), ctx.rng.choice(["二等座", "一等座"]), size=30, fill=INK, lang="zh", anchor="ls")
    canvas.text((60, 370), "限乘当日当次车", size=20, fill=(60, 60, 70), lang="zh", anchor="ls")
    idn = p.documents.id_number or ""
    masked = f"{idn[:10]}****{idn[-4:]}" if len(idn) == 18 else ""
    x = 60
    if masked:
        mb = canvas.text((x, 424), masked, size=28, style="mono", fill=INK, attribute_id="id_number",
                         person_id=p.id, lang="zh", anchor="ls", masked=True)
        x = mb[2] + 18
    canvas.text((x, 424), p.name.full.zh, size=30, fill=INK, attribute_id="name", person_id=p.id, lang="zh",
                anchor="ls")
    canvas.text((380, 482), "报销凭证 遗失不补", size=22, fill=(50, 70, 100), lang="zh", anchor="ms")
    canvas.text((380, 514), "退票改签时须交回车站", size=22, fill=(50, 70, 100), lang="zh", anchor="ms")
    canvas.paste(qr_like(170, _seed("qr", p.id, t.number)), (770, 330))
    code = f"{ctx.rng.randrange(10**20):020d}{serial}"
    canvas.text((48, 604), code, size=20, style="mono", fill=(40, 60, 90), lang="en", anchor="ls")
    canvas.text((952, 604), f"{t.origin.zh.removesuffix('站')}售", size=20, fill=(40, 60, 90), lang="zh",
                anchor="rs")
    return canvas


@functools.lru_cache(maxsize=4)
def _map_tile(w: int, h: int) -> Image.Image:
    """A street map thumbnail: blocks, a park, a river (no names: it is a backdrop for the route)."""
    img = Image.new("RGB", (w, h), (236, 234, 228))
    d = ImageDraw.Draw(img)
    d.rectangle((int(w * 0.62), int(h * 0.1), int(w * 0.82), int(h * 0.42)), fill=(200, 226, 190))
    d.line([(0, int(h * 0.78)), (w * 0.4, h * 0.7), (w, h * 0.86)], fill=(178, 210, 236), width=18)
    for x in range(-20, w, 58):
        d.line([(x, 0), (x + 30, h)], fill=(255, 255, 255), width=5)
    for y in range(14, h, 46):
        d.line([(0, y), (w, y - 12)], fill=(255, 255, 255), width=4)
    d.line([(0, int(h * 0.35)), (w, int(h * 0.5))], fill=(250, 214, 140), width=9)
    return img


def _ride_receipt(ctx: DocContext) -> Canvas:
    """A ride-hailing app receipt: rider, route, pickup at home, drop-off at a frequent place, fare."""
    p, t = ctx.person, ctx.person.trips[0]
    green: RGB = (20, 150, 96)
    canvas = Canvas(720, 1280)
    status_bar(canvas, ctx, dark_text=True, lang="en")
    d = canvas.draw
    d.line([(38, 78), (24, 92), (38, 106)], fill=INK, width=3)
    d.line([(24, 92), (56, 92)], fill=INK, width=3)
    canvas.text((360, 92), "Receipt", size=26, fill=INK, lang="en", anchor="mm")
    canvas.text((696, 92), "Zipride", size=30, style="hand", fill=green, lang="en", anchor="rm")
    text_pieces(canvas, (32, 176), [("Thanks for riding, ", None, None), (p.name.full.en, "name", p.id)], size=30,
                lang="en", max_width=656, fill=INK)
    hh, mm = (int(v) for v in t.departure_time.split(":"))
    start = dt.datetime.combine(t.date, dt.time(hh, mm))
    end = start + dt.timedelta(minutes=ctx.rng.randint(9, 38))

    def clock(x: dt.datetime) -> str:
        return f"{(x.hour - 1) % 12 + 1}:{x.minute:02d} {'AM' if x.hour < 12 else 'PM'}"

    canvas.text((32, 220), f"{start:%a}, {MONTHS[t.date.month - 1].title()} {t.date.day}, {t.date.year}"
                f" · {clock(start)}", size=21, fill=GREY, lang="en", anchor="ls")
    canvas.text((32, 300), f"${t.fare}", size=60, fill=INK, lang="en", anchor="ls")
    canvas.text((688, 300), "Total", size=24, fill=GREY, lang="en", anchor="rs")
    # map with the route
    canvas.paste(_map_tile(656, 250), (32, 330))
    pts = [(80 + ctx.rng.randint(0, 60), 520 + ctx.rng.randint(0, 20))]
    for _ in range(3):
        pts.append((pts[-1][0] + ctx.rng.randint(90, 160), pts[-1][1] - ctx.rng.randint(20, 60)))
    pts.append((min(650, pts[-1][0] + 80), 380 + ctx.rng.randint(0, 30)))
    d.line(pts, fill=INK, width=6, joint="curve")
    d.ellipse((pts[0][0] - 11, pts[0][1] - 11, pts[0][0] + 11, pts[0][1] + 11), fill=green, outline=(255, 255, 255),
              width=3)
    d.rectangle((pts[-1][0] - 10, pts[-1][1] - 10, pts[-1][0] + 10, pts[-1][1] + 10), fill=INK)
    canvas.text((32, 622), f"{t.origin.en} → {t.destination.en}", size=21, fill=INK, attribute_id="trip",
                person_id=p.id, lang="en", anchor="ls", max_width=656)
    # pickup and drop-off
    d.ellipse((36, 662, 56, 682), fill=green)
    d.line([(46, 690), (46, 766)], fill=(190, 190, 196), width=3)
    d.rectangle((37, 772, 55, 790), fill=INK)
    canvas.text((76, 680), f"Pickup · {clock(start)}", size=19, fill=GREY, lang="en", anchor="ls")
    canvas.text((76, 714), p.home.full.en, size=23, fill=INK, attribute_id="home_address", person_id=p.id,
                lang="en", anchor="ls", max_width=612)
    canvas.text((76, 788), f"Drop-off · {clock(end)}", size=19, fill=GREY, lang="en", anchor="ls")
    frequent = t.destination in p.frequent_places
    canvas.text((76, 822), t.destination.en, size=23, fill=INK, attribute_id="frequent_place" if frequent else None,
                person_id=p.id if frequent else None, lang="en", anchor="ls", max_width=612)
    canvas.line([(32, 852), (688, 852)], fill=(226, 226, 230))
    # fare breakdown
    cents = round(float(t.fare) * 100)
    tip = cents * ctx.rng.choice([0, 10, 15, 18]) // 100
    fee = 295
    rows = [("Trip fare", cents - tip - fee), ("Booking fee", fee), ("Tip", tip)]
    y = 892
    for label, amount in rows:
        canvas.text((32, y), label, size=22, fill=INK, lang="en", anchor="ls")
        canvas.text((688, y), f"${amount / 100:.2f}", size=22, fill=INK, lang="en", anchor="rs")
        y += 38
    canvas.line([(32, y - 20), (688, y - 20)], fill=(226, 226, 230))
    canvas.text((32, y + 12), "Total", size=24, fill=INK, lang="en", anchor="ls")
    canvas.text((688, y + 12), f"${t.fare}", size=24, fill=INK, lang="en", anchor="rs")
    y += 58
    canvas.rounded_rect((32, y - 22, 76, y + 6), 4, fill=(40, 60, 110))
    canvas.text((92, y), f"Card ending in {p.financial.card_number[-4:]}", size=22, fill=INK, attribute_id="bank_card",
                person_id=p.id, lang="en", anchor="ls", masked=True)
    canvas.text((688, y), f"${t.fare}", size=22, fill=GREY, lang="en", anchor="rs")
    # driver and car
    y += 46
    canvas.line([(32, y), (688, y)], fill=(226, 226, 230))
    y += 24
    d.ellipse((32, y, 96, y + 64), fill=(214, 218, 226))
    d.ellipse((52, y + 10, 76, y + 34), fill=(150, 156, 170))
    d.pieslice((40, y + 36, 88, y + 84), 180, 360, fill=(150, 156, 170))
    driver = ctx.rng.choice(["Marcus", "Dana", "Luis", "Priya", "Omar", "Kelsey", "Andre", "Mei"])
    canvas.text((112, y + 26), f"Your driver, {driver}  ★ 4.{ctx.rng.randint(70, 99)}", size=22, fill=INK,
                lang="en", anchor="ls")
    plate = f"{ctx.rng.randrange(1, 10)}{''.join(chr(ctx.rng.randrange(65, 91)) for _ in range(3))}" \
            f"{ctx.rng.randrange(1000):03d}"
    canvas.text((112, y + 58), f"{t.seat} · {plate}", size=20, fill=GREY, lang="en", anchor="ls", max_width=576)
    canvas.text((360, 1250), f"Ride ID {t.number}", size=18, fill=GREY, lang="en", anchor="ms")
    return canvas


@document("ground_ticket", title=("train ticket / ride receipt", "火车票"))
def render_ground_ticket(ctx: DocContext) -> Rendered:
    """A Chinese person's train ticket or a US person's ride receipt (their first ground trip), in one of the
    designs of `designs.DESIGNS` (see `travel_designs`)."""
    return dispatch("ground_ticket", ctx)


@register("ground_ticket", "zh", "blue_ticket")
def blue_ticket(ctx: DocContext) -> Rendered:
    return ground_rendered(ctx, _train_ticket(ctx), ("blue", "蓝色"))


@register("ground_ticket", "en", "zipride")
def zipride(ctx: DocContext) -> Rendered:
    return ground_rendered(ctx, _ride_receipt(ctx), ("green", "绿色"))


def ground_rendered(ctx: DocContext, canvas: Canvas, colours: tuple[str, str]) -> Rendered:
    """A ground-trip document as the pipeline wants it, dated by the trip."""
    trip = ctx.person.trips[0]
    canvas.check_inside()
    return Rendered(canvas, lang=ctx.lang, person_ids=(ctx.person.id,),
                    meta={"colour_en": colours[0], "colour_zh": colours[1], "date": trip.date.isoformat()})
