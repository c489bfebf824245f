"""Vehicle documents: the registration card and a street photo of the person's car with its plate.

The plate links a car photo to its owner (plate -> registration card -> name), so the plate is printed large
and in the real plate style of the locale: a blue Chinese plate with white characters, a white US plate with
the state name. The car itself is drawn from simple shapes in the vehicle's colour and body type.
"""

from __future__ import annotations

import datetime as dt
import functools
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from multipriv.render.canvas import RGB, Canvas
from multipriv.render.decor import Cell, barcode, emblem, guilloche, paper_texture, stamp, table
from multipriv.render.documents.base import DocContext, Rendered, document
from multipriv.render.documents.designs import dispatch, register
from multipriv.render.documents.doc_kit import stable_seed
from multipriv.render.documents.identity import faint, val
from multipriv.render.documents.printed_dates import us_slashes
from multipriv.world.schema import Person

_ZH_CLASS = {"Sedan": "小型轿车", "SUV": "小型越野客车", "Hatchback": "小型普通客车", "Pickup": "轻型货车",
             "Electric car": "小型轿车"}
_PAINT: dict[str, RGB] = {
    "White": (232, 234, 236), "Black": (34, 36, 40), "Silver": (180, 184, 190), "Grey": (104, 108, 116),
    "Blue": (32, 72, 150), "Red": (168, 26, 32), "Dark green": (26, 72, 52), "Champagne": (204, 184, 148),
}


def _engine_number(p: Person) -> str:
    return f"{stable_seed('engine', p.vehicle.vin) % 10**8:08d}"


# ------------------------------------------------------------------------------------- registration


@functools.lru_cache(maxsize=4)
def _registration_background(lang: str, w: int, h: int) -> Image.Image:
    zh = lang == "zh"
    c = Canvas(w, h, (234, 243, 240) if zh else (246, 244, 226))
    guilloche((0, 0, w, h), 41 if zh else 43, (70, 150, 130) if zh else (170, 150, 70), canvas=c, alpha=34)
    c.paste(faint(emblem(280, 45 if zh else 47, (60, 120, 110) if zh else (120, 100, 40)), 0.12),
            (w // 2 - 140, h // 2 - 110))
    return paper_texture(c.image, 17, strength=0.6)


@register("vehicle_registration", "zh", "table_card")
def _zh_registration(ctx: DocContext) -> Rendered:
    p, pid, v = ctx.person, ctx.person.id, ctx.person.vehicle
    c = Canvas.from_image(_registration_background("zh", 1000, 660))
    ink: RGB = (20, 30, 40)
    c.text((500, 62), "中华人民共和国机动车行驶证", size=40, style="bold", fill=ink, lang="zh", anchor="ms")
    c.text((500, 96), "Vehicle License of the People's Republic of China", size=17, fill=(60, 70, 80),
           lang="en", anchor="ms")
    x, w = 60, 880
    reg = v.registration_date.isoformat()
    rows: list[tuple[list[Cell], list[int]]] = [
        ([Cell("号牌号码"), Cell(v.plate, "license_plate", pid), Cell("车辆类型"), Cell(_ZH_CLASS[v.type.en])],
         [160, 280, 160, 280]),
        ([Cell("所有人"), Cell(val(ctx.person, "name").zh, "name", pid)], [160, 720]),
        ([Cell("住址"), Cell(val(ctx.person, "home_address").zh, "home_address", pid)], [160, 720]),
        ([Cell("使用性质"), Cell("非营运"), Cell("品牌型号"), Cell(f"{v.model.zh}（{v.type.zh}）", "vehicle", pid)],
         [160, 200, 160, 360]),
        ([Cell("车辆识别代号"), Cell(v.vin, style="mono")], [160, 720]),
        ([Cell("发动机号码"), Cell(_engine_number(p), style="mono")], [160, 720]),
        ([Cell("注册日期"), Cell(reg), Cell("发证日期"), Cell(reg)], [160, 280, 160, 280]),
    ]
    assert all(sum(cols) == w for _, cols in rows)
    y = 128
    for cells, cols in rows:
        table(c, (x, y), [cells], cols, row_height=62, size=25, lang="zh", fill=ink, border=(60, 90, 90),
              line_width=2, pad=12)
        y += 62
    authority = p.home.city.zh if p.home.region.zh == p.home.city.zh else p.home.region.zh + p.home.city.zh
    stamp(c, (138, 556), 84, f"{authority}公安局交通警察支队", center_text="", lang="zh")
    c.text((940, 630), f"证芯编号 {stable_seed('card', v.vin) % 10**12:012d}", size=15, fill=(60, 70, 80),
           lang="zh", anchor="rs")
    c.check_inside()
    return Rendered(c, "zh", (pid,), {"colour_en": "light green", "colour_zh": "浅绿色", "date": reg})


@register("vehicle_registration", "en", "state_card")
def _en_registration(ctx: DocContext) -> Rendered:
    p, pid, v = ctx.person, ctx.person.id, ctx.person.vehicle
    c = Canvas.from_image(_registration_background("en", 1000, 620))
    band: RGB = (40, 60, 100)
    c.rect((0, 0, 1000, 96), fill=band)
    c.text((40, 46), f"STATE OF {p.home.region.en.upper()}", size=32, style="serif", fill=(255, 255, 255),
           lang="en", anchor="ls")
    c.text((40, 80), "CERTIFICATE OF REGISTRATION", size=20, style="bold", fill=(220, 226, 240), lang="en",
           anchor="ls")
    reg = v.registration_date
    renewals = max(0, ctx.date.year - reg.year + (1 if (ctx.date.month, ctx.date.day) >= (reg.month, reg.day)
                                                  else 0))
    expires = dt.date(reg.year + max(renewals, 1), reg.month, min(reg.day, 28))
    issued = dt.date(expires.year - 1, expires.month, expires.day)
    c.text((960, 46), "EXPIRES", size=18, style="bold", fill=(220, 226, 240), lang="en", anchor="rs")
    c.text((960, 82), us_slashes(expires), size=28, style="bold", fill=(255, 230, 120), lang="en", anchor="rs")
    ink: RGB = (20, 24, 36)
    small = 15
    fields: list[tuple[int, int, str, str, str | None, int, str]] = [
        # x, y, caption, text, attribute, size, style
        (40, 130, "PLATE NUMBER", v.plate, "license_plate", 40, "bold"),
        (380, 130, "VEHICLE IDENTIFICATION NUMBER", v.vin, None, 28, "mono"),
        (40, 230, "YEAR", str(reg.year), None, 26, "sans"),
        (180, 230, "MAKE / MODEL / BODY", f"{v.model.en.upper()} {v.type.en.upper()}", "vehicle", 28, "sans"),
        (40, 320, "REGISTERED OWNER", p.name.full.en.upper(), "name", 30, "sans"),
        (40, 410, "ADDRESS", p.home.full.en.upper(), "home_address", 26, "sans"),
        (40, 500, "ISSUED", us_slashes(issued), None, 24, "sans"),
        (260, 500, "TITLE NO.", f"{stable_seed('title', v.vin) % 10**9:09d}", None, 24, "mono"),
        (500, 500, "FEES PAID", f"${20 + stable_seed('fee', v.vin) % 60}.00", None, 24, "sans"),
    ]
    for fx, fy, caption, text, attr, size, style in fields:
        c.text((fx, fy), caption, size=small, style="bold", fill=(90, 90, 100), lang="en", anchor="ls")
        c.text((fx, fy + size + 10), text, size=size, style=style, fill=ink,  # type: ignore[arg-type]
               attribute_id=attr, person_id=pid if attr else None, lang="en", anchor="ls", max_width=920 - fx)
    c.line([(40, 196), (960, 196)], fill=(150, 150, 130), width=1)
    c.rect((4, 100, 996, 616), outline=(150, 150, 130), width=2)
    c.paste(barcode(250, 56, v.vin), (710, 500))
    c.text((500, 600), "KEEP THIS CARD IN YOUR VEHICLE", size=15, style="bold", fill=(90, 90, 100), lang="en",
           anchor="ms")
    c.check_inside()
    return Rendered(c, "en", (pid,), {"colour_en": "yellow", "colour_zh": "黄色", "date": reg.isoformat()})


@document("vehicle_registration", title=("vehicle registration", "机动车行驶证"))
def render_vehicle_registration(ctx: DocContext) -> Rendered:
    """zh: a 机动车行驶证 with the traffic police seal; en: a state registration card; in one of the designs of
    `designs.DESIGNS` (see `vehicle_designs`)."""
    return dispatch("vehicle_registration", ctx)


# -------------------------------------------------------------------------------------------- car photo

_W, _H, _HORIZON = 1000, 700, 330


@functools.lru_cache(maxsize=8)
def _street(variant: int) -> Image.Image:
    """Sky, a skyline with windows, trees, a kerb and a parking lot, from a small set of cached variants."""
    rng = random.Random(f"street:{variant}")
    c = Canvas(_W, _H)
    c.gradient_band((0, 0, _W, _HORIZON), (112, 160, 214), (214, 226, 238), direction="vertical")
    d = c.draw
    x = -20
    while x < _W:
        bw, bh = rng.randint(90, 180), rng.randint(90, 250)
        tone = rng.randint(150, 205)
        col = (tone, tone - rng.randint(0, 14), tone - rng.randint(0, 24))
        d.rectangle((x, _HORIZON - bh, x + bw, _HORIZON), fill=col)
        for wy in range(_HORIZON - bh + 14, _HORIZON - 16, 22):
            for wx in range(x + 10, x + bw - 14, 20):
                d.rectangle((wx, wy, wx + 9, wy + 12), fill=(120, 140, 160) if rng.random() < 0.8 else (235, 230, 200))
        x += bw + rng.randint(-10, 20)
    for _ in range(7):  # trees along the kerb
        tx, r = rng.randint(0, _W), rng.randint(34, 60)
        d.rectangle((tx - 5, _HORIZON - 40, tx + 5, _HORIZON + 4), fill=(80, 60, 44))
        for k in range(4):
            ox, oy = rng.randint(-r // 2, r // 2), rng.randint(-r // 2, r // 3)
            g = rng.randint(80, 120)
            d.ellipse((tx + ox - r, _HORIZON - 40 - r + oy - r // 2, tx + ox + r, _HORIZON - 40 + r // 2 + oy),
                      fill=(50 + k * 6, g, 60))
    c.rect((0, _HORIZON, _W, _HORIZON + 22), fill=(176, 172, 164))
    c.rect((0, _HORIZON + 22, _W, _HORIZON + 28), fill=(120, 118, 112))
    c.gradient_band((0, _HORIZON + 28, _W, _H), (104, 106, 110), (70, 72, 76), direction="vertical")
    vx = _W // 2 + rng.randint(-120, 120)
    d.line([(0, _HORIZON + 90), (_W, _HORIZON + 90)], fill=(200, 196, 178), width=4)
    for k in range(-4, 5):  # parking bay lines converging on a vanishing point
        x0 = vx + k * 110
        d.line([(x0, _HORIZON + 90), (vx + (x0 - vx) * 6, _H + 300)], fill=(214, 210, 190), width=5)
    return c.image.filter(ImageFilter.GaussianBlur(1.2))  # the background is out of focus


def _ramp(size: tuple[int, int], c0: RGB, c1: RGB, y0: float, y1: float) -> Image.Image:
    """An RGB image of `size` shading from c0 at row y0 to c1 at row y1 (clamped outside)."""
    t = np.clip((np.arange(size[1], dtype=np.float32) - y0) / max(y1 - y0, 1.0), 0.0, 1.0)[:, None]
    rows = np.asarray(c0, dtype=np.float32) * (1 - t) + np.asarray(c1, dtype=np.float32) * t
    col = np.ascontiguousarray(np.rint(rows).astype(np.uint8)[:, None, :])
    return Image.fromarray(col, "RGB").resize(size, Image.Resampling.NEAREST)


def _car(c: Canvas, p: Person, rng: random.Random, rear: bool) -> tuple[int, int, int]:
    """Draw the car (rear or front view) near the centre; returns the plate centre x, y and width.

    Shapes are drawn at twice the size on a layer covering only the car, then scaled down (anti-aliasing).
    """
    v = p.vehicle
    paint = _PAINT.get(v.color.en, (150, 150, 150))
    kind = v.type.en
    cx = _W // 2 + rng.randint(-40, 40)
    width = {"SUV": 620, "Pickup": 640, "Hatchback": 540}.get(kind, 580)
    body_h = {"SUV": 200, "Pickup": 190, "Hatchback": 180}.get(kind, 165)
    cabin_h = {"SUV": 170, "Pickup": 150, "Hatchback": 160}.get(kind, 140)
    inset = {"SUV": 40, "Pickup": 70, "Hatchback": 55}.get(kind, 75)
    ss, ox, oy = 2, cx - 380, 200
    lw, lh = 760, _H - oy
    layer = Image.new("RGBA", (lw * ss, lh * ss), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)

    def s(*xy: float) -> list[float]:
        return [(q - (ox if i % 2 == 0 else oy)) * ss for i, q in enumerate(xy)]

    def shade(col: RGB, f: float, a: int = 255) -> tuple[int, int, int, int]:
        r, g, b = (max(0, min(255, int(ch * f))) for ch in col)
        return (r, g, b, a)

    ground = 640
    left, right = cx - width // 2, cx + width // 2
    top = ground - 40 - body_h
    roof = top - cabin_h
    d.ellipse(s(left - 50, ground - 26, right + 50, ground + 28), fill=(16, 16, 20, 140))  # shadow
    for wx in (left + 30, right - 110):  # tyres
        d.rounded_rectangle(s(wx, ground - 70, wx + 80, ground + 4), radius=14 * ss, fill=(22, 22, 24, 255))
    d.polygon(s(left + inset, top + 4, left + inset + 40, roof, right - inset - 40, roof, right - inset, top + 4),
              fill=shade(paint, 1.08))
    d.rounded_rectangle(s(left + inset + 36, roof - 4, right - inset - 36, roof + 10), radius=6 * ss,
                        fill=shade(paint, 1.2))  # roof edge catching the light
    glass_top = roof + 16
    glass_mask = Image.new("L", layer.size, 0)
    ImageDraw.Draw(glass_mask).polygon(s(left + inset + 16, top, left + inset + 52, glass_top, right - inset - 52,
                                         glass_top, right - inset - 16, top), fill=255)
    layer.paste(_ramp(layer.size, (92, 116, 140), (30, 38, 50), s(0, glass_top)[1], s(0, top)[1]), (0, 0),
                glass_mask)  # the sky reflected in the glass, darker below
    d.polygon(s(left + inset + 80, glass_top + 6, left + inset + 150, glass_top + 6, left + inset + 80, top - 6,
                left + inset + 34, top - 6), fill=(150, 170, 190, 90))  # reflection
    for mx in (left + inset - 30, right - inset - 6):  # mirrors
        d.rounded_rectangle(s(mx, top - 30, mx + 36, top - 6), radius=8 * ss, fill=shade(paint, 0.9))
    # the body with a vertical light-to-dark gradient
    body_mask = Image.new("L", layer.size, 0)
    ImageDraw.Draw(body_mask).rounded_rectangle(s(left, top, right, ground - 40), radius=34 * ss, fill=255)
    layer.paste(_ramp(layer.size, shade(paint, 1.2)[:3], shade(paint, 0.7)[:3], s(0, top)[1],
                      s(0, ground - 40)[1]), (0, 0), body_mask)
    d.rectangle(s(left + 4, ground - 70, right - 4, ground - 40), fill=shade(paint, 0.62))
    d.rounded_rectangle(s(left + 20, ground - 52, right - 20, ground - 20), radius=10 * ss, fill=(34, 34, 38, 255))
    light = (200, 24, 30, 255) if rear else (236, 238, 226, 255)
    if kind == "Electric car" and rear:
        d.rounded_rectangle(s(left + 24, top + 40, right - 24, top + 58), radius=8 * ss, fill=light)
    else:
        for lx in (left + 18, right - 138):
            d.rounded_rectangle(s(lx, top + 36, lx + 120, top + 74), radius=14 * ss, fill=light)
            if not rear:
                d.ellipse(s(lx + 70, top + 42, lx + 100, top + 68), fill=(255, 250, 220, 255))
    if not rear:  # grille
        d.rounded_rectangle(s(cx - 150, top + 40, cx + 150, top + 90), radius=16 * ss, fill=(30, 32, 36, 255))
        for gy in range(top + 50, top + 86, 10):
            d.line(s(cx - 140, gy, cx + 140, gy), fill=(90, 92, 98, 255), width=2 * ss)
    plate_w = 232 if p.locale == "zh" else 210
    plate_y = top + (118 if not rear else 104)
    d.rounded_rectangle(s(cx - plate_w // 2 - 10, plate_y - 54, cx + plate_w // 2 + 10, plate_y + 54),
                        radius=8 * ss, fill=shade(paint, 0.55))  # plate recess
    d.ellipse(s(cx - 14, top + 8, cx + 14, top + 30), outline=(214, 216, 220, 255), width=3 * ss)  # badge
    small = layer.resize((lw, lh), Image.Resampling.BILINEAR, reducing_gap=None)
    c.image.paste(small, (ox, oy), small)
    return cx, plate_y, plate_w


def _plate(c: Canvas, p: Person, cx: int, cy: int, w: int) -> None:
    """The plate, recorded: zh blue with white characters; en white with the state name above the number."""
    pid, plate = p.id, p.vehicle.plate
    if p.locale == "zh":
        h = 76
        c.rounded_rect((cx - w // 2, cy - h // 2, cx + w // 2, cy + h // 2), 8, fill=(18, 62, 176))
        c.rounded_rect((cx - w // 2 + 4, cy - h // 2 + 4, cx + w // 2 - 4, cy + h // 2 - 4), 6,
                       outline=(240, 244, 250), width=2)
        c.text((cx, cy), plate, size=50, style="bold", fill=(250, 250, 250), attribute_id="license_plate",
               person_id=pid, lang="zh", anchor="mm", max_width=w - 20)
    else:
        h = 104
        c.rounded_rect((cx - w // 2, cy - h // 2, cx + w // 2, cy + h // 2), 10, fill=(246, 246, 242),
                       outline=(90, 90, 100), width=2)
        c.text((cx, cy - h // 2 + 18), p.home.region.en.upper(), size=18, style="bold", fill=(170, 30, 40),
               lang="en", anchor="mm")
        c.text((cx, cy + 10), plate, size=54, style="bold", fill=(20, 40, 110), attribute_id="license_plate",
               person_id=pid, lang="en", anchor="mm", max_width=w - 22)


@functools.lru_cache(maxsize=1)
def _vignette() -> np.ndarray:
    yy, xx = np.mgrid[0:_H, 0:_W].astype(np.float32)
    r2 = ((xx - _W / 2) / (_W / 2)) ** 2 + ((yy - _H / 2) / (_H / 2)) ** 2
    out: np.ndarray = (1.0 - 0.11 * r2)[:, :, None]
    return out


@document("vehicle_photo", title=("vehicle photo", "车辆照片"), photo=True, may_photograph=False)
def render_vehicle_photo(ctx: DocContext) -> Rendered:
    """The person's car parked in a street lot, seen from behind or in front, its plate readable."""
    p = ctx.person
    rng = ctx.rng
    c = Canvas.from_image(_street(rng.randrange(4)))
    rear = rng.random() < 0.6
    cx, cy, w = _car(c, p, rng, rear)
    _plate(c, p, cx, cy, w)
    # camera: soft vignette and sensor grain, weak enough to keep the plate legible
    arr = np.asarray(c.image, dtype=np.float32) * _vignette()
    grain = np.random.Generator(np.random.PCG64(ctx.seed)).integers(-4, 5, (_H // 2, _W // 2, 1), dtype=np.int8)
    arr += np.repeat(np.repeat(grain, 2, axis=0), 2, axis=1)
    c.image.paste(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB"))
    c.check_inside()
    colour = p.vehicle.color
    return Rendered(c, ctx.lang, (p.id,), {"colour_en": colour.en.lower(), "colour_zh": colour.zh,
                                           "date": ctx.date.isoformat()})
