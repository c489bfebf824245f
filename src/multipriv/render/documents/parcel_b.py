"""Second designs of the parcel label: a Chinese 电子面单 with the barcode on top and worded 收件人/寄件人
blocks, and a US priority-mail label with the service square and a tracking band.

Like the first designs they print the recipient's name, phone and home address and the sending relation's name,
phone and address; Chinese waybills mask the middle four digits of both phones, as couriers there do.
"""

from __future__ import annotations

from multipriv.render.canvas import Canvas
from multipriv.render.decor import barcode, qr_like
from multipriv.render.documents.base import DocContext
from multipriv.render.documents.doc_kit import GREY, INK, bold, paper
from multipriv.render.documents.printed_dates import date_text
from multipriv.world.schema import Person

GOODS_ZH = ("服饰", "图书", "日用品", "数码配件", "食品", "文件")
GOODS_EN = ("APPAREL", "BOOKS", "HOUSEHOLD", "ELECTRONICS", "FOOD", "DOCUMENTS")
SHOPS_EN = ("Northpeak Outfitters", "Brightcart Online", "Juniper Home Goods")
SHOPS_ZH = ("北峰户外旗舰店", "亮车网上商城", "杜松家居官方店")


def masked_phone(phone: str) -> str:
    """A Chinese mobile number as waybills print it: the first three and last four digits, 138****1234."""
    d = [ch for ch in phone if ch.isdigit()]
    return "".join(d[:3]) + "****" + "".join(d[-4:])


def label_zh_waybill(ctx: DocContext, sender: Person | None) -> Canvas:
    """A 100x150 电子面单: tracking barcode first, the sorting code in a box, worded 收/寄 lines, a stub."""
    p, pid, rng = ctx.person, ctx.person.id, ctx.rng
    c = Canvas.from_image(paper(720, 960, (255, 255, 255), rng.randrange(2)))
    w = c.width
    teal = (0, 120, 110)
    c.text((24, 22), "青鸟快运", size=34, style="bold", fill=teal, lang="zh")
    c.text((w - 24, 30), "电子面单", size=22, fill=GREY, lang="zh", anchor="ra")
    c.rect((0, 78, w, 80), fill=INK)
    track = "QN" + "".join(str(rng.randint(0, 9)) for _ in range(13))
    c.paste(barcode(600, 100, track), ((w - 600) // 2, 96))
    c.text((w // 2, 204), track, size=24, style="mono", fill=INK, lang="zh", anchor="ma")
    c.rect((18, 246, w - 18, 330), outline=INK, width=3)
    code = f"{p.home.postcode[:3]}-{rng.randint(100, 999)}-{rng.choice('ABCDEFGH')}{rng.randint(0, 9)}"
    c.text((w // 2, 288), code, size=52, style="bold", fill=INK, lang="zh", anchor="mm")
    y = 352
    lab = c.text((24, y), "收件人：", size=24, style="bold", fill=INK, lang="zh")
    box = c.text((lab[2] + 6, y), p.name.full.zh, size=28, style="bold", fill=INK, attribute_id="name",
                 person_id=pid, lang="zh")
    c.text((box[2] + 28, y + 2), masked_phone(p.contact.phone), size=26, style="mono", fill=INK,
           attribute_id="phone", person_id=pid, lang="zh", masked=True)
    lab = c.text((24, y + 50), "地址：", size=22, fill=INK, lang="zh")
    c.text((lab[2] + 6, y + 48), p.home.full.zh, size=24, fill=INK, attribute_id="home_address", person_id=pid,
           lang="zh", max_width=w - lab[2] - 30)
    c.line([(18, y + 100), (w - 18, y + 100)], fill=GREY)
    y += 120
    lab = c.text((24, y), "寄件人：", size=20, fill=INK, lang="zh")
    if sender is not None:
        box = c.text((lab[2] + 6, y), sender.name.full.zh, size=22, fill=INK, attribute_id="name",
                     person_id=sender.id, lang="zh")
        c.text((box[2] + 24, y + 1), masked_phone(sender.contact.phone), size=21, style="mono", fill=INK,
               attribute_id="phone", person_id=sender.id, lang="zh", masked=True)
        c.text((lab[2] + 6, y + 38), sender.home.full.zh, size=19, fill=INK, attribute_id="home_address",
               person_id=sender.id, lang="zh", max_width=w - lab[2] - 30)
    else:
        c.text((lab[2] + 6, y), SHOPS_ZH[rng.randrange(len(SHOPS_ZH))], size=22, fill=INK, lang="zh")
        c.text((lab[2] + 6, y + 38), "电商仓储发货中心", size=19, fill=INK, lang="zh")
    c.rect((0, y + 84, w, y + 86), fill=INK)
    y += 104
    goods = GOODS_ZH[rng.randrange(len(GOODS_ZH))]
    c.text((24, y), f"内件：{goods}    计费重量：{rng.randint(3, 80) / 10:.1f}kg", size=20, fill=INK, lang="zh")
    c.text((24, y + 34), f"寄件时间：{date_text(ctx.date, 'slash_ymd')}  {rng.randint(8, 20):02d}:"
           f"{rng.randint(0, 59):02d}", size=20, fill=INK, lang="zh")
    c.text((24, y + 68), "付款方式：寄方付", size=20, fill=INK, lang="zh")
    c.paste(qr_like(126, ctx.seed), (w - 150, y - 6))
    c.text((24, y + 118), "签收人/时间：", size=20, fill=INK, lang="zh")
    c.line([(160, y + 142), (500, y + 142)], fill=GREY)
    c.text((24, y + 160), "您的签收代表您已验收包裹完好，请当面验货。", size=15, fill=GREY, lang="zh")
    for x in range(0, w, 16):
        c.line([(x, c.height - 140), (x + 8, c.height - 140)], fill=GREY)
    c.text((24, c.height - 120), "青鸟快运 · 寄件联", size=20, style="bold", fill=teal, lang="zh")
    c.paste(barcode(360, 56, track), (w - 384, c.height - 124))
    c.text((w - 204, c.height - 62), track, size=16, style="mono", fill=INK, lang="zh", anchor="ma")
    c.text((24, c.height - 84), f"内件：{goods}", size=18, fill=INK, lang="zh")
    return c


def label_en_priority(ctx: DocContext, sender: Person | None) -> Canvas:
    """A priority-mail style 4x6 label: service square and band, return address, DELIVER TO block, tracking."""
    p, pid, rng = ctx.person, ctx.person.id, ctx.rng
    c = Canvas.from_image(paper(720, 1040, (255, 255, 255), rng.randrange(2)))
    w = c.width
    c.rect((18, 18, 168, 168), fill=INK)
    bold(c, (93, 93), "P", size=110, fill=(255, 255, 255), lang="en", anchor="mm")
    c.text((190, 28), "NORTHSTAR POST", size=22, style="mono", fill=INK, lang="en")
    c.text((190, 62), f"Mailed {date_text(ctx.date, 'mon_day')}", size=18, fill=INK, lang="en")
    c.text((190, 90), f"From ZIP {p.home.postcode}   {rng.randint(1, 90)} oz", size=18, style="mono", fill=INK,
           lang="en")
    c.text((190, 118), f"Commercial base price  C{rng.randint(1000, 9999)}", size=16, fill=GREY, lang="en")
    c.rect((0, 186, w, 262), fill=(0, 60, 140))
    bold(c, (w // 2, 224), "PRIORITY MAIL 2-DAY", size=38, fill=(255, 255, 255), lang="en", anchor="mm")
    y = 284
    if sender is not None:
        c.text((24, y), sender.name.full.en, size=19, fill=INK, attribute_id="name", person_id=sender.id,
               lang="en", max_width=460)
        c.text((24, y + 28), sender.home.full.en, size=17, fill=INK, attribute_id="home_address",
               person_id=sender.id, lang="en", max_width=470)
    else:
        c.text((24, y), SHOPS_EN[rng.randrange(len(SHOPS_EN))], size=19, fill=INK, lang="en")
        c.text((24, y + 28), "Returns Dept., 800 Commerce Way", size=17, fill=INK, lang="en")
    c.text((w - 24, y), f"{rng.choice('ABCDEFG')}{rng.randint(100, 999)}", size=30, style="mono", fill=INK,
           lang="en", anchor="ra")
    y += 96
    c.text((44, y), "DELIVER TO", size=18, style="mono", fill=GREY, lang="en")
    c.text((44, y + 32), p.name.full.en, size=32, fill=INK, attribute_id="name", person_id=pid, lang="en",
           max_width=w - 90)
    c.text((44, y + 82), p.home.full.en, size=26, fill=INK, attribute_id="home_address", person_id=pid, lang="en",
           max_width=w - 90)
    lab = c.text((44, y + 132), "Phone", size=20, fill=GREY, lang="en")
    c.text((lab[2] + 14, y + 128), p.contact.phone, size=26, fill=INK, attribute_id="phone", person_id=pid,
           lang="en")
    y += 196
    c.rect((0, y, w, y + 6), fill=INK)
    bold(c, (w // 2, y + 22), "NORTHSTAR TRACKING #", size=22, fill=INK, lang="en", anchor="ma")
    track = "9405" + "".join(str(rng.randint(0, 9)) for _ in range(18))
    c.paste(barcode(w - 60, 170, "420" + p.home.postcode + track), (30, y + 60))
    c.text((w // 2, y + 244), " ".join(track[i:i + 4] for i in range(0, len(track), 4)), size=24, style="mono",
           fill=INK, lang="en", anchor="ma")
    c.rect((0, y + 290, w, y + 296), fill=INK)
    c.text((24, y + 312), f"Contents: {GOODS_EN[rng.randrange(len(GOODS_EN))]}    Insured up to $100", size=18,
           fill=INK, lang="en")
    c.paste(qr_like(90, ctx.seed), (w - 114, y + 306))
    return c
