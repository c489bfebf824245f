"""Second designs of the payslip and the tax record: another employer's payroll system and another way the
tax office (or a US payroll provider) summarises a year, with their own layout, wording and date style.

They print exactly the attributes of the first designs: the payslip never the annual income (task 6 computes
it), the tax record the annual figures (task 5 cross-checks them).
"""

from __future__ import annotations

import datetime as dt

from multipriv.render.canvas import RGB, Canvas
from multipriv.render.decor import Cell, emblem, qr_like, stamp, table
from multipriv.render.documents.base import DocContext
from multipriv.render.documents.doc_kit import GREY, INK, bold, lv, paper, stable_seed
from multipriv.render.documents.money import cny, contributions, monthly, usd
from multipriv.render.documents.printed_dates import date_text

WHITE: RGB = (255, 255, 255)


def payslip_zh_list(ctx: DocContext) -> Canvas:
    """An orange 薪资明细单: income and deduction items side by side as lists, the net pay in a band."""
    p, f, pid = ctx.person, ctx.person.financial, ctx.person.id
    orange, pale = (206, 104, 28), (253, 243, 232)
    c = Canvas.from_image(paper(860, 880, (255, 255, 255), ctx.rng.randrange(2)))
    w, day = c.width, ctx.date
    c.rect((0, 0, w, 8), fill=orange)
    c.text((w // 2, 52), p.employer.zh, size=32, style="serif", fill=INK, attribute_id="employer", person_id=pid,
           lang="zh", anchor="mm", max_width=w - 100)
    c.text((w // 2, 100), "薪 资 明 细 单", size=26, style="bold", fill=orange, lang="zh", anchor="mm")
    pay = day.replace(day=min(day.day, 25))
    c.text((44, 136), f"所属月份：{day.year}年{day.month}月", size=18, fill=GREY, lang="zh")
    c.text((w - 44, 136), f"发薪日：{date_text(pay, 'cn')}", size=18, fill=GREY, lang="zh", anchor="ra")
    c.rect((36, 170, w - 36, 268), fill=pale, outline=(230, 190, 150))
    lv(c, (52, 184), "员工姓名", p.name.full.zh, "name", pid, "zh", right=420, gap=16)
    lv(c, (450, 184), "员工编号", p.contact.employee_id, "employee_id", pid, "zh", right=w - 50, gap=16,
       style="mono")
    lv(c, (52, 228), "代发银行", f.bank.zh, "bank", pid, "zh", right=420, gap=16)
    lab = c.text((450, 230), "银行卡号", size=20, fill=GREY, lang="zh")
    card = f"{f.card_number[:4]}********{f.card_number[-4:]}"
    c.text((lab[2] + 16, 228), card, size=22, style="mono", fill=INK, attribute_id="bank_card", person_id=pid,
           lang="zh", masked=True, max_width=w - 50 - lab[2] - 16)
    gross = f.base_salary + f.allowance
    tax = round(f.income_tax / 12)
    contrib = contributions(gross, True)
    deductions = sum(v for _, v in contrib) + tax
    left: list[tuple[str, str, str | None]] = [("基本工资", cny(f.base_salary), "base_salary"),
                                               ("津贴补贴", cny(f.allowance), "allowance"),
                                               ("绩效工资", "0.00", None), ("加班工资", "0.00", None),
                                               ("其他应发", "0.00", None)]
    right: list[tuple[str, str, str | None]] = [(n, cny(round(v, 2)), None) for n, v in contrib]
    right.append(("代扣个税", cny(tax), None))
    for x0, x1, head, items in ((44, 410, "收入项目", left), (452, w - 44, "扣除项目", right)):
        c.text((x0, 292), head, size=21, style="bold", fill=orange, lang="zh")
        c.line([(x0, 326), (x1, 326)], fill=orange, width=2)
        for i, (name, amount, attr) in enumerate(items):
            y = 340 + 44 * i
            c.text((x0 + 6, y), name, size=21, fill=INK, lang="zh")
            c.text((x1 - 6, y), amount, size=22, style="mono", fill=INK, attribute_id=attr,
                   person_id=pid if attr else None, lang="zh", anchor="ra")
            c.line([(x0, y + 36), (x1, y + 36)], fill=(236, 220, 204))
    y = 340 + 44 * 5 + 14
    lv(c, (50, y), "应发合计：", cny(gross), None, pid, "zh", right=410)
    lv(c, (458, y), "扣除合计：", cny(round(deductions, 2)), None, pid, "zh", right=w - 44)
    y += 56
    c.rect((36, y, w - 36, y + 70), fill=orange)
    c.text((60, y + 35), "实发金额（元）", size=24, style="bold", fill=WHITE, lang="zh", anchor="lm")
    c.text((w - 60, y + 35), cny(round(gross - deductions, 2)), size=30, style="mono", fill=WHITE, lang="zh",
           anchor="rm")
    y += 100
    lv(c, (50, y), "年终奖金（每年12月随薪发放）：", cny(f.bonus), "bonus", pid, "zh", right=w - 50)
    c.line([(36, c.height - 64), (w - 36, c.height - 64)], fill=(220, 205, 190))
    c.text((44, c.height - 50), "温馨提示：薪资信息属个人隐私，请勿外传；如有异议请在收到后三日内反馈。", size=16,
           fill=GREY, lang="zh", max_width=w - 88)
    return c


def payslip_en_stub(ctx: DocContext) -> Canvas:
    """A navy payroll-provider pay stub: monospaced figures, deposit block top right, another date style."""
    p, f, pid = ctx.person, ctx.person.financial, ctx.person.id
    navy, pale = (24, 44, 92), (236, 239, 246)
    c = Canvas.from_image(paper(1000, 620, (255, 255, 255), ctx.rng.randrange(2)))
    w, day = c.width, ctx.date
    start = day.replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    bold(c, (36, 28), p.employer.en, size=26, fill=navy, attribute_id="employer", person_id=pid, lang="en",
         max_width=540)
    c.text((36, 66), p.workplace.full.en, size=17, fill=GREY, attribute_id="workplace_address", person_id=pid,
           lang="en", max_width=540)
    c.text((w - 36, 26), "Pay Statement", size=30, style="serif", fill=navy, lang="en", anchor="ra")
    c.text((w - 36, 70), f"Period: {date_text(start, 'day_mon')} to {date_text(end, 'day_mon')}", size=17,
           fill=INK, lang="en", anchor="ra")
    c.text((w - 36, 94), f"Check date: {date_text(end, 'mon_day')}", size=17, fill=INK, lang="en", anchor="ra")
    c.rect((30, 126, w - 30, 130), fill=navy)
    lv(c, (40, 146), "Employee Name", p.name.full.en, "name", pid, "en", right=520, gap=14, label_fill=navy)
    lv(c, (40, 186), "Emp #", p.contact.employee_id, "employee_id", pid, "en", right=520, gap=14, label_fill=navy,
       style="mono")
    lv(c, (560, 146), "Deposited to", f.bank.en, "bank", pid, "en", right=w - 40, gap=14, label_fill=navy)
    lab = c.text((560, 188), "Account", size=20, fill=navy, lang="en")
    c.text((lab[2] + 14, 186), f"{f.card_number[:4]}********{f.card_number[-4:]}", size=22, style="mono", fill=INK,
           attribute_id="bank_card", person_id=pid, lang="en", masked=True)
    gross = f.base_salary + f.allowance
    months = end.month
    tax = round(f.income_tax / 12)
    contrib = contributions(gross, False)
    y = 236
    rows = [[Cell("Earnings"), Cell("Current", align="right"), Cell("YTD", align="right")],
            [Cell("Base pay"), Cell(usd(f.base_salary), "base_salary", pid, "right", "mono"),
             Cell(usd(f.base_salary * months), align="right", style="mono")],
            [Cell("Stipend"), Cell(usd(f.allowance), "allowance", pid, "right", "mono"),
             Cell(usd(f.allowance * months), align="right", style="mono")],
            [Cell("Gross earnings"), Cell(usd(gross), align="right", style="mono"),
             Cell(usd(gross * months), align="right", style="mono")]]
    table(c, (30, y), rows, [190, 170, 180], row_height=40, size=19, lang="en", header_fill=pale,
          border=(170, 178, 200))
    drows = [[Cell("Taxes / deductions"), Cell("Current", align="right")],
             [Cell("Fed withholding"), Cell(usd(tax), align="right", style="mono")]]
    drows += [[Cell(n), Cell(usd(v), align="right", style="mono")] for n, v in contrib]
    table(c, (600, y), drows, [220, 150], row_height=40, size=19, lang="en", header_fill=pale,
          border=(170, 178, 200))
    net = gross - tax - sum(v for _, v in contrib)
    y2 = y + 4 * 40 + 34
    lv(c, (40, y2), "Bonus (annual, paid in Dec):", usd(f.bonus), "bonus", pid, "en", right=560, label_fill=navy,
       style="mono")
    c.rect((600, y2 - 10, w - 30, y2 + 56), fill=navy)
    c.text((620, y2 + 23), "Net Pay", size=24, style="serif", fill=WHITE, lang="en", anchor="lm")
    c.text((w - 48, y2 + 23), usd(net), size=28, style="mono", fill=WHITE, lang="en", anchor="rm")
    c.paste(emblem(56, stable_seed("provider", p.employer.en), navy), (36, c.height - 96))
    c.text((104, c.height - 82), "Payroll services by Keystone Payroll Co.", size=16, fill=GREY, lang="en")
    c.text((104, c.height - 58), "Keep this statement for your records.", size=16, fill=GREY, lang="en")
    return c


def tax_zh_summary(ctx: DocContext) -> Canvas:
    """A landscape 年度收入纳税明细: taxpayer grid, one row per income item, total row, seal and code."""
    p, f, pid = ctx.person, ctx.person.financial, ctx.person.id
    assert p.documents.id_number is not None
    c = Canvas.from_image(paper(1100, 680, (255, 255, 255), ctx.rng.randrange(2)))
    w, year = c.width, ctx.date.year - 1
    green = (30, 100, 80)
    c.text((w // 2, 56), "个人所得税年度收入纳税明细", size=36, style="serif", fill=INK, lang="zh", anchor="mm")
    c.line([(w // 2 - 250, 88), (w // 2 + 250, 88)], fill=green, width=3)
    c.text((50, 112), f"填发日期：{date_text(ctx.date, 'cn')}", size=18, fill=INK, lang="zh")
    c.text((w - 50, 112), f"证明编号：No.{ctx.rng.randint(10**13, 10**14 - 1)}", size=18, style="mono", fill=INK,
           lang="zh", anchor="ra")
    grid = [[Cell("纳税人姓名", align="center"), Cell(p.name.full.zh, "name", pid),
             Cell("身份证件号码", align="center"), Cell(p.documents.id_number, "id_number", pid, style="mono")],
            [Cell("扣缴义务人", align="center"), Cell(p.employer.zh, "employer", pid), Cell("税款所属年度",
             align="center"), Cell(f"{year}年")]]
    table(c, (40, 148), grid, [150, 330, 170, 370], row_height=48, size=21, lang="zh", border=(60, 60, 60),
          line_width=2)
    wages, taxes, bonus_tax = monthly(p)
    head = [Cell(h, align="center") for h in ("税种", "品目名称", "税款所属时期", "入（退）库日期", "收入额",
                                              "实缴（退）金额")]
    rows = [head, [Cell("个人所得税", align="center"), Cell("工资薪金所得"),
                   Cell(f"{year}.01.01-{year}.12.31", align="center", style="mono"),
                   Cell(f"{year + 1}.01.15", align="center", style="mono"), Cell(cny(sum(wages)), align="right"),
                   Cell(cny(sum(taxes)), align="right")]]
    if f.bonus:
        rows.append([Cell("个人所得税", align="center"), Cell("全年一次性奖金"),
                     Cell(f"{year}.12.01-{year}.12.31", align="center", style="mono"),
                     Cell(f"{year + 1}.01.15", align="center", style="mono"),
                     Cell(cny(f.bonus), "bonus", pid, "right"), Cell(cny(bonus_tax), align="right")])
    rows.append([Cell("合计", align="center"), Cell(" "), Cell(" "), Cell(" "),
                 Cell(cny(f.annual_income), "annual_income", pid, "right"),
                 Cell(cny(f.income_tax), "income_tax", pid, "right")])
    table(c, (40, 270), rows, [120, 170, 250, 170, 150, 160], row_height=46, size=20, lang="zh",
          header_fill=(228, 240, 234), border=(60, 60, 60))
    y = 270 + 46 * len(rows) + 36
    c.text((50, y), "备注：本明细根据扣缴义务人全员全额扣缴申报信息生成，金额单位为人民币元。", size=17, fill=GREY,
           lang="zh", max_width=w - 330)
    c.text((50, y + 30), "妥善保管，不得转借、涂改、丢失；可通过右侧二维码核验真伪。", size=17, fill=GREY,
           lang="zh")
    c.text((50, y + 90), f"校验码：{ctx.rng.randint(10**15, 10**16 - 1)}", size=20, style="mono", fill=INK,
           lang="zh")
    stamp(c, (w - 330, y + 70), 70, "年度收入纳税明细", center_text="电子专用章", lang="zh")
    c.paste(qr_like(130, ctx.seed), (w - 180, y + 6))
    return c


def tax_en_summary(ctx: DocContext) -> Canvas:
    """A portrait year-end tax summary from a tax-preparation service: labelled rows in three sections."""
    p, f, pid = ctx.person, ctx.person.financial, ctx.person.id
    assert p.documents.ssn is not None
    teal, pale = (16, 110, 120), (230, 244, 245)
    c = Canvas.from_image(paper(900, 1000, (255, 255, 255), ctx.rng.randrange(2)))
    w, year = c.width, ctx.date.year - 1
    c.gradient_band((0, 0, w, 110), (10, 80, 90), teal)
    c.text((40, 30), f"{year} Tax Year Summary", size=34, style="serif", fill=WHITE, lang="en")
    c.text((40, 76), f"Prepared {date_text(ctx.date, 'mon_day')}", size=18, fill=(210, 240, 242), lang="en")
    c.text((w - 40, 44), "Harborline Tax Services", size=20, fill=WHITE, lang="en", anchor="ra")
    c.text((w - 40, 76), f"Return ID {ctx.rng.randint(10**8, 10**9 - 1)}", size=16, style="mono",
           fill=(210, 240, 242), lang="en", anchor="ra")

    def section(y: int, title: str) -> int:
        c.rect((30, y, w - 30, y + 40), fill=pale)
        bold(c, (44, y + 20), title, size=21, fill=teal, lang="en", anchor="lm")
        return y + 58

    def row(y: int, label: str, val: str, attr: str | None, *, mono: bool = False, size: int = 22) -> int:
        lab = c.text((50, y + 2), label + ":", size=19, fill=GREY, lang="en")
        x = lab[2] + 14  # each value right after its label: OCR reads the pair as one line
        c.text((x, y), val, size=size, style="mono" if mono else "sans", fill=INK, attribute_id=attr,
               person_id=pid if attr else None, lang="en", max_width=w - 40 - x)
        c.line([(44, y + 40), (w - 44, y + 40)], fill=(220, 226, 228))
        return y + 52

    y = section(140, "TAXPAYER")
    y = row(y, "Name", p.name.full.en, "name")
    y = row(y, "SSN", p.documents.ssn, "ssn", mono=True)
    y = row(y, "Home address", p.home.full.en, "home_address", size=20)
    y = section(y + 16, "EMPLOYER (FORM W-2)")
    y = row(y, "Employer", p.employer.en, "employer")
    y = row(y, "Employer address", p.workplace.full.en, "workplace_address", size=20)
    y = section(y + 16, "WAGES AND WITHHOLDING")
    y = row(y, "Wages (box 1)", f"{f.annual_income:,.2f}", "annual_income", mono=True)
    y = row(y, "Federal tax withheld (box 2)", f"{f.income_tax:,.2f}", "income_tax", mono=True)
    y = row(y, "Social Security tax (box 4)", f"{min(f.annual_income, 168600) * 0.062:,.2f}", None, mono=True)
    y = row(y, "Medicare tax (box 6)", f"{f.annual_income * 0.0145:,.2f}", None, mono=True)
    c.text((40, y + 20), "This summary is for your records. Figures come from the W-2 your employer filed.",
           size=16, fill=GREY, lang="en", max_width=w - 80)
    c.paste(qr_like(104, ctx.seed), (w - 144, c.height - 130))
    c.text((40, c.height - 40), "Harborline Tax Services · Confidential taxpayer information", size=15, fill=GREY,
           lang="en")
    return c
