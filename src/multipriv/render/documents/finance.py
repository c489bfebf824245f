"""Financial documents: payslip and annual tax record, two designs per language (the second ones in
`finance_b`); the till receipt lives in `receipt`, imported here so that the kind registers with these.

The payslip prints monthly base, allowance and the annual bonus but never the annual income, so task 6 can ask
for 12 * (base + allowance) + bonus; the tax record prints the annual figures, so the two cross-check (task 5).
"""

from __future__ import annotations

import datetime as dt

from multipriv.render.canvas import RGB, Canvas
from multipriv.render.decor import Cell, emblem, qr_like, stamp, table
from multipriv.render.documents import receipt  # noqa: F401  (registers the receipt kind)
from multipriv.render.documents.base import DocContext, Rendered, document
from multipriv.render.documents.doc_kit import GREY, INK, bold, lv, paper, stable_seed
from multipriv.render.documents.finance_b import payslip_en_stub, payslip_zh_list, tax_en_summary, tax_zh_summary
from multipriv.render.documents.money import card_brand, cny, contributions, monthly, usd
from multipriv.render.documents.printed_dates import pick_design

__all__ = ["card_brand", "cny", "usd"]


# ------------------------------------------------------------------------------------------------ payslip


def _payslip_zh(ctx: DocContext, c: Canvas) -> None:
    p, f, pid = ctx.person, ctx.person.financial, ctx.person.id
    blue, pale = (28, 84, 160), (232, 240, 251)
    day = ctx.date
    c.rect((0, 0, c.width, 10), fill=blue)
    c.text((40, 36), p.employer.zh, size=30, style="bold", fill=INK, attribute_id="employer", person_id=pid,
           lang="zh", max_width=600)
    c.text((40, 84), f"{day.year}年{day.month}月 工资条", size=24, fill=blue, lang="zh")
    c.text((c.width - 40, 44), f"发放日期：{day.year}-{day.month:02d}-{min(day.day, 28):02d}", size=18,
           fill=GREY, lang="zh", anchor="ra")
    c.text((c.width - 40, 86), "金额单位：元", size=18, fill=GREY, lang="zh", anchor="ra")
    y = 136
    c.rounded_rect((30, y, c.width - 30, y + 56), 6, fill=pale)
    lv(c, (48, y + 14), "姓名：", p.name.full.zh, "name", pid, "zh", right=300)
    lv(c, (310, y + 14), "工号：", p.contact.employee_id, "employee_id", pid, "zh", right=600)
    lv(c, (620, y + 14), "所属期间：", f"{day.year}年{day.month:02d}月", None, pid, "zh", right=c.width - 40)
    gross = f.base_salary + f.allowance
    tax = round(f.income_tax / 12)
    contrib = contributions(gross, True)
    deductions = sum(v for _, v in contrib) + tax
    widths = [188, 188, 188, 188, 188]
    c.text((40, y + 82), "应发项目", size=20, style="bold", fill=blue, lang="zh")
    rows = [[Cell(h, align="center") for h in ("基本工资", "岗位津贴", "加班费", "其他补贴", "应发合计")],
            [Cell(cny(f.base_salary), "base_salary", pid, "center"), Cell(cny(f.allowance), "allowance", pid,
             "center"), Cell("0.00", align="center"), Cell("0.00", align="center"),
             Cell(cny(gross), align="center")]]
    table(c, (30, y + 114), rows, widths, row_height=42, size=21, lang="zh", header_fill=pale,
          border=(150, 170, 205))
    y2 = y + 114 + 84 + 26
    c.text((40, y2), "扣款项目", size=20, style="bold", fill=blue, lang="zh")
    heads = [n for n, _ in contrib] + ["个人所得税"]
    vals = [cny(round(v, 2)) for _, v in contrib] + [cny(tax)]
    rows = [[Cell(h, align="center") for h in heads], [Cell(v, align="center") for v in vals]]
    table(c, (30, y2 + 32), rows, widths, row_height=42, size=21, lang="zh", header_fill=pale,
          border=(150, 170, 205))
    y3 = y2 + 32 + 84 + 28
    c.rect((30, y3, c.width - 30, y3 + 58), fill=(245, 248, 253), outline=(150, 170, 205))
    lv(c, (48, y3 + 14), "扣款合计：", cny(round(deductions, 2)), None, pid, "zh", right=420)
    c.text((c.width - 250, y3 + 29), "实发工资：", size=22, style="bold", fill=blue, lang="zh", anchor="rm")
    bold(c, (c.width - 240, y3 + 29), cny(round(gross - deductions, 2)), size=28, fill=blue, lang="zh",
         anchor="lm")
    y4 = y3 + 86
    lv(c, (48, y4), "年终奖（12月发放）：", cny(f.bonus), "bonus", pid, "zh", right=500)
    b = lv(c, (520, y4), "工资卡：", f.bank.zh, "bank", pid, "zh", right=c.width - 150)
    c.text((b[2] + 10, y4 + 2), f"尾号{f.card_number[-4:]}", size=20, fill=INK, attribute_id="bank_card",
           person_id=pid, lang="zh", masked=True)
    c.line([(30, c.height - 52), (c.width - 30, c.height - 52)], fill=(200, 205, 215))
    c.text((40, c.height - 40), "本工资条仅供本人核对，请注意保密；如有疑问请于5个工作日内联系人力资源部。", size=15,
           fill=GREY, lang="zh")


def _payslip_en(ctx: DocContext, c: Canvas) -> None:
    p, f, pid = ctx.person, ctx.person.financial, ctx.person.id
    green, pale = (22, 110, 70), (232, 245, 237)
    day = ctx.date
    start = day.replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    c.gradient_band((0, 0, c.width, 12), (14, 84, 52), (60, 160, 100))
    c.paste(emblem(64, stable_seed("employer", p.employer.en), green), (34, 30))
    bold(c, (110, 30), p.employer.en, size=26, fill=INK, attribute_id="employer", person_id=pid, lang="en",
         max_width=560)
    c.text((111, 68), p.workplace.full.en, size=17, fill=GREY, attribute_id="workplace_address", person_id=pid,
           lang="en", max_width=540)
    bold(c, (c.width - 36, 30), "EARNINGS STATEMENT", size=24, fill=green, lang="en", anchor="ra")
    c.text((c.width - 36, 66), f"Pay period: {start:%m/%d/%Y} - {end:%m/%d/%Y}", size=17, fill=INK, lang="en",
           anchor="ra")
    c.text((c.width - 36, 90), f"Pay date: {end:%m/%d/%Y}", size=17, fill=INK, lang="en", anchor="ra")
    y = 128
    c.rect((30, y, c.width - 30, y + 92), fill=pale, outline=(160, 200, 175))
    lv(c, (46, y + 12), "Employee:", p.name.full.en, "name", pid, "en", right=470)
    lv(c, (500, y + 12), "Employee ID:", p.contact.employee_id, "employee_id", pid, "en", right=c.width - 40,
       style="mono")
    lv(c, (46, y + 52), "Advice #:", f"{ctx.rng.randint(10**6, 10**7 - 1)}", None, pid, "en", right=470)
    lv(c, (500, y + 52), "Filing status:", ctx.rng.choice(["Single", "Married", "Head of household"]), None, pid,
       "en", right=c.width - 40)
    gross = f.base_salary + f.allowance
    months = end.month
    tax = round(f.income_tax / 12)
    contrib = contributions(gross, False)
    y2 = y + 114
    rows = [[Cell("Earnings"), Cell("This period", align="right"), Cell("Year to date", align="right")],
            [Cell("Base salary"), Cell(usd(f.base_salary), "base_salary", pid, "right"),
             Cell(usd(f.base_salary * months), align="right")],
            [Cell("Allowance"), Cell(usd(f.allowance), "allowance", pid, "right"),
             Cell(usd(f.allowance * months), align="right")],
            [Cell("Gross pay"), Cell(usd(gross), align="right"), Cell(usd(gross * months), align="right")]]
    table(c, (30, y2), rows, [200, 130, 140], row_height=40, size=19, lang="en", header_fill=pale,
          border=(160, 200, 175))
    drows = [[Cell("Deductions"), Cell("This period", align="right"), Cell("Year to date", align="right")],
             [Cell("Federal income tax"), Cell(usd(tax), align="right"), Cell(usd(tax * months), align="right")]]
    drows += [[Cell(n), Cell(usd(v), align="right"), Cell(usd(v * months), align="right")] for n, v in contrib]
    table(c, (520, y2), drows, [190, 120, 130], row_height=40, size=19, lang="en", header_fill=pale,
          border=(160, 200, 175))
    net = gross - tax - sum(v for _, v in contrib)
    y3 = y2 + 4 * 40 + 30
    c.rect((520, y3, c.width - 30, y3 + 64), fill=green)
    bold(c, (540, y3 + 32), "NET PAY", size=24, fill=(255, 255, 255), lang="en", anchor="lm")
    bold(c, (c.width - 48, y3 + 32), usd(net), size=28, fill=(255, 255, 255), lang="en", anchor="rm")
    table(c, (30, y3 - 8), [[Cell("Annual bonus (paid in December)"), Cell(usd(f.bonus), "bonus", pid, "right")]],
          [300, 170], row_height=42, size=19, lang="en", header_fill=pale, border=(160, 200, 175))
    lv(c, (40, y3 + 48), "Direct deposit:", f.bank.en, "bank", pid, "en", right=500, size=20)
    account = f"****{f.card_number[-4:]}"
    c.label_value((40, y3 + 86), "Account:", account, size=20, label_size=18, attribute_id="bank_card", person_id=pid,
                  lang="en", fill=INK, label_fill=GREY, gap=10, max_width=500 - 40 - c.measure("Account:", size=18)[0]
                  - 10, masked=True)
    c.line([(30, c.height - 46), (c.width - 30, c.height - 46)], fill=(190, 210, 195))
    c.text((40, c.height - 34), "This is not a check. Non-negotiable.", size=15, fill=GREY, lang="en")


@document("payslip", title=("payslip", "工资条"))
def render_payslip(ctx: DocContext) -> Rendered:
    """zh: a blue 工资条 of two tables or an orange 薪资明细单 of two lists; en: a green US earnings statement
    or a navy pay stub."""
    zh = ctx.lang == "zh"
    design = pick_design(ctx, ("tables", "list") if zh else ("statement", "stub"))
    if design in ("tables", "statement"):
        c = Canvas.from_image(paper(1000, 700 if zh else 620, (255, 255, 255), ctx.rng.randrange(2)))
        (_payslip_zh if zh else _payslip_en)(ctx, c)
        colour = ("blue", "蓝色") if zh else ("green", "绿色")
    else:
        c = (payslip_zh_list if zh else payslip_en_stub)(ctx)
        colour = ("orange", "橙色") if zh else ("navy", "藏青色")
    c.check_inside()
    return Rendered(c, lang=ctx.lang, person_ids=(ctx.person.id,),
                    meta={"colour_en": colour[0], "colour_zh": colour[1], "date": ctx.date.isoformat(),
                          "design": design})


# --------------------------------------------------------------------------------------------- tax record


def _tax_zh(ctx: DocContext, c: Canvas) -> None:
    p, f, pid = ctx.person, ctx.person.financial, ctx.person.id
    year = ctx.date.year - 1
    c.text((c.width // 2, 70), "个人所得税纳税记录", size=40, style="bold", fill=INK, lang="zh", anchor="mm")
    c.text((c.width // 2, 118), f"（{year}年01月01日至{year}年12月31日）", size=20, fill=INK, lang="zh",
           anchor="mm")
    c.text((50, 160), f"记录编号：{ctx.rng.randint(10**15, 10**16 - 1)}", size=16, style="mono", fill=GREY,
           lang="zh")
    c.text((c.width - 50, 160), "金额单位：人民币元（列至角分）", size=16, fill=GREY, lang="zh", anchor="ra")
    y = 190
    c.rect((40, y, c.width - 40, y + 138), outline=INK, width=2)
    c.line([(40, y + 46), (c.width - 40, y + 46)], fill=INK)
    c.line([(40, y + 92), (c.width - 40, y + 92)], fill=INK)
    lv(c, (54, y + 10), "纳税人姓名：", p.name.full.zh, "name", pid, "zh", right=360)
    assert p.documents.id_number is not None
    lv(c, (380, y + 10), "身份证件号码：", p.documents.id_number, "id_number", pid, "zh", right=c.width - 50)
    lv(c, (54, y + 56), "扣缴义务人：", p.employer.zh, "employer", pid, "zh", right=c.width - 50)
    wages, taxes, bonus_tax = monthly(p)
    lv(c, (54, y + 102), "查询期间：", f"{year}年01月至{year}年12月", None, pid, "zh", right=560)
    lv(c, (580, y + 102), "记录条数：", str(12 + bool(f.bonus)), None, pid, "zh", right=c.width - 50)
    head = [Cell(h, align="center") for h in ("序号", "所得项目", "所得期间", "收入", "实缴（退）税额", "入库日期")]
    rows = [head]
    for i in range(12):
        paid = dt.date(year + (i == 11), (i + 1) % 12 + 1, 15)
        rows.append([Cell(str(i + 1), align="center"), Cell("工资薪金"), Cell(f"{year}-{i + 1:02d}", align="center"),
                     Cell(cny(wages[i]), align="right"), Cell(cny(taxes[i]), align="right"),
                     Cell(f"{paid:%Y-%m-%d}", align="center")])
    if f.bonus:
        rows.append([Cell("13", align="center"), Cell("全年一次性奖金"), Cell(f"{year}-12", align="center"),
                     Cell(cny(f.bonus), "bonus", pid, "right"), Cell(cny(bonus_tax), align="right"),
                     Cell(f"{year + 1}-01-15", align="center")])
    rows.append([Cell("合计", align="center"), Cell(" "), Cell(" "),
                 Cell(cny(f.annual_income), "annual_income", pid, "right"),
                 Cell(cny(f.income_tax), "income_tax", pid, "right"), Cell(" ")])
    table(c, (40, 356), rows, [66, 156, 128, 160, 164, 146], row_height=38, size=19, lang="zh",
          header_fill=(236, 236, 236), border=(90, 90, 90))
    y = 356 + 38 * len(rows) + 30
    c.text((50, y), "说明：", size=15, fill=GREY, lang="zh")
    c.text((96, y), "1. 本记录为纳税人本人通过电子税务服务平台查询打印，仅证明所列期间已缴纳个人所得税情况。", size=15,
           fill=GREY, lang="zh", max_width=c.width - 146)
    c.text((96, y + 26), "2. 纳税人可扫描右侧二维码或登录服务平台输入验证码核验本记录真伪。", size=15, fill=GREY,
           lang="zh")
    c.text((50, y + 100), f"开具日期：{ctx.date:%Y-%m-%d}", size=20, fill=INK, lang="zh")
    c.text((50, y + 136), f"验证码：{ctx.rng.randint(10**11, 10**12 - 1)}", size=20, style="mono", fill=INK,
           lang="zh")
    stamp(c, (520, y + 120), 74, "个人所得税纳税记录", center_text="电子专用章", lang="zh")
    c.paste(qr_like(120, ctx.seed), (c.width - 170, y + 66))


def _w2(ctx: DocContext, c: Canvas) -> None:
    p, f, pid = ctx.person, ctx.person.financial, ctx.person.id
    assert p.documents.ssn is not None
    year = ctx.date.year - 1
    line: RGB = (40, 40, 40)

    def cell(box: tuple[int, int, int, int], label: str) -> None:
        c.rect(box, outline=line, width=1)
        c.text((box[0] + 6, box[1] + 4), label, size=13, fill=GREY, lang="en")

    def val(x: int, y: int, s: str, attr: str | None, right: int) -> None:
        c.text((x, y), s, size=21, style="mono", fill=INK, attribute_id=attr, person_id=pid if attr else None,
               lang="en", max_width=right - x)

    L, M, R = 30, 520, 970
    cell((L, 30, M, 84), "a  Employee's social security number")
    val(L + 14, 54, p.documents.ssn, "ssn", M - 10)
    c.rect((M, 30, R, 84), fill=(240, 240, 240))
    c.text((M + 12, 44), "OMB No. 1545-0008   Safe, accurate, FAST!", size=14, fill=GREY, lang="en")
    cell((L, 84, M, 138), "b  Employer identification number (EIN)")
    val(L + 14, 108, f"{ctx.rng.randint(10, 98)}-{ctx.rng.randint(10**6, 10**7 - 1)}", None, M - 10)
    cell((L, 138, M, 260), "c  Employer's name, address, and ZIP code")
    val(L + 14, 164, p.employer.en, "employer", M - 10)
    c.text((L + 14, 200), p.workplace.full.en, size=18, style="mono", fill=INK, attribute_id="workplace_address",
           person_id=pid, lang="en", max_width=M - L - 24)
    cell((L, 260, M, 314), "d  Control number")
    val(L + 14, 284, f"{ctx.rng.randint(10**5, 10**6 - 1)}", None, M - 10)
    cell((L, 314, M, 368), "e  Employee's name")
    val(L + 14, 338, p.name.full.en, "name", M - 10)
    cell((L, 368, M, 470), "f  Employee's address and ZIP code")
    c.text((L + 14, 396), p.home.full.en, size=18, style="mono", fill=INK, attribute_id="home_address",
           person_id=pid, lang="en", max_width=M - L - 24)
    ss_cap = 168600 if year <= 2024 else 176100
    ss_wages = min(f.annual_income, ss_cap)
    boxes = [
        ("1  Wages, tips, other compensation", f"{f.annual_income:.2f}", "annual_income"),
        ("2  Federal income tax withheld", f"{f.income_tax:.2f}", "income_tax"),
        ("3  Social security wages", f"{ss_wages:.2f}", "annual_income" if ss_wages == f.annual_income else None),
        ("4  Social security tax withheld", f"{ss_wages * 0.062:.2f}", None),
        ("5  Medicare wages and tips", f"{f.annual_income:.2f}", "annual_income"),
        ("6  Medicare tax withheld", f"{f.annual_income * 0.0145:.2f}", None),
    ]
    for i, (label, amount, attr) in enumerate(boxes):
        x, y = M + (i % 2) * 225, 84 + (i // 2) * 62
        cell((x, y, x + 225, y + 62), label)
        val(x + 14, y + 30, amount, attr, x + 215)
    for i, label in enumerate(["7  Social security tips", "8  Allocated tips", "10  Dependent care benefits",
                               "11  Nonqualified plans"]):
        x, y = M + (i % 2) * 225, 270 + (i // 2) * 50
        cell((x, y, x + 225, y + 50), label)
    cell((M, 370, R, 470), "13  Statutory employee    Retirement plan    Third-party sick pay")
    for i in range(3):
        c.rect((M + 40 + i * 140, 404, M + 62 + i * 140, 426), outline=line, width=2)
    cell((L, 470, 200, 530), "15  State")
    val(L + 14, 494, p.home.region_abbr, None, 190)
    cell((200, 470, M, 530), "Employer's state ID number")
    val(214, 494, f"{ctx.rng.randint(10**7, 10**8 - 1)}", None, M - 10)
    cell((M, 470, R, 530), "16  State wages, tips, etc.     17  State income tax")
    c.rect((L, 548, R, 552), fill=INK)
    bold(c, (L, 572), "Form W-2  Wage and Tax Statement", size=26, fill=INK, lang="en")
    bold(c, (R, 566), str(year), size=44, fill=INK, lang="en", anchor="ra")
    c.text((L, 612), "Copy C—For EMPLOYEE'S RECORDS. This information is being furnished to you for your", size=15,
           fill=GREY, lang="en")
    c.text((L, 634), "records; keep it with your tax papers.", size=15, fill=GREY, lang="en")


@document("tax_record", title=("tax record", "个人所得税纳税记录"))
def render_tax_record(ctx: DocContext) -> Rendered:
    """zh: a printed annual 纳税记录 with a monthly table or a landscape yearly summary; en: a W-2 wage and tax
    statement or a tax preparer's year summary."""
    zh = ctx.lang == "zh"
    design = pick_design(ctx, ("monthly", "summary") if zh else ("w2", "summary"))
    if design == "monthly":
        c = Canvas.from_image(paper(900, 1270, (255, 255, 255), ctx.rng.randrange(2)))
        _tax_zh(ctx, c)
    elif design == "w2":
        c = Canvas.from_image(paper(1000, 670, (255, 255, 255), ctx.rng.randrange(2)))
        _w2(ctx, c)
    else:
        c = (tax_zh_summary if zh else tax_en_summary)(ctx)
    c.check_inside()
    colour = ("white", "白色") if design != "summary" or zh else ("teal", "青绿色")
    return Rendered(c, lang=ctx.lang, person_ids=(ctx.person.id,),
                    meta={"colour_en": colour[0], "colour_zh": colour[1], "date": ctx.date.isoformat(),
                          "design": design})
