"""A second passport data page design: the card-like (polycarbonate) page of newer passports.

Same attributes as the classic page in `identity` (number, name, sex, nationality, birth date, MRZ, and the
holder's signature on a US page), laid out differently: labels beside the values instead of captions above
them, the whole name on one line, a ghost portrait, heavy laser-engraved values, and other date spellings
(Aug 15, 1985 on a US page, 15 AUG 1985 on a Chinese one, where the classic page prints 1985年08月15日).
"""

from __future__ import annotations

import functools

from PIL import Image, ImageOps

from multipriv.render.annotations import Lang
from multipriv.render.canvas import RGB, Canvas
from multipriv.render.decor import emblem, guilloche, paper_texture
from multipriv.render.documents.base import DocContext, Rendered
from multipriv.render.documents.designs import register
from multipriv.render.documents.identity import faint, portrait, sign, val
from multipriv.render.documents.printed_dates import day_mon_year, mon_day_year
from multipriv.render.faces import ID_PHOTO_VIEW


@functools.lru_cache(maxsize=2)
def _card_page_background(lang: str, w: int, h: int) -> Image.Image:
    tint, line, seal = (((236, 234, 248), (120, 100, 190), (150, 50, 70)) if lang == "zh"
                        else ((232, 242, 236), (70, 140, 110), (30, 80, 120)))
    c = Canvas(w, h, tint)
    guilloche((0, 0, w, 590), 51 if lang == "zh" else 53, line, canvas=c, alpha=34, families=3)
    c.paste(faint(emblem(280, 55 if lang == "zh" else 57, seal), 0.16), (660, 250))
    c.rect((0, 590, w, h), fill=(248, 248, 246))
    return paper_texture(c.image, 59, strength=0.5)


def _ghost(ctx: DocContext, c: Canvas, xy: tuple[int, int], size: tuple[int, int]) -> None:
    """A faint greyscale copy of the portrait (a security feature), not recorded as a face: too faint to use."""
    img = ctx.faces.face(ctx.person.id, ctx.person.face, ID_PHOTO_VIEW, max(size))
    grey = ImageOps.fit(ImageOps.grayscale(img), size).convert("RGBA")
    grey.putalpha(60)
    c.paste(grey, xy)


@register("passport", "zh", "card_page")
@register("passport", "en", "card_page")
def card_page(ctx: DocContext) -> Rendered:
    """Labels left of the values in one column beside the portrait; MRZ in a white band at the foot."""
    p, pid, zh = ctx.person, ctx.person.id, ctx.lang == "zh"
    docs = p.documents
    lang: Lang = ctx.lang
    c = Canvas.from_image(_card_page_background(ctx.lang, 1000, 704))
    ink: RGB = (70, 40, 110) if zh else (20, 70, 60)
    black: RGB = (24, 24, 28)
    if zh:
        c.text((500, 48), "中华人民共和国  护照", size=32, style="serif", fill=ink, lang="zh", anchor="ms")
        c.text((500, 80), "PEOPLE'S REPUBLIC OF CHINA · PASSPORT", size=18, fill=ink, lang="en", anchor="ms")
    else:
        c.text((500, 50), "UNITED STATES OF AMERICA", size=32, style="bold", fill=ink, lang="en", anchor="ms")
        c.text((500, 82), "Passport · Passeport", size=20, fill=ink, lang="en", anchor="ms")
    portrait(ctx, c, (36, 150, 266, 450))
    _ghost(ctx, c, (850, 112), (110, 140))
    code = "CHN" if zh else "USA"
    lx, vx = 470, 490  # labels right-aligned at lx, values from vx
    rows = iter(range(142, 590, 48))

    def row(label: str, value: str, attr: str | None, *, size: int = 26, width: int = 330,
            value_lang: Lang | None = None) -> None:
        y = next(rows)
        c.text((lx, y), label, size=16, fill=(90, 90, 110), lang=lang, anchor="rs")
        c.text((vx, y + 2), value, size=size, style="serif", fill=black, attribute_id=attr,
               person_id=pid if attr else None, lang=value_lang or lang, anchor="ls",
               max_width=width)

    # ICAO "15 AUG 1985" on a Chinese page; "Aug 15, 1985" on a US one ("01 Oct" reads back as "010ct")
    when = day_mon_year if zh else mon_day_year

    def cap(z: str, e: str) -> str:
        return f"{z} {e}" if zh else e

    row(cap("护照号码", "Passport No."), docs.passport_number, "passport_number", size=30, value_lang="en")
    row(cap("类型/国家码", "Type/Code"), f"P  {code}", None, size=22)
    if zh:
        row(cap("姓名", "Name"), p.name.full.zh, "name", size=30, value_lang="zh")
        # the Latin form on the next line, without a label of its own
        y = next(rows)
        c.text((vx, y + 2), p.name.passport, size=24, style="serif", fill=black, attribute_id="name", person_id=pid,
               lang="en", anchor="ls", max_width=330)
    else:
        row("Name", p.name.passport, "name", size=28)
    sex = f"{val(p, 'gender').zh}/{p.gender}" if zh else p.gender
    row(cap("性别", "Sex"), sex, "gender", size=24)
    nat = "中国/CHINESE" if zh else "UNITED STATES OF AMERICA"
    row(cap("国籍", "Nationality"), nat, "nationality", size=24)
    row(cap("出生日期", "Date of birth"), when(p.birth_date), "birth_date", size=26,
        value_lang="en" if zh else None)
    region = p.home.region
    place = f"{region.zh.removesuffix('省').removesuffix('市')}/{region.en.upper()}" if zh else region.en
    row(cap("出生地点", "Place of birth"), place, None, size=22)
    row(cap("签发日期", "Date of issue"), when(docs.passport_issue_date), None, size=22)
    row(cap("有效期至", "Date of expiry"), when(docs.passport_expiry_date), None, size=22)
    if not zh:
        sign(c, p, (36, 470, 266, 570), "en", ink=(20, 30, 80))
    else:
        c.text((36, 500), "签发机关 Authority", size=16, fill=(90, 90, 110), lang="zh", anchor="ls")
        c.text((36, 536), "国家移民管理局", size=22, style="serif", fill=black, lang="zh", anchor="ls")
        c.text((36, 562), "NATIONAL IMMIGRATION ADMINISTRATION", size=13, fill=black, lang="en", anchor="ls",
               max_width=240)
    for i, line in enumerate(docs.mrz):
        c.text((40, 626 + i * 54), line, size=40, style="bold", attribute_id="passport_mrz", person_id=pid,
               lang="en", anchor="ls", max_width=920)
    c.check_inside()
    return Rendered(c, "bi", (pid,), {"colour_en": "lilac" if zh else "pale green",
                                      "colour_zh": "淡紫色" if zh else "浅绿色",
                                      "date": docs.passport_issue_date.isoformat()})
