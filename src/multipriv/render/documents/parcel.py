"""A courier's parcel label: the recipient's name, phone and home address, sent by someone they know.

Two designs per language (the second ones in `parcel_b`). US labels print the recipient's phone in full;
Chinese waybills mask its middle four digits (recorded as a masked value), as couriers there must.

The sender is one of the person's relations, printed with the relation's own person id, so one label links two
people (re-identification and social-relation questions read it); without a relation a web shop sends it.
"""

from __future__ import annotations

from multipriv.render.canvas import Canvas
from multipriv.render.decor import barcode, emblem, qr_like
from multipriv.render.documents.base import DocContext, Rendered, document
from multipriv.render.documents.doc_kit import GREY, INK, bold, paper, stable_seed
from multipriv.render.documents.parcel_b import label_en_priority, label_zh_waybill, masked_phone
from multipriv.render.documents.printed_dates import pick_design
from multipriv.world.schema import Person

COURIERS_ZH = (("鸿雁速运", (200, 30, 40)), ("云驰快递", (210, 40, 30)), ("赤兔速递", (190, 25, 55)))
COURIER_EN = ("SwiftParcel", (92, 45, 145))
SHOPS = (("Northpeak Outfitters", "北峰户外旗舰店"), ("Brightcart Online", "亮车网上商城"),
         ("Juniper Home Goods", "杜松家居官方店"))
GOODS = (("Clothing", "服饰"), ("Books", "图书"), ("Household goods", "日用品"), ("Electronics", "数码配件"),
         ("Food", "食品"), ("Documents", "文件"))


def _sender(ctx: DocContext) -> Person | None:
    """A relation of the person who exists in this world, or None (then a shop sends the parcel)."""
    ids = [r.person_id for r in ctx.person.relations]
    ctx.rng.shuffle(ids)
    for pid in ids:
        try:
            return ctx.world.person(pid)
        except KeyError:
            continue
    return None


def _tracking(ctx: DocContext, zh: bool) -> str:
    digits = "".join(str(ctx.rng.randint(0, 9)) for _ in range(12))
    return f"HY{digits}" if zh else f"1S{ctx.rng.randint(100, 999)}W{digits[:10]}"


def _label_zh(ctx: DocContext, c: Canvas, sender: Person | None) -> None:
    p, pid, rng = ctx.person, ctx.person.id, ctx.rng
    name, red = COURIERS_ZH[stable_seed(p.home.city.zh, p.id) % len(COURIERS_ZH)]
    w = c.width
    c.paste(emblem(64, stable_seed("courier", name), red), (24, 16))
    c.text((100, 26), name, size=36, style="bold", fill=red, lang="zh")
    c.rect((w - 170, 22, w - 24, 74), fill=INK)
    c.text((w - 97, 48), "标准快递", size=26, style="bold", fill=(255, 255, 255), lang="zh", anchor="mm")
    c.rect((0, 92, w, 98), fill=red)
    # sorting code and hub, as printed by the courier's system
    code = f"{p.home.postcode[:3]}-{rng.choice('ABCDEFGH')}{rng.randint(10, 99)} {rng.randint(100, 999)}"
    c.text((24, 112), code, size=48, style="bold", fill=INK, lang="zh")
    c.text((w - 24, 118), "集包地", size=18, fill=GREY, lang="zh", anchor="ra")
    c.text((w - 24, 144), f"{p.home.city.zh}转运中心", size=22, style="bold", fill=INK, lang="zh", anchor="ra")
    track = _tracking(ctx, True)
    c.paste(barcode(560, 92, track), ((w - 560) // 2, 186))
    c.text((w // 2, 286), " ".join(track[i:i + 4] for i in range(0, len(track), 4)), size=24, style="mono",
           fill=INK, lang="zh", anchor="ma")
    c.line([(0, 326), (w, 326)], fill=INK, width=2)

    def badge(y: int, ch: str) -> None:
        c.rect((20, y, 74, y + 54), fill=INK)
        c.text((47, y + 27), ch, size=36, style="bold", fill=(255, 255, 255), lang="zh", anchor="mm")

    badge(346, "收")
    box = c.text((92, 380), p.name.full.zh, size=30, style="bold", fill=INK, attribute_id="name", person_id=pid,
                 lang="zh", anchor="ls")
    # Chinese couriers print the middle four digits of a phone as stars (privacy rules for waybills)
    c.text((box[2] + 30, 380), masked_phone(p.contact.phone), size=28, fill=INK, attribute_id="phone",
           person_id=pid, lang="zh", anchor="ls", masked=True)
    c.text((92, 398), p.home.full.zh, size=24, fill=INK, attribute_id="home_address", person_id=pid, lang="zh",
           max_width=w - 116)
    c.line([(0, 448), (w, 448)], fill=INK, width=1)
    badge(464, "寄")
    if sender is not None:
        box = c.text((92, 488), sender.name.full.zh, size=22, fill=INK, attribute_id="name", person_id=sender.id,
                     lang="zh", anchor="ls")
        c.text((box[2] + 24, 488), masked_phone(sender.contact.phone), size=20, fill=INK, lang="zh",
               anchor="ls", attribute_id="phone", person_id=sender.id, masked=True)
        c.text((92, 500), sender.home.full.zh, size=18, fill=INK, attribute_id="home_address",
               person_id=sender.id, lang="zh", max_width=w - 116)
    else:
        c.text((92, 466), SHOPS[rng.randrange(len(SHOPS))][1], size=22, fill=INK, lang="zh")
        c.text((92, 500), "电商仓储发货中心", size=18, fill=INK, lang="zh")
    c.line([(0, 540), (w, 540)], fill=INK, width=2)
    goods = GOODS[rng.randrange(len(GOODS))][1]
    weight = rng.randint(3, 80) / 10
    c.text((24, 560), f"物品：{goods}", size=20, fill=INK, lang="zh")
    c.text((24, 594), f"重量：{weight:.1f}kg", size=20, fill=INK, lang="zh")
    c.text((24, 628), "付款方式：寄付月结", size=20, fill=INK, lang="zh")
    c.text((24, 662), f"寄件日期：{ctx.date:%Y-%m-%d}", size=20, fill=INK, lang="zh")
    c.text((24, 716), "签收人：", size=20, fill=INK, lang="zh")
    c.text((300, 716), "时间：", size=20, fill=INK, lang="zh")
    c.line([(104, 740), (280, 740)], fill=GREY)
    c.line([(360, 740), (500, 740)], fill=GREY)
    c.paste(qr_like(150, ctx.seed), (w - 176, 556))
    c.text((w - 101, 712), "扫码查件", size=16, fill=GREY, lang="zh", anchor="ma")
    c.text((24, 770), "快件送达收件人地址，经收件人或其授权人签收，视为送达。", size=15, fill=GREY, lang="zh")
    # the courier's stub below the cut line
    for x in range(0, w, 18):
        c.line([(x, 812), (x + 9, 812)], fill=GREY)
    c.text((24, 830), name, size=24, style="bold", fill=red, lang="zh")
    c.paste(barcode(380, 64, track), (w - 404, 834))
    c.text((w - 214, 904), track, size=18, style="mono", fill=INK, lang="zh", anchor="ma")
    c.text((24, 874), f"物品：{goods}  {weight:.1f}kg", size=18, fill=INK, lang="zh")
    c.text((24, 908), "已验视", size=22, style="bold", fill=red, lang="zh")
    c.rect((18, 902, 98, 936), outline=red, width=2)


def _label_en(ctx: DocContext, c: Canvas, sender: Person | None) -> None:
    p, pid, rng = ctx.person, ctx.person.id, ctx.rng
    courier, purple = COURIER_EN
    w = c.width
    c.text((24, 22), "FROM:", size=15, style="mono", fill=GREY, lang="en")
    if sender is not None:
        c.text((24, 44), sender.name.full.en.upper(), size=20, fill=INK, attribute_id="name", person_id=sender.id,
               lang="en", max_width=420)
        c.text((24, 74), sender.home.full.en, size=17, fill=INK, attribute_id="home_address", person_id=sender.id,
               lang="en", max_width=430)
    else:
        c.text((24, 44), SHOPS[rng.randrange(len(SHOPS))][0].upper(), size=20, fill=INK, lang="en")
        c.text((24, 74), "Fulfillment Center, Building 4", size=17, fill=INK, lang="en")
    weight = rng.randint(5, 250) / 10
    c.text((w - 24, 24), f"{weight:.1f} LBS", size=22, style="mono", fill=INK, lang="en", anchor="ra")
    c.text((w - 24, 54), "1 OF 1", size=18, style="mono", fill=INK, lang="en", anchor="ra")
    c.text((w - 24, 80), f"SHIP DATE: {ctx.date:%m/%d/%Y}", size=15, style="mono", fill=GREY, lang="en",
           anchor="ra")
    c.rect((0, 108, w, 114), fill=INK)
    c.text((24, 128), "SHIP TO:", size=17, style="mono", fill=GREY, lang="en")
    bold(c, (40, 154), p.name.full.en.upper(), size=32, fill=INK, attribute_id="name", person_id=pid, lang="en",
         max_width=w - 80)
    c.text((40, 204), p.home.full.en, size=26, fill=INK, attribute_id="home_address", person_id=pid, lang="en",
           max_width=w - 70)
    box = c.text((40, 250), "TEL:", size=22, style="mono", fill=INK, lang="en")
    c.text((box[2] + 14, 248), p.contact.phone, size=24, fill=INK, attribute_id="phone", person_id=pid, lang="en")
    c.rect((0, 300, w, 304), fill=INK)
    c.paste(qr_like(190, ctx.seed), (22, 318))
    route = f"{p.home.region_abbr} {p.home.postcode[:3]} {rng.randint(1, 9)}-{rng.randint(10, 99)}"
    bold(c, (236, 340), route, size=52, fill=INK, lang="en", max_width=w - 260)
    c.paste(barcode(430, 80, "420" + p.home.postcode), (236, 416))
    c.rect((0, 522, w, 600), fill=purple)
    service = rng.choice(["GROUND", "2-DAY AIR", "EXPRESS SAVER"])
    bold(c, (24, 561), f"{courier.upper()} {service}", size=32, fill=(255, 255, 255), lang="en", anchor="lm")
    c.rect((w - 96, 534, w - 24, 588), fill=(255, 255, 255))
    bold(c, (w - 60, 561), service[0], size=40, fill=INK, lang="en", anchor="mm")
    track = _tracking(ctx, False)
    pretty = " ".join([track[:2], track[2:5], track[5:8], track[8:10], track[10:14], track[14:]])
    c.text((24, 622), f"TRACKING #: {pretty}", size=24, style="mono", fill=INK, lang="en", max_width=w - 48)
    c.rect((0, 664, w, 666), fill=INK)
    c.paste(barcode(w - 80, 200, track), (40, 686))
    c.rect((0, 910, w, 912), fill=INK)
    c.text((24, 930), f"BILLING: P/P    REF: {rng.randint(10**7, 10**8 - 1)}", size=18, style="mono", fill=INK,
           lang="en")
    c.text((24, 962), f"DIM: {rng.randint(6, 20)}x{rng.randint(6, 16)}x{rng.randint(3, 10)} IN    CONTENTS: "
           f"{GOODS[rng.randrange(len(GOODS))][0].upper()}", size=18, style="mono", fill=INK, lang="en")
    c.text((24, 1004), f"{courier} · Reference label · Do not reuse", size=14, fill=GREY, lang="en")


@document("parcel_label", title=("parcel delivery label", "快递面单"))
def render_parcel_label(ctx: DocContext) -> Rendered:
    """zh: a 快递面单 with 收/寄 badges and a courier stub, or a 电子面单 with the barcode on top; en: a 4x6 US
    shipping label or a priority-mail label."""
    zh = ctx.lang == "zh"
    design = pick_design(ctx, ("badges", "waybill") if zh else ("ground", "priority"))
    sender = _sender(ctx)
    if design in ("badges", "ground"):
        c = Canvas.from_image(paper(720, 960 if zh else 1040, (255, 255, 255), ctx.rng.randrange(2)))
        (_label_zh if zh else _label_en)(ctx, c, sender)
        colour = ("red", "红色") if zh else ("purple", "紫色")
    else:
        c = (label_zh_waybill if zh else label_en_priority)(ctx, sender)
        colour = ("teal", "青绿色") if zh else ("blue", "蓝色")
    c.check_inside()
    ids = (ctx.person.id,) if sender is None else (ctx.person.id, sender.id)
    return Rendered(c, lang=ctx.lang, person_ids=ids,
                    meta={"colour_en": colour[0], "colour_zh": colour[1], "date": ctx.date.isoformat(),
                          "design": design})
