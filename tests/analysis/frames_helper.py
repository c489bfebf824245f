"""Build score frames with exactly known rates (no randomness unless asked)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from multipriv.analysis.frame import ensure_frame


def exact_rows(n: int, share: float) -> np.ndarray:
    """n booleans of which round(share * n) are True, spread evenly (deterministic)."""
    k = round(share * n)
    out = np.zeros(n, dtype=bool)
    if k:
        out[np.linspace(0, n - 1, k).round().astype(int)] = True
    return out


def model_rows(model: str, *, perception: float, reasoning: float, persons: int = 20, per_person: int = 4,
               condition: str = "plain", refusal: float = 0.0, leak: float | None = None,
               tasks: Sequence[int] = (3, 6), lang: str = "en", twin_prefix: str = "tw") -> pd.DataFrame:
    """`per_person` items per person for each task; the share right is exactly `perception` on perception tasks
    and `reasoning` on reasoning tasks. Refused rows are spread evenly and are never right."""
    frames = []
    for task in tasks:
        n = persons * per_person
        rate = perception if task <= 4 else reasoning
        refused = exact_rows(n, refusal)
        right = exact_rows(n, rate) & ~refused
        leaked = exact_rows(n, leak) if leak is not None else right
        frames.append(pd.DataFrame({
            "item_id": [f"t{task}-{i}-{lang}" for i in range(n)],
            "twin_id": [f"{twin_prefix}{task}-{i}" for i in range(n)],
            "model": model, "condition": condition, "task": task, "lang": lang,
            "person": [f"P{i % persons}" for i in range(n)],
            "score": right.astype(float), "correct": np.where(refused, np.nan, right.astype(float)),
            "refusal": np.where(refused, "refuse", "comply"), "parsed": ~refused, "leak": leaked,
            "leakable": True,
        }))
    return pd.concat(frames, ignore_index=True)


def frame(*parts: pd.DataFrame) -> pd.DataFrame:
    return ensure_frame(pd.concat(parts, ignore_index=True))
