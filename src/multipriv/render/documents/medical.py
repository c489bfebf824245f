"""Medical documents: an examination report and a prescription, in a Chinese and a US design.

The report prints the whole chain hospital -> exam -> findings -> diagnosis (task 7 walks it); the prescription
deliberately prints the medication and the deciding finding (a clinical note) but never the diagnosis: the drug
treats several conditions and the note decides between them, so task 6 can ask for the condition they imply.
"""

from __future__ import annotations

import datetime as dt
import re

from multipriv.render.canvas import Canvas
from multipriv.render.decor import Cell, barcode, emblem, qr_like, stamp, table
from multipriv.render.documents.base import DocContext, Rendered, document
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
from multipriv.render.documents.medical_b import (
    prescription_en_pad,
    prescription_zh_online,
    report_en_serif,
    report_zh_grid,
)
from multipriv.render.documents.printed_dates import pick_design
from multipriv.render.signature import draw_signature
from multipriv.world.derive import age_at
from multipriv.world.records import clinical_note
from multipriv.world.values import value

__all__ = ["render_medical_report", "render_prescription"]

# ------------------------------------------------------------------------------------------------ report


def _report_zh(ctx: DocContext, c: Canvas) -> None:
    p, m, pid = ctx.person, ctx.person.medical, ctx.person.id
    red, pale = (183, 28, 36), (251, 236, 236)
    c.gradient_band((0, 0, W, 118), (168, 20, 30), (214, 58, 58))
    c.paste(hospital_logo(m.hospital.zh, 86, (255, 255, 255), (200, 40, 45)), (34, 16))
    c.text((140, 22), m.hospital.zh, size=34, style="bold", fill=(255, 255, 255), attribute_id="hospital",
           person_id=pid, lang="zh", max_width=540)
    c.text((142, 76), "健康管理（体检）中心 · 医学检验科", size=18, fill=(255, 232, 232), lang="zh")
    no = f"TJ{m.exam_date:%Y%m%d}{ctx.rng.randint(10000, 99999)}"
    c.text((W - 30, 30), "报告编号", size=16, fill=(255, 232, 232), lang="zh", anchor="ra")
    c.text((W - 30, 56), no, size=17, style="mono", fill=(255, 255, 255), lang="zh", anchor="ra")
    title = ctx.rng.choice(["体检报告", "检查报告单"])
    c.text((W // 2, 168), title, size=40, style="bold", fill=INK, lang="zh", anchor="mm")
    c.line([(300, 198), (600, 198)], fill=red, width=2)
    # patient block
    c.rounded_rect((40, 222, W - 40, 372), 8, fill=pale, outline=(220, 170, 170), width=2)
    age = f"{age_at(p.birth_date, m.exam_date)}岁"
    gender = value(p, "gender").get("zh")  # type: ignore[union-attr]
    lv(c, (62, 240), "姓名：", p.name.full.zh, "name", pid, "zh", right=330)
    lv(c, (350, 240), "性别：", gender, "gender", pid, "zh", right=540)
    lv(c, (580, 240), "年龄：", age, "age", pid, "zh", right=W - 60)
    lv(c, (62, 286), "科室：", m.department.zh, None, pid, "zh", right=330)
    lv(c, (350, 286), "检查日期：", f"{m.exam_date:%Y-%m-%d}", None, pid, "zh", right=580)
    lv(c, (580, 286), "门诊号：", f"{ctx.rng.randint(10**7, 10**8 - 1)}", None, pid, "zh", right=W - 60)
    lv(c, (62, 332), "检查项目：", m.exam_type.zh, "exam_type", pid, "zh", right=540)
    lv(c, (580, 332), "医保号：", m.insurance_number, "insurance_number", pid, "zh", right=W - 56)

    def section(y: int, text: str) -> None:
        c.rect((40, y, W - 40, y + 36), fill=(246, 222, 222))
        c.rect((40, y, 48, y + 36), fill=red)
        c.text((62, y + 18), text, size=21, style="bold", fill=red, lang="zh", anchor="lm")

    section(398, "检查所见")
    y = 450
    for i, finding in enumerate(split_findings(m.findings.zh), 1):
        c.text((66, y), f"{i}.", size=22, fill=INK, lang="zh")
        c.text((96, y), finding, size=22, fill=INK, attribute_id="exam_findings", person_id=pid, lang="zh",
               max_width=W - 140)
        y += 40
    y = max(y + 14, 560)
    section(y, "检验结果")
    rows = [[Cell("项目", align="center"), Cell("结果", align="center"), Cell("单位", align="center"),
             Cell("参考范围", align="center"), Cell("提示", align="center")]]
    for name, v, ref, unit in lab_rows(ctx.rng, "zh"):
        rows.append([Cell(name), Cell(v, align="center"), Cell(unit, align="center"), Cell(ref, align="center"),
                     Cell("正常", align="center")])
    table(c, (40, y + 50), rows, [270, 130, 140, 170, 110], row_height=40, size=20, lang="zh",
          header_fill=(246, 228, 228), border=(190, 150, 150))
    y += 50 + 40 * len(rows) + 24
    section(y, "诊断意见")
    c.text((66, y + 80), "1.", size=24, fill=INK, lang="zh", anchor="ls")
    c.text((96, y + 80), m.diagnosis.zh, size=25, style="bold", fill=INK, attribute_id="diagnosis", person_id=pid,
           lang="zh", max_width=W - 140, anchor="ls")
    c.text((66, y + 104), "建议：遵医嘱规范治疗，定期复查，如有不适及时就诊。", size=19, fill=GREY, lang="zh")
    # sign-off, stamp and code
    y0 = 1090
    c.line([(40, y0 - 20), (W - 40, y0 - 20)], fill=(200, 170, 170), width=1)
    lv(c, (62, y0), "报告医师：", m.physician.zh, "physician", pid, "zh", right=420)
    lv(c, (62, y0 + 46), "报告日期：", f"{m.exam_date + dt.timedelta(days=ctx.rng.randint(0, 3)):%Y-%m-%d}",
       None, pid, "zh", right=420)
    stamp(c, (560, y0 + 36), 68, m.hospital.zh, center_text="体检专用章", lang="zh")
    c.paste(qr_like(112, ctx.seed), (W - 156, y0 - 8))
    c.text((W - 100, y0 + 114), "扫码查看电子报告", size=14, fill=GREY, lang="zh", anchor="ma")
    c.text((W // 2, H - 24), "本报告仅对本次检查负责，如有疑问请咨询医师。第 1 页 / 共 1 页", size=14, fill=GREY,
           lang="zh", anchor="ms")


def _report_en(ctx: DocContext, c: Canvas) -> None:
    p, m, pid = ctx.person, ctx.person.medical, ctx.person.id
    navy, blue, pale = (16, 52, 110), (30, 96, 180), (236, 243, 252)
    c.paste(hospital_logo(m.hospital.en, 84, blue, (255, 255, 255)), (40, 26))
    bold(c, (140, 28), m.hospital.en, size=32, fill=navy, attribute_id="hospital", person_id=pid, lang="en",
         max_width=W - 180)
    c.text((141, 76), "Department of Pathology & Laboratory Medicine", size=18, fill=GREY, lang="en")
    c.text((141, 100), f"CLIA ID 11D{ctx.rng.randint(10**6, 10**7 - 1)}  ·  Accredited clinical laboratory",
           size=15, fill=GREY, lang="en")
    c.gradient_band((0, 134, W, 184), navy, blue)
    bold(c, (40, 159), "MEDICAL EXAMINATION REPORT", size=26, fill=(255, 255, 255), lang="en", anchor="lm")
    c.text((W - 40, 159), f"Report # {ctx.rng.randint(10**7, 10**8 - 1)}", size=18, style="mono",
           fill=(225, 235, 250), lang="en", anchor="rm")
    # patient grid
    c.rect((40, 204, W - 40, 396), fill=pale, outline=(170, 190, 220), width=1)
    c.line([(W // 2, 204), (W // 2, 342)], fill=(170, 190, 220))
    c.line([(40, 342), (W - 40, 342)], fill=(170, 190, 220))
    gender = value(p, "gender").get("en")  # type: ignore[union-attr]
    left, right = 56, W // 2 + 16
    lv(c, (left, 218), "Patient:", p.name.full.en, "name", pid, "en", right=W // 2 - 12, label_fill=navy)
    lv(c, (right, 218), "Collected:", f"{m.exam_date:%m/%d/%Y}", None, pid, "en", right=W - 52, label_fill=navy)
    lv(c, (left, 262), "Sex:", gender, "gender", pid, "en", right=250, label_fill=navy)
    lv(c, (260, 262), "Age:", str(age_at(p.birth_date, m.exam_date)), "age", pid, "en", right=W // 2 - 12,
       label_fill=navy)
    lv(c, (right, 262), "Department:", m.department.en, None, pid, "en", right=W - 52, label_fill=navy)
    lv(c, (left, 306), "Member ID:", m.insurance_number, "insurance_number", pid, "en", right=W // 2 - 12,
       label_fill=navy)
    lv(c, (right, 306), "Physician:", m.physician.en, "physician", pid, "en", right=W - 52, label_fill=navy)
    lv(c, (left, 350), "Exam:", m.exam_type.en, "exam_type", pid, "en", right=W - 52, label_fill=navy)

    def section(y: int, text: str) -> None:
        bold(c, (40, y), text, size=21, fill=navy, lang="en")
        c.line([(40, y + 30), (W - 40, y + 30)], fill=blue, width=2)

    section(420, "FINDINGS")
    y = 468
    for finding in split_findings(m.findings.en):
        c.draw.ellipse((56, y + 10, 64, y + 18), fill=blue)
        c.text((76, y), finding, size=22, fill=INK, attribute_id="exam_findings", person_id=pid, lang="en",
               max_width=W - 120)
        y += 40
    y = max(y + 14, 580)
    section(y, "LABORATORY RESULTS")
    rows = [[Cell("Test"), Cell("Result", align="center"), Cell("Flag", align="center"),
             Cell("Reference range", align="center"), Cell("Units", align="center")]]
    for name, v, ref, unit in lab_rows(ctx.rng, "en"):
        rows.append([Cell(name), Cell(v, align="center"), Cell(" "), Cell(ref, align="center"),
                     Cell(unit, align="center")])
    table(c, (40, y + 46), rows, [250, 130, 90, 200, 150], row_height=38, size=20, lang="en",
          header_fill=(214, 228, 246), border=(160, 180, 210))
    y += 46 + 38 * len(rows) + 26
    section(y, "IMPRESSION")
    bold(c, (52, y + 48), m.diagnosis.en, size=26, fill=INK, attribute_id="diagnosis", person_id=pid,
           lang="en", max_width=W - 100)
    c.text((52, y + 96), "Follow up with the ordering physician to discuss treatment.", size=18, fill=GREY,
           lang="en")
    y0 = 1086
    c.line([(40, y0 - 18), (W - 40, y0 - 18)], fill=(170, 190, 220))
    lv(c, (52, y0), "Electronically signed by:", m.physician.en, "physician", pid, "en", right=520, size=21)
    signed = dt.datetime.combine(m.exam_date, dt.time(ctx.rng.randint(8, 18), ctx.rng.randint(0, 59)))
    lv(c, (52, y0 + 44), "Signed:", f"{signed:%m/%d/%Y %I:%M %p}", None, pid, "en", right=520, size=21)
    stamp(c, (626, y0 + 40), 64, "LABORATORY VERIFIED", colour=(35, 80, 170), center_text="QA", lang="en")
    c.paste(qr_like(108, ctx.seed), (W - 150, y0 - 6))
    c.text((W - 96, y0 + 110), "Results online", size=14, fill=GREY, lang="en", anchor="ma")
    c.text((W // 2, H - 22), "CONFIDENTIAL PATIENT INFORMATION  ·  Page 1 of 1", size=14, fill=GREY, lang="en",
           anchor="ms")


@document("medical_report", title=("medical examination report", "体检报告"))
def render_medical_report(ctx: DocContext) -> Rendered:
    """One exam with its findings and diagnosis; zh: red hospital band or teal clinic grid, en: blue US lab
    report or maroon serif outpatient report."""
    zh = ctx.lang == "zh"
    design = pick_design(ctx, ("band", "grid") if zh else ("lab", "serif"))
    if design in ("band", "lab"):
        c = Canvas.from_image(paper(W, H, (253, 252, 250) if zh else (255, 255, 255), ctx.rng.randrange(2)))
        (_report_zh if zh else _report_en)(ctx, c)
        colour = ("red", "红色") if zh else ("blue", "蓝色")
    else:
        c = (report_zh_grid if zh else report_en_serif)(ctx)
        colour = ("teal", "青绿色") if zh else ("maroon", "褐红色")
    c.check_inside()
    return Rendered(c, lang=ctx.lang, person_ids=(ctx.person.id,),
                    meta={"colour_en": colour[0], "colour_zh": colour[1],
                          "date": ctx.person.medical.exam_date.isoformat(), "design": design})


# ------------------------------------------------------------------------------------------ prescription

WARNINGS = (("TAKE WITH FOOD", "OR MILK"), ("MAY CAUSE", "DIZZINESS"), ("DO NOT DRINK", "ALCOHOL"),
            ("TAKE WITH A FULL", "GLASS OF WATER"), ("SHAKE WELL", "BEFORE USE"))
PHARMACIES = ("Cedar Row Pharmacy", "Bluebird Drug Co.", "Harbor Light Pharmacy", "Willowbend Apothecary",
              "Northgate Family Pharmacy", "Sunmeadow Drugs")


def _prescription_zh(ctx: DocContext, c: Canvas) -> None:
    p, m, pid = ctx.person, ctx.person.medical, ctx.person.id
    rng = ctx.rng
    c.text((W // 2, 70), m.hospital.zh, size=34, style="bold", fill=INK, attribute_id="hospital", person_id=pid,
           lang="zh", anchor="mm", max_width=620)
    c.text((W // 2, 134), "处 方 笺", size=44, style="bold", fill=INK, lang="zh", anchor="mm")
    kind = rng.choice(["普通", "医保"])
    c.rect((W - 150, 40, W - 50, 90), outline=INK, width=2)
    c.text((W - 100, 65), kind, size=24, style="bold", fill=INK, lang="zh", anchor="mm")
    c.text((60, 190), f"NO. {rng.randint(10**8, 10**9 - 1)}", size=18, style="mono", fill=GREY, lang="zh")
    c.text((W - 60, 190), f"费别：{'医保' if kind == '医保' else '自费'}", size=18, fill=GREY, lang="zh",
           anchor="ra")
    c.line([(50, 226), (W - 50, 226)], fill=INK, width=2)
    gender = value(p, "gender").get("zh")  # type: ignore[union-attr]
    lv(c, (60, 244), "姓名：", p.name.full.zh, "name", pid, "zh", right=330, size=24)
    lv(c, (360, 244), "性别：", gender, "gender", pid, "zh", right=540, size=24)
    lv(c, (580, 244), "年龄：", f"{age_at(p.birth_date, m.exam_date)}岁", "age", pid, "zh", right=W - 60, size=24)
    lv(c, (60, 296), "科别：", m.department.zh, None, pid, "zh", right=360, size=24)
    lv(c, (360, 296), "门诊号：", f"{rng.randint(10**7, 10**8 - 1)}", None, pid, "zh", right=W - 60, size=24)
    lv(c, (60, 348), "医保号：", m.insurance_number, "insurance_number", pid, "zh", right=460, size=24)
    lv(c, (500, 348), "日期：", f"{m.exam_date.year}年{m.exam_date.month:02d}月{m.exam_date.day:02d}日", None,
       pid, "zh", right=W - 60, size=24)
    # the form has a diagnosis line; it points to the record instead of naming the condition (task 6), and the
    # deciding finding is printed as the supporting exam result (辅助检查)
    lv(c, (60, 400), "临床诊断：", "详见门诊病历", None, pid, "zh", right=W - 60, size=24)
    lv(c, (60, 452), "辅助检查：", clinical_note(m).zh, "exam_findings", pid, "zh", right=W - 60, size=24)
    c.line([(50, 500), (W - 50, 500)], fill=INK, width=2)
    c.text((64, 522), "Rp.", size=48, style="serif", fill=(150, 20, 20), lang="zh")
    form = rng.choice(["片", "胶囊", "缓释片"]) if "气雾剂" not in m.medication.zh else ""
    box = c.text((120, 636), "1.", size=26, fill=INK, lang="zh", anchor="ls")
    box = c.text((box[2] + 12, 636), m.medication.zh, size=28, style="bold", fill=INK, attribute_id="medication",
                 person_id=pid, lang="zh", anchor="ls")
    qty = f"{form}  ×{rng.choice([2, 3, 4])}盒" if form else "×1支"
    c.text((box[2] + 10, 636), qty, size=26, fill=INK, lang="zh", anchor="ls")
    c.text((160, 668), f"用法：{m.dosage.zh}", size=24, fill=INK, lang="zh", max_width=W - 220)
    c.text((W // 2, 772), "（以下空白）", size=20, fill=GREY, lang="zh", anchor="mm")
    y = c.height - 270
    c.line([(50, y), (W - 50, y)], fill=INK, width=2)
    sig_box = lv(c, (60, y + 28), "医师：", m.physician.zh, "physician", pid, "zh", right=300, size=24)
    sig = draw_signature(m.physician.zh, stable_seed("sig", m.physician.zh) % 6, (150, 58), ink=(25, 35, 110))
    c.record_label(m.physician.zh, c.paste(sig, (sig_box[2] + 20, y + 10)), "zh")
    lv(c, (520, y + 28), "金额：", f"{rng.randint(1500, 32000) / 100:.2f}元", None, pid, "zh", right=W - 60, size=24)
    for i, lab in enumerate(["审核药师：", "调配药师：", "核对、发药药师："]):
        c.text((60 + i * 270, y + 104), lab, size=20, fill=GREY, lang="zh")
        c.line([(60 + i * 270 + c.measure(lab, size=20)[0] + 4, y + 128), (60 + i * 270 + 250, y + 128)], fill=GREY)
    stamp(c, (W - 180, y + 170), 58, m.hospital.zh, center_text="处方专用章", lang="zh")
    c.text((60, c.height - 44), "注：本处方当日有效，请妥善保管。", size=16, fill=GREY, lang="zh")


def _prescription_en(ctx: DocContext, c: Canvas) -> None:
    p, m, pid = ctx.person, ctx.person.medical, ctx.person.id
    rng = ctx.rng
    pharmacy = PHARMACIES[stable_seed(p.home.city.en, p.id) % len(PHARMACIES)]
    teal, dark = (0, 118, 110), (0, 80, 74)
    lw, lh = c.width, c.height
    c.gradient_band((0, 0, lw, 92), dark, teal)
    c.paste(emblem(70, stable_seed("pharm", pharmacy), (255, 255, 255)), (24, 11))
    bold(c, (110, 20), pharmacy.upper(), size=30, fill=(255, 255, 255), lang="en")
    c.text((112, 62), f"{p.home.city.en}, {p.home.region_abbr}  ·  Store #{rng.randint(1000, 9999)}", size=17,
           fill=(215, 240, 236), lang="en")
    rx = f"{rng.randint(10**6, 10**7 - 1)}"
    c.text((lw - 30, 46), f"Rx# {rx}", size=26, style="mono", fill=(255, 255, 255), lang="en", anchor="rm")
    lv(c, (40, 118), "PATIENT:", p.name.full.en, "name", pid, "en", right=560, size=26, label_fill=dark)
    c.text((40, 164), p.home.full.en, size=20, fill=INK, attribute_id="home_address", person_id=pid, lang="en",
           max_width=lw - 330)
    c.line([(30, 206), (lw - 30, 206)], fill=(180, 200, 198), width=2)
    bold(c, (40, 222), m.medication.en.upper(), size=38, fill=INK, attribute_id="medication",
           person_id=pid, lang="en", max_width=lw - 330)
    strength = re.match(r"[\d.]+ (mg|mcg|g)\b", m.dosage.en)
    form = "INHALER" if "inhaler" in m.medication.en.lower() else rng.choice(["TABLET", "CAPSULE"])
    c.text((40, 282), f"{strength.group(0).upper() if strength else ''} {form}  ·  QTY: {rng.choice([30, 60, 90])}"
           .strip(), size=22, fill=INK, lang="en")
    bold(c, (40, 328), "DIRECTIONS:", size=19, fill=dark, lang="en")
    c.text((40, 360), f"Take {m.dosage.en}.", size=24, fill=INK, lang="en", max_width=lw - 340)
    filled = m.exam_date + dt.timedelta(days=rng.randint(0, 2))
    lv(c, (40, 412), "Prescriber:", m.physician.en, "physician", pid, "en", right=520, label_fill=dark)
    lv(c, (40, 454), "Date filled:", f"{filled:%m/%d/%Y}", None, pid, "en", right=380, label_fill=dark)
    lv(c, (400, 454), "Refills:", f"{rng.randint(0, 5)} by {filled + dt.timedelta(days=365):%m/%d/%Y}", None, pid,
       "en", right=lw - 300, label_fill=dark)
    # the prescriber's note under the label: the deciding finding, never the diagnosis (task 6)
    c.line([(30, 496), (lw - 30, 496)], fill=(180, 200, 198), width=2)
    bold(c, (40, 510), "CLINICAL NOTE:", size=19, fill=dark, lang="en")
    c.text((40, 542), clinical_note(m).en, size=24, fill=INK, attribute_id="exam_findings", person_id=pid,
           lang="en", max_width=lw - 80)
    c.paste(barcode(300, 46, rx), (36, lh - 104))
    c.text((40, lh - 50), f"NDC {rng.randint(10000, 99999)}-{rng.randint(100, 999)}-{rng.randint(10, 99)}", size=15,
           style="mono", fill=GREY, lang="en")
    c.text((lw - 310, lh - 30), "Do not transfer. Keep out of reach of children.", size=15, fill=GREY, lang="en",
           anchor="rs")
    # auxiliary warning stickers and codes on the right
    x0 = lw - 270
    stickers = rng.sample(WARNINGS[1:] if "inhaler" in m.medication.en.lower() else WARNINGS[:-1], 2)
    for i, ((l1, l2), colour) in enumerate(zip(stickers, [(255, 190, 40), (120, 190, 245)], strict=True)):
        y = 118 + i * 100
        c.rounded_rect((x0, y, lw - 30, y + 84), 8, fill=colour)
        bold(c, (x0 + 120, y + 28), l1, size=17, fill=INK, lang="en", anchor="mm")
        bold(c, (x0 + 120, y + 57), l2, size=17, fill=INK, lang="en", anchor="mm")
    c.paste(qr_like(120, ctx.seed), (x0 + 60, 322))
    c.text((x0 + 120, 452), "Refill by app", size=14, fill=GREY, lang="en", anchor="ma")
    stamp(c, (x0 + 120, lh - 70), 46, "PHARMACIST CHECKED", colour=(0, 110, 100), lang="en")


@document("prescription", title=("prescription", "处方笺"))
def render_prescription(ctx: DocContext) -> Rendered:
    """zh: an outpatient 处方笺 or an internet hospital's 电子处方; en: a US pharmacy label with the prescriber's
    note or a physician's prescription pad; no diagnosis printed."""
    zh = ctx.lang == "zh"
    design = pick_design(ctx, ("paper", "online") if zh else ("label", "pad"))
    if design == "paper":
        c = Canvas.from_image(paper(W, 1120, (255, 255, 255), ctx.rng.randrange(2)))
        _prescription_zh(ctx, c)
    elif design == "label":
        c = Canvas.from_image(paper(1000, 720, (255, 255, 255), ctx.rng.randrange(2)))
        _prescription_en(ctx, c)
    else:
        c = (prescription_zh_online if zh else prescription_en_pad)(ctx)
    c.check_inside()
    colour = {"paper": ("white", "白色"), "label": ("teal", "青绿色"), "online": ("blue", "蓝色"),
              "pad": ("white", "白色")}[design]
    return Rendered(c, lang=ctx.lang, person_ids=(ctx.person.id,),
                    meta={"colour_en": colour[0], "colour_zh": colour[1],
                          "date": ctx.person.medical.exam_date.isoformat(), "design": design})
