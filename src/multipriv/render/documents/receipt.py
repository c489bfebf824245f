"""A shopping receipt in two designs per language: a narrow convenience-store till slip and a wider
supermarket receipt (member block on top, quantity x unit price lines, another date style).

Both print the loyalty member's name as the till holds it and their phone, in full on half of them and masked
on the rest; the card is always masked.
"""

from __future__ import annotations

import datetime as dt
import functools

from PIL import Image

from multipriv.render.canvas import Canvas
from multipriv.render.decor import barcode, paper_texture, qr_like
from multipriv.render.documents.base import DocContext, Rendered, document
from multipriv.render.documents.doc_kit import GREY, INK, bold
from multipriv.render.documents.money import card_brand
from multipriv.render.documents.printed_dates import date_text, pick_design
from multipriv.render.fonts import Style

EXTRAS_EN = (("Bottled water", 1.29, 2.49), ("Paper towels", 3.99, 8.99), ("Gum", 0.99, 1.99),
             ("AA batteries", 5.49, 9.99), ("Granola bars", 2.99, 5.49), ("Greeting card", 2.49, 5.99),
             ("Coffee, large", 2.75, 4.95), ("Dish soap", 2.29, 4.49))
EXTRAS_ZH = (("矿泉水", 2.0, 4.5), ("抽纸", 9.9, 19.9), ("口香糖", 6.5, 12.0), ("酸奶", 5.5, 12.8),
             ("面包", 6.0, 15.0), ("购物袋", 0.3, 0.5), ("湿巾", 5.9, 12.9), ("苏打饼干", 7.8, 15.5))


@functools.lru_cache(maxsize=32)  # a few heights per design, language and variant
def _thermal(width: int, height: int, variant: int) -> Image.Image:
    return paper_texture(Image.new("RGB", (width, height), (250, 250, 246)), seed=31 + variant, strength=1.2)


def _phone(c: Canvas, ctx: DocContext, xy: tuple[int, int], *, size: int, style: Style, anchor: str = "la") -> None:
    """The member's phone: in full on half of the receipts, masked as tills mask it on the rest."""
    phone, pid, lang = ctx.person.contact.phone, ctx.person.id, ctx.lang
    if ctx.rng.random() < 0.5:
        c.text(xy, phone, size=size, style=style, fill=INK, attribute_id="phone", person_id=pid, lang=lang,
               anchor=anchor)
        return
    digits = [ch for ch in phone if ch.isdigit()]
    masked = (f"{''.join(digits[:3])}****{''.join(digits[-4:])}" if lang == "zh"
              else f"(***) ***-{''.join(digits[-4:])}")
    c.text(xy, masked, size=size, style=style, fill=INK, attribute_id="phone", person_id=pid, lang=lang,
           anchor=anchor, masked=True)



def _receipt_till(ctx: DocContext) -> Rendered:
    """A narrow convenience-store till slip: items, totals, card, then the member block at the bottom."""
    p, f, pid, rng = ctx.person, ctx.person.financial, ctx.person.id, ctx.rng
    zh = ctx.lang == "zh"
    lang = ctx.lang
    buy = f.purchases[0]
    pool = EXTRAS_ZH if zh else EXTRAS_EN
    items = [(n, round(rng.uniform(lo, hi), 2)) for n, lo, hi in rng.sample(pool, rng.randint(2, 4))]
    # the slip is as long as its content: header, rows, totals, payment, member, codes
    height = 272 + 38 * (len(items) + 1) + (290 if zh else 324) + 368
    c = Canvas.from_image(_thermal(480, height, rng.randrange(2)))
    w, x0, x1 = c.width, 26, c.width - 26
    mono: Style = "mono"

    def dashes(y: int) -> None:
        c.text((w // 2, y), "-" * 38, size=18, style=mono, fill=GREY, lang=lang, anchor="mm")

    def row(y: int, left: str, right: str, *, attr: str | None = None, size: int = 20) -> None:
        r = c.text((x1, y), right, size=size, style=mono, fill=INK, lang=lang, anchor="ra")
        c.text((x0, y), left, size=size, style=mono, fill=INK, lang=lang, attribute_id=attr,
               person_id=pid if attr else None, max_width=(min(r[0], 276) if zh else r[0]) - x0 - 14)

    store = buy.store.get(lang)
    if zh:
        c.text((w // 2, 48), store, size=32, style="bold", fill=INK, lang="zh", anchor="mm", max_width=w - 60)
        c.text((w // 2, 88), "欢迎光临", size=20, style=mono, fill=INK, lang="zh", anchor="mm")
        c.text((x0, 116), f"门店：{p.home.city.zh}{rng.randint(1, 40):02d}店", size=18, style=mono, fill=INK,
               lang="zh")
    else:
        bold(c, (w // 2, 48), store.upper(), size=30, fill=INK, lang="en", anchor="mm", max_width=w - 60)
        c.text((w // 2, 88), f"{p.home.city.en}, {p.home.region_abbr}  Store #{rng.randint(100, 999)}", size=18,
               style=mono, fill=INK, lang="en", anchor="mm", max_width=w - 40)
    t = dt.time(rng.randint(9, 21), rng.randint(0, 59), rng.randint(0, 59))
    when = f"{buy.date:%Y-%m-%d} {t:%H:%M:%S}" if zh else f"{buy.date:%m/%d/%Y}  {t:%I:%M %p}"
    c.text((x0, 146), ("日期：" if zh else "") + when, size=18, style=mono, fill=INK, lang=lang)
    c.text((x0, 172), (f"收银员：{rng.randint(1000, 9999)}  单号：{rng.randint(10**7, 10**8 - 1)}" if zh else
                       f"REG {rng.randint(1, 9):02d}  TRN {rng.randint(1000, 9999)}  CSHR {rng.randint(10, 99)}"),
           size=18, style=mono, fill=INK, lang=lang)
    dashes(210)
    row(236, "品名" if zh else "ITEM", "金额" if zh else "AMOUNT", size=18)
    if zh:
        c.text((290, 236), "数量", size=18, style=mono, fill=INK, lang=lang, anchor="ma")
    pos = rng.randint(0, len(items))
    y = 272
    for i in range(len(items) + 1):
        if i == pos:
            row(y, buy.item.get(lang), buy.amount, attr="purchase")
        else:
            n, v = items[i - (i > pos)]
            row(y, n, f"{v:.2f}")
        if zh:
            c.text((290, y), "1", size=20, style=mono, fill=INK, lang=lang, anchor="ma")
        y += 38
    dashes(y + 6)
    subtotal = float(buy.amount) + sum(v for _, v in items)
    y += 30
    if zh:
        row(y, f"件数：{len(items) + 1}", f"合计：{subtotal:.2f}")
        y += 38
        total = subtotal
    else:
        tax = round(subtotal * 0.089, 2)
        row(y, "SUBTOTAL", f"{subtotal:.2f}")
        row(y + 36, "TAX 8.9%", f"{tax:.2f}")
        y += 72
        total = subtotal + tax
    bold(c, (x0, y), "实收" if zh else "TOTAL", size=26, fill=INK, lang=lang)
    bold(c, (x1, y), f"{'¥' if zh else '$'}{total:,.2f}", size=26, fill=INK, lang=lang, anchor="ra")
    y += 48
    brand = card_brand(f.card_number)
    c.text((x0, y), ("银行卡" if zh else brand), size=20, style=mono, fill=INK, lang=lang)
    c.text((x1, y), "**** **** **** " + f.card_number[-4:], size=20, style=mono, fill=INK, attribute_id="bank_card",
           person_id=pid, lang=lang, anchor="ra", masked=True)
    c.text((x0, y + 32), ("交易成功  授权号 " if zh else "APPROVED  AUTH ") + f"{rng.randint(10**5, 10**6 - 1)}",
           size=18, style=mono, fill=INK, lang=lang)
    y += 74
    dashes(y)
    # the loyalty member: their name as the till prints it (masked or initials) and their phone
    box = c.text((x0, y + 24), "会员：" if zh else "Member:", size=20, style=mono, fill=INK, lang=lang)
    c.text((box[2] + 12, y + 24), p.name.full.get(lang), size=20, style=mono, fill=INK, attribute_id="name",
           person_id=pid, lang=lang, max_width=x1 - box[2] - 12)
    box = c.text((x0, y + 58), "电话：" if zh else "Phone:", size=20, style=mono, fill=INK, lang=lang)
    _phone(c, ctx, (box[2] + 12, y + 58), size=20, style=mono)
    pts = int(total)
    c.text((x0, y + 92), (f"本次积分：{pts}" if zh else f"Points earned: {pts}"), size=18, style=mono, fill=INK,
           lang=lang)
    y += 134
    c.text((w // 2, y + 10), "谢谢惠顾，欢迎再次光临" if zh else "THANK YOU FOR SHOPPING!", size=20, style=mono,
           fill=INK, lang=lang, anchor="mm")
    c.text((w // 2, y + 40), "凭小票7日内可退换" if zh else "Returns within 30 days with receipt", size=16,
           style=mono, fill=GREY, lang=lang, anchor="mm")
    c.paste(qr_like(110, ctx.seed), ((w - 110) // 2, y + 62))
    c.text((w // 2, y + 178), "扫码开具电子发票" if zh else "Scan for your digital receipt", size=16, style=mono,
           fill=GREY, lang=lang, anchor="ma")
    code = f"{buy.date:%y%m%d}{rng.randint(10**9, 10**10 - 1)}"
    c.paste(barcode(360, 66, code), ((w - 360) // 2, y + 210))
    c.text((w // 2, y + 282), code, size=18, style=mono, fill=INK, lang=lang, anchor="ma")
    c.check_inside()
    return Rendered(c, lang=lang, person_ids=(pid,), meta={"design": "till"})




def _receipt_market(ctx: DocContext) -> Rendered:
    """A wider supermarket receipt: member block under the header, each item as name then qty x price."""
    p, f, pid, rng = ctx.person, ctx.person.financial, ctx.person.id, ctx.rng
    zh = ctx.lang == "zh"
    lang = ctx.lang
    buy = f.purchases[0]
    pool = EXTRAS_ZH if zh else EXTRAS_EN
    items = [(n, round(rng.uniform(lo, hi), 2), rng.randint(1, 3)) for n, lo, hi in rng.sample(pool, rng.randint(2, 3))]
    pos = rng.randint(0, len(items))
    items.insert(pos, (buy.item.get(lang), float(buy.amount), 1))
    height = 312 + 66 * len(items) + (470 if zh else 502)
    c = Canvas.from_image(_thermal(560, height, rng.randrange(2)))
    w, x0, x1 = c.width, 30, c.width - 30
    mono: Style = "mono"
    store = buy.store.get(lang)
    c.text((w // 2, 40), store, size=30, style="bold" if zh else "serif", fill=INK, lang=lang, anchor="mm",
           max_width=w - 60)
    c.text((w // 2, 78), "销 售 单" if zh else "SALES RECEIPT", size=22, style=mono, fill=INK, lang=lang,
           anchor="mm")
    t = dt.time(rng.randint(9, 21), rng.randint(0, 59))
    when = date_text(buy.date, "slash_ymd" if zh else "mon_day") + f"  {t:%H:%M}"
    c.text((x0, 110), ("时间 " if zh else "Date: ") + when, size=19, style=mono, fill=INK, lang=lang)
    c.text((x0, 138), (f"机号 {rng.randint(1, 20):02d}  流水 {rng.randint(10**5, 10**6 - 1)}" if zh else
                       f"Lane {rng.randint(1, 20)}  Ticket {rng.randint(10**5, 10**6 - 1)}"), size=19, style=mono,
           fill=INK, lang=lang)
    c.rect((x0, 174, x1, 178), fill=INK)
    box = c.text((x0, 190), "会员姓名 " if zh else "Rewards member: ", size=20, style=mono, fill=INK, lang=lang)
    c.text((box[2] + 14, 190), p.name.full.get(lang), size=20, style=mono, fill=INK, attribute_id="name",
           person_id=pid, lang=lang, max_width=x1 - box[2] - 14)
    box = c.text((x0, 222), "会员手机 " if zh else "Member phone: ", size=20, style=mono, fill=INK, lang=lang)
    _phone(c, ctx, (box[2] + 14, 222), size=20, style=mono)
    c.rect((x0, 262, x1, 264), fill=INK)
    c.text((x0, 276), "商品/数量×单价" if zh else "QTY  DESCRIPTION", size=18, style=mono, fill=GREY, lang=lang)
    c.text((x1, 276), "小计" if zh else "PRICE", size=18, style=mono, fill=GREY, lang=lang, anchor="ra")
    y = 312
    subtotal = 0.0
    for i, (name, price, qty) in enumerate(items):
        line = round(price * qty, 2)
        subtotal += line
        if i == pos:
            c.text((x0, y), name, size=21, style=mono, fill=INK, lang=lang, attribute_id="purchase", person_id=pid,
                   max_width=x1 - x0 - 150)
            c.text((x1, y), buy.amount, size=21, style=mono, fill=INK, lang=lang, anchor="ra")
        else:
            c.text((x0, y), name, size=21, style=mono, fill=INK, lang=lang, max_width=x1 - x0 - 150)
            c.text((x1, y), f"{line:.2f}", size=21, style=mono, fill=INK, lang=lang, anchor="ra")
        c.text((x0 + 24, y + 30), f"{qty} × {price:.2f}" if zh else f"{qty} @ {price:.2f}", size=17, style=mono,
               fill=GREY, lang=lang)
        y += 66
    c.rect((x0, y, x1, y + 2), fill=INK)
    y += 16
    total = subtotal if zh else subtotal + round(subtotal * 0.0725, 2)
    if not zh:
        c.text((x0, y), "Sales tax 7.25%", size=19, style=mono, fill=INK, lang=lang)
        c.text((x1, y), f"{total - subtotal:.2f}", size=19, style=mono, fill=INK, lang=lang, anchor="ra")
        y += 32
    bold(c, (x0, y), "应付金额" if zh else "BALANCE DUE", size=26, fill=INK, lang=lang)
    bold(c, (x1, y), f"{'¥' if zh else '$'}{total:,.2f}", size=26, fill=INK, lang=lang, anchor="ra")
    y += 52
    brand = "银联" if zh else card_brand(f.card_number).title()
    box = c.text((x0, y), f"{brand}卡号 " if zh else f"{brand} ", size=20, style=mono, fill=INK, lang=lang)
    # stars, never x: a masked value is matched against full ones character by character (tasks/clues.py)
    # first and last four: OCR sees digits at both ends of the value, never a value of stars alone
    card = f"{f.card_number[:4]}********{f.card_number[-4:]}"
    c.text((box[2] + 8, y), card, size=20, style=mono, fill=INK, attribute_id="bank_card", person_id=pid,
           lang=lang, masked=True)
    c.text((x0, y + 32), (f"参考号 {rng.randint(10**11, 10**12 - 1)}" if zh else
                          f"Ref {rng.randint(10**11, 10**12 - 1)}  Chip read"), size=17, style=mono, fill=GREY,
           lang=lang)
    y += 80
    c.text((w // 2, y), "请妥善保管小票 · 开票请扫码" if zh else "You saved on today's visit. Thank you!", size=18,
           style=mono, fill=INK, lang=lang, anchor="ma")
    c.paste(qr_like(120, ctx.seed), ((w - 120) // 2, y + 40))
    code = f"{rng.randint(10**11, 10**12 - 1)}"
    c.paste(barcode(400, 60, code), ((w - 400) // 2, y + 180))
    c.text((w // 2, y + 250), code, size=17, style=mono, fill=INK, lang=lang, anchor="ma")
    c.check_inside()
    return Rendered(c, lang=lang, person_ids=(pid,), meta={"design": "market"})


@document("receipt", title=("shopping receipt", "购物小票"))
def render_receipt(ctx: DocContext) -> Rendered:
    """A till receipt in one of two designs (see the module's docstring)."""
    design = pick_design(ctx, ("till", "market"))
    r = (_receipt_till if design == "till" else _receipt_market)(ctx)
    day = ctx.person.financial.purchases[0].date
    r.meta.update({"colour_en": "white", "colour_zh": "白色", "date": day.isoformat()})
    return r
