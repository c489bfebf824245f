"""Facial features of the procedural face renderer: ears, eyes, brows, nose, mouth, facial hair, moles, glasses.

Every function draws in face units through a `Head` (see face_geom), so features follow the head's turn and
tilt. Indices come from a `FaceIdentity`; `Look` bundles the colours and placements derived from it once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from multipriv.render.face_geom import (
    NECK,
    SKIN,
    Head,
    Painter,
    Shape,
    ellipse_uv,
    half_width,
    mix,
    outline_uv,
    shade,
    stroke_uv,
)
from multipriv.render.face_traits import AMP, Traits, refined_shape
from multipriv.world.schema import FaceIdentity

RGB = tuple[int, int, int]
DARK: RGB = (34, 24, 24)

# eye_shape -> (upper lid height, lower lid height, outer-corner tilt) as fractions of the eye half-width,
# and the eye's size
EYE_SHAPES = ((0.50, 0.40, 0.0, 1.0), (0.72, 0.62, 0.0, 1.1), (0.30, 0.24, 0.0, 0.92), (0.50, 0.28, 0.2, 1.0),
              (0.52, 0.38, -0.18, 1.02), (0.38, 0.34, 0.02, 0.94))
EYE_SIZE_SPREAD = 1.8  # eye sizes differ this many times more than the table says: a recogniser sees eye size
# eyebrow -> (thickness, arch height, arch peak position 0..1, length factor)
BROWS = ((0.032, 0.025, 0.55, 1.05), (0.075, 0.015, 0.5, 1.12), (0.046, 0.095, 0.62, 1.05),
         (0.058, 0.075, 0.75, 1.08), (0.095, 0.035, 0.5, 1.2), (0.026, 0.065, 0.5, 0.92))
# nose -> (tip half-width in u, tip height v, nostril size, bridge shading)
NOSES = ((0.13, 0.24, 0.8, 0.4), (0.14, 0.33, 0.9, 0.9), (0.23, 0.29, 1.2, 0.6),
         (0.16, 0.32, 0.9, 1.3), (0.14, 0.25, 1.4, 0.5), (0.26, 0.26, 1.5, 0.4))
# mouth -> (half-width in u, upper lip, lower lip, cupid's bow, corner droop, lip tint)
MOUTHS = ((0.30, 0.050, 0.070, 0.3, 0.0, 0.3), (0.31, 0.085, 0.115, 0.3, 0.0, 0.42),
          (0.40, 0.032, 0.046, 0.2, 0.0, 0.2), (0.21, 0.055, 0.075, 0.4, 0.0, 0.36),
          (0.28, 0.072, 0.082, 1.0, 0.0, 0.48), (0.33, 0.046, 0.062, 0.2, 0.04, 0.25))
# ears -> (half-width in u, half-height in v, how far it stands out)
EARS = ((0.13, 0.17, 0.10), (0.15, 0.20, 0.15), (0.17, 0.24, 0.18), (0.19, 0.20, 0.42))
# mole -> position (u, v); 0 is no mole
MOLES = ((0.0, 0.0), (0.46, 0.34), (-0.50, 0.28), (0.22, 0.44), (-0.16, 0.80), (0.62, 0.10))


@dataclass(frozen=True)
class Look:
    """Colours and placements derived from an identity and an expression."""

    ident: FaceIdentity
    expression: str
    light: float
    skin: RGB
    hair: RGB
    eye: RGB
    eye_v: float = -0.06
    brow_v: float = -0.27
    mouth_v: float = 0.56
    tr: Traits = field(default_factory=Traits)

    @property
    def shape(self) -> tuple[float, float, float, float]:
        """The face outline's row (see FACE_SHAPES), refined by the person's jaw, chin and width."""
        return refined_shape(self.ident.face_shape, self.tr)

    @property
    def eye_shape(self) -> tuple[float, float, float, float]:
        """Upper and lower lid heights, outer-corner tilt and size (see EYE_SHAPES), refined."""
        hu, hl, tilt, size = EYE_SHAPES[self.ident.eye_shape]
        t = self.tr
        return (hu * (1 + AMP["eye_open"] * t.eye_open), hl * (1 + AMP["eye_open"] * t.eye_open),
                tilt + AMP["eye_tilt"] * t.eye_tilt, size * (1 + AMP["eye_size"] * t.eye_size))

    @property
    def brow(self) -> tuple[float, float, float, float]:
        thick, arch, peak, length = BROWS[self.ident.eyebrow]
        return thick * (1 + AMP["brow_thick"] * self.tr.brow_thick), arch, peak, length

    @property
    def nose(self) -> tuple[float, float, float, float]:
        """Tip half-width, tip height, nostril size and bridge shading (see NOSES), refined."""
        nw, tip, nostril, bridge = NOSES[self.ident.nose]
        return nw * (1 + AMP["nose_width"] * self.tr.nose_width), tip + AMP["nose_length"] * self.tr.nose_length, \
            nostril, bridge

    @property
    def mouth(self) -> tuple[float, float, float, float, float, float]:
        """Half-width, lips, cupid's bow, corner droop and tint (see MOUTHS), refined."""
        mw, ul, ll, bow, droop, tint = MOUTHS[self.ident.mouth]
        lips = 1 + AMP["lips"] * self.tr.lips
        return mw * (1 + AMP["mouth_width"] * self.tr.mouth_width), ul * lips, ll * lips, bow, droop, tint

    @property
    def male(self) -> bool:
        return bool(self.ident.male)

    @property
    def age_band(self) -> int:
        return self.ident.age_band

    @property
    def eye_u(self) -> float:
        return 0.27 + 0.038 * self.ident.eye_spacing

    @property
    def brow_color(self) -> RGB:
        if self.ident.hair_color >= 5:  # grey, white
            return (120, 118, 116)
        if self.ident.hair_color == 4:  # blonde
            return (150, 115, 70)
        return shade(self.hair, 0.85)

    @property
    def beard_color(self) -> RGB:
        return self.brow_color if self.ident.hair_color in (4, 5) else shade(self.hair, 0.95)

    @property
    def lip(self) -> RGB:
        tint = self.mouth[5] * (0.25 if self.male else 1.0)  # men wear no lip colour
        return mix(shade(self.skin, 0.82), (178, 70, 80), tint)


def draw_ears(p: Painter, hd: Head, lk: Look) -> None:
    ru, rv, out = EARS[lk.ident.ears]
    cv = lk.eye_v + 0.10
    edge = float(half_width(lk.shape, cv))
    turn = np.sin(hd.yaw)
    for side in (-1.0, 1.0):
        k = float(np.clip(1.0 - 0.9 * turn * side, 0.25, 1.3))
        cu = side * (edge + ru * (out - 0.35) * k) - 0.25 * turn
        u, v = ellipse_uv(cu, cv, ru * k, rv, 24)
        p.poly(hd.pts(u, v), shade(lk.skin, 0.93), label=SKIN)
        iu, iv = ellipse_uv(cu + side * ru * k * 0.12, cv + 0.01, ru * k * 0.55, rv * 0.62, 20)
        p.poly(hd.pts(iu, iv), shade(lk.skin, 0.62), alpha=90)


def _lids(lk: Look, side: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, float]:
    hu, hl, tilt, _ = lk.eye_shape
    if lk.expression == "smile":
        hl *= 0.82
    elif lk.expression == "laugh":
        hu, hl = hu * 0.86, hl * 0.62
    elif lk.expression == "serious":
        hu *= 0.86
    x = np.linspace(-1.0, 1.0, 17)
    outer = x * side
    up = -hu * (1 - x * x) ** 0.8 * (1 - 0.12 * outer) - tilt * outer
    low = hl * (1 - x * x) ** 1.1 - tilt * outer
    return x, up, low, hu, hl


def draw_eyes(p: Painter, hd: Head, lk: Look) -> None:
    ew = 0.19 * (1 + EYE_SIZE_SPREAD * (lk.eye_shape[3] - 1))
    k = ew * hd.iso  # eye half-width measured in v
    gaze = -0.35 * np.sin(hd.yaw) * ew
    lash_col = mix(DARK, lk.brow_color, 0.25)
    for side in (-1.0, 1.0):
        cu, cv = side * lk.eye_u, lk.eye_v
        x, up, low, hu, _ = _lids(lk, side)
        eu = np.concatenate([cu + ew * x, cu + ew * x[::-1]])
        ev = np.concatenate([cv + k * up, cv + k * low[::-1]])
        clip = hd.on_face(eu, ev)
        ri = 0.5 * ew
        iu0, iv0 = cu + gaze, cv + 0.05 * k
        layers = []
        shadow_u = np.concatenate([cu + ew * x, cu + ew * x[::-1]])
        shadow_v = np.concatenate([cv + k * up, cv + k * (up * 0.45)[::-1]])
        for r, col, a in ((ri, shade(lk.eye, 0.7), 255), (ri * 0.8, lk.eye, 255), (ri * 0.42, (18, 14, 14), 255)):
            u, v = ellipse_uv(iu0, iv0, r, r * hd.iso, 28)
            layers.append((hd.on_face(u, v), col, a))
        layers.append((hd.on_face(shadow_u, shadow_v), (60, 40, 40), 70))
        u, v = ellipse_uv(iu0 - 0.3 * ri, iv0 - 0.35 * ri * hd.iso, 0.17 * ri, 0.17 * ri * hd.iso, 12)
        layers.append((hd.on_face(u, v), (255, 255, 255), 235))
        p.clipped(clip, layers, (238, 236, 232))
        # lash line, thicker at the outer corner; soft lower lid and crease
        thick = k * (0.10 + 0.10 * (x * side + 1) / 2)
        su, sv = stroke_uv(cu + ew * x * 1.04, cv + k * up - thick * 0.25, thick)
        p.poly(hd.on_face(su, sv), lash_col)
        p.line(hd.on_face(cu + ew * x[3:-3], cv + k * low[3:-3] + 0.01), shade(lk.skin, 0.6), hd.w * 0.012, 110)
        crease = cv + k * (up * 1.25 - 0.28 * hu)
        p.line(hd.on_face(cu + ew * x[2:-2] * 0.95, crease[2:-2]), shade(lk.skin, 0.7), hd.w * 0.012, 90)


SOCKET_ALPHA = 50


def draw_sockets(p: Painter, hd: Head, lk: Look) -> None:
    """Soft shadows of the eye sockets under the brow ridge: they follow the eye's size and place."""
    ew = 0.19 * (1 + EYE_SIZE_SPREAD * (lk.eye_shape[3] - 1))
    for side in (-1.0, 1.0):
        for grow, alpha in ((1.0, SOCKET_ALPHA // 2), (0.7, SOCKET_ALPHA // 2)):
            u, v = ellipse_uv(side * (lk.eye_u + 0.02), lk.eye_v - 0.045, ew * 1.45 * grow,
                              (lk.eye_v - lk.brow_v) * 0.75 * grow + 0.02, 24)
            p.poly(hd.on_face(u, v), shade(lk.skin, 0.72), alpha=alpha)


def draw_brows(p: Painter, hd: Head, lk: Look) -> None:
    thick, arch, peak, length = lk.brow
    if lk.male:  # heavier, flatter brows
        thick, arch = thick * 1.3, arch * 0.7
    ew = 0.19 * length
    lift = {"smile": -0.012, "laugh": -0.03, "serious": 0.02}.get(lk.expression, 0.0)
    for side in (-1.0, 1.0):
        t = np.linspace(0.0, 1.0, 15)  # inner end -> outer end
        u = side * (lk.eye_u - ew * 1.05 + 2.1 * ew * t)
        hump = np.where(t < peak, t / peak, (1 - t) / (1 - peak))
        v = lk.brow_v + lift - arch * np.sin(hump * np.pi / 2) + (0.03 + AMP["brow_tilt"] * lk.tr.brow_tilt) * t
        if lk.expression == "serious":
            v = v + 0.035 * (1 - t) ** 2
        th = thick * (1.0 - 0.55 * t ** 1.5) * (0.7 + 0.3 * np.sqrt(np.clip(t * 6, 0, 1)))
        su, sv = stroke_uv(u, v, th)
        p.poly(hd.on_face(su, sv), lk.brow_color)


def draw_nose(p: Painter, hd: Head, lk: Look) -> None:
    nw, tip, nostril, bridge = lk.nose
    dark = shade(lk.skin, 0.62)

    def depth(v: np.ndarray) -> np.ndarray:
        return np.asarray(0.28 * np.clip((v - lk.eye_v) / (tip - lk.eye_v), 0, 1), dtype=np.float64)

    side = -1.0 if lk.light >= 0 else 1.0  # the bridge shadow falls away from the light
    bv = np.linspace(lk.eye_v + 0.04, tip - 0.05, 10)
    hump = 0.03 * np.sin(np.linspace(0, np.pi, 10)) if lk.ident.nose == 3 else 0.0
    bu = side * (0.085 + 0.25 * nw * (bv - bv[0]) / (bv[-1] - bv[0]) + hump)
    su, sv = np.concatenate([bu, bu[::-1] * 0.55]), np.concatenate([bv, bv[::-1]])
    p.poly(hd.on_face(su, sv, depth(sv)), dark, alpha=int(40 * bridge) + 10)
    u, v = ellipse_uv(0.0, tip + 0.015, nw * 0.85, 0.05, 24)
    p.poly(hd.on_face(u, v, depth(v)), dark, alpha=55)
    u, v = ellipse_uv(0.0, tip - 0.05, nw * 0.32, 0.04, 16)
    p.poly(hd.on_face(u, v, depth(v)), (255, 255, 255), alpha=45)
    for s in (-1.0, 1.0):
        t = np.linspace(-0.6, 1.2, 10)
        wu = s * nw * (1.0 - 0.35 * (t - 0.2) ** 2)
        wv = tip - 0.045 + 0.05 * t
        p.line(hd.on_face(wu, wv, depth(wv)), dark, hd.w * 0.016, 150)
        u, v = ellipse_uv(s * nw * 0.48, tip + 0.022, nw * 0.2 * nostril, 0.018 * nostril, 14)
        p.poly(hd.on_face(u, v, depth(v)), shade(lk.skin, 0.35), alpha=210)


def _mouth_curves(lk: Look) -> tuple[np.ndarray, ...]:
    mw, ul, ll, bow, droop, _ = lk.mouth
    smile, opening = 0.0, 0.0
    if lk.expression == "smile":
        mw, smile = mw * 1.07, 0.06
    elif lk.expression == "laugh":
        mw, smile, opening = mw * 1.1, 0.07, 0.1
    elif lk.expression == "serious":
        mw, ul, ll, droop = mw * 0.94, ul * 0.8, ll * 0.85, droop + 0.015
    x = np.linspace(-1.0, 1.0, 25)
    line = lk.mouth_v + (droop - smile) * x * x
    bump = np.exp(-(((np.abs(x) - 0.3) / 0.2) ** 2)) - 0.6 * np.exp(-((x / 0.12) ** 2))
    top = line - ul * (1 - x * x) ** 0.6 * (1 + 0.35 * bow * bump)
    inner = line + opening * (1 - x * x) ** 0.9
    bottom = inner + ll * (1 - x * x) ** 0.8
    return x * mw, line, top, inner, bottom


def draw_mouth(p: Painter, hd: Head, lk: Look) -> None:
    u, line, top, inner, bottom = _mouth_curves(lk)
    lip = lk.lip
    if lk.expression == "laugh":
        p.poly(hd.on_face(np.concatenate([u, u[::-1]]), np.concatenate([line, inner[::-1]])), (92, 34, 40))
        m = np.abs(u) <= 0.75 * u.max()
        teeth = line[m] + (inner[m] - line[m]) * 0.38
        p.poly(hd.on_face(np.concatenate([u[m], u[m][::-1]]), np.concatenate([line[m], teeth[::-1]])),
               (246, 243, 236))
    if lk.expression in ("smile", "laugh"):
        for s in (-1.0, 1.0):
            t = np.linspace(0, 1, 8)
            cu = s * (u.max() + 0.07 + 0.02 * t)
            p.line(hd.on_face(cu, lk.mouth_v - 0.13 + 0.16 * t), shade(lk.skin, 0.7), hd.w * 0.014, 80)
    p.poly(hd.on_face(np.concatenate([u, u[::-1]]), np.concatenate([top, line[::-1]])), shade(lip, 0.9))
    p.poly(hd.on_face(np.concatenate([u, u[::-1]]), np.concatenate([inner, bottom[::-1]])), lip)
    hu, hv = ellipse_uv(0.0, float(bottom[12] + inner[12]) / 2, 0.3 * u.max(), 0.012, 16)
    p.poly(hd.on_face(hu, hv), (255, 255, 255), alpha=60)
    p.line(hd.on_face(u, line), shade(lip, 0.55), hd.w * 0.013)


def _beard_area(hd: Head, lk: Look, grow: float) -> np.ndarray:
    shape = lk.shape
    t = np.linspace(-0.08, np.pi + 0.08, 40)
    ou, ov = _outline(shape, t, grow)
    mv = lk.mouth_v
    iu = np.array([0.82, 0.62, 0.42, 0.22, 0.0, -0.22, -0.42, -0.62, -0.82])
    iv = np.array([-0.02, 0.26, mv + 0.04, mv + 0.17, mv + 0.19, mv + 0.17, mv + 0.04, 0.26, -0.02])
    iu = iu * half_width(shape, iv)
    return np.concatenate([hd.pts(ou, ov), hd.on_face(iu[::-1], iv[::-1])])


def _outline(shape: Shape, t: np.ndarray, grow: float) -> tuple[np.ndarray, np.ndarray]:
    u, v = outline_uv(shape, t)
    return u * (1 + grow), v * (1 + grow)


def _moustache(hd: Head, lk: Look) -> np.ndarray:
    mw = lk.mouth[0] * (1.08 if lk.expression in ("smile", "laugh") else 1.0)
    mv = lk.mouth_v
    u = np.array([-mw - 0.05, -mw * 0.7, -0.12, 0.0, 0.12, mw * 0.7, mw + 0.05])
    top = np.array([mv + 0.04, mv - 0.09, mv - 0.135, mv - 0.12, mv - 0.135, mv - 0.09, mv + 0.04])
    bottom = np.array([mv + 0.05, mv - 0.01, mv - 0.03, mv - 0.02, mv - 0.03, mv - 0.01, mv + 0.05])
    return hd.on_face(np.concatenate([u, u[::-1]]), np.concatenate([top, bottom[::-1]]))


def draw_facial_hair_under(p: Painter, hd: Head, lk: Look) -> None:
    """Beard and stubble, drawn before the mouth so the lips stay visible."""
    kind = lk.ident.facial_hair
    if kind == 3:
        p.poly(_beard_area(hd, lk, 0.035), lk.beard_color, label=SKIN)
        p.poly(_beard_area(hd, lk, -0.02), shade(lk.beard_color, 1.12), alpha=80)
    elif kind == 4:
        stubble = mix(lk.beard_color, (36, 34, 38), 0.7)
        p.poly(_beard_area(hd, lk, -0.01), stubble, alpha=42)
        p.poly(_moustache(hd, lk), stubble, alpha=42)
    elif kind == 2:
        mv = lk.mouth_v
        u = np.array([-0.26, -0.3, -0.18, 0.0, 0.18, 0.3, 0.26, 0.1, 0.0, -0.1])
        v = np.array([mv + 0.12, 0.86, 0.97, 1.0, 0.97, 0.86, mv + 0.12, mv + 0.15, mv + 0.13, mv + 0.15])
        p.poly(hd.on_face(u, v), lk.beard_color)


def draw_facial_hair_over(p: Painter, hd: Head, lk: Look) -> None:
    """Moustaches, drawn over the upper lip."""
    if lk.ident.facial_hair in (1, 2, 3):
        p.poly(_moustache(hd, lk), lk.beard_color)


def draw_mole(p: Painter, hd: Head, lk: Look) -> None:
    if lk.ident.mole:
        mu, mv = MOLES[lk.ident.mole]
        u, v = ellipse_uv(mu, mv, 0.034, 0.034 * hd.iso, 14)
        p.poly(hd.on_face(u, v), mix(lk.skin, (60, 38, 30), 0.75))


def draw_neck(p: Painter, body: Head, hd: Head, lk: Look, neck_w: float) -> None:
    """The neck, with the chin's shadow on it (body is in H units, centred under the head)."""
    u = np.array([-neck_w, -neck_w, -neck_w * 1.12, neck_w * 1.12, neck_w, neck_w])
    v = np.array([0.55, 1.5, 1.78, 1.78, 1.5, 0.55])
    neck = body.pts(u, v)
    shape = lk.shape
    t = np.linspace(0.2, np.pi - 0.2, 24)
    cu, cv = _outline(shape, t, 0.0)
    keep = np.abs(cu * hd.w) < neck_w * body.w * 1.05
    chin = hd.pts(cu[keep], cv[keep])
    shadow = [(np.concatenate([chin, hd.pts(cu[keep], cv[keep] + depth)[::-1]]), (70, 40, 35), 30)
              for depth in (0.22, 0.15, 0.09)]  # three steps: darkest right under the chin
    p.clipped(neck, shadow, shade(lk.skin, 0.9))
    p.ldraw.polygon((neck * p.inv).ravel().tolist(), fill=NECK)


def draw_glasses(p: Painter, hd: Head, lk: Look, style: int) -> None:
    frame = ((28, 28, 32), (110, 70, 40), (150, 150, 158))[style % 3]
    ew = 0.19 * 1.42
    gh = 0.19 * hd.iso * (1.05 if style % 2 == 0 else 1.2)
    t = np.linspace(0, 2 * np.pi, 36, endpoint=False)
    ex = 2.0 / (4.0 if style % 2 == 0 else 2.2)
    sx = np.sign(np.cos(t)) * np.abs(np.cos(t)) ** ex
    sy = np.sign(np.sin(t)) * np.abs(np.sin(t)) ** ex
    width = hd.w * 0.02
    cv = lk.eye_v + 0.01
    for side in (-1.0, 1.0):
        cu = side * lk.eye_u
        u, v = cu + ew * sx, cv + gh * sy
        ring = hd.pts(u, v, hd.surf(u, 0.1))
        p.poly(ring, (215, 230, 240), alpha=24)
        p.line(np.concatenate([ring, ring[:2]]), frame, width)
        arm_u = np.array([side * (lk.eye_u + ew), side * (float(half_width(lk.shape, cv)) + 0.04)])
        arm_v = np.array([cv - gh * 0.5, cv - 0.02])
        p.line(hd.pts(arm_u, arm_v, hd.surf(arm_u, 0.1)), frame, width)
    bu = np.linspace(-(lk.eye_u - ew), lk.eye_u - ew, 7)
    bv = cv - gh * 0.25 - 0.03 * (1 - (bu / bu[-1]) ** 2)
    p.line(hd.pts(bu, bv, hd.surf(bu, 0.13)), frame, width)
