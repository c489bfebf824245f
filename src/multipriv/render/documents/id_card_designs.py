"""Second designs of the ID card: a Chinese temporary resident ID card and a vertical US driver's licence.

They print the same attributes as the first designs in `identity` (name, sex, ethnicity, birth date, address
and ID number; or licence number, name, address, birth date, sex and signature) but where another issuer puts
them: the portrait on the other side or on top, spelled-out labels instead of field codes, dates as
1989.03.12 or 03-12-1989, serif or regular values instead of bold red ones.
"""

from __future__ import annotations

import functools

from PIL import Image

from multipriv.render.canvas import RGB, Canvas
from multipriv.render.decor import emblem, guilloche, paper_texture
from multipriv.render.documents.base import DocContext, Rendered
from multipriv.render.documents.designs import register
from multipriv.render.documents.doc_kit import stable_seed
from multipriv.render.documents.identity import faint, portrait, sign, split_line, val
from multipriv.render.documents.printed_dates import dots_ymd, us_dashes

# -------------------------------------------------------------------------- Chinese temporary resident ID

_TEMP_INK: RGB = (30, 30, 30)
_TEMP_LABEL: RGB = (150, 70, 40)


@functools.lru_cache(maxsize=2)
def _temp_background(w: int, h: int) -> Image.Image:
    c = Canvas(w, h)
    c.gradient_band((0, 0, w, h), (250, 243, 222), (236, 244, 230), direction="horizontal")
    guilloche((0, 0, w, h), 41, (200, 150, 80), canvas=c, alpha=36, families=2)
    c.paste(faint(emblem(260, 43, (190, 60, 50)), 0.12), (520, 200))
    c.rect((0, 0, w, 96), fill=(176, 48, 44))
    return paper_texture(c.image, 45, strength=0.6)


@register("id_card", "zh", "temporary_id")
def temporary_id(ctx: DocContext) -> Rendered:
    """临时居民身份证: a red title band, the portrait on the left, labels spelled in full, dotted dates."""
    p, pid = ctx.person, ctx.person.id
    c = Canvas.from_image(_temp_background(1000, 630))
    c.rounded_rect((6, 6, 994, 624), 22, outline=(150, 120, 90), width=2)
    c.text((500, 64), "中华人民共和国临时居民身份证", size=38, style="bold", fill=(255, 246, 220), lang="zh",
           anchor="ms")
    portrait(ctx, c, (48, 128, 288, 428))
    lx, vx = 322, 470
    c.text((lx, 160), "姓名", size=24, fill=_TEMP_LABEL, lang="zh", anchor="ls")
    c.text((vx, 162), val(p, "name").zh, size=34, style="serif", fill=_TEMP_INK, attribute_id="name",
           person_id=pid, lang="zh", anchor="ls", max_width=480)
    c.text((lx, 224), "性别", size=24, fill=_TEMP_LABEL, lang="zh", anchor="ls")
    c.text((vx, 226), val(p, "gender").zh, size=30, style="serif", fill=_TEMP_INK, attribute_id="gender",
           person_id=pid, lang="zh", anchor="ls")
    c.text((620, 224), "民族", size=24, fill=_TEMP_LABEL, lang="zh", anchor="ls")
    ethnic = p.ethnicity.zh.removesuffix("族") or p.ethnicity.zh
    c.text((700, 226), ethnic, size=30, style="serif", fill=_TEMP_INK, attribute_id="ethnicity", person_id=pid,
           lang="zh", anchor="ls", max_width=250)
    c.text((lx, 288), "出生日期", size=24, fill=_TEMP_LABEL, lang="zh", anchor="ls")
    c.text((vx, 290), dots_ymd(p.birth_date), size=30, style="serif", fill=_TEMP_INK, attribute_id="birth_date",
           person_id=pid, lang="zh", anchor="ls")
    c.text((lx, 352), "住址", size=24, fill=_TEMP_LABEL, lang="zh", anchor="ls")
    address = val(p, "home_address").zh
    width = 950 - vx
    size = 28 if c.measure(address, size=28, style="serif")[0] <= 2 * width else 24
    first, rest = split_line(c, address, size=size, style="serif", width=width)
    c.text((vx, 354), first, size=size, style="serif", fill=_TEMP_INK, attribute_id="home_address",
           person_id=pid, lang="zh", anchor="ls")
    if rest:
        c.text((vx, 354 + size + 14), rest, size=size, style="serif", fill=_TEMP_INK,
               attribute_id="home_address", person_id=pid, lang="zh", anchor="ls", max_width=width)
    c.line([(40, 462), (960, 462)], fill=(190, 150, 110), width=2)
    c.text((48, 512), "公民身份号码", size=24, fill=_TEMP_LABEL, lang="zh", anchor="ls")
    c.text((230, 516), val(p, "id_number").zh, size=42, style="mono", fill=_TEMP_INK, attribute_id="id_number",
           person_id=pid, lang="zh", anchor="ls", max_width=720)
    issued = p.documents.id_issue_date
    until = f"{issued.year + (issued.month + 2) // 12}.{(issued.month + 2) % 12 + 1:02d}.01"  # three months on
    c.text((48, 584), f"有效期限  {dots_ymd(issued)}—{until}",
           size=20, fill=_TEMP_LABEL, lang="zh", anchor="ls")
    c.text((952, 584), f"签发机关  {p.documents.id_authority.zh}", size=20, fill=_TEMP_LABEL, lang="zh",
           anchor="rs", max_width=440)
    c.check_inside()
    return Rendered(c, "zh", (pid,), {"colour_en": "cream", "colour_zh": "米黄色", "date": issued.isoformat()})


# ------------------------------------------------------------------------------ vertical US licence

_V_PALETTES: tuple[tuple[RGB, RGB, str, str], ...] = (
    ((70, 40, 110), (240, 236, 248), "purple", "紫色"),
    ((20, 90, 110), (232, 244, 246), "teal", "青色"),
    ((110, 70, 20), (248, 242, 230), "brown", "棕色"),
)
_V_LABEL: RGB = (90, 90, 100)


@functools.lru_cache(maxsize=8)
def _vertical_background(state: str, w: int, h: int) -> Image.Image:
    dark, tint, _, _ = _V_PALETTES[stable_seed("vdl", state) % len(_V_PALETTES)]
    seed = stable_seed("vseal", state)
    c = Canvas(w, h, tint)
    guilloche((0, 150, w, h), seed % 991, dark, canvas=c, alpha=22, families=2)
    c.paste(faint(emblem(360, seed, dark), 0.12), (w - 330, 430))
    c.rect((0, 0, w, 150), fill=dark)
    c.rect((0, 150, w, 158), fill=(215, 40, 50))
    return paper_texture(c.image, seed % 1000, strength=0.5)


@register("id_card", "en", "vertical_licence")
def vertical_licence(ctx: DocContext) -> Rendered:
    """A portrait-format licence: state name on a dark band, photo top left, spelled-out labels, dashed dates."""
    p, pid = ctx.person, ctx.person.id
    docs = p.documents
    state = p.home.region.en
    dark, _, colour_en, colour_zh = _V_PALETTES[stable_seed("vdl", state) % len(_V_PALETTES)]
    c = Canvas.from_image(_vertical_background(state, 640, 1000))
    c.rounded_rect((4, 4, 636, 996), 30, outline=(150, 150, 160), width=2)
    white: RGB = (255, 255, 255)
    c.text((320, 70), state, size=50, style="serif", fill=white, lang="en", anchor="ms", max_width=560)
    c.text((320, 118), "Driver License", size=30, fill=(230, 226, 240), lang="en", anchor="ms")
    portrait(ctx, c, (34, 190, 294, 520))
    x = 318
    c.text((x, 214), "License No.", size=20, fill=_V_LABEL, lang="en", anchor="ls")
    c.text((x, 256), val(p, "license_number").en, size=34, style="mono", fill=dark, attribute_id="license_number",
           person_id=pid, lang="en", anchor="ls", max_width=300)
    c.text((x, 304), "Date of Birth", size=20, fill=_V_LABEL, lang="en", anchor="ls")
    c.text((x, 344), us_dashes(p.birth_date), size=32, fill=(180, 30, 40), attribute_id="birth_date",
           person_id=pid, lang="en", anchor="ls", max_width=300)
    c.text((x, 392), "Expires", size=20, fill=_V_LABEL, lang="en", anchor="ls")
    c.text((x, 428), us_dashes(docs.id_expiry_date), size=26, lang="en", anchor="ls")
    c.text((x, 472), "Sex", size=20, fill=_V_LABEL, lang="en", anchor="ls")
    c.text((x, 508), p.gender, size=28, attribute_id="gender", person_id=pid, lang="en", anchor="ls")
    c.text((x + 90, 472), "Issued", size=20, fill=_V_LABEL, lang="en", anchor="ls")
    c.text((x + 90, 506), us_dashes(docs.id_issue_date), size=22, lang="en", anchor="ls")
    c.text((34, 578), "Name", size=20, fill=_V_LABEL, lang="en", anchor="ls")
    c.text((34, 622), p.name.full.en, size=36, attribute_id="name", person_id=pid, lang="en", anchor="ls",
           max_width=570)
    h = p.home
    c.text((34, 676), "Address", size=20, fill=_V_LABEL, lang="en", anchor="ls")
    c.text((34, 714), h.street.en, size=28, attribute_id="home_address", person_id=pid, lang="en", anchor="ls",
           max_width=570)
    c.text((34, 754), f"{h.city.en}, {h.region_abbr} {h.postcode}", size=28, attribute_id="home_address",
           person_id=pid, lang="en", anchor="ls", max_width=570)
    c.line([(34, 790), (606, 790)], fill=(180, 180, 190), width=1)
    c.text((34, 826), "Class C    Restrictions NONE    Endorsements NONE", size=18, fill=_V_LABEL, lang="en",
           anchor="ls", max_width=570)
    sign(c, p, (40, 846, 420, 950), "en", ink=(20, 20, 40))
    c.text((606, 978), f"DD {stable_seed('dd', pid) % 10**10:010d}", size=16, fill=_V_LABEL, lang="en",
           anchor="rs")
    c.check_inside()
    return Rendered(c, "en", (pid,), {"colour_en": colour_en, "colour_zh": colour_zh,
                                      "date": docs.id_issue_date.isoformat()})
