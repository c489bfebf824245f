"""Procedural fingerprints for the six Henry-style pattern classes.

Why this model: an orientation field decides the class (arches have no singular points, loops one core and
one delta, whorls and double loops two of each; Sherlock & Monro's zero-pole model), and ridges grown from
noise by repeated oriented Gabor filtering follow that field while forming natural endings and bifurcations
(the idea behind SFinGe). Everything is numpy FFT work on one small image, so it takes a fraction of a second.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

PATTERNS = ("arch", "tented_arch", "left_loop", "right_loop", "whorl", "double_loop")

_BINS = 16  # orientation bins for the filter bank
_ITERATIONS = 9

# (cores, deltas) in normalised coordinates: u right, v up, both in [-1, 1].
_SINGULAR: dict[str, tuple[list[tuple[float, float]], list[tuple[float, float]]]] = {
    "tented_arch": ([(0.0, 0.1)], [(0.0, -0.12)]),
    "left_loop": ([(-0.05, 0.1)], [(0.45, -0.45)]),
    "right_loop": ([(0.05, 0.1)], [(-0.45, -0.45)]),
    "whorl": ([(-0.04, 0.06), (0.04, 0.0)], [(-0.55, -0.55), (0.55, -0.55)]),
    "double_loop": ([(-0.22, 0.3), (0.22, -0.22)], [(-0.7, -0.35), (0.7, -0.6)]),
}


def _smooth_noise(rng: np.random.Generator, n: int, cells: int) -> np.ndarray:
    """Low-frequency noise in [-1, 1]: a coarse random grid upsampled bicubically."""
    coarse = Image.fromarray((rng.random((cells, cells)) * 255).astype(np.uint8), "L")
    return np.asarray(coarse.resize((n, n), Image.Resampling.BICUBIC), dtype=np.float64) / 127.5 - 1.0


def _orientation(pattern: str, rng: np.random.Generator, n: int) -> np.ndarray:
    """Ridge direction (radians, image coordinates: x right, y down) at every pixel."""
    axis = np.linspace(-1.0, 1.0, n)
    u, v = np.meshgrid(axis, -axis)
    if pattern == "arch":
        # ridges are level curves of v - bump(u, v): flat at the bottom, arching in the middle
        height = rng.uniform(0.4, 0.55) * np.exp(-((v + 0.2) ** 2) / 0.5)
        f = v - height * np.exp(-(u**2) / rng.uniform(0.25, 0.4))
        fv, fu = np.gradient(f, -axis, axis)
        theta = np.arctan2(-fu, fv)
    else:
        cores, deltas = _SINGULAR[pattern]
        jitter = rng.uniform(-0.05, 0.05, size=(len(cores) + len(deltas), 2))
        theta = np.zeros_like(u)
        for i, (cu, cv) in enumerate(cores):
            theta += 0.5 * np.arctan2(v - cv - jitter[i, 1], u - cu - jitter[i, 0])
        for j, (du, dv) in enumerate(deltas):
            k = len(cores) + j
            theta -= 0.5 * np.arctan2(v - dv - jitter[k, 1], u - du - jitter[k, 0])
    theta = theta + 0.08 * _smooth_noise(rng, n, 4)
    return np.asarray(-theta, dtype=np.float64)  # y flips between the math frame and the image frame


def _gabor_bank(n: int, period: float) -> np.ndarray:
    """rFFTs of zero-mean Gabor kernels tuned to ridges of each bin's direction, shape (bins, n, n//2+1)."""
    sigma = period * 0.55
    half = int(3 * sigma)
    ax = np.arange(-half, half + 1, dtype=np.float64)
    x, y = np.meshgrid(ax, ax)
    env = np.exp(-(x**2 + y**2) / (2 * sigma**2))
    bank = []
    for b in range(_BINS):
        t = np.pi * b / _BINS
        across = -x * np.sin(t) + y * np.cos(t)  # distance across the ridges
        k = env * np.cos(2 * np.pi * across / period)
        k -= env * (k.sum() / env.sum())
        padded = np.zeros((n, n))
        padded[: k.shape[0], : k.shape[1]] = k
        padded = np.roll(padded, (-half, -half), axis=(0, 1))
        bank.append(np.fft.rfft2(padded))
    return np.stack(bank)


def draw_fingerprint(pattern: str, seed: int, size: int) -> Image.Image:
    """A `size`-pixel square fingerprint of class `pattern`: grey ridges on white inside an oval, L mode."""
    if pattern not in PATTERNS:
        raise ValueError(f"unknown fingerprint pattern {pattern!r}; expected one of {', '.join(PATTERNS)}")
    rng = np.random.Generator(np.random.PCG64(seed))
    n = int(min(max(size, 192), 384))
    n += n % 2
    theta = _orientation(pattern, rng, n)
    period = n / rng.uniform(27.0, 33.0)
    bank = _gabor_bank(n, period)
    # per-pixel linear blend between the two nearest orientation bins
    pos = (np.mod(theta, np.pi) / np.pi) * _BINS
    lo = np.floor(pos).astype(int) % _BINS
    hi = (lo + 1) % _BINS
    w_hi = pos - np.floor(pos)
    img = rng.normal(0.0, 1.0, (n, n))
    rows = np.arange(n)[:, None]
    cols = np.arange(n)[None, :]
    for _ in range(_ITERATIONS):
        responses = np.fft.irfft2(np.fft.rfft2(img)[None, :, :] * bank, s=(n, n))
        img = (1 - w_hi) * responses[lo, rows, cols] + w_hi * responses[hi, rows, cols]
        img = np.tanh(2.0 * img / (img.std() + 1e-9))
    ridges = 0.5 * (1 + np.tanh(2.5 * img))  # 1 on a ridge
    axis = np.linspace(-1.0, 1.0, n)
    u, v = np.meshgrid(axis, axis)
    edge = 1.0 + 0.04 * _smooth_noise(rng, n, 6)
    r = np.sqrt((u / 0.8) ** 2 + (v / 0.95) ** 2) / edge
    oval = np.clip((1.0 - r) / 0.06, 0.0, 1.0)
    pressure = np.clip(1.0 - 0.55 * r**4 + 0.12 * _smooth_noise(rng, n, 5), 0.3, 1.0)
    ink = ridges * oval * pressure
    grey = 255.0 - ink * rng.uniform(170.0, 200.0)
    out = Image.fromarray(np.clip(np.rint(grey), 0, 255).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(0.5))
    if n != size:
        out = out.resize((size, size), Image.Resampling.LANCZOS)
    return out
