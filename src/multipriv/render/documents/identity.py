"""Identity documents: the Chinese resident ID card, the US driver's licence and the passport data page.

These are the anchors of most reasoning chains (face -> ID card -> name -> ...), so every value sits where the
real document prints it, in the real format (a Chinese ID card's birth date split by 年/月/日, a licence's
MM/DD/YYYY, a passport's "15 AUG 1985"), and the recorded text is exactly that printed form.
Shared helpers for the other identity-group modules (portraits, signatures, multi-colour runs) live here too.
"""

from __future__ import annotations

import functools

from PIL import Image, ImageDraw

from multipriv.render.annotations import Box, Lang
from multipriv.render.canvas import RGB, Canvas, Point
from multipriv.render.decor import emblem, guilloche, paper_texture
from multipriv.render.documents.base import DocContext, Rendered, document
from multipriv.render.documents.designs import dispatch, register
from multipriv.render.documents.doc_kit import stable_seed
from multipriv.render.documents.printed_dates import day_mon_year, us_slashes, zh_padded
from multipriv.render.faces import ID_PHOTO_VIEW
from multipriv.render.fonts import Style, font
from multipriv.render.signature import draw_signature
from multipriv.world.schema import Person, Text
from multipriv.world.values import value

_EYES = ("BRO", "BRO", "HAZ", "GRN", "BLU")  # face_geom.EYE_COLORS order
_HAIR = ("BLK", "BRO", "BRO", "RED", "BLN", "GRY", "WHI")  # face_geom.HAIR_COLORS order


# ------------------------------------------------------------------------------------------- helpers


def val(person: Person, attr_id: str) -> Text:
    """The person's value of an attribute this document prints; raises where it does not apply (a bug)."""
    v = value(person, attr_id)
    if v is None:
        raise ValueError(f"person {person.id} has no {attr_id!r} to print")
    return v


def faint(img: Image.Image, factor: float) -> Image.Image:
    """An RGBA image with its alpha scaled down: watermark-like emblems behind printed text."""
    out = img.copy()
    out.putalpha(out.getchannel("A").point(lambda a: int(a * factor)))
    return out


def draw_runs(
    canvas: Canvas, xy: Point, runs: list[tuple[str, RGB]], *, size: int, style: Style = "sans", gap: int = 0
) -> Box:
    """Draw pieces of one line in different colours on one baseline (`xy` is left-baseline); returns the
    tight union box of their ink. Nothing is recorded: the caller records the whole line as one field, the way
    an ID card prints "1985 年 8 月 15 日" with values and units in two inks."""
    fnt = font(style, size)
    x = float(xy[0])
    union: list[int] = []
    for text, fill in runs:
        left, top, right, bottom = (int(v) for v in fnt.getbbox(text, anchor="ls"))
        w, h = right - left + 4, bottom - top + 4
        mask = Image.new("L", (w, h), 0)
        ImageDraw.Draw(mask).text((2 - left, 2 - top), text, font=fnt, fill=255, anchor="ls")
        ox, oy = int(x) + left - 2, xy[1] + top - 2
        canvas.image.paste(fill, (ox, oy, ox + w, oy + h), mask)
        ink = mask.getbbox()
        if ink is not None:
            b = [ox + ink[0], oy + ink[1], ox + ink[2], oy + ink[3]]
            union = b if not union else [min(union[0], b[0]), min(union[1], b[1]), max(union[2], b[2]),
                                         max(union[3], b[3])]
        x += fnt.getlength(text) + gap
    if not union:
        raise ValueError(f"runs {runs!r} drew no ink")
    return (union[0], union[1], union[2], union[3])


def portrait(ctx: DocContext, canvas: Canvas, box: Box) -> Box:
    """The person's ID-photo face, scaled and cropped into `box`, recorded as a face."""
    size = max(box[2] - box[0], box[3] - box[1])
    img = ctx.faces.face(ctx.person.id, ctx.person.face, ID_PHOTO_VIEW, size)
    return canvas.face(box, img, ctx.person.id)


def sign(
    canvas: Canvas, person: Person, box: Box, lang: Lang, ink: RGB = (25, 35, 110), name: str | None = None
) -> Box:
    """The person's signature fitted into `box` (left-aligned, vertically centred), recorded as a field.

    A Chinese person signs in characters, an American in Latin letters; the recorded text is the name signed.
    """
    signed = name or person.name.full.get(lang)
    w, h = box[2] - box[0], box[3] - box[1]
    img = draw_signature(signed, person.signature_style, (w, h), ink)
    ink_box = img.getchannel("A").getbbox() or (0, 0, img.width, img.height)
    ox, oy = box[0], box[1] + (h - img.height) // 2
    canvas.paste(img, (ox, oy))
    tight: Box = (ox + ink_box[0], oy + ink_box[1], ox + ink_box[2], oy + ink_box[3])
    canvas.record_field("signature", person.id, signed, tight, lang)
    return tight


def split_line(canvas: Canvas, s: str, *, size: int, style: Style, width: int) -> tuple[str, str]:
    """The longest prefix of `s` that fits `width`, and the rest (Chinese addresses wrap anywhere)."""
    cut = len(s)
    while cut > 1 and canvas.measure(s[:cut], size=size, style=style)[0] > width:
        cut -= 1
    return s[:cut], s[cut:]


# ------------------------------------------------------------------------------------ Chinese ID card

_ZH_LABEL: RGB = (66, 112, 170)


@functools.lru_cache(maxsize=2)
def _zh_id_background(w: int, h: int) -> Image.Image:
    c = Canvas(w, h)
    c.gradient_band((0, 0, w, h), (226, 238, 247), (247, 236, 238), direction="vertical")
    guilloche((0, 0, w, h), 11, (80, 140, 200), canvas=c, alpha=42, families=2)
    guilloche((0, 0, w, h), 12, (220, 120, 150), canvas=c, alpha=26, families=1)
    c.paste(faint(emblem(300, 7, (200, 60, 60)), 0.13), (330, 150))
    return paper_texture(c.image, 5, strength=0.6)


@register("id_card", "zh", "resident_card")
def _zh_id_card(ctx: DocContext) -> Rendered:
    p, pid = ctx.person, ctx.person.id
    c = Canvas.from_image(_zh_id_background(1000, 630))
    c.rounded_rect((6, 6, 994, 624), 28, outline=(170, 190, 210), width=2)
    lx, vx = 64, 178
    c.text((lx, 112), "姓  名", size=24, fill=_ZH_LABEL, lang="zh", anchor="ls")
    c.text((vx, 114), val(p, "name").zh, size=36, style="bold", attribute_id="name", person_id=pid,
           lang="zh", anchor="ls")
    c.text((lx, 196), "性  别", size=24, fill=_ZH_LABEL, lang="zh", anchor="ls")
    c.text((vx, 198), val(p, "gender").zh, size=30, attribute_id="gender", person_id=pid, lang="zh",
           anchor="ls")
    c.text((300, 196), "民  族", size=24, fill=_ZH_LABEL, lang="zh", anchor="ls")
    ethnic = p.ethnicity.zh.removesuffix("族") or p.ethnicity.zh
    c.text((414, 198), ethnic, size=30, attribute_id="ethnicity", person_id=pid, lang="zh", anchor="ls")
    c.text((lx, 280), "出  生", size=24, fill=_ZH_LABEL, lang="zh", anchor="ls")
    b = p.birth_date
    runs = [(str(b.year), (0, 0, 0)), ("年", _ZH_LABEL), (str(b.month), (0, 0, 0)), ("月", _ZH_LABEL),
            (str(b.day), (0, 0, 0)), ("日", _ZH_LABEL)]
    box = draw_runs(c, (vx, 282), runs, size=30, gap=12)
    c.record_field("birth_date", pid, f"{b.year}年{b.month}月{b.day}日", box, "zh")
    c.text((lx, 364), "住  址", size=24, fill=_ZH_LABEL, lang="zh", anchor="ls")
    address = val(p, "home_address").zh
    width = 612 - vx
    size = 29 if c.measure(address, size=29)[0] <= 2 * width else 26
    first, rest = split_line(c, address, size=size, style="sans", width=width)
    c.text((vx, 366), first, size=size, attribute_id="home_address", person_id=pid, lang="zh", anchor="ls")
    if rest:
        c.text((vx, 366 + size + 16), rest, size=size, attribute_id="home_address", person_id=pid, lang="zh",
               anchor="ls", max_width=width)
    c.text((lx, 548), "公民身份号码", size=24, fill=_ZH_LABEL, lang="zh", anchor="ls")
    c.text((272, 554), val(p, "id_number").zh, size=44, style="mono", attribute_id="id_number",
           person_id=pid, lang="zh", anchor="ls", max_width=690)
    portrait(ctx, c, (650, 92, 922, 440))
    c.check_inside()
    return Rendered(c, "zh", (pid,), {"colour_en": "light blue", "colour_zh": "浅蓝色",
                                      "date": p.documents.id_issue_date.isoformat()})


# ------------------------------------------------------------------------------ US driver's licence

_DL_PALETTES: tuple[tuple[RGB, RGB, RGB, str, str], ...] = (
    # header dark, header light, card tint, colour words
    ((22, 60, 120), (70, 130, 190), (232, 240, 248), "blue", "蓝色"),
    ((28, 96, 70), (90, 160, 120), (234, 244, 236), "green", "绿色"),
    ((120, 40, 40), (190, 90, 80), (248, 238, 234), "red", "红色"),
    ((120, 90, 20), (200, 160, 70), (248, 243, 228), "gold", "金色"),
)
_DL_RED: RGB = (170, 20, 30)
_DL_GREY: RGB = (60, 64, 80)


@functools.lru_cache(maxsize=8)
def _dl_background(state: str, w: int, h: int) -> Image.Image:
    dark, light, tint, _, _ = _DL_PALETTES[stable_seed("dl", state) % len(_DL_PALETTES)]
    seed = stable_seed("seal", state)
    c = Canvas(w, h, tint)
    guilloche((0, 110, w, h), seed % 997, light, canvas=c, alpha=40, families=2)
    c.paste(faint(emblem(300, seed, dark), 0.16), (640, 190))
    c.gradient_band((0, 0, w, 110), dark, light)
    c.rect((0, 110, w, 116), fill=(200, 170, 60))
    return paper_texture(c.image, seed % 1000, strength=0.5)


@register("id_card", "en", "state_licence")
def _us_licence(ctx: DocContext) -> Rendered:
    p, pid = ctx.person, ctx.person.id
    docs = p.documents
    state = p.home.region.en
    c = Canvas.from_image(_dl_background(state, 1000, 630))
    c.rounded_rect((4, 4, 996, 626), 30, outline=(150, 150, 160), width=2)
    c.text((36, 76), state.upper(), size=58, style="serif", fill=(255, 255, 255), lang="en", anchor="ls",
           max_width=520)
    c.text((964, 60), "DRIVER LICENSE", size=38, style="serif", fill=(255, 255, 255), lang="en", anchor="rs")
    c.text((964, 94), "USA", size=22, style="bold", fill=(235, 225, 170), lang="en", anchor="rs")
    # the REAL ID star: a gold disc with a white star
    c.draw.ellipse((846, 128, 896, 178), fill=(212, 170, 50))
    c.text((871, 153), "★", size=34, fill=(255, 255, 255), lang="en", anchor="mm")
    portrait(ctx, c, (36, 140, 306, 480))
    x = 336
    c.text((x, 162), "4d DLN", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    c.text((x + 80, 166), val(p, "license_number").en, size=40, style="bold", fill=_DL_RED,
           attribute_id="license_number", person_id=pid, lang="en", anchor="ls")
    c.text((x, 210), "1,2 NAME", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    name = f"{p.name.family.en.upper()}, {p.name.given.en.upper()}"
    c.text((x, 246), name, size=34, attribute_id="name", person_id=pid, lang="en", anchor="ls",
           max_width=500)
    c.text((x, 282), "8 ADDRESS", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    h = p.home
    c.text((x, 314), h.street.en.upper(), size=25, attribute_id="home_address", person_id=pid, lang="en",
           anchor="ls", max_width=600)
    c.text((x, 348), f"{h.city.en.upper()}, {h.region_abbr} {h.postcode}", size=25, attribute_id="home_address",
           person_id=pid, lang="en", anchor="ls", max_width=600)
    c.text((x, 394), "3 DOB", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    c.text((x + 70, 396), us_slashes(p.birth_date), size=30, style="bold", fill=_DL_RED, attribute_id="birth_date",
           person_id=pid, lang="en", anchor="ls")
    c.text((x + 290, 394), "4b EXP", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    c.text((x + 370, 396), us_slashes(docs.id_expiry_date), size=26, fill=_DL_RED, lang="en", anchor="ls")
    c.text((x, 436), "4a ISS", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    c.text((x + 70, 438), us_slashes(docs.id_issue_date), size=24, lang="en", anchor="ls")
    c.text((x + 290, 436), "9 CLASS", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    c.text((x + 380, 438), "C", size=24, lang="en", anchor="ls")
    inches = (62 if p.gender == "F" else 67) + stable_seed("height", pid) % 8
    c.text((x, 478), "15 SEX", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    c.text((x + 76, 480), p.gender, size=24, attribute_id="gender", person_id=pid, lang="en", anchor="ls")
    c.text((x + 120, 478), "16 HGT", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    c.text((x + 190, 480), f"{inches // 12}'-{inches % 12:02d}\"", size=24, lang="en", anchor="ls")
    c.text((x + 290, 478), "18 EYES", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    c.text((x + 375, 480), _EYES[p.face.eye_color % len(_EYES)], size=24, lang="en", anchor="ls")
    c.text((x + 450, 478), "19 HAIR", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    c.text((x + 533, 480), _HAIR[p.face.hair_color % len(_HAIR)], size=24, lang="en", anchor="ls")
    c.text((x, 518), "12 RESTR NONE", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    c.text((x + 290, 518), "9a END NONE", size=17, style="bold", fill=_DL_GREY, lang="en", anchor="ls")
    dd = f"{stable_seed('dd', pid) % 10**12:012d}"
    c.text((36, 606), f"5 DD {dd}", size=16, fill=_DL_GREY, lang="en", anchor="ls")
    sign(c, p, (40, 492, 320, 586), "en", ink=(20, 20, 40))
    c.check_inside()
    _, _, _, colour_en, colour_zh = _DL_PALETTES[stable_seed("dl", state) % len(_DL_PALETTES)]
    return Rendered(c, "en", (pid,), {"colour_en": colour_en, "colour_zh": colour_zh,
                                      "date": docs.id_issue_date.isoformat()})


@document("id_card", title=("ID card", "身份证"))
def render_id_card(ctx: DocContext) -> Rendered:
    """zh: a resident identity card front; en: a home-state driver's licence (the US de facto ID); in one of
    the designs registered in `designs.DESIGNS`."""
    return dispatch("id_card", ctx)


# ------------------------------------------------------------------------------------ passport data page


@functools.lru_cache(maxsize=2)
def _passport_background(lang: str, w: int, h: int) -> Image.Image:
    tint, line1, line2, seal = (
        ((246, 236, 242), (190, 110, 160), (120, 120, 200), (170, 60, 80))
        if lang == "zh"
        else ((234, 241, 249), (80, 130, 190), (120, 170, 150), (40, 70, 130))
    )
    c = Canvas(w, h, tint)
    guilloche((0, 0, w, 560), 21 if lang == "zh" else 23, line1, canvas=c, alpha=40, families=2)
    guilloche((0, 0, w, 560), 22 if lang == "zh" else 24, line2, canvas=c, alpha=24, families=1)
    c.paste(faint(emblem(320, 31 if lang == "zh" else 33, seal), 0.14), (600, 160))
    c.rect((0, 560, w, h), fill=(250, 250, 248))
    return paper_texture(c.image, 9, strength=0.6)


def _field(c: Canvas, xy: Point, label: str, val: str, *, attr: str | None, pid: str, lang: Lang,
           size: int = 25, width: int = 300) -> None:
    """A passport field: a small bilingual caption with the value printed below it."""
    c.text(xy, label, size=15, fill=(90, 90, 110), lang=lang, anchor="ls")
    c.text((xy[0], xy[1] + 34), val, size=size, attribute_id=attr, person_id=pid if attr else None,
           lang=lang, anchor="ls", max_width=width)


@document("passport", title=("passport", "护照"))
def render_passport(ctx: DocContext) -> Rendered:
    """A data page, in one of the designs registered in `designs.DESIGNS` (see `passport_designs`)."""
    return dispatch("passport", ctx)


@register("passport", "zh", "data_page")
@register("passport", "en", "data_page")
def _passport_data_page(ctx: DocContext) -> Rendered:
    """The data page, bilingual as printed: a Chinese passport in Chinese/English, a US one in English/French.

    Values are recorded with the language they are printed in; the MRZ lines are the world's own, with check
    digits, so a reader can verify what it read.
    """
    p, pid, zh = ctx.person, ctx.person.id, ctx.lang == "zh"
    docs = p.documents
    c = Canvas.from_image(_passport_background(ctx.lang, 1000, 704))
    ink: RGB = (110, 40, 90) if zh else (20, 50, 110)
    if zh:
        c.text((40, 52), "中华人民共和国", size=30, style="bold", fill=ink, lang="zh", anchor="ls")
        c.text((40, 84), "PEOPLE'S REPUBLIC OF CHINA", size=18, style="bold", fill=ink, lang="en", anchor="ls")
        c.text((960, 52), "护照", size=34, style="bold", fill=ink, lang="zh", anchor="rs")
        c.text((960, 84), "PASSPORT", size=20, style="bold", fill=ink, lang="en", anchor="rs")
    else:
        c.text((40, 56), "PASSPORT", size=36, style="serif", fill=ink, lang="en", anchor="ls")
        c.text((40, 86), "PASSEPORT", size=20, style="serif", fill=ink, lang="en", anchor="ls")
        c.text((960, 56), "UNITED STATES OF AMERICA", size=28, style="serif", fill=ink, lang="en", anchor="rs")
    c.line([(40, 100), (960, 100)], fill=ink, width=2)
    portrait(ctx, c, (40, 128, 290, 448))
    a, b, col3 = 320, 560, 740
    rows = [120 + 62 * i for i in range(7)]
    code = "CHN" if zh else "USA"
    lang: Lang = ctx.lang

    def cap(z: str, e: str) -> str:
        return f"{z}/{e}" if zh else e

    _field(c, (a, rows[0]), cap("类型", "Type") if zh else "Type / Type", "P", attr=None, pid=pid, lang="en",
           width=100)
    _field(c, (b, rows[0]), cap("国家码", "Country Code") if zh else "Code / Code", code, attr=None, pid=pid,
           lang="en", width=150)
    _field(c, (col3, rows[0]), cap("护照号", "Passport No.") if zh else "Passport No. / No. du passeport",
           docs.passport_number, attr="passport_number", pid=pid, lang="en", size=27, width=210)
    if zh:
        sur, giv = f"{p.name.family.zh}/{p.name.family.en.upper()}", f"{p.name.given.zh}/{p.name.given.en.upper()}"
    else:
        sur, giv = p.name.family.en.upper(), p.name.given.en.upper()
    _field(c, (a, rows[1]), "姓/Surname" if zh else "Surname / Nom", sur, attr="name", pid=pid, lang=lang,
           size=28, width=400)
    _field(c, (a, rows[2]), "名/Given names" if zh else "Given Names / Prénoms", giv, attr="name", pid=pid,
           lang=lang, size=28, width=400)
    sex = f"{val(p, 'gender').zh}/{p.gender}" if zh else p.gender
    _field(c, (a, rows[3]), "性别/Sex" if zh else "Sex / Sexe", sex, attr="gender", pid=pid, lang=lang, width=180)
    nat = "中国/CHINESE" if zh else "UNITED STATES OF AMERICA"
    _field(c, (b, rows[3]), "国籍/Nationality" if zh else "Nationality / Nationalité", nat, attr="nationality",
           pid=pid, lang=lang, width=400)
    born = zh_padded(p.birth_date) if zh else day_mon_year(p.birth_date)
    _field(c, (a, rows[4]), "出生日期/Date of birth" if zh else "Date of birth / Date de naissance", born,
           attr="birth_date", pid=pid, lang=lang, width=220)
    region = p.home.region
    province = f"{region.zh.removesuffix('省').removesuffix('市')}/{region.en.upper()}"
    place = province if zh else f"{region.en.upper()}, U.S.A."
    _field(c, (b, rows[4]), "出生地点/Place of birth" if zh else "Place of birth / Lieu de naissance", place,
           attr=None, pid=pid, lang=lang, width=400)
    fmt = zh_padded if zh else day_mon_year
    _field(c, (a, rows[5]), "签发日期/Date of issue" if zh else "Date of issue / Date de délivrance",
           fmt(docs.passport_issue_date), attr=None, pid=pid, lang=lang, width=220)
    _field(c, (b, rows[5]), "有效期至/Date of expiry" if zh else "Date of expiration / Date d'expiration",
           fmt(docs.passport_expiry_date), attr=None, pid=pid, lang=lang, width=220)
    authority = "出入境管理局 EXIT & ENTRY ADMINISTRATION" if zh else "PASSPORT SERVICES AGENCY"
    _field(c, (a, rows[6]), "签发机关/Authority" if zh else "Authority / Autorité", authority, attr=None,
           pid=pid, lang=lang, size=22, width=620)
    if zh:
        _field(c, (40, 478), "签发地点/Place of issue", province, attr=None, pid=pid, lang="zh", width=250)
    else:
        sign(c, p, (40, 462, 290, 550), "en", ink=(20, 30, 80))
    # SimHei's Latin is monospaced and OCR-B-like; the reader misreads long "<" runs in the Noto mono font
    for i, line in enumerate(docs.mrz):
        c.text((40, 620 + i * 54), line, size=40, style="bold", attribute_id="passport_mrz", person_id=pid,
               lang="en", anchor="ls", max_width=920)
    c.check_inside()
    return Rendered(c, "bi", (pid,), {"colour_en": "pink" if zh else "blue", "colour_zh": "粉色" if zh else "蓝色",
                                      "date": docs.passport_issue_date.isoformat()})
