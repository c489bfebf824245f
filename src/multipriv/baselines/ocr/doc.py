"""One image as the pipeline holds it: what was read (its OCR page), the faces found on it, and the names it
prints. Shared by the generic reasoning (`generic`) and the expert rules (`link`, `expert`); nothing here
knows about any kind of question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multipriv.baselines.ocr import faces as facelib
from multipriv.baselines.ocr.extract import find_value
from multipriv.baselines.ocr.lexicon import is_name
from multipriv.baselines.ocr.reader import OcrPage

SAME_FACE = 0.2  # similarity above which two faces are called the same person (set on a dev build)


@dataclass
class Doc:
    """One image of a request: its OCR page and, on demand, its face embeddings."""

    path: Path
    page: OcrPage
    _faces: list[Any] | None = field(default=None, repr=False)

    def faces(self) -> list[Any]:
        if self._faces is None:
            self._faces = [facelib.embed(c) for c in facelib.face_crops(self.path, self.page)]
        return self._faces


def face_score(a: Doc, b: Doc) -> float | None:
    """The best similarity between a face of `a` (its largest) and any face of `b`."""
    fa, fb = a.faces(), b.faces()
    if not fa or not fb:
        return None
    return max(facelib.similarity(fa[0], f) for f in fb)


def names_on(doc: Doc) -> list[str]:
    """Every name the page shows, in reading order (labelled names first)."""
    out: list[str] = []
    first = find_value(doc.page, "name")
    if first is not None:
        out.append(first.text)
    for line in doc.page.lines:
        text = re.sub(r"\s*@\S+$", "", line.text).strip()
        if is_name(text):
            out.append(text)
        for m in re.finditer(r"(?:和|与|跟)([\u4e00-\u9fff]{2,3}?)(?:聚|一起|在|去|吃|的|，|$)"
                             r"|(?:with|and)\s+([A-Z][a-z]+\s[A-Z][a-z]+)", text):
            cand = m.group(1) or m.group(2)
            if cand and is_name(cand):
                out.append(cand)
    return list(dict.fromkeys(out))
