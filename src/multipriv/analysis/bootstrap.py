"""Cluster bootstrap by person, vectorised.

Items about one person are not independent (one profile, one set of documents, often one image), so intervals
resample *persons* with replacement and keep all of a drawn person's rows. Every statistic here is a ratio of
sums (`Ratio`: mean score, a rate, accuracy among answered items) or a function of several such ratios, so a
group's rows are first reduced to per-person sums (numerator and denominator); a resample is then a vector of
person counts, and every group's resampled totals are one matrix product: totals = W @ sums.

`ClusterBootstrap` fixes the persons and the resample weights once for a whole frame. Every table built from
one bootstrap therefore uses the *same* resamples, so that differences (Chinese minus English, adversarial
minus plain) and correlations across models are computed within each resample, as a paired bootstrap should.
Intervals are percentile intervals; a resample in which a group has no rows gives NaN and is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

Array = np.ndarray
N_BOOT = 1000
ALPHA = 0.05
_CHUNK_CELLS = 4_000_000  # resample weights held at once (rows x persons)


@dataclass(frozen=True, slots=True)
class Ratio:
    """sum(num) / sum(den) over a group's rows.

    `num` NaN counts as 0 (a missing answer is a failure) unless `skipna`, which also drops those rows from the
    denominator. `den` None counts rows; otherwise it names a 0/1 or weight column.
    """

    num: str
    den: str | None = None
    skipna: bool = False


Stat = str | Ratio | Callable[[pd.DataFrame], float]


@dataclass(frozen=True)
class Replicates:
    """A statistic per group: point estimates, bootstrap replicates (n x groups) and denominators."""

    keys: pd.DataFrame  # one row per group, columns = the grouping columns
    point: Array  # (groups,)
    reps: Array  # (n, groups)
    n: Array  # (groups,) rows (or denominator weight) behind each point

    def interval(self, alpha: float = ALPHA) -> tuple[Array, Array]:
        return percentile_interval(self.reps, alpha)


def percentile_interval(reps: Array, alpha: float = ALPHA) -> tuple[Array, Array]:
    """Column-wise percentile interval, ignoring NaN replicates; all-NaN columns give NaN."""
    if reps.ndim == 1:
        reps = reps[:, None]
    return _nanquantile(reps, alpha / 2), _nanquantile(reps, 1 - alpha / 2)


def _nanquantile(reps: Array, q: float) -> Array:
    """np.nanquantile(reps, q, axis=0) (linear interpolation) without its slow per-column path."""
    ordered = np.sort(reps, axis=0)  # NaN sort last
    valid = (~np.isnan(reps)).sum(axis=0)
    pos = q * np.maximum(valid - 1, 0)
    below = np.floor(pos).astype(np.int64)
    above = np.minimum(below + 1, np.maximum(valid - 1, 0))
    cols = np.arange(reps.shape[1])
    frac = pos - below
    out: Array = ordered[below, cols] * (1 - frac) + ordered[above, cols] * frac
    out[valid == 0] = np.nan
    return out


def _ratio(num: Array, den: Array) -> Array:
    with np.errstate(invalid="ignore", divide="ignore"):
        out: Array = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    return out


def _as_ratio(stat: str | Ratio) -> Ratio:
    return Ratio(stat, skipna=True) if isinstance(stat, str) else stat


def _num_den(df: pd.DataFrame, stat: Ratio) -> tuple[Array, Array]:
    num = df[stat.num].to_numpy(dtype=float, na_value=np.nan)
    den = np.ones(len(df)) if stat.den is None else df[stat.den].to_numpy(dtype=float, na_value=np.nan)
    if stat.skipna:
        den = np.where(np.isnan(num), 0.0, den)
    num = np.nan_to_num(num, nan=0.0)
    if stat.den is not None:
        den = np.nan_to_num(den, nan=0.0)
        num = num * (den > 0)
    return num, den


class ClusterBootstrap:
    """Fixed person resamples for one frame: `n` draws of all persons with replacement, seeded.

    Build it on the full frame, then ask for statistics on any row subset of it: the persons (categories of
    the cluster column) and the weights stay the same, so replicates of different statistics line up.
    """

    def __init__(self, df: pd.DataFrame, cluster: str = "person", n: int = N_BOOT, seed: int = 0) -> None:
        values = df[cluster]
        if isinstance(values.dtype, pd.CategoricalDtype):
            self.categories = pd.Index(values.cat.categories)
        else:
            self.categories = pd.Index(pd.unique(values.astype(str)))
        self.cluster = cluster
        self.n = int(n)
        self.seed = int(seed)
        self.k = max(len(self.categories), 1)
        self._chunk = max(1, min(self.n, _CHUNK_CELLS // self.k))
        self._cache: list[Array] | None = None
        if self.n * self.k <= 4 * _CHUNK_CELLS:
            self._cache = list(self._generate())

    def _generate(self) -> Iterator[Array]:
        k = self.k
        for start in range(0, self.n, self._chunk):
            rows = min(self._chunk, self.n - start)
            rng = np.random.default_rng([self.seed, start])
            draws = rng.integers(0, k, size=(rows, k))
            draws += (np.arange(rows) * k)[:, None]
            yield np.bincount(draws.ravel(), minlength=rows * k).reshape(rows, k).astype(float)

    def weights(self) -> Iterator[Array]:
        """Resample weights in chunks of rows: chunk[i, j] = how often person j is drawn in resample i."""
        if self._cache is not None:
            yield from self._cache
        else:
            yield from self._generate()

    def codes(self, df: pd.DataFrame) -> Array:
        values = df[self.cluster]
        if isinstance(values.dtype, pd.CategoricalDtype) and values.cat.categories.equals(self.categories):
            codes = values.cat.codes.to_numpy()
        else:
            codes = self.categories.astype(str).get_indexer(values.astype(str).to_numpy())
        if (codes < 0).any():
            raise ValueError(f"rows whose {self.cluster} is not in the bootstrap's frame")
        return np.asarray(codes, dtype=np.int64)

    def sums(self, df: pd.DataFrame, by: Sequence[str], columns: Sequence[Array]) -> tuple[pd.DataFrame, list[Array]]:
        """Group keys and, per value array, a (groups x persons) matrix of per-person sums."""
        kcodes = self.codes(df)
        gcodes, keys = group_codes(df, by)
        g = len(keys)
        flat = gcodes * self.k + kcodes
        mats = [np.bincount(flat, weights=col, minlength=g * self.k).reshape(g, self.k) for col in columns]
        return keys, mats

    def resample(self, mats: Sequence[Array]) -> list[Array]:
        """Resampled totals per matrix: (n x groups) each."""
        out = [np.empty((self.n, m.shape[0])) for m in mats]
        start = 0
        for w in self.weights():
            stop = start + w.shape[0]
            for o, m in zip(out, mats, strict=True):
                o[start:stop] = w @ m.T
            start = stop
        return out

    def replicates(self, df: pd.DataFrame, by: Sequence[str], stat: str | Ratio) -> Replicates:
        """A ratio statistic per group of `df` (a row subset of the bootstrap's frame) with its replicates."""
        ratio = _as_ratio(stat)
        num, den = _num_den(df, ratio)
        keys, (snum, sden) = self.sums(df, by, [num, den])
        rnum, rden = self.resample([snum, sden])
        tnum, tden = snum.sum(axis=1), sden.sum(axis=1)
        return Replicates(keys=keys, point=_ratio(tnum, tden), reps=_ratio(rnum, rden), n=tden)

    def interval(self, df: pd.DataFrame, stat: str | Ratio, alpha: float = ALPHA) -> tuple[float, float, float]:
        r = self.replicates(df, [], stat)
        lo, hi = r.interval(alpha)
        return float(r.point[0]), float(lo[0]), float(hi[0])


def group_codes(df: pd.DataFrame, by: Sequence[str]) -> tuple[Array, pd.DataFrame]:
    """Dense group number per row (groups in sorted key order) and the keys of each group.

    Like `groupby(by, observed=True, sort=True).ngroup()`, several times faster on categorical columns.
    """
    if not by:
        return np.zeros(len(df), dtype=np.int64), pd.DataFrame(index=range(1))
    combined = np.zeros(len(df), dtype=np.int64)
    levels: list[pd.Index] = []
    for col in by:
        values = df[col]
        if isinstance(values.dtype, pd.CategoricalDtype):
            codes = values.cat.codes.to_numpy().astype(np.int64)
            uniques = pd.Index(values.cat.categories)
            order = np.argsort(uniques.astype(str).to_numpy(), kind="stable")
            rank = np.empty(len(order), dtype=np.int64)
            rank[order] = np.arange(len(order))
            codes, uniques = rank[codes], uniques[order]
        else:
            codes, uniques = pd.factorize(values, sort=True)
            codes = codes.astype(np.int64)
        combined = combined * max(len(uniques), 1) + codes
        levels.append(pd.Index(uniques))
    space = int(np.prod([max(len(idx), 1) for idx in levels]))
    if space <= 4 * len(df) + 1024:  # dense: mark the key combinations present, number them in order
        seen = np.bincount(combined, minlength=space) > 0
        present = np.flatnonzero(seen)
        number = np.cumsum(seen) - 1
        gcodes = number[combined]
    else:
        present, gcodes = np.unique(combined, return_inverse=True)
    keys: dict[str, Array] = {}
    for col, idx in zip(reversed(by), reversed(levels), strict=True):
        size = max(len(idx), 1)
        keys[col] = idx.to_numpy()[present % size]
        present = present // size
    return gcodes.reshape(-1), pd.DataFrame({col: keys[col] for col in by})


def _generic_ci(df: pd.DataFrame, fn: Callable[[pd.DataFrame], float], cluster: str, n: int, seed: int,
                alpha: float) -> tuple[float, float, float]:
    """Slow path for an arbitrary statistic: rebuild each resampled frame and call `fn` on it."""
    codes, uniques = pd.factorize(df[cluster])
    k = len(uniques)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(k + 1))
    rng = np.random.default_rng(seed)
    values = np.empty(n)
    for i in range(n):
        drawn = rng.integers(0, k, size=k)
        rows = np.concatenate([order[bounds[j]:bounds[j + 1]] for j in drawn]) if k else np.array([], int)
        values[i] = fn(df.iloc[rows])
    lo, hi = percentile_interval(values, alpha)
    return float(fn(df)), float(lo[0]), float(hi[0])


def cluster_ci(df: pd.DataFrame, stat_fn: Stat, cluster: str = "person", n: int = N_BOOT, seed: int = 0,
               alpha: float = ALPHA) -> tuple[float, float, float]:
    """(point, lo, hi): a percentile interval from `n` resamples of the clusters of `df`.

    `stat_fn` is a column name (its mean, NaN rows left out), a `Ratio`, or any function of a frame. The first
    two run vectorised (per-cluster sums, then a matrix product); a function is called once per resample.
    """
    if callable(stat_fn) and not isinstance(stat_fn, Ratio):
        return _generic_ci(df, stat_fn, cluster, n, seed, alpha)
    return ClusterBootstrap(df, cluster=cluster, n=n, seed=seed).interval(df, stat_fn, alpha)
