"""Age on a face: lines, folds and under-eye bags that deepen band by band (see `world.face.AGE_BANDS`).

Age is drawn as marks on the skin, not as a different geometry, so that one person's faces across age bands
(an old ID photo and a recent post) keep the proportions a face recogniser uses to tell who it is.
"""

from __future__ import annotations

import numpy as np

from multipriv.render.face_geom import Head, Painter, mix, shade
from multipriv.render.face_parts import Look

RGB = tuple[int, int, int]


def aged_skin(skin: RGB, band: int) -> RGB:
    """Older skin is a little duller and greyer."""
    return mix(skin, (150, 140, 138), 0.06 * max(0, band - 1))


def _arc(u0: float, u1: float, v0: float, v1: float, bend: float, n: int = 9) -> tuple[np.ndarray, np.ndarray]:
    t = np.linspace(0.0, 1.0, n)
    return u0 + (u1 - u0) * t, v0 + (v1 - v0) * t + bend * np.sin(np.pi * t)


def draw_age_lines(p: Painter, hd: Head, lk: Look) -> None:
    """Nasolabial folds from 30; forehead lines, crow's feet and bags from 45; deeper, more of them and
    marionette lines from 60."""
    band = lk.age_band
    if band <= 0:
        return
    line = shade(lk.skin, 0.66)
    width = hd.w * 0.018
    strength = (0, 70, 120, 170)[min(band, 3)]
    nw, tip = lk.nose[0], lk.nose[1]
    mw = lk.mouth[0] * (1.08 if lk.expression in ("smile", "laugh") else 1.0)
    for s in (-1.0, 1.0):  # nasolabial folds: from the nose wing to beyond the mouth corner
        u, v = _arc(s * (nw + 0.06), s * (mw + 0.08), tip - 0.02, lk.mouth_v + 0.08, 0.0)
        u = u + s * 0.04 * np.sin(np.pi * np.linspace(0, 1, len(u)))
        p.line(hd.on_face(u, v), line, width, strength)
    if band < 2:
        return
    for k in range(band):  # forehead lines
        v0 = lk.brow_v - 0.1 - 0.075 * k
        u, v = _arc(-0.34 + 0.04 * k, 0.34 - 0.04 * k, v0, v0, -0.02)
        p.line(hd.on_face(u, v), line, width, strength - 20 * k)
    for s in (-1.0, 1.0):
        cu = s * (lk.eye_u + 0.2)
        for dv in (-0.03, 0.02, 0.07)[: band]:  # crow's feet
            u, v = _arc(cu, cu + s * 0.09, lk.eye_v + dv * 0.5, lk.eye_v + dv * 1.6, 0.0, 4)
            p.line(hd.on_face(u, v), line, width * 0.85, strength - 15)
        u, v = _arc(s * (lk.eye_u - 0.13), s * (lk.eye_u + 0.14), lk.eye_v + 0.1, lk.eye_v + 0.09, 0.045)
        p.line(hd.on_face(u, v), line, width, strength - 10)  # under-eye bags
    if band >= 3:
        for s in (-1.0, 1.0):  # marionette lines
            u, v = _arc(s * (mw + 0.01), s * (mw + 0.05), lk.mouth_v + 0.05, lk.mouth_v + 0.25, 0.0, 5)
            p.line(hd.on_face(u, v), line, width, strength - 30)
