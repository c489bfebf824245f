"""Hair (ten styles, each a back layer drawn behind the head and a front layer over it) and hats.

Styles: 0 short crop, 1 side part, 2 long straight, 3 bob, 4 bun, 5 curly, 6 ponytail, 7 buzz,
8 wavy shoulder-length, 9 bald with fringe. Outer edges lie on the silhouette plane; hairlines lie on the
forehead and so follow the head's turn, a little less than the eyes do.
"""

from __future__ import annotations

import math

import numpy as np

from multipriv.render.face_geom import HAIR, HAT, Head, Painter, Shape, ellipse_uv, half_width, outline_uv, shade
from multipriv.render.face_parts import Look

Arr = np.ndarray
RGB = tuple[int, int, int]

_T_LEFT = np.linspace(math.pi / 2, 3 * math.pi / 2, 121)  # chin -> left side -> top
_T_RIGHT = np.linspace(3 * math.pi / 2, 5 * math.pi / 2, 121)  # top -> right side -> chin


def _t_at(shape: Shape, v: float, side: int) -> float:
    """Outline angle at height `v` on the left (side −1) or right (+1)."""
    ts = _T_LEFT if side < 0 else _T_RIGHT
    _, vs = outline_uv(shape, ts)
    if side < 0:
        return float(np.interp(v, vs[::-1], ts[::-1]))
    return float(np.interp(v, vs, ts))


def _arc(shape: Shape, v_left: float, v_right: float, grow: float, n: int = 40) -> tuple[Arr, Arr]:
    """The outline grown by `grow`, from height `v_left` on the left, over the top, to `v_right` on the right."""
    t = np.linspace(_t_at(shape, v_left, -1), _t_at(shape, v_right, 1), n)
    return outline_uv(shape, t, grow)


def _drape(shape: Shape, grow: float, bottom: float, flare: float, wave: float = 0.0) -> tuple[Arr, Arr]:
    """Outer edge of hair that falls past the face: up the left side, over the top, down the right side."""
    top = 0.1
    ou, ov = _arc(shape, top, top, grow)
    sv = np.linspace(top, bottom, 9)[1:]
    t = (sv - top) / (bottom - top)
    side = flare * t**1.5 + wave * np.sin(t * 9.0) * t
    u = np.concatenate([ou[0] - side[::-1], ou, ou[-1] + side])
    v = np.concatenate([sv[::-1], ov, sv])
    return u, v


def _mirror(u: list[float], v: list[float]) -> tuple[Arr, Arr]:
    """Points given left to right up to the centre, completed by mirroring to the right."""
    ua, va = np.array(u), np.array(v)
    return np.concatenate([ua, -ua[::-1][1:]]), np.concatenate([va, va[::-1][1:]])


def _cap(hd: Head, lk: Look, grow: float, v_side: tuple[float, float], line: tuple[Arr, Arr]) -> Arr:
    """Outer arc over the head plus a hairline (given left to right, in face units)."""
    ou, ov = _arc(lk.shape, v_side[0], v_side[1], grow)
    lu, lv = line
    inner = hd.pts(lu[::-1], lv[::-1], 0.65 * hd.surf(lu[::-1]))
    return np.concatenate([hd.pts(ou, ov), inner])


def _line(shape: Shape, spec: list[tuple[float, float]], centre: list[tuple[float, float]]) -> tuple[Arr, Arr]:
    """A symmetric hairline: `spec` holds (fraction of outline half-width, v) on the left, `centre` (u, v)."""
    u = [-f * float(half_width(shape, v)) for f, v in spec] + [c[0] for c in centre]
    v = [v for _, v in spec] + [c[1] for c in centre]
    return _mirror(u, v)


def draw_hair_back(p: Painter, hd: Head, lk: Look, hat: bool) -> None:
    style, shape, col = lk.ident.hair_style, lk.shape, lk.hair
    if style in (2, 3, 8):
        grow, bottom, flare, wave = {2: (0.13, 2.2, 0.22, 0.0), 3: (0.16, 0.92, 0.06, 0.0),
                                     8: (0.15, 1.5, 0.2, 0.07)}[style]
        u, v = _drape(shape, grow, bottom, flare, wave)
        end_u = np.linspace(u[-1], u[0], 9)[1:-1]
        end_v = bottom + (0.05 * np.cos(end_u * 7) if style == 8 else 0.0 * end_u)
        p.poly(hd.pts(np.concatenate([u, end_u]), np.concatenate([v, end_v])), shade(col, 0.8), label=HAIR)
    elif style == 4 and not hat:
        u, v = ellipse_uv(0.0, -1.16, 0.36, 0.3, 30)
        p.poly(hd.pts(u, v), col, label=HAIR)
        u, v = ellipse_uv(0.0, -1.16, 0.2, 0.16, 20)
        p.poly(hd.pts(u, v), shade(col, 0.8), alpha=120)
    elif style == 5:
        t = np.linspace(math.pi - 0.35, 2 * math.pi + 0.35, 15)
        cu, cv = outline_uv(shape, t, 0.28)
        base_u, base_v = _arc(shape, 0.55, 0.55, 0.3)
        p.poly(hd.pts(base_u, base_v), shade(col, 0.85), label=HAIR)
        for i, (a, b) in enumerate(zip(cu, cv, strict=True)):
            r = 0.2 + 0.04 * ((i * 7) % 3)
            u, v = ellipse_uv(float(a), float(b), r, r * hd.iso, 20)
            p.poly(hd.pts(u, v), shade(col, 0.85 + 0.05 * (i % 2)), label=HAIR)
    elif style == 6:
        u = np.array([0.7, 1.12, 1.36, 1.42, 1.34, 1.16, 1.0, 0.94, 0.96, 0.86])
        v = np.array([-0.75, -0.52, -0.1, 0.55, 1.2, 1.62, 1.35, 0.8, 0.3, -0.2])
        p.poly(hd.pts(u, v), shade(col, 0.85), label=HAIR)
        tu, tv = ellipse_uv(1.14, -0.46, 0.1, 0.08, 16)
        p.poly(hd.pts(tu, tv), shade(col, 0.5))
    elif style == 9:
        for s in (-1, 1):
            t = np.linspace(_t_at(shape, 0.25, s), _t_at(shape, -0.45, s), 12)
            ou, ov = outline_uv(shape, t, 0.07)
            iu, iv = outline_uv(shape, t[::-1], -0.05)
            p.poly(hd.pts(np.concatenate([ou, iu]), np.concatenate([ov, iv])), shade(col, 0.85), label=HAIR)


def _front_shape(hd: Head, lk: Look) -> list[Arr]:
    """Polygons of the front hair layer."""
    style, shape = lk.ident.hair_style, lk.shape
    hw = float(half_width(shape, 0.0))
    if style == 0:  # short crop: tight, flat-topped, square hairline
        line = _line(shape, [(0.97, -0.05), (0.88, -0.12), (0.86, -0.4), (0.7, -0.58)], [(-0.35, -0.6), (0.0, -0.6)])
        ou, ov = _arc(shape, -0.05, -0.05, 0.06)
        lu, lv = line
        inner = hd.pts(lu[::-1], lv[::-1], 0.65 * hd.surf(lu[::-1]))
        return [np.concatenate([hd.pts(ou, np.maximum(ov, -1.04)), inner])]
    if style == 1:  # side part: high volume on the right, a fringe sweeping down to the right brow
        u = [-0.97 * hw, -0.86 * float(half_width(shape, -0.15)), -0.84 * float(half_width(shape, -0.4)), -0.5,
             -0.42, -0.1, 0.3, 0.62, 0.9 * float(half_width(shape, -0.26)), 0.86 * float(half_width(shape, -0.1)),
             0.97 * hw]
        v = [0.05, -0.15, -0.42, -0.6, -0.7, -0.6, -0.5, -0.4, -0.28, -0.1, 0.05]
        ou, ov = _arc(shape, 0.05, 0.05, 0.1)
        bump = 0.16 * np.clip(ou + 0.3, 0, 1.2) * np.clip(-ov - 0.2, 0, 1)
        outer = hd.pts(ou * (1 + bump), ov * (1 + bump))
        lu, lv = np.array(u), np.array(v)
        return [np.concatenate([outer, hd.pts(lu[::-1], lv[::-1], 0.65 * hd.surf(lu[::-1]))])]
    if style in (2, 3, 8):
        grow, bottom, flare, wave = {2: (0.13, 0.95, 0.06, 0.0), 3: (0.16, 0.86, 0.05, 0.0),
                                     8: (0.15, 1.15, 0.12, 0.07)}[style]
        ou, ov = _drape(shape, grow, bottom, flare, wave)
        if style == 3:
            spec = [(0.96, bottom - 0.04), (0.95, 0.3), (0.9, -0.15), (0.88, -0.36)]
            centre = [(-0.62, -0.40), (-0.4, -0.43), (-0.2, -0.40), (0.0, -0.43)]
        elif style == 2:
            spec = [(0.95, bottom - 0.05), (0.93, 0.4), (0.92, 0.1), (0.9, -0.25), (0.62, -0.52)]
            centre = [(-0.28, -0.64), (0.0, -0.6)]
        else:
            spec = [(0.95, bottom - 0.1), (0.93, 0.4), (0.92, 0.1), (0.9, -0.25), (0.5, -0.58)]
            centre = [(-0.3, -0.66), (0.0, -0.62)]
        lu, lv = _line(shape, spec, centre)
        if style == 8:  # side-swept: the fringe dips on the right
            lv = lv + 0.1 * np.clip(lu, 0.0, 0.7) * (lv < -0.3)
        lu[0], lu[-1] = ou[0] + 0.08, ou[-1] - 0.08  # the side panels end level with the outer edge
        inner = hd.pts(lu[::-1], lv[::-1], 0.65 * hd.surf(lu[::-1]))
        return [np.concatenate([hd.pts(ou, ov), inner])]
    if style in (4, 6):
        line = _line(shape, [(0.97, -0.02), (0.88, -0.28), (0.7, -0.55)], [(-0.3, -0.7), (0.0, -0.72)])
        return [_cap(hd, lk, 0.05, (-0.02, -0.02), line)]
    if style == 5:
        line = _line(shape, [(0.97, 0.1), (0.9, -0.2), (0.72, -0.48)], [(-0.35, -0.56), (0.0, -0.58)])
        return [_cap(hd, lk, 0.1, (0.1, 0.1), line)]
    if style == 7:
        line = _line(shape, [(0.98, -0.05), (0.9, -0.3), (0.62, -0.58)], [(-0.3, -0.64), (0.0, -0.65)])
        return [_cap(hd, lk, 0.025, (-0.05, -0.05), line)]
    out = []
    for s in (-1.0, 1.0):  # bald with fringe: patches over the temples
        vs = np.array([-0.42, 0.18, 0.18, -0.1, -0.4])
        f = np.array([1.07, 1.07, 0.95, 0.88, 0.93])
        out.append(hd.pts(s * f * half_width(shape, vs), vs))
    return out


def draw_hair_front(p: Painter, hd: Head, lk: Look, hat: bool) -> None:
    style, col = lk.ident.hair_style, lk.hair
    polys = _front_shape(hd, lk)
    drop = np.array([0.0, hd.h * 0.035])
    for poly in polys:  # soft drop shadow on the forehead
        p.poly(poly + drop, (50, 30, 25), alpha=45)
    alpha = 165 if style == 7 else 255
    for poly in polys:
        p.poly(poly, col, alpha=alpha, label=HAIR)
    if style == 5:  # curls along the hairline
        for i, a in enumerate(np.linspace(-0.72, 0.72, 9)):
            vv = -0.5 - 0.1 * (1 - abs(a)) - 0.04 * (i % 2)
            u, v = ellipse_uv(float(a), vv, 0.11, 0.11 * hd.iso, 18)
            p.poly(hd.pts(u, v, 0.6 * hd.surf(u)), shade(col, 0.9 + 0.08 * (i % 2)), label=HAIR)
    dark = shade(col, 0.62)
    if style == 1:
        p.line(hd.pts([-0.42, -0.44, -0.45], [-0.7, -0.9, -1.1], 0.6 * hd.surf([-0.42, -0.44, -0.45])), dark,
               hd.w * 0.022, 170)
        for a in (0.0, 0.3):  # strands of the sweep
            u = np.array([-0.35 + a, 0.1 + a, 0.45 + a * 0.8])
            p.line(hd.pts(u, [-0.95, -0.75, -0.52], 0.6 * hd.surf(u)), dark, hd.w * 0.014, 110)
    if style in (4, 6):  # combed-back strands
        for a in (-0.45, -0.15, 0.15, 0.45):
            u = np.array([a, a * 1.1, a * 1.05])
            p.line(hd.pts(u, [-0.72, -0.9, -1.02], 0.6 * hd.surf(u)), dark, hd.w * 0.012, 110)
    if style == 9 and not hat:
        u, v = ellipse_uv(-0.3 * lk.light, -0.78, 0.32, 0.1, 24)
        p.poly(hd.pts(u, v), (255, 255, 255), alpha=40)


# Hats wear colours that no hair has, so that a hat never reads as hair.
HAT_COLORS: tuple[RGB, ...] = ((40, 60, 122), (172, 40, 62), (52, 122, 90), (38, 128, 140), (112, 72, 150),
                               (32, 92, 172))


HAT_LIFT = 0.12  # face units


def draw_hat(p: Painter, hd: Head, lk: Look, style: int) -> None:
    """A beanie (even styles) or a peaked cap (odd) sitting on the head, its brim above the brows (lifted by
    HAT_LIFT from where a hat pulled down would sit, so that the brows and eyes stay in sight)."""
    shape = lk.shape
    col = HAT_COLORS[style % len(HAT_COLORS)]
    grow = 0.2 if lk.ident.hair_style in (3, 5) else 0.16
    up = HAT_LIFT
    if style % 2 == 0:
        ou, ov = _arc(shape, -0.5 - up, -0.5 - up, grow)
        p.poly(hd.pts(ou, ov), col, label=HAT)
        bw = float(half_width(shape, -0.52 - up)) * (1.06 + grow)
        bu = np.linspace(-bw, bw, 13)
        top = -0.68 - up - 0.02 * (1 - (bu / bw) ** 2)
        bottom = -0.44 - up + 0.03 * (bu / bw) ** 2
        band = hd.pts(np.concatenate([bu, bu[::-1]]), np.concatenate([top, bottom[::-1]]))
        p.poly(band + np.array([0.0, hd.h * 0.03]), (40, 25, 20), alpha=50)
        p.poly(band, shade(col, 0.85), label=HAT)
        for x in np.linspace(-0.8, 0.8, 9) * bw:
            p.line(hd.pts([x, x], [-0.66 - up, -0.46 - up]), shade(col, 0.7), hd.w * 0.012, 120)
    else:
        ou, ov = _arc(shape, -0.48 - up, -0.48 - up, grow - 0.03)
        cu = np.concatenate([ou, [ou[-1] * 0.9, 0.0, ou[0] * 0.9]])
        cv = np.concatenate([ov, [-0.47 - up, -0.5 - up, -0.47 - up]])
        p.poly(hd.pts(cu, cv), col, label=HAT)
        seam = np.linspace(-1.0, -0.5 - up, 6)
        p.line(hd.pts(np.zeros(6), seam - 0.15 * grow, 0.5 * hd.surf(np.zeros(6))), shade(col, 0.7), hd.w * 0.014)
        vu = np.linspace(-0.95, 0.95, 21)
        lower = -0.5 - up + 0.2 * np.sqrt(1 - (vu / 0.95) ** 2)
        upper = -0.5 - up - 0.04 * (1 - (vu / 0.95) ** 2)
        visor_u = np.concatenate([vu, vu[::-1]])
        visor_v = np.concatenate([upper, lower[::-1]])
        shadow = hd.pts(visor_u, visor_v + 0.06, hd.surf(visor_u, 0.05))
        p.poly(shadow, (40, 25, 20), alpha=50)
        visor = hd.pts(visor_u, visor_v, hd.surf(visor_u, 0.25))
        p.poly(visor, shade(col, 0.72), label=HAT)
        p.line(visor[21:], shade(col, 1.15), hd.w * 0.02)
