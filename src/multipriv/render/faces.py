"""The built-in procedural face renderer: stylised, shaded head-and-shoulders portraits of a `FaceIdentity`.

A `FaceIdentity` fixes who is drawn (face shape and width, skin tone, eyes, brows, nose, mouth, ears, hair,
facial hair, mole), and through `face_parts.traits` the fine proportions and tints that refine each choice
(jaw, eye size and tilt, brow, nose length, lip fullness, skin shade, ...); a `FaceView` fixes how this one
picture was taken (expression, head turn and tilt, framing, lighting, background, clothing, glasses, hat).
The same identity and view always give byte-identical pixels: nothing here reads global random state or the
clock.

Drawing happens at 4× the output size with polygon primitives and is downsampled with a Lanczos filter, which
anti-aliases every edge. Soft shading (a side light, darker face rims, a sheen on the hair, the chin's shadow
on the neck) is applied at output size from a map of which region each pixel belongs to.
"""

from __future__ import annotations

import functools
import math
import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from multipriv.render.face_age import aged_skin, draw_age_lines
from multipriv.render.face_geom import (
    BG,
    EYE_COLORS,
    HAIR_COLORS,
    SKIN,
    SKIN_TONES,
    Head,
    Painter,
    ellipse_uv,
    outline_uv,
    shade,
)
from multipriv.render.face_hair import draw_hair_back, draw_hair_front, draw_hat
from multipriv.render.face_parts import (
    Look,
    draw_brows,
    draw_ears,
    draw_eyes,
    draw_facial_hair_over,
    draw_facial_hair_under,
    draw_glasses,
    draw_mole,
    draw_mouth,
    draw_neck,
    draw_nose,
    draw_sockets,
)
from multipriv.render.face_scene import (
    BACKGROUNDS,
    CLOTHING,
    background_canvas,
    draw_clothing_back,
    draw_clothing_front,
)
from multipriv.render.face_traits import AMP, Traits, refined_shape, traits
from multipriv.world.schema import FaceIdentity

EXPRESSIONS = ("neutral", "smile", "laugh", "serious")
SUPERSAMPLE = 4
MAX_YAW_RAD = 0.42  # yaw = ±1 turns the head by about 24°
N_BACKGROUNDS = len(BACKGROUNDS)
N_CLOTHING = len(CLOTHING)
# The head fills the frame the way an ID photo does (crown to chin about 60% of the height, hair inside the frame),
# so that a face box recorded around the picture is a face box to a recogniser too.
FRAME_ZOOM = 1.5
FRAME_CY = 0.3  # the frame's centre lies this far below the face centre, in face half-heights
_FIELD_RES = 64  # the shading fields are smooth: compute them on a coarse grid


@dataclass(frozen=True)
class FaceView:
    """How one picture of a face is taken.

    expression: one of EXPRESSIONS. yaw: head turned left (−1) to right (+1). roll_deg: in-plane tilt in
    degrees. scale: face size in the frame (0.8–1.15). light: side of the soft light (−1 left, +1 right).
    brightness: overall exposure factor (0.8–1.2). background: index into the scene backgrounds (modulo
    N_BACKGROUNDS). clothing: index into the clothing styles (modulo N_CLOTHING). glasses, hat: accessories.
    years_back: how long ago the picture was taken (an old ID photo): the face is drawn younger, with that
    time's haircut.
    """

    expression: str = "neutral"
    yaw: float = 0.0
    roll_deg: float = 0.0
    scale: float = 1.0
    light: float = 0.0
    brightness: float = 1.0
    background: int = 0
    clothing: int = 0
    glasses: bool = False
    hat: bool = False
    years_back: int = 0

    def __post_init__(self) -> None:
        if self.expression not in EXPRESSIONS:
            raise ValueError(f"expression must be one of {EXPRESSIONS}, not {self.expression!r}")
        if not -1.0 <= self.yaw <= 1.0 or not -1.0 <= self.light <= 1.0:
            raise ValueError("yaw and light must lie in [-1, 1]")
        if not 0.5 <= self.scale <= 1.5 or not 0.5 <= self.brightness <= 1.5:
            raise ValueError("scale and brightness must lie in [0.5, 1.5]")
        if not 0 <= self.years_back <= 60:
            raise ValueError("years_back must lie in [0, 60]")


ID_PHOTO_VIEW = FaceView(scale=1.2)
"""Neutral, frontal, evenly lit, plain light background, dark jacket, no glasses, no hat: for ID documents.
Framed as ID photo rules ask (crown to chin about 70% of the height), tighter than a casual picture."""


def random_view(rng: random.Random) -> FaceView:
    """A random casual view, drawn from `rng` only (always the same number of draws).

    Any expression, background and clothing; yaw uniform in [−0.55, 0.55] (about ±13°); tilt ±6°; scale
    0.92–1.06; light ±1; brightness 0.85–1.15; glasses one time in five, a hat about one time in eight.
    """
    return FaceView(
        expression=rng.choice(EXPRESSIONS),
        yaw=round(rng.uniform(-0.55, 0.55), 3),
        roll_deg=round(rng.uniform(-6.0, 6.0), 2),
        scale=round(rng.uniform(0.92, 1.06), 3),
        light=round(rng.uniform(-1.0, 1.0), 3),
        brightness=round(rng.uniform(0.85, 1.15), 3),
        background=rng.randrange(N_BACKGROUNDS),
        clothing=rng.randrange(N_CLOTHING),
        glasses=rng.random() < 0.2,
        hat=rng.random() < 0.12,
    )


def _layout(identity: FaceIdentity, view: FaceView, canvas: int) -> tuple[Head, Head, float]:
    """The head transform, the body transform (H units) and the neck half-width (H units)."""
    s = view.scale
    h = FRAME_ZOOM * 0.2 * canvas * s
    aspect = refined_shape(identity.face_shape, traits(identity))[3]
    w = h * aspect * (0.79 + 0.07 * identity.face_width) * (1.04 if identity.male else 1.0)
    cx = canvas * (0.5 + 0.03 * view.yaw)
    cy = canvas * 0.5 - FRAME_CY * h
    head = Head(cx, cy, w, h, MAX_YAW_RAD * view.yaw, math.radians(view.roll_deg), cx, cy + h)
    body = Head(canvas * (0.5 + 0.012 * view.yaw), cy - 0.14 * h, h, h)
    return head, body, 0.27 + 0.012 * identity.face_width


def face_box(identity: FaceIdentity, view: FaceView, size: int = 256) -> tuple[int, int, int, int]:
    """The face itself inside a `size`×`size` picture of `identity` seen as `view` (x0, y0, x1, y1): from the
    forehead to below the chin and across the cheeks, the box a face detector would give. A document that
    records this box (rather than the whole picture) as the face region gives recognisers an aligned face."""
    head, _, _ = _layout(identity, view, size)
    (x0, y0), (x1, y1) = head.pts([-1.25, 1.25], [-0.7, 1.25]).tolist()
    xs, ys = sorted((x0, x1)), sorted((y0, y1))
    return (max(0, round(xs[0])), max(0, round(ys[0])), min(size, round(xs[1])), min(size, round(ys[1])))


def _look(identity: FaceIdentity, view: FaceView) -> Look:
    """Colours and the vertical proportions (eye, brow and mouth heights) of an identity: proportions vary
    with the eye, brow, nose and mouth choices so that a recogniser, which sees geometry, can tell faces
    apart."""
    tr = traits(identity)
    eye_v = -0.12 + 0.045 * (identity.eye_shape % 3) + AMP["eye_height"] * tr.eye_height
    brow_v = eye_v - 0.19 - 0.03 * (identity.eyebrow % 3) - AMP["brow_height"] * tr.brow_height
    look = Look(ident=identity, expression=view.expression, light=view.light, skin=(0, 0, 0), hair=(0, 0, 0),
                eye=(0, 0, 0), tr=tr)
    mouth_v = look.nose[1] + 0.18 + 0.045 * (identity.mouth % 3) + AMP["mouth_height"] * tr.mouth_height
    return Look(
        ident=identity,
        expression=view.expression,
        light=view.light,
        skin=aged_skin(_skin(identity.skin_tone, tr), identity.age_band),
        hair=shade(HAIR_COLORS[identity.hair_color % len(HAIR_COLORS)], 1 + AMP["hair_shade"] * tr.hair_shade),
        eye=EYE_COLORS[identity.eye_color % len(EYE_COLORS)],
        eye_v=eye_v,
        brow_v=brow_v,
        mouth_v=mouth_v,
        tr=tr,
    )


def _skin(tone: int, tr: Traits) -> tuple[int, int, int]:
    """The person's skin: their tone of the palette, a little lighter or darker and warmer or cooler."""
    r, g, b = shade(SKIN_TONES[tone % len(SKIN_TONES)], 1 + AMP["skin"] * tr.skin)
    warm = AMP["undertone"] * tr.undertone
    return (min(255, max(0, round(r + warm))), g, min(255, max(0, round(b - warm))))


@functools.lru_cache(maxsize=8)
def _grid(m: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Centres of an m×m grid of cells covering an n×n image, in image pixels."""
    c = (np.arange(m, dtype=np.float32) + 0.5) * np.float32(n / m)
    return np.meshgrid(c, c)


def _shading(labels: Image.Image, head: Head, body: Head, light: float) -> np.ndarray:
    """Per-pixel light factor at output size: one smooth field per region, computed coarse and enlarged,
    picked by the region map and blurred a little so that region edges stay soft."""
    n = labels.size[0]
    x, y = _grid(_FIELD_RES, n)
    u, v = head.to_face(x, y)
    xb = (x - body.cx) / body.w
    rim = np.clip((np.hypot(u, v * 0.9) - 0.55) / 0.5, 0.0, 1.0)
    bg = 1.0 + 0.05 * light * (2 * x / n - 1)
    hair = (1.0 + 0.14 * light * np.clip(u, -1.5, 1.5) - 0.08 * np.clip(v, 0, 2)
            + 0.16 * np.exp(-(((v + 0.84) / 0.1) ** 2)) * np.clip(1.0 - np.abs(u + 0.3 * light), 0, 1))
    clothes = 1.0 + 0.05 * light * xb - 0.1 * np.clip((np.abs(xb) - 1.4) / 1.2, 0, 1)
    neck = 0.95 - 0.16 * np.clip(1.0 - (v - 1.0) / 0.55, 0, 1) + 0.06 * light * xb
    skin = 1.0 + 0.09 * light * np.clip(u, -1.2, 1.2) - 0.11 * rim * (1 - 0.5 * light * np.sign(u)) \
        + 0.05 * np.clip(-v - 0.35, 0, 0.4)
    hat = 1.0 + 0.14 * light * np.clip(u, -1.5, 1.5) + 0.06 * np.clip(-v - 0.9, 0, 0.3) / 0.3
    big = [
        np.asarray(Image.fromarray(f.astype(np.float32), "F").resize((n, n), Image.Resampling.BILINEAR))
        for f in (bg, hair, clothes, neck, skin, hat)
    ]
    lab = np.minimum(np.asarray(labels), 5).astype(np.intp)
    field = np.take_along_axis(np.stack(big), lab[None], 0)[0]
    enc = Image.fromarray(np.clip(field * 160.0, 0, 255).astype(np.uint8), "L")
    return np.asarray(enc.filter(ImageFilter.GaussianBlur(1.0)), dtype=np.float32) / 160.0


def _draw_cheeks(p: Painter, head: Head, look: Look) -> None:
    alpha = 34 if look.expression in ("smile", "laugh") else 20
    for s in (-1.0, 1.0):
        u, v = ellipse_uv(s * (look.eye_u + 0.06), 0.28, 0.2, 0.11, 24)
        p.poly(head.on_face(u, v), (214, 96, 96), alpha=alpha)


# A haircut of years ago by today's style, among the styles of the person's sex (see world.face.HAIR_STYLES);
# the bald had hair then. Hair changes, the face's proportions do not.
_EARLIER_STYLE = ({1: 3, 2: 3, 3: 2, 4: 8, 5: 1, 6: 2, 8: 6}, {0: 1, 1: 0, 5: 1, 7: 0, 9: 7})


def as_years_ago(identity: FaceIdentity, years: int) -> FaceIdentity:
    """`identity` as a picture taken `years` ago shows it: a younger age band (15 years a band), no grey the
    person did not yet have, and from 8 years back an earlier haircut. Who it is stays the same."""
    if years <= 0:
        return identity
    band = max(0, identity.age_band - (years + 7) // 15)
    colour = identity.hair_color
    if colour >= 5 and band < 2:
        colour = 1  # dark brown, as in world.face.fit_age: no grey before 45
    elif colour == 6 and band < 3:
        colour = 5
    earlier = _EARLIER_STYLE[1 if identity.male else 0]
    style = earlier.get(identity.hair_style, identity.hair_style) if years >= 8 else identity.hair_style
    return identity.model_copy(update={"age_band": band, "hair_color": colour, "hair_style": style})


def draw_face(identity: FaceIdentity, view: FaceView, size: int = 256) -> Image.Image:
    """An RGB `size`×`size` head-and-shoulders portrait of `identity` seen as `view`."""
    identity = as_years_ago(identity, view.years_back)
    big = size * SUPERSAMPLE
    canvas = background_canvas(view.background, size, SUPERSAMPLE)
    labels = Image.new("L", (size, size), BG)
    p = Painter(canvas, labels, SUPERSAMPLE)
    head, body, neck_w = _layout(identity, view, big)
    look = _look(identity, view)

    draw_hair_back(p, head, look, view.hat)
    draw_clothing_back(p, body, view.clothing, neck_w, view.yaw)
    draw_neck(p, body, head, look, neck_w)
    draw_clothing_front(p, body, view.clothing, neck_w, look.skin)
    draw_ears(p, head, look)
    u, v = outline_uv(look.shape, np.linspace(0, 2 * math.pi, 72, endpoint=False))
    p.poly(head.pts(u, v), look.skin, label=SKIN)
    _draw_cheeks(p, head, look)
    draw_sockets(p, head, look)
    draw_mole(p, head, look)
    draw_nose(p, head, look)
    draw_facial_hair_under(p, head, look)
    draw_mouth(p, head, look)
    draw_age_lines(p, head, look)
    draw_facial_hair_over(p, head, look)
    draw_eyes(p, head, look)
    draw_brows(p, head, look)
    draw_hair_front(p, head, look, view.hat)
    if view.glasses:
        draw_glasses(p, head, look, view.clothing + view.background)
    if view.hat:
        draw_hat(p, head, look, view.clothing + 2 * view.background)

    small = canvas.resize((size, size), Image.Resampling.LANCZOS, reducing_gap=2.0)
    k = 1.0 / SUPERSAMPLE
    field = _shading(labels, head.scaled(k), body.scaled(k), view.light) * np.float32(view.brightness)
    arr = np.asarray(small, dtype=np.float32) * field[..., None]
    return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")
