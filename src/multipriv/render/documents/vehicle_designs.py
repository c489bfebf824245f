"""Second designs of the vehicle registration: a ruled 行驶证 page without a grid, and a US renewal notice.

Same attributes as the first designs in `vehicle` (plate, owner's name, address, make and model), placed the
way other issuers place them: spaced labels on ruled lines with serif values and 2015年6月1日 dates; or a
mailed notice with the owner's address block, a column-header strip typed in a monospaced face and ISO dates.
"""

from __future__ import annotations

import datetime as dt
import functools

from PIL import Image

from multipriv.render.canvas import RGB, Canvas
from multipriv.render.decor import Cell, barcode, guilloche, paper_texture, stamp, table
from multipriv.render.documents.base import DocContext, Rendered
from multipriv.render.documents.designs import register
from multipriv.render.documents.doc_kit import stable_seed
from multipriv.render.documents.identity import split_line, val
from multipriv.render.documents.printed_dates import iso, zh_short
from multipriv.render.documents.vehicle import _ZH_CLASS, _engine_number

# ------------------------------------------------------------------------------ ruled 行驶证 page


@functools.lru_cache(maxsize=2)
def _ruled_background(w: int, h: int) -> Image.Image:
    c = Canvas(w, h, (242, 238, 226))
    guilloche((0, 0, w, h), 61, (150, 120, 80), canvas=c, alpha=26, families=2)
    c.rect((14, 14, w - 14, h - 14), outline=(120, 90, 60), width=3)
    c.rect((22, 22, w - 22, h - 22), outline=(120, 90, 60), width=1)
    return paper_texture(c.image, 63, strength=0.6)


@register("vehicle_registration", "zh", "ruled_page")
def ruled_page(ctx: DocContext) -> Rendered:
    """Spaced labels on ruled lines, serif values, the traffic police seal at the right."""
    p, pid, v = ctx.person, ctx.person.id, ctx.person.vehicle
    c = Canvas.from_image(_ruled_background(1000, 700))
    ink: RGB = (30, 30, 30)
    lab: RGB = (110, 80, 50)
    c.text((500, 78), "机动车行驶证", size=44, style="serif", fill=ink, lang="zh", anchor="ms")
    c.text((500, 108), "VEHICLE LICENSE", size=16, fill=lab, lang="en", anchor="ms")
    y0, step, lx, vx = 160, 56, 60, 210

    def line(y: int, label: str, x: int = lx, value_x: int = vx) -> None:
        c.text((x, y), label, size=22, fill=lab, lang="zh", anchor="ls")
        c.line([(value_x - 6, y + 8), (x + (900 if x == lx else 420), y + 8)], fill=(190, 170, 140), width=1)

    line(y0, "号 牌 号 码")
    c.text((vx, y0), v.plate, size=30, style="serif", fill=ink, attribute_id="license_plate", person_id=pid,
           lang="zh", anchor="ls")
    c.text((520, y0), "车 辆 类 型", size=22, fill=lab, lang="zh", anchor="ls")
    c.text((660, y0), _ZH_CLASS[v.type.en], size=26, style="serif", fill=ink, lang="zh", anchor="ls", max_width=280)
    line(y0 + step, "所  有  人")
    c.text((vx, y0 + step), val(p, "name").zh, size=30, style="serif", fill=ink, attribute_id="name", person_id=pid,
           lang="zh", anchor="ls", max_width=700)
    line(y0 + 2 * step, "住      址")
    address = val(p, "home_address").zh
    first, rest = split_line(c, address, size=26, style="serif", width=730)
    c.text((vx, y0 + 2 * step), first, size=26, style="serif", fill=ink, attribute_id="home_address", person_id=pid,
           lang="zh", anchor="ls")
    if rest:
        c.text((vx, y0 + 2 * step + 40), rest, size=26, style="serif", fill=ink, attribute_id="home_address",
               person_id=pid, lang="zh", anchor="ls", max_width=730)
    y = y0 + 3 * step + 30
    line(y, "品 牌 型 号")
    c.text((vx, y), f"{v.model.zh}（{v.type.zh}）", size=26, style="serif", fill=ink, attribute_id="vehicle",
           person_id=pid, lang="zh", anchor="ls", max_width=700)
    line(y + step, "使 用 性 质")
    c.text((vx, y + step), "非营运", size=26, style="serif", fill=ink, lang="zh", anchor="ls")
    line(y + 2 * step, "车辆识别代号")
    c.text((vx + 20, y + 2 * step), v.vin, size=26, style="mono", fill=ink, lang="zh", anchor="ls")
    line(y + 3 * step, "发动机号码")
    c.text((vx, y + 3 * step), _engine_number(p), size=26, style="mono", fill=ink, lang="zh", anchor="ls")
    reg = v.registration_date
    line(y + 4 * step, "注 册 日 期")
    c.text((vx, y + 4 * step), zh_short(reg), size=26, style="serif", fill=ink, lang="zh", anchor="ls")
    authority = p.home.city.zh if p.home.region.zh == p.home.city.zh else p.home.region.zh + p.home.city.zh
    stamp(c, (800, 560), 84, f"{authority}公安局交通警察支队", center_text="", lang="zh")
    c.text((960, 672), f"档案编号 {stable_seed('file', v.vin) % 10**12:012d}", size=15, fill=lab, lang="zh",
           anchor="rs")
    c.check_inside()
    return Rendered(c, "zh", (pid,), {"colour_en": "beige", "colour_zh": "米色", "date": reg.isoformat()})


# ------------------------------------------------------------------------------ US renewal notice


@functools.lru_cache(maxsize=2)
def _notice_background(w: int, h: int) -> Image.Image:
    c = Canvas(w, h, (252, 252, 250))
    c.rect((0, 0, w, 90), fill=(236, 240, 246))
    return paper_texture(c.image, 65, strength=0.5)


@register("vehicle_registration", "en", "renewal_notice")
def renewal_notice(ctx: DocContext) -> Rendered:
    """A mailed registration card: owner's address block, a typed strip of vehicle columns, ISO dates."""
    p, pid, v = ctx.person, ctx.person.id, ctx.person.vehicle
    c = Canvas.from_image(_notice_background(1000, 640))
    navy: RGB = (30, 50, 90)
    typed: RGB = (24, 24, 28)
    c.text((40, 42), f"{p.home.region.en} Department of Motor Vehicles", size=26, style="serif", fill=navy,
           lang="en", anchor="ls", max_width=620)
    c.text((40, 74), "Vehicle Registration Card", size=20, fill=navy, lang="en", anchor="ls")
    reg = v.registration_date
    year = max(ctx.date.year, reg.year + 1)
    valid_from = dt.date(year - 1, reg.month, min(reg.day, 28))
    valid_to = dt.date(year, reg.month, min(reg.day, 28))
    c.text((960, 42), "Valid", size=16, fill=navy, lang="en", anchor="rs")
    c.text((960, 74), f"{iso(valid_from)} to {iso(valid_to)}", size=20, style="mono", fill=typed, lang="en",
           anchor="rs")
    rows = [[Cell("Plate"), Cell("Make / Model / Body"), Cell("Year")],
            [Cell(v.plate, "license_plate", pid, style="mono"),
             Cell(f"{v.model.en.upper()} {v.type.en.upper()}", "vehicle", pid, style="mono"),
             Cell(str(reg.year), style="mono")]]
    table(c, (40, 120), rows, [240, 560, 120], row_height=50, size=24, lang="en", fill=typed,
          border=(150, 160, 180), header_fill=(228, 234, 244))
    c.text((40, 260), "Vehicle ID", size=16, fill=navy, lang="en", anchor="ls")
    c.text((170, 262), v.vin, size=24, style="mono", fill=typed, lang="en", anchor="ls")
    # the owner's mailing block, as printed for a window envelope (the mono face's O reads back as 0)
    c.rect((40, 300, 560, 470), outline=(200, 204, 214), width=1)
    c.text((56, 328), "Registered owner", size=16, fill=navy, lang="en", anchor="ls")
    c.text((56, 372), p.name.full.en.upper(), size=28, style="mono", fill=typed, attribute_id="name",
           person_id=pid, lang="en", anchor="ls", max_width=490)
    h = p.home
    c.text((56, 412), h.street.en.upper(), size=24, fill=typed, attribute_id="home_address",
           person_id=pid, lang="en", anchor="ls", max_width=490)
    c.text((56, 446), f"{h.city.en.upper()} {h.region_abbr} {h.postcode}", size=24, fill=typed,
           attribute_id="home_address", person_id=pid, lang="en", anchor="ls", max_width=490)
    fee = 20 + stable_seed("fee", v.vin) % 60
    c.text((600, 328), "Fees paid", size=16, fill=navy, lang="en", anchor="ls")
    c.text((600, 366), f"${fee}.00", size=26, style="mono", fill=typed, lang="en", anchor="ls")
    c.text((600, 410), "Issued", size=16, fill=navy, lang="en", anchor="ls")
    c.text((600, 446), iso(valid_from), size=22, style="mono", fill=typed, lang="en", anchor="ls")
    c.paste(barcode(360, 60, v.vin), (600, 490))
    c.text((40, 530), "Sign and keep this card in the vehicle. Report a change of address within 30 days.",
           size=16, fill=navy, lang="en", anchor="ls", max_width=540)
    c.line([(40, 600), (420, 600)], fill=(120, 120, 130), width=1)
    c.text((40, 622), "Owner's signature", size=14, fill=navy, lang="en", anchor="ls")
    c.check_inside()
    return Rendered(c, "en", (pid,), {"colour_en": "white", "colour_zh": "白色", "date": reg.isoformat()})
