"""MPFace-KME: a small, training-free similarity measure for face crops.

Name and version: ``MEASURE = "mpface-kme/1"``. `embed` maps a face crop (any size; a head-and-shoulders
portrait or a photo cut from a document) to an L2-normalised vector and `similarity` is the cosine of two of
them. Nothing about the identity is needed, only the picture. It works in five steps:

1. **Colour space.** The crop (centre-cropped to a square) is reduced to 128×128 and turned into log colour
   (log-intensity, log(R/G), log(B/G)), so that exposure changes shift one coordinate only.
2. **Background and skin.** The background is modelled per row from the left and right edges of the picture
   (plain, gradient and side-lit backgrounds all fit). The skin colour is the most common skin-like hue
   (red > green > blue) near the centre; the skin region is the set of pixels of that colour connected to the
   centre.
3. **Alignment.** From the widths of the skin region row by row: the face width (scale), the jaw line (vertical
   anchor), the face's midline and its tilt. A 40×40 grid is sampled in that face-aligned frame, so framing,
   size and in-plane tilt of the photo drop out.
4. **Descriptors.** Three *kernel mean embeddings* (the mean of random Fourier features, Rahimi & Recht 2007,
   of each pixel's position and colour: their dot products approximate the average Gaussian-kernel similarity
   between the pixels of two pictures) over (a) the skin pixels, which carry face shape and skin tone, (b) the
   other pixels of the head, which carry hair colour and style, brows, eyes, lips and beard, and (c) the inner
   face with positions re-centred on the features, which undoes most of a head turn. A histogram of gradient
   orientations (HOG-like, 4×4 cells × 8 bins) of the inner face adds the shapes of the features. Colours that
   no skin or hair has (r ≤ g or b > g: blues, greens, purples) count a tenth: they belong to hats, clothes
   and scenery. Colours are taken relative to the skin's intensity, so a brighter or darker exposure of the
   same person keeps its embedding.
5. **Combination.** Each descriptor is L2-normalised, weighted and concatenated; the whole is L2-normalised.

Everything is deterministic (the random features come from a fixed-seed `RandomState`, a stream NumPy keeps
stable) and uses NumPy and Pillow only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image

MEASURE = "mpface-kme/1"

Arr = NDArray[np.float64]
Mask = NDArray[np.bool_]

_WORK = 128  # working resolution of the whole crop
_GRID = 40  # face-aligned sampling grid
_BOX = (-2.0, -3.8, 2.0, 0.6)  # grid extent in face half-widths around (midline, jaw line)
_FEATURES = 256  # random Fourier features per kernel mean embedding
# kernel widths for (x, y, log-intensity, log R/G, log B/G)
_HEAD_WIDTHS = np.array([0.35, 0.35, 0.25, 0.08, 0.08])
_INNER_WIDTHS = np.array([0.2, 0.2, 0.2, 0.06, 0.06])
_TOP = -1.6  # above this line (hats sit there) pixels count _TOP_WEIGHT
_TOP_WEIGHT = 0.3
_UNNATURAL_WEIGHT = 0.1
_TIGHT = 0.25  # a face half-width above this share of the picture means a tight crop
_ROOM = 1.8  # how much to enlarge the canvas around a tight crop
_WEIGHTS = {"skin": 1.0, "other": 1.0, "inner": 1.5, "hog": 1.5}

_rs = np.random.RandomState(20240611)
_RFF_HEAD = (_rs.normal(size=(_FEATURES, 5)), _rs.uniform(0.0, 2 * np.pi, _FEATURES))
_RFF_INNER = (_rs.normal(size=(_FEATURES, 5)), _rs.uniform(0.0, 2 * np.pi, _FEATURES))

EMBED_DIM = 3 * _FEATURES + 16 * 8


@dataclass(frozen=True)
class _Frame:
    """Face-aligned frame: midline x at the jaw line, jaw-line y, face half-width, tilt (dx/dy)."""

    cx: float
    cy: float
    hw: float
    slope: float


def _pad(img: Image.Image, factor: float = 1.0) -> Image.Image:
    """`img` centred on a square `factor` times its longer side, the border filled by repeating its edges."""
    w, h = img.size
    side = max(round(max(w, h) * factor), 1)
    left, top = (side - w) // 2, (side - h) // 2
    if (left, top) == (0, 0) and side == w == h:
        return img
    arr = np.asarray(img)
    padded = np.pad(arr, ((top, side - h - top), (left, side - w - left), (0, 0)), mode="edge")
    return Image.fromarray(padded, "RGB")


def _log_colour(a: NDArray[np.float32]) -> Arr:
    lg = np.log(a.astype(np.float64) + 0.02)
    return np.stack([lg.mean(-1), lg[..., 0] - lg[..., 1], lg[..., 2] - lg[..., 1]], -1)


def _near(lc: Arr, ref: Arr, s_int: float, s_chroma: float) -> Mask:
    d = lc - ref
    return np.asarray((d[..., 0] / s_int) ** 2 + (d[..., 1] ** 2 + d[..., 2] ** 2) / s_chroma**2 < 1.0)


def _background(lc: Arr) -> Mask:
    """Pixels that match the row's left or right edge colour or the blend between them."""
    n = lc.shape[1]
    k = max(2, n // 24)
    left = np.median(lc[:, :k], axis=1)[:, None, :]
    right = np.median(lc[:, -k:], axis=1)[:, None, :]
    t = ((np.arange(n) + 0.5) / n)[None, :, None]
    return _near(lc, left + (right - left) * t, 0.09, 0.045) | _near(lc, left, 0.09, 0.045) | _near(
        lc, right, 0.09, 0.045)


def _dilate(m: Mask) -> Mask:
    o = m.copy()
    o[1:] |= m[:-1]
    o[:-1] |= m[1:]
    o[:, 1:] |= m[:, :-1]
    o[:, :-1] |= m[:, 1:]
    return o


def _skin(lc: Arr, bg: Mask) -> tuple[Arr, Mask, Mask]:
    """Skin colour, skin-coloured pixels, and the skin region connected to the centre of the picture."""
    n = lc.shape[0]
    rows, cols = slice(int(0.30 * n), int(0.58 * n)), slice(int(0.36 * n), int(0.64 * n))
    win = lc[rows, cols]
    yy, xx = np.mgrid[rows, cols] / n
    centre = np.exp(-(((yy - 0.46) / 0.08) ** 2 + ((xx - 0.5) / 0.08) ** 2) / 2)  # nose and cheeks count most
    keep = ~bg[rows, cols] & (win[..., 1] > 0.04) & (win[..., 2] < -0.04)  # skin hues: red > green > blue
    if keep.sum() < 20:
        keep = np.ones_like(keep)
    pix, wts = win[keep], centre[keep]
    bi = np.clip(((pix[:, 1] + 0.2) / 0.04).astype(int), 0, 29)
    bj = np.clip(((pix[:, 2] + 0.8) / 0.04).astype(int), 0, 27)
    hist = np.bincount(bi * 28 + bj, weights=wts, minlength=30 * 28).reshape(30, 28)
    smooth = hist.copy()
    smooth[1:] += hist[:-1]
    smooth[:-1] += hist[1:]
    both = smooth.copy()
    both[:, 1:] += smooth[:, :-1]
    both[:, :-1] += smooth[:, 1:]
    pi, pj = np.unravel_index(int(np.argmax(both)), both.shape)
    peak_rg, peak_bg = -0.2 + (pi + 0.5) * 0.04, -0.8 + (pj + 0.5) * 0.04
    near = (np.abs(pix[:, 1] - peak_rg) < 0.06) & (np.abs(pix[:, 2] - peak_bg) < 0.06)
    ref = np.median(pix[near] if near.any() else pix, axis=0)
    d = lc - ref
    skin = (np.abs(d[..., 1]) < 0.07) & (np.abs(d[..., 2]) < 0.085) & (d[..., 0] > -0.4) & (d[..., 0] < 0.3)
    skin &= ~bg
    region = np.zeros_like(skin)
    region[rows, cols] = skin[rows, cols]
    for _ in range(n):
        grown = _dilate(region) & skin
        if np.array_equal(grown, region):
            break
        region = grown
    return ref, skin, region


def _frame(region: Mask) -> tuple[_Frame, bool]:
    """Face-aligned frame from the row-by-row extent of the skin region (a default frame if none is found)."""
    n = region.shape[0]
    first = region.argmax(1)
    last = n - 1 - region[:, ::-1].argmax(1)
    ext = np.where(region.any(1), last - first + 1, 0).astype(np.float64)
    lo, hi = int(0.25 * n), int(0.56 * n)
    sm = np.convolve(ext, np.ones(3) / 3, mode="same")
    widest = lo + int(np.argmax(sm[lo:hi]))
    width = float(sm[widest])
    if not 0.14 * n < width < 0.8 * n:
        return _Frame(n / 2, 0.62 * n, 0.17 * n, 0.0), False
    rows = np.arange(n)
    below = rows[(rows > widest) & (ext < 0.62 * width)]
    jaw = float(below[0]) if len(below) else 0.62 * n
    above = rows[(rows < widest) & (ext < 0.35 * width)]
    top = int(above[-1]) if len(above) else 0
    sel = rows[(rows > top) & (rows < jaw) & (ext > 0.7 * width)]
    if len(sel) == 0:
        return _Frame(n / 2, jaw, width / 2, 0.0), True
    mids = (first[sel] + last[sel]) / 2
    slope = 0.0
    if len(sel) >= max(6.0, 0.4 * width):
        slope = float(np.clip(np.polyfit(sel, mids, 1)[0], -0.22, 0.22))
    cx = float(np.median(mids)) + 0.5 + slope * (jaw - float(np.median(sel)))
    return _Frame(cx, jaw, width / 2, slope), True


def _sample(arrays: list[NDArray[np.generic]], f: _Frame, n: int) -> tuple[list[NDArray[np.generic]], Mask, Arr, Arr]:
    """Nearest-neighbour samples of `arrays` on the face-aligned grid; also in-picture flags and grid coords."""
    ang = np.arctan(f.slope)
    c, s = np.cos(ang), np.sin(ang)
    x0, y0, x1, y1 = _BOX
    u = x0 + (np.arange(_GRID) + 0.5) * (x1 - x0) / _GRID
    v = y0 + (np.arange(_GRID) + 0.5) * (y1 - y0) / _GRID
    uu, vv = np.meshgrid(u, v)
    x = f.cx + f.hw * (c * uu + s * vv)
    y = f.cy + f.hw * (-s * uu + c * vv)
    xi = np.clip(np.round(x - 0.5).astype(int), 0, n - 1)
    yi = np.clip(np.round(y - 0.5).astype(int), 0, n - 1)
    inside = (x >= 0) & (x < n) & (y >= 0) & (y < n)
    return [a[yi, xi] for a in arrays], inside, uu, vv


def _kme(u: Arr, v: Arr, colour: Arr, m: Mask, w: Arr, widths: Arr, rff: tuple[Arr, Arr]) -> Arr:
    """Weighted mean of random Fourier features of (position, colour) over the pixels in `m`."""
    x = np.stack([u[m], v[m], colour[m][:, 0], colour[m][:, 1], colour[m][:, 2]], 1) / widths
    proj, phase = rff
    z = np.cos(x @ proj.T + phase)
    wm = w[m]
    return np.asarray((wm[:, None] * z).sum(0) / (wm.sum() + 1e-9), dtype=np.float64)


def _hog(gray: Arr, cells: int = 4, bins: int = 8) -> Arr:
    """Square-rooted, per-cell normalised histograms of gradient orientation weighted by magnitude."""
    gy, gx = np.gradient(gray)
    mag = np.hypot(gx, gy)
    ang = np.mod(np.arctan2(gy, gx), np.pi)
    b = np.minimum((ang / np.pi * bins).astype(int), bins - 1)
    h, w = mag.shape
    idx = ((np.arange(h) * cells // h)[:, None] * cells + (np.arange(w) * cells // w)[None, :]) * bins + b
    hist = np.bincount(idx.ravel(), weights=mag.ravel(), minlength=cells * cells * bins).reshape(-1, bins)
    hist = np.sqrt(hist / (hist.sum(1, keepdims=True) + 1e-3))
    return np.asarray((hist - hist.mean(1, keepdims=True)).ravel(), dtype=np.float64)


def _unit(v: Arr) -> Arr:
    return np.asarray(v / (np.linalg.norm(v) + 1e-12), dtype=np.float64)


def _analyse(img: Image.Image) -> tuple[Arr, Mask, Arr, Mask, _Frame, bool]:
    """Log colour, background, skin colour, skin pixels and face frame of a square picture at working size."""
    small = img.resize((_WORK, _WORK), Image.Resampling.BOX)
    lc = _log_colour(np.asarray(small, dtype=np.float32) / 255.0)
    bg = _background(lc)
    ref, skin, region = _skin(lc, bg)
    frame, found = _frame(region)
    return lc, bg, ref, skin, frame, found


def embed(img: Image.Image) -> NDArray[np.float64]:
    """The L2-normalised MPFace-KME embedding (length EMBED_DIM) of a face crop."""
    square = _pad(img.convert("RGB"))
    lc, bg, ref, skin, frame, found = _analyse(square)
    if not found or frame.hw > _TIGHT * _WORK:  # a tight crop: give the head room around it and look again
        lc2, bg2, ref2, skin2, frame2, found2 = _analyse(_pad(square, _ROOM))
        if found2 or not found:
            lc, bg, ref, skin, frame = lc2, bg2, ref2, skin2, frame2
    (g_lc, g_skin, g_bg), inside, u, v = _sample([lc, skin, bg], frame, _WORK)
    fg = ~np.asarray(g_bg, dtype=bool) & inside
    sk = np.asarray(g_skin, dtype=bool) & fg
    colour = np.asarray(g_lc, dtype=np.float64)
    rel = colour - np.array([ref[0], 0.0, 0.0])
    natural = np.where((colour[..., 1] > -0.03) & (colour[..., 2] < 0.03), 1.0, _UNNATURAL_WEIGHT)
    w_head = np.where(v < _TOP, _TOP_WEIGHT, 1.0) * natural
    head = fg & (v < 0.3)
    f_skin = _kme(u, v, rel, head & sk, w_head, _HEAD_WIDTHS, _RFF_HEAD)
    f_other = _kme(u, v, rel, head & ~sk, w_head, _HEAD_WIDTHS, _RFF_HEAD)
    feats = fg & ~sk & (np.abs(u) < 0.85) & (v > -2.0) & (v < 0.4)
    shift = float(np.mean(u[feats])) if feats.sum() > 5 else 0.0
    inner = fg & (np.abs(u - shift) < 1.3) & (v > -1.3) & (v < 0.4)
    f_inner = _kme(u - shift, v, rel, inner, natural, _INNER_WIDTHS, _RFF_INNER)
    gray = np.where(fg, np.clip(rel[..., 0], -2.0, 1.0), 0.0)
    f_hog = _hog(gray[int(_GRID * 0.4):int(_GRID * 0.92), int(_GRID * 0.2):int(_GRID * 0.8)])
    parts = {"skin": f_skin, "other": f_other, "inner": f_inner, "hog": f_hog}
    vec = np.concatenate([_WEIGHTS[k] * _unit(p) for k, p in parts.items()])
    if not np.linalg.norm(vec) > 1e-9:  # nothing to see (a blank picture): all such pictures are alike
        return np.full(EMBED_DIM, 1.0 / np.sqrt(EMBED_DIM))
    return _unit(vec)


def similarity(a: Image.Image, b: Image.Image) -> float:
    """Cosine similarity of the embeddings of two face crops (1: identical pictures)."""
    return float(embed(a) @ embed(b))
