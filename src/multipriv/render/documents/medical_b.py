"""Second designs of the medical kinds: a clinic's report form with a bordered patient grid and numbered
sections, an internet hospital's 电子处方, a US report in serif type and a physician's prescription pad.

They print exactly the attributes of the first designs; the prescription never the diagnosis (task 6 infers it
from the drug and the clinical note).
"""

from __future__ import annotations

import datetime as dt

from multipriv.render.canvas import RGB, Canvas
from multipriv.render.decor import Cell, barcode, qr_like, stamp, table
from multipriv.render.documents.base import DocContext
from multipriv.render.documents.doc_kit import (
    GREY,
    INK,
    H,
    W,
    bold,
    hospital_logo,
    lab_rows,
    lv,
    paper,
    split_findings,
    stable_seed,
)
from multipriv.render.documents.printed_dates import date_text
from multipriv.render.signature import draw_signature
from multipriv.world.derive import age_at
from multipriv.world.records import clinical_note
from multipriv.world.values import value

WHITE: RGB = (255, 255, 255)
PRACTICES = ("Maple Grove Family Medicine", "Riverside Internal Medicine", "Oakhaven Primary Care",
             "Lakeshore Medical Group")


def report_zh_grid(ctx: DocContext) -> Canvas:
    """A teal clinic form: hospital name on the left, patient grid, 一/二/三 sections, 结论 and seal."""
    p, m, pid = ctx.person, ctx.person.medical, ctx.person.id
    teal, pale = (0, 112, 120), (226, 243, 244)
    c = Canvas.from_image(paper(W, H, (255, 255, 255), ctx.rng.randrange(2)))
    c.paste(hospital_logo(m.hospital.zh, 74, teal, WHITE), (40, 26))
    c.text((128, 30), m.hospital.zh, size=30, style="serif", fill=teal, attribute_id="hospital", person_id=pid,
           lang="zh", max_width=W - 170)
    c.text((130, 76), "健康体检中心  Health Check Center", size=17, fill=GREY, lang="zh")
    c.text((W // 2, 148), "健康体检报告单", size=36, style="bold", fill=INK, lang="zh", anchor="mm")
    c.line([(40, 182), (W - 40, 182)], fill=teal, width=3)
    c.line([(40, 188), (W - 40, 188)], fill=teal, width=1)
    gender = value(p, "gender").get("zh")  # type: ignore[union-attr]
    rows = [[Cell("受检者", align="center"), Cell(p.name.full.zh, "name", pid), Cell("性别", align="center"),
             Cell(gender, "gender", pid, "center"), Cell("年龄", align="center"),
             Cell(f"{age_at(p.birth_date, m.exam_date)}岁", "age", pid, "center")],
            [Cell("体检日期", align="center"), Cell(date_text(m.exam_date, "cn")), Cell("编号", align="center"),
             Cell(f"{ctx.rng.randint(10**6, 10**7 - 1)}", align="center", style="mono"),
             Cell("医保卡号", align="center"), Cell(m.insurance_number, "insurance_number", pid, style="mono")]]
    table(c, (40, 208), rows, [104, 196, 76, 104, 104, 236], row_height=46, size=21, lang="zh",
          border=(120, 160, 165))
    lv(c, (52, 316), "检查项目：", m.exam_type.zh, "exam_type", pid, "zh", right=560)
    lv(c, (580, 316), "科室：", m.department.zh, None, pid, "zh", right=W - 52)

    def section(y: int, text: str) -> None:
        c.text((44, y), text, size=23, style="bold", fill=teal, lang="zh")
        c.line([(44, y + 34), (W - 44, y + 34)], fill=(180, 210, 212))

    section(370, "一、检查所见")
    y = 420
    for finding in split_findings(m.findings.zh):
        c.text((64, y), "·", size=22, fill=INK, lang="zh")
        c.text((88, y), finding, size=22, fill=INK, attribute_id="exam_findings", person_id=pid, lang="zh",
               max_width=W - 140)
        y += 40
    y = max(y + 16, 520)
    section(y, "二、化验结果")
    lab = [[Cell(h, align="center") for h in ("检验项目", "结果", "参考值", "单位")]]
    lab += [[Cell(n), Cell(v, align="center"), Cell(ref, align="center"), Cell(u, align="center")]
            for n, v, ref, u in lab_rows(ctx.rng, "zh")]
    table(c, (40, y + 50), lab, [300, 150, 220, 150], row_height=38, size=20, lang="zh", header_fill=pale,
          border=(170, 200, 202))
    y += 50 + 38 * len(lab) + 26
    section(y, "三、检查结论")
    c.rect((40, y + 48, W - 40, y + 110), fill=pale)
    c.text((60, y + 79), m.diagnosis.zh, size=26, style="bold", fill=INK, attribute_id="diagnosis", person_id=pid,
           lang="zh", anchor="lm", max_width=W - 120)
    c.text((60, y + 126), "建议：请至相关专科门诊进一步诊治，定期随访复查。", size=19, fill=GREY, lang="zh")
    y0 = c.height - 150
    lv(c, (52, y0), "主检医师：", m.physician.zh, "physician", pid, "zh", right=400)
    signed = m.exam_date + dt.timedelta(days=ctx.rng.randint(1, 5))
    lv(c, (52, y0 + 46), "审核日期：", date_text(signed, "cn"), None, pid, "zh", right=400)
    stamp(c, (560, y0 + 30), 64, m.hospital.zh, center_text="健康体检专用章", lang="zh")
    code = f"{m.exam_date:%y%m%d}{ctx.rng.randint(10**5, 10**6 - 1)}"
    c.paste(barcode(200, 50, code), (W - 250, y0 - 4))
    c.text((W - 150, y0 + 54), code, size=15, style="mono", fill=GREY, lang="zh", anchor="ma")
    c.text((W // 2, c.height - 24), "本报告单仅供临床参考 · 第1页 共1页", size=14, fill=GREY, lang="zh", anchor="ms")
    return c


def report_en_serif(ctx: DocContext) -> Canvas:
    """A maroon US outpatient report in serif type: centred letterhead, label column, numbered findings."""
    p, m, pid = ctx.person, ctx.person.medical, ctx.person.id
    maroon = (128, 28, 48)
    c = Canvas.from_image(paper(W, H, (255, 255, 255), ctx.rng.randrange(2)))
    c.text((W // 2, 40), m.hospital.en, size=32, style="serif", fill=maroon, attribute_id="hospital",
           person_id=pid, lang="en", anchor="ma", max_width=W - 100)
    c.text((W // 2, 92), "Outpatient Diagnostic Services", size=19, style="serif", fill=GREY, lang="en",
           anchor="ma")
    c.line([(60, 130), (W - 60, 130)], fill=maroon, width=2)
    c.text((60, 150), "Examination Report", size=28, style="serif", fill=INK, lang="en")
    c.text((W - 60, 158), f"Date of service: {date_text(m.exam_date, 'day_mon')}", size=19, fill=INK, lang="en",
           anchor="ra")
    gender = value(p, "gender").get("en")  # type: ignore[union-attr]
    rows: list[tuple[str, str, str | None]] = [
        ("Patient name", p.name.full.en, "name"), ("Insurance ID", m.insurance_number, "insurance_number"),
        ("Procedure", m.exam_type.en, "exam_type"),
        ("Referring physician", m.physician.en, "physician"), ("Clinic", m.department.en, None)]
    y = 212
    # sex and age share a row, each value right after its label (short values alone read poorly)
    lv(c, (60, y), "Sex:", gender, "gender", pid, "en", right=400, size=24, gap=12)
    lv(c, (420, y), "Age (years):", str(age_at(p.birth_date, m.exam_date)), "age", pid, "en", right=W - 60, size=24,
       gap=12)
    y += 40
    for label, val, attr in rows:
        c.text((60, y + 2), label, size=19, style="serif", fill=GREY, lang="en")
        c.text((290, y - 1), val, size=24, fill=INK, attribute_id=attr, person_id=pid if attr else None, lang="en",
               max_width=W - 350)
        y += 38
    c.line([(60, y + 6), (W - 60, y + 6)], fill=(200, 180, 186))
    y += 26
    c.text((60, y), "Findings", size=24, style="serif", fill=maroon, lang="en")
    y += 44
    for i, finding in enumerate(split_findings(m.findings.en), 1):
        c.text((70, y), f"{i})", size=22, fill=INK, lang="en")
        c.text((106, y), finding, size=22, fill=INK, attribute_id="exam_findings", person_id=pid, lang="en",
               max_width=W - 170)
        y += 40
    y = max(y + 16, 640)
    c.text((60, y), "Laboratory", size=24, style="serif", fill=maroon, lang="en")
    lab = [[Cell("Analyte"), Cell("Value", align="center"), Cell("Normal range", align="center"),
            Cell("Units", align="center")]]
    lab += [[Cell(n), Cell(v, align="center"), Cell(ref, align="center"), Cell(u, align="center")]
            for n, v, ref, u in lab_rows(ctx.rng, "en")]
    table(c, (60, y + 42), lab, [260, 150, 200, 170], row_height=36, size=19, lang="en",
          header_fill=(244, 232, 235), border=(200, 180, 186))
    y += 42 + 36 * len(lab) + 26
    c.text((60, y), "Assessment", size=24, style="serif", fill=maroon, lang="en")
    said = c.text((70, y + 48), "Impression:", size=22, fill=GREY, lang="en")
    bold(c, (said[2] + 12, y + 44), m.diagnosis.en, size=26, fill=INK, attribute_id="diagnosis", person_id=pid,
         lang="en", max_width=W - 90 - said[2])
    y0 = c.height - 120
    c.line([(60, y0 - 16), (W - 60, y0 - 16)], fill=(200, 180, 186))
    sig = draw_signature(m.physician.en, stable_seed("sig", m.physician.en) % 6, (200, 56), ink=(30, 40, 110))
    c.record_label(m.physician.en, c.paste(sig, (60, y0)), "en")
    c.text((60, y0 + 64), f"Reviewed {date_text(m.exam_date, 'us')}", size=17, fill=GREY, lang="en")
    c.paste(qr_like(96, ctx.seed), (W - 156, y0 - 6))
    c.text((W // 2, c.height - 22), "Confidential: protected health information", size=14, fill=GREY, lang="en",
           anchor="ms")
    return c


def prescription_zh_online(ctx: DocContext) -> Canvas:
    """An internet hospital's blue 电子处方: header band, patient grid, drug line, pharmacist boxes, QR."""
    p, m, pid, rng = ctx.person, ctx.person.medical, ctx.person.id, ctx.rng
    blue, pale = (22, 96, 196), (232, 241, 253)
    c = Canvas.from_image(paper(W, 1120, (255, 255, 255), rng.randrange(2)))
    c.gradient_band((0, 0, W, 120), (14, 70, 160), blue)
    c.text((40, 24), m.hospital.zh, size=30, style="bold", fill=WHITE, attribute_id="hospital", person_id=pid,
           lang="zh", max_width=W - 300)
    c.text((40, 72), "互联网医院 · 电子处方", size=22, fill=(220, 232, 252), lang="zh")
    c.text((W - 40, 30), "处方编号", size=16, fill=(220, 232, 252), lang="zh", anchor="ra")
    c.text((W - 40, 56), f"RX{rng.randint(10**11, 10**12 - 1)}", size=19, style="mono", fill=WHITE, lang="zh",
           anchor="ra")
    gender = value(p, "gender").get("zh")  # type: ignore[union-attr]
    rows = [[Cell("姓名", align="center"), Cell(p.name.full.zh, "name", pid), Cell("性别", align="center"),
             Cell(gender, "gender", pid, "center"), Cell("年龄", align="center"),
             Cell(f"{age_at(p.birth_date, m.exam_date)}岁", "age", pid, "center")],
            [Cell("医保卡号", align="center"), Cell(m.insurance_number, "insurance_number", pid, style="mono"),
             Cell("科室", align="center"), Cell(m.department.zh, align="center"), Cell("开具日期", align="center"),
             Cell(date_text(m.exam_date, "slash_ymd"), align="center", style="mono")]]
    table(c, (40, 150), rows, [100, 230, 70, 130, 110, 180], row_height=48, size=21, lang="zh", header_fill=None,
          border=(150, 175, 215))
    lv(c, (52, 268), "病情摘要：", clinical_note(m).zh, "exam_findings", pid, "zh", right=W - 52, size=23)
    lv(c, (52, 316), "诊断：", "已录入电子病历", None, pid, "zh", right=W - 52, size=23)
    c.rect((40, 366, W - 40, 372), fill=pale)
    c.text((52, 392), "R", size=52, style="serif", fill=blue, lang="zh")
    c.text((96, 430), "p", size=30, style="serif", fill=blue, lang="zh")
    head = [Cell(h, align="center") for h in ("药品名称", "数量", "单位")]
    form = rng.choice(["片", "胶囊", "缓释片"]) if "气雾剂" not in m.medication.zh else "支"
    drug = [Cell(m.medication.zh, "medication", pid), Cell(str(rng.choice([1, 2, 3])), align="center"),
            Cell("盒" if form != "支" else "支", align="center")]
    table(c, (140, 400), [head, drug], [420, 110, 110], row_height=50, size=23, lang="zh", header_fill=pale,
          border=(150, 175, 215))
    c.text((150, 518), f"用法用量：{m.dosage.zh}", size=22, fill=INK, lang="zh", max_width=W - 200)
    c.text((W // 2, 600), "—— 以下空白 ——", size=19, fill=GREY, lang="zh", anchor="mm")
    y = c.height - 300
    c.line([(40, y), (W - 40, y)], fill=(150, 175, 215), width=2)
    sig_box = lv(c, (52, y + 28), "开方医师：", m.physician.zh, "physician", pid, "zh", right=330, size=23)
    sig = draw_signature(m.physician.zh, stable_seed("sig", m.physician.zh) % 6, (140, 54), ink=(25, 35, 110))
    c.record_label(m.physician.zh, c.paste(sig, (sig_box[2] + 16, y + 12)), "zh")
    for i, lab in enumerate(("审方药师：", "调配药师：")):
        c.text((52, y + 100 + 46 * i), lab, size=20, fill=GREY, lang="zh")
        c.line([(160, y + 126 + 46 * i), (380, y + 126 + 46 * i)], fill=GREY)
    stamp(c, (500, y + 120), 62, m.hospital.zh, center_text="电子处方专用章", lang="zh", colour=(200, 30, 40))
    c.paste(qr_like(140, ctx.seed), (W - 190, y + 30))
    c.text((W - 120, y + 180), "凭码至药房取药", size=16, fill=GREY, lang="zh", anchor="ma")
    c.text((52, c.height - 44), "本处方3日内有效；线上处方经药师审核后方可调配。", size=16, fill=GREY, lang="zh")
    return c


def prescription_en_pad(ctx: DocContext) -> Canvas:
    """A physician's prescription pad: prescriber letterhead, patient lines, Rx, sig, note, refills, signature."""
    p, m, pid, rng = ctx.person, ctx.person.medical, ctx.person.id, ctx.rng
    ink: RGB = (30, 50, 110)
    c = Canvas.from_image(paper(W, 1120, (255, 255, 255), rng.randrange(2)))
    w = c.width
    practice = PRACTICES[stable_seed("practice", m.physician.en) % len(PRACTICES)]
    bold(c, (w // 2, 36), m.physician.en, size=30, fill=ink, attribute_id="physician", person_id=pid, lang="en",
         anchor="ma", max_width=w - 120)
    c.text((w // 2, 82), practice, size=20, style="serif", fill=ink, lang="en", anchor="ma")
    c.text((w // 2, 112), f"{rng.randint(100, 9999)} {rng.choice(['Elm', 'Cedar', 'Harbor'])} Street, Suite "
           f"{rng.randint(100, 499)}  ·  DEA# {rng.choice('ABFM')}{rng.choice('ABCDEFGHJKLMPRSTW')}"
           f"{rng.randint(10**6, 10**7 - 1)}", size=16, fill=GREY, lang="en", anchor="ma", max_width=w - 80)
    c.line([(40, 146), (w - 40, 146)], fill=ink, width=2)

    def underline_field(y: int, label: str, val: str, attr: str, *, size: int = 24) -> None:
        lab = c.text((48, y + 4), label, size=19, fill=ink, lang="en")
        c.line([(lab[2] + 8, y + 34), (w - 48, y + 34)], fill=(170, 180, 205))
        c.text((lab[2] + 16, y), val, size=size, fill=INK, attribute_id=attr, person_id=pid, lang="en",
               max_width=w - 64 - lab[2] - 16)

    underline_field(170, "Patient:", p.name.full.en, "name")
    underline_field(220, "Address:", p.home.full.en, "home_address", size=21)
    c.text((48, 274), f"Date: {date_text(m.exam_date, 'us')}", size=21, fill=INK, lang="en")
    c.text((48, 330), "Rx", size=64, style="serif", fill=ink, lang="en")
    bold(c, (150, 346), m.medication.en, size=32, fill=INK, attribute_id="medication", person_id=pid, lang="en",
         max_width=w - 200)
    strength = rng.choice([30, 60, 90])
    c.text((150, 398), f"Disp: #{strength}", size=22, fill=INK, lang="en")
    c.text((150, 436), f"Sig: {m.dosage.en}", size=22, fill=INK, lang="en", max_width=w - 200)
    c.text((48, 506), "Note:", size=19, fill=ink, lang="en")
    c.text((48, 536), clinical_note(m).en, size=23, fill=INK, attribute_id="exam_findings", person_id=pid,
           lang="en", max_width=w - 96)
    y = 620
    c.text((48, y), "Refills:", size=20, fill=ink, lang="en")
    chosen = rng.randint(0, 3)
    for i, lab in enumerate(("0", "1", "2", "3", "PRN")):
        x = 150 + i * 64
        box = c.text((x, y), lab, size=20, fill=INK, lang="en")
        if i == chosen:  # circled by the prescriber's pen
            c.draw.ellipse((box[0] - 12, box[1] - 9, box[2] + 12, box[3] + 9), outline=(40, 60, 150), width=2)
    c.rect((48, y + 60, 72, y + 84), outline=ink, width=2)
    c.text((84, y + 60), "Substitution permitted", size=19, fill=INK, lang="en")
    y0 = c.height - 200
    sig = draw_signature(m.physician.en, stable_seed("sig", m.physician.en) % 6, (240, 70), ink=(30, 40, 120))
    c.record_label(m.physician.en, c.paste(sig, (w - 340, y0)), "en")
    c.line([(w - 360, y0 + 80), (w - 48, y0 + 80)], fill=ink)
    c.text((w - 360, y0 + 90), "Prescriber signature", size=16, fill=GREY, lang="en")
    c.text((48, c.height - 60), "Void if altered · Not valid for Schedule II after 90 days", size=15, fill=GREY,
           lang="en")
    return c
