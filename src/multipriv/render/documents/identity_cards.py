"""Bank cards and fingerprint record forms.

A bank card is drawn as the physical card lying on a surface (embossed number, chip, hologram-like gloss), the
way people photograph or scan one; its colours follow the bank, so two customers of one bank hold cards that
look alike. A fingerprint form shows ten rolled prints whose right thumb is the person's own print (seeded by
the person, so it is the same finger on every document) with its pattern class written beside it.
"""

from __future__ import annotations

import functools
import math

from PIL import Image, ImageDraw, ImageFilter, ImageOps

from multipriv.render.annotations import Box
from multipriv.render.canvas import RGB, Canvas
from multipriv.render.decor import Cell, barcode, guilloche, paper_texture, stamp, table
from multipriv.render.documents.base import DocContext, Rendered, document
from multipriv.render.documents.designs import dispatch, register
from multipriv.render.documents.doc_kit import stable_seed
from multipriv.render.documents.identity import draw_runs, sign, val
from multipriv.render.documents.printed_dates import us_slashes, zh_padded
from multipriv.render.fingerprint import draw_fingerprint
from multipriv.render.fonts import Style
from multipriv.world.tables.common import FINGERPRINT_CLASSES

# ----------------------------------------------------------------------------------------------- bank card

_CARD_PALETTES: tuple[tuple[RGB, RGB, str, str], ...] = (
    ((16, 42, 92), (30, 120, 170), "blue", "蓝色"),
    ((110, 16, 36), (196, 52, 60), "red", "红色"),
    ((22, 24, 30), (84, 88, 100), "black", "黑色"),
    ((10, 86, 70), (40, 160, 120), "green", "绿色"),
    ((60, 30, 100), (130, 80, 170), "purple", "紫色"),
    ((140, 100, 30), (214, 170, 80), "gold", "金色"),
)
_CARD = (24, 22, 976, 606)  # the card on the 1000x630 canvas: 85.6 x 54 mm
# Embossed number: style and size. The sans digits are tabular; in the mono font the reader split
# "5555 5505" into overlapping pieces.
_EMBOSS: tuple[Style, int] = ("sans", 60)
# Embossing foils: tipped digits are topped with silver or gold foil; untipped ones keep the card's colour and
# show only through their highlight and shadow, which is why real cards read back poorly.
_TIPS: tuple[tuple[str, RGB | None], ...] = (("silver", (232, 232, 228)), ("gold", (236, 214, 150)),
                                             ("untipped", None))


def emboss(c: Canvas, xy: tuple[int, int], text: str, *, size: int, style: Style, tip: RGB | None, body: RGB,
           attribute_id: str | None = None, person_id: str | None = None, max_width: int | None = None) -> Box:
    """Raised characters at left-baseline `xy`: a light rim up-left, a dark rim down-right and a face that is
    foil (`tip`) or the card's own colour lightened (`body`), softened together like pressed plastic. Only the
    face is recorded, through the canvas, so the box is the face's ink."""
    if max_width is not None:
        size = c.fit_size(text, size=size, style=style, max_width=max_width)
    d = max(2, size // 22)
    rim = 0.55 if tip is not None else 0.4  # untipped relief is shallower: only its rims catch the light
    draw_runs(c, (xy[0] - d, xy[1] - d), [(text, _mix(body, (255, 255, 255), rim))], size=size, style=style)
    draw_runs(c, (xy[0] + d, xy[1] + d), [(text, _mix(body, (0, 0, 0), rim))], size=size, style=style)
    face = tip if tip is not None else _mix(body, (255, 255, 255), 0.06)
    box = c.text(xy, text, size=size, style=style, fill=face, attribute_id=attribute_id, person_id=person_id,
                 lang="en", anchor="ls")
    region = (box[0] - 2 * d, box[1] - 2 * d, box[2] + 2 * d, box[3] + 2 * d)
    c.image.paste(c.image.crop(region).filter(ImageFilter.GaussianBlur(0.8)), region[:2])
    return box


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def group_card_number(number: str) -> str:
    """Groups as embossed: 4-6-5 for 15-digit cards, fours otherwise."""
    if len(number) == 15:
        return f"{number[:4]} {number[4:10]} {number[10:]}"
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


@functools.lru_cache(maxsize=16)
def _card_face(bank: str, w: int, h: int) -> tuple[Image.Image, int]:
    """The person-independent card: surface, shadow, body colours, waves, gloss, chip; and the palette index."""
    idx = stable_seed("bank", bank) % len(_CARD_PALETTES)
    dark, light, _, _ = _CARD_PALETTES[idx]
    c = Canvas(w, h, (206, 200, 190))
    c.gradient_band((0, 0, w, h), (214, 208, 198), (176, 170, 160), direction="vertical")
    shadow = Image.new("L", (w, h), 0)
    x0, y0, x1, y1 = _CARD
    ImageDraw.Draw(shadow).rounded_rectangle((x0 + 6, y0 + 10, x1 + 6, y1 + 10), 40, fill=120)
    c.image.paste((60, 55, 50), (0, 0), shadow.filter(ImageFilter.GaussianBlur(9)))
    body = Canvas(x1 - x0, y1 - y0)
    body.gradient_band((0, 0, body.width, body.height), dark, light)
    guilloche((0, 0, body.width, body.height), stable_seed("waves", bank) % 10_000, (255, 255, 255),
              canvas=body, alpha=26, families=1)
    waves = Image.new("RGBA", body.image.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(waves)
    for k in range(3):
        r = 420 + 120 * k
        d.ellipse((body.width - r // 2 - 80, -r // 3 + 60 * k, body.width + r, r), fill=(255, 255, 255, 18))
    gloss = Image.new("L", body.image.size, 0)
    ImageDraw.Draw(gloss).polygon([(260, 0), (520, 0), (260, body.height), (0, body.height)], fill=34)
    waves.alpha_composite(Image.merge("RGBA", (*Image.new("RGB", body.image.size, (255, 255, 255)).split(),
                                                gloss.filter(ImageFilter.GaussianBlur(30)))))
    body.paste(waves, (0, 0))
    # the chip: gold contact plate with its contact pattern
    cx, cy, cw, ch = 92, 196, 124, 94
    chip_c = Canvas(cw, ch)
    chip_c.gradient_band((0, 0, cw, ch), (238, 206, 120), (182, 142, 64), direction="vertical")
    chip = (120, 92, 40)
    chip_c.rounded_rect((0, 0, cw, ch), 14, outline=chip, width=2)
    for yy in (ch // 3, 2 * ch // 3):
        chip_c.line([(0, yy), (42, yy)], fill=chip, width=2)
        chip_c.line([(cw - 42, yy), (cw, yy)], fill=chip, width=2)
    chip_c.rect((42, 16, cw - 42, ch - 16), outline=chip, width=2)
    chip_mask = Image.new("L", (cw, ch), 0)
    ImageDraw.Draw(chip_mask).rounded_rectangle((0, 0, cw - 1, ch - 1), 14, fill=255)
    body.image.paste(chip_c.image, (cx, cy), chip_mask)
    # contactless waves
    for k in range(4):
        r = 14 + 11 * k
        body.draw.arc((260 - r, 243 - r, 260 + r, 243 + r), -40, 40, fill=(240, 240, 240), width=4)
    mask = Image.new("L", body.image.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, body.width - 1, body.height - 1), 40, fill=255)
    c.image.paste(body.image, (x0, y0), mask)
    return c.image, idx


def _bank_mark(c: Canvas, x: int, y: int, bank: str) -> None:
    """A made-up bank logo: a ring with a seeded cut-out, white on the card."""
    k = stable_seed("mark", bank)
    c.draw.ellipse((x, y, x + 64, y + 64), outline=(255, 255, 255), width=7)
    a = (k % 360) * math.pi / 180
    c.draw.pieslice((x + 14, y + 14, x + 50, y + 50), math.degrees(a), math.degrees(a) + 250, fill=(255, 255, 255))


@document("bank_card", title=("bank card", "银行卡"))
def render_bank_card(ctx: DocContext) -> Rendered:
    """The front of the person's debit card, in one of the designs of `designs.DESIGNS`."""
    return dispatch("bank_card", ctx)


@register("bank_card", "zh", "embossed")
@register("bank_card", "en", "embossed")
def embossed_card(ctx: DocContext) -> Rendered:
    """Landscape card: bank name, embossed number and holder name in Latin capitals (foil or untipped)."""
    p, pid, zh = ctx.person, ctx.person.id, ctx.lang == "zh"
    fin = p.financial
    bank = val(p, "bank")
    bg, idx = _card_face(bank.en, 1000, 630)
    c = Canvas.from_image(bg)
    white: RGB = (255, 255, 255)
    _bank_mark(c, 62, 58, bank.en)
    if zh:
        c.text((146, 98), bank.zh, size=44, style="bold", fill=white, attribute_id="bank", person_id=pid,
               lang="zh", anchor="ls", max_width=520)
        c.text((148, 128), bank.en.upper(), size=20, style="bold", fill=(230, 230, 236), attribute_id="bank",
               person_id=pid, lang="en", anchor="ls", max_width=520)
        c.text((936, 96), "借记卡", size=34, style="bold", fill=white, lang="zh", anchor="rs")
    else:
        c.text((146, 106), bank.en, size=40, style="serif", fill=white, attribute_id="bank", person_id=pid,
               lang="en", anchor="ls", max_width=560)
    number = group_card_number(fin.card_number).replace(" ", "  ")  # embossed groups stand well apart
    nx, ny = 92, 420
    tip_name, tip = _TIPS[ctx.rng.randrange(len(_TIPS))]
    dark, light, _, _ = _CARD_PALETTES[idx]
    body = _mix(dark, light, 0.4)
    emboss(c, (nx, ny), number, size=_EMBOSS[1], style=_EMBOSS[0], tip=tip, body=body, attribute_id="bank_card",
           person_id=pid, max_width=820)
    c.text((470, 482), "VALID", size=14, style="bold", fill=white, lang="en", anchor="ls")
    c.text((470, 500), "THRU", size=14, style="bold", fill=white, lang="en", anchor="ls")
    if zh:
        c.text((414, 500), "有效期", size=16, fill=white, lang="zh", anchor="ls")
    c.text((522, 502), fin.card_expiry, size=32, style="mono", fill=(244, 240, 226), lang="en", anchor="ls")
    holder = p.name.passport if zh else p.name.full.en.upper()
    emboss(c, (nx, 568), holder, size=36, style="mono", tip=tip, body=_mix(dark, light, 0.2), attribute_id="name",
           person_id=pid, max_width=560)
    # a neutral network wordmark in a white box, bottom right
    c.rounded_rect((766, 520, 936, 580), 12, fill=(250, 250, 250))
    c.text((851, 550), "DEBIT", size=34, style="bold", fill=_CARD_PALETTES[idx][0], lang="en", anchor="mm")
    c.check_inside()
    _, _, colour_en, colour_zh = _CARD_PALETTES[idx]
    return Rendered(c, "zh" if zh else "en", (pid,), {"colour_en": colour_en, "colour_zh": colour_zh,
                                                      "date": ctx.date.isoformat(), "emboss": tip_name})


# ------------------------------------------------------------------------------------ fingerprint record

_FINGERS = (("拇指", "Thumb"), ("食指", "Index"), ("中指", "Middle"), ("环指", "Ring"), ("小指", "Little"))
_POOL = 3  # cached prints per pattern for the nine other fingers


@functools.lru_cache(maxsize=64)
def _base_print(pattern: str, seed: int) -> Image.Image:
    """A fingerprint in dark ink, cached: the same seed is the same finger wherever it is printed."""
    grey = draw_fingerprint(pattern, seed, 192)
    return grey.point(lambda v: int(255 - (255 - v) * 1.25) if v < 255 else 255)


def _print(pattern: str, seed: int, size: int) -> Image.Image:
    return _base_print(pattern, seed).resize((size, size), Image.Resampling.LANCZOS)


def _pattern_of(person_en: str) -> tuple[str, str, str]:
    for cls in FINGERPRINT_CLASSES:
        if cls.name[0] == person_en:
            return cls.name[0], cls.name[1], cls.pattern
    raise ValueError(f"unknown fingerprint class {person_en!r}")


def _ink(c: Canvas, grey: Image.Image, xy: tuple[int, int], colour: RGB = (16, 16, 22)) -> None:
    """Print a grey fingerprint as ink: dark ridges darken the paper, white stays paper."""
    c.image.paste(colour, (xy[0], xy[1], xy[0] + grey.width, xy[1] + grey.height), ImageOps.invert(grey))


@functools.lru_cache(maxsize=4)
def _record_background(w: int, h: int, seed: int) -> Image.Image:
    return paper_texture(Image.new("RGB", (w, h), (252, 251, 247)), seed, strength=0.8)


@document("fingerprint_record", title=("fingerprint record", "指纹采集表"))
def render_fingerprint_record(ctx: DocContext) -> Rendered:
    """A ten-print record in one of the designs of `designs.DESIGNS` (see `fingerprint_designs`)."""
    return dispatch("fingerprint_record", ctx)


@register("fingerprint_record", "zh", "portrait_form")
@register("fingerprint_record", "en", "portrait_form")
def portrait_form(ctx: DocContext) -> Rendered:
    """A ten-print card: identity table, the right thumb enlarged with its pattern class, ten rolled prints."""
    p, pid, zh = ctx.person, ctx.person.id, ctx.lang == "zh"
    lang = ctx.lang
    en_name, zh_name, pattern = _pattern_of(p.fingerprint.en)
    c = Canvas.from_image(_record_background(900, 1270, 3))
    ink: RGB = (20, 24, 40)
    title = "指纹采集表" if zh else "FINGERPRINT RECORD CARD"
    c.text((450, 74), title, size=44, style="bold", fill=ink, lang=lang, anchor="ms")
    serial = f"{stable_seed('fp-form', pid, ctx.date) % 10**8:08d}"
    c.text((830, 112), f"编号：{serial}" if zh else f"Form No. {serial}", size=16, fill=(80, 80, 90), lang=lang,
           anchor="rs")
    c.paste(barcode(220, 40, serial), (70, 84))
    # identity table
    id_attr = "id_number" if zh else "license_number"
    id_val = val(p, id_attr)
    born = zh_padded(p.birth_date) if zh else us_slashes(p.birth_date)
    taken = zh_padded(ctx.date) if zh else us_slashes(ctx.date)
    rows = [
        [Cell("姓名" if zh else "Name"), Cell(val(p, "name").get(lang), "name", pid),
         Cell("性别" if zh else "Sex"), Cell(val(p, "gender").get(lang), "gender", pid)],
        [Cell("出生日期" if zh else "Date of birth"), Cell(born, "birth_date", pid),
         Cell("采集日期" if zh else "Date taken"), Cell(taken)],
    ]
    table(c, (70, 130), rows, [150, 290, 140, 180], row_height=54, size=24, lang=lang, fill=ink)
    table(c, (70, 238), [[Cell("公民身份号码" if zh else "Driver license No."), Cell(id_val.get(lang), id_attr, pid,
                                                                           style="mono")]],
          [190, 570], row_height=54, size=26, lang=lang, fill=ink)
    # the enlarged right thumb, with its classification beside it
    c.rect((70, 318, 380, 650), outline=ink, width=2)
    c.text((84, 348), "右手拇指（滚动捺印）" if zh else "RIGHT THUMB (rolled)", size=18, fill=ink, lang=lang,
           anchor="ls")
    thumb_seed = stable_seed("finger", pid, "R", 0)
    _ink(c, _print(pattern, thumb_seed, 280), (85, 362))
    c.text((430, 360), "纹型分类" if zh else "Pattern class", size=22, fill=(80, 80, 90), lang=lang, anchor="ls")
    c.text((430, 410), zh_name if zh else en_name, size=36, style="bold" if zh else "sans", fill=ink,
           attribute_id="fingerprint", person_id=pid, lang=lang, anchor="ls", max_width=400)
    notes = (["采集方式：活体滚动捺印", "分辨率：500 dpi", "质量评分：合格"] if zh else
             ["Method: live-scan, rolled", "Resolution: 500 dpi", "Quality: acceptable"])
    for i, note in enumerate(notes):
        c.text((430, 470 + 40 * i), note, size=20, fill=(60, 60, 70), lang=lang, anchor="ls")
    # ten rolled impressions: right hand, then left hand
    bw, bh, gx, top = 152, 176, 70, 660
    for row, (hand_zh, hand_en) in enumerate((("右手", "RIGHT HAND"), ("左手", "LEFT HAND"))):
        y = top + row * (bh + 44)
        c.text((gx, y + 22), hand_zh if zh else hand_en, size=18, style="bold", fill=ink, lang=lang, anchor="ls")
        for f, (fz, fe) in enumerate(_FINGERS):
            x = gx + f * bw
            c.rect((x, y + 32, x + bw + 1, y + 32 + bh), outline=ink, width=2)
            c.text((x + 8, y + 54), f"{f + 1 + 5 * row}. {fz if zh else fe}", size=15, fill=(60, 60, 70),
                   lang=lang, anchor="ls")
            if row == 0 and f == 0:
                img = _print(pattern, thumb_seed, 132)
            else:
                img = _print(pattern, stable_seed("pool", pattern, (row * 5 + f) % _POOL) % 2**32, 132)
                img = img.rotate(ctx.rng.uniform(-10, 10), fillcolor=255, resample=Image.Resampling.BICUBIC)
            if row == 1:
                img = ImageOps.mirror(img)
            _ink(c, img, (x + 10, y + 66))
    # footer: signature box, examiner, stamp
    c.rect((70, 1104, 590, 1204), outline=ink, width=2)
    c.text((82, 1126), "被采集人签名" if zh else "SIGNATURE OF PERSON FINGERPRINTED", size=15, fill=(60, 60, 70),
           lang=lang, anchor="ls")
    sign(c, p, (110, 1130, 560, 1200), lang)
    officer = f"No. {stable_seed('officer', p.home.city.en) % 90000 + 10000}"
    c.text((70, 1244), f"采集人：{officer}" if zh else f"Official taking prints: {officer}", size=20, fill=ink,
           lang=lang, anchor="ls")
    authority = p.documents.id_authority.zh if zh else f"{p.home.city.en.upper()} FINGERPRINT SERVICES"
    stamp(c, (745, 1170), 84, authority, colour=(205, 30, 35) if zh else (40, 60, 150),
          center_text="指纹采集专用章" if zh else "OFFICIAL", lang=lang)
    c.check_inside()
    return Rendered(c, lang, (pid,), {"colour_en": "white", "colour_zh": "白色", "date": ctx.date.isoformat()})
