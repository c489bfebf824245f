"""Second designs of the ground-trip document: the older red rail ticket and an e-mailed ride receipt.

Same facts as the first designs in `travel`: the trip (origin → destination) with the passenger's name, the
masked ID number on a rail ticket; the rider's name, home pickup address, drop-off and masked card on a ride
receipt. What changes is what another issuer changes: colours and layout, label wording ("Pick-up location"
for "Pickup"), date spellings (2024-03-12 08:15开, "March 12, 2024"), and the card mask ("**** 1234" for
"Card ending in 1234").
"""

from __future__ import annotations

import datetime as dt
import functools

from PIL import Image

from multipriv.render.canvas import RGB, Canvas
from multipriv.render.decor import guilloche, paper_texture, qr_like
from multipriv.render.documents.base import DocContext, Rendered
from multipriv.render.documents.designs import register
from multipriv.render.documents.printed_dates import FULL_MONTHS, MONTHS, iso
from multipriv.render.documents.screens import GREY, INK
from multipriv.render.documents.travel import _map_tile, _seed, ground_rendered


@functools.lru_cache(maxsize=2)
def _red_background() -> Image.Image:
    w, h = 1000, 630
    c = Canvas(w, h, (250, 222, 222))
    guilloche((0, 0, w, h), seed=_seed("red-ticket"), colour=(200, 80, 90), canvas=c, alpha=30, families=2)
    c.rect((0, 0, w, 14), fill=(214, 120, 128))
    return paper_texture(c.image, _seed("red-paper"), 0.7)


@register("ground_ticket", "zh", "red_ticket")
def red_ticket(ctx: DocContext) -> Rendered:
    """The older pink magnetic ticket: serial top left, train number above the stations, ID and name below."""
    p, t = ctx.person, ctx.person.trips[0]
    c = Canvas.from_image(_red_background())
    red: RGB = (190, 24, 30)
    ink: RGB = (30, 30, 36)
    serial = f"{chr(ctx.rng.randrange(65, 91))}{ctx.rng.randrange(10**7):07d}"
    c.text((40, 62), serial, size=34, style="bold", fill=red, lang="en", anchor="ls")
    c.text((960, 62), f"检票:{ctx.rng.randrange(1, 30)}", size=24, fill=ink, lang="zh", anchor="rs")
    c.text((500, 128), t.number, size=40, style="bold", fill=ink, lang="en", anchor="ms")
    c.text((500, 196), f"{t.origin.zh} → {t.destination.zh}", size=44, style="serif", fill=ink, attribute_id="trip",
           person_id=p.id, lang="zh", anchor="ms", max_width=900)
    c.text((500, 236), f"{t.origin.en} - {t.destination.en}", size=20, fill=(90, 60, 60), lang="en", anchor="ms",
           max_width=900)
    c.text((60, 300), f"{iso(t.date)} {t.departure_time}开", size=32, fill=ink, lang="zh", anchor="ls")
    c.text((620, 300), t.seat, size=32, fill=ink, lang="zh", anchor="ls")
    c.text((60, 356), f"¥{float(t.fare):.1f}元", size=32, fill=ink, lang="zh", anchor="ls")
    c.text((620, 356), ctx.rng.choice(["二等座", "一等座", "商务座"]), size=30, fill=ink, lang="zh", anchor="ls")
    c.text((60, 404), "限乘当日当次车  在3日内到有效", size=20, fill=(90, 60, 60), lang="zh", anchor="ls")
    idn = p.documents.id_number or ""
    x = 60
    if len(idn) == 18:
        box = c.text((x, 470), f"{idn[:10]}****{idn[-4:]}", size=30, style="mono", fill=ink,
                     attribute_id="id_number", person_id=p.id, lang="zh", anchor="ls", masked=True)
        x = box[2] + 24
    c.text((x, 470), p.name.full.zh, size=32, style="serif", fill=ink, attribute_id="name", person_id=p.id,
           lang="zh", anchor="ls")
    c.paste(qr_like(150, _seed("qr-red", p.id, t.number)), (800, 380))
    c.text((60, 540), "买票请到12306  发货请到95306", size=22, fill=(90, 60, 60), lang="zh", anchor="ls")
    c.text((60, 600), f"{ctx.rng.randrange(10**14):014d} {serial} {t.origin.zh.removesuffix('站')}售", size=20,
           style="mono", fill=(90, 60, 60), lang="zh", anchor="ls", max_width=880)
    return ground_rendered(ctx, c, ("pink", "粉红色"))


@register("ground_ticket", "en", "hopcab")
def hopcab(ctx: DocContext) -> Rendered:
    """An e-mailed receipt of another app: dark header, total first, the route map, then pick-up/drop-off."""
    p, t = ctx.person, ctx.person.trips[0]
    c = Canvas(800, 1180, (246, 246, 248))
    accent: RGB = (230, 120, 20)
    c.rect((0, 0, 800, 110), fill=(24, 24, 30))
    c.text((40, 70), "hopcab", size=44, style="bold", fill=accent, lang="en", anchor="ls")
    c.text((760, 70), "Trip receipt", size=24, fill=(230, 230, 236), lang="en", anchor="rs")
    c.rect((30, 130, 770, 1150), fill=(255, 255, 255))
    hh, mm = (int(v) for v in t.departure_time.split(":"))
    start = dt.datetime.combine(t.date, dt.time(hh, mm))
    end = start + dt.timedelta(minutes=ctx.rng.randint(9, 38))
    c.text((60, 190), f"{FULL_MONTHS[t.date.month - 1]} {t.date.day}, {t.date.year}", size=22, fill=GREY,
           lang="en", anchor="ls")
    c.text((60, 240), "Here's your receipt, ", size=28, fill=INK, lang="en", anchor="ls")
    c.text((60, 282), p.name.full.en, size=32, fill=INK, attribute_id="name", person_id=p.id,
           lang="en", anchor="ls", max_width=680)
    c.text((60, 360), "Total", size=30, fill=INK, lang="en", anchor="ls")
    c.text((740, 360), f"${t.fare}", size=44, fill=INK, lang="en", anchor="rs")
    c.line([(60, 390), (740, 390)], fill=(220, 220, 226), width=2)
    c.paste(_map_tile(680, 220), (60, 410))
    pts = [(110 + ctx.rng.randint(0, 60), 590 + ctx.rng.randint(0, 20))]
    for _ in range(3):
        pts.append((pts[-1][0] + ctx.rng.randint(80, 150), pts[-1][1] - ctx.rng.randint(15, 45)))
    c.line(pts, fill=accent, width=6)
    c.draw.ellipse((pts[0][0] - 10, pts[0][1] - 10, pts[0][0] + 10, pts[0][1] + 10), fill=(24, 24, 30))
    c.draw.ellipse((pts[-1][0] - 10, pts[-1][1] - 10, pts[-1][0] + 10, pts[-1][1] + 10), fill=accent)
    c.text((60, 672), f"{t.origin.en} → {t.destination.en}", size=22, fill=INK, attribute_id="trip",
           person_id=p.id, lang="en", anchor="ls", max_width=680)

    def clock(x: dt.datetime) -> str:
        return f"{x.hour:02d}:{x.minute:02d}"

    c.text((60, 728), f"Pick-up location  ·  {clock(start)}", size=18, fill=GREY, lang="en", anchor="ls")
    c.text((60, 762), p.home.full.en, size=22, fill=INK, attribute_id="home_address", person_id=p.id, lang="en",
           anchor="ls", max_width=680)
    c.text((60, 816), f"Drop-off location  ·  {clock(end)}", size=18, fill=GREY, lang="en", anchor="ls")
    frequent = t.destination in p.frequent_places
    c.text((60, 850), t.destination.en, size=22, fill=INK, attribute_id="frequent_place" if frequent else None,
           person_id=p.id if frequent else None, lang="en", anchor="ls", max_width=680)
    c.line([(60, 884), (740, 884)], fill=(220, 220, 226), width=2)
    c.text((60, 930), "Payment", size=22, fill=GREY, lang="en", anchor="ls")
    c.text((60, 970), f"**** {p.financial.card_number[-4:]}", size=24, style="mono", fill=INK,
           attribute_id="bank_card", person_id=p.id, lang="en", anchor="ls", masked=True)
    c.text((740, 970), f"${t.fare}", size=24, fill=INK, lang="en", anchor="rs")
    c.text((60, 1030), f"Car  ·  {t.seat}", size=20, fill=GREY, lang="en", anchor="ls", max_width=680)
    c.text((60, 1090), f"Trip ID {t.number} · {MONTHS[t.date.month - 1].title()} {t.date.year}", size=18,
           fill=GREY, lang="en", anchor="ls", max_width=680)
    return ground_rendered(ctx, c, ("orange", "橙色"))
