"""How much of each photo tier RapidOCR reads back, and what each tier costs to render.

Run: python benchmarks/bench_ocr_tiers.py DATA [--per-tier 40] [--sheets OUT]
     python benchmarks/bench_ocr_tiers.py --micro 12 [--persons 20 --background 60]

With DATA (a build): OCRs up to `--per-tier` document images of each tier (`meta["photo_tier"]`) and prints the
share of recorded values read back, per tier and per tier and kind. A value counts as read back when an OCR
line contains its text (or a line covering at least 80% of it is contained in it) after folding case, width
and punctuation, as in tests/render/test_rendered_build.py; values of fewer than 2 characters and signatures
are skipped. `--sheets OUT` also writes a contact sheet per tier (render/contact_sheet.py) to look at.
With --micro N: renders N documents in each tier in one process and prints CPU seconds per image per tier.
Acceptance (issue 12): scan >= 95%, hard between 75% and 90%.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from multipriv.render.annotations import AnnotationSet, FieldBox, ImageAnnotation

TIERS = ("scan", "photo", "hard")


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"[\s·.,:;，。：；/\\|()（）\-_'\"*]", "", s)


def readable(ann: ImageAnnotation) -> list[FieldBox]:
    """The values read-back is measured on: signatures and one-character values are not text to OCR."""
    return [f for f in ann.fields if f.attribute_id != "signature" and len(_norm(f.text)) >= 2]


def read_back(engine: Any, image: Image.Image, ann: ImageAnnotation) -> tuple[int, int]:
    """(values read, values) for one image."""
    result, _ = engine(np.asarray(image.convert("RGB")))
    lines = [_norm(text) for _points, text, _score in (result or [])]
    fields = readable(ann)
    hits = 0
    for field in fields:
        target = _norm(field.text)
        if any(target in t or (t and len(t) >= 0.8 * len(target) and t in target) for t in lines):
            hits += 1
    return hits, len(fields)


def _sample(annotations: AnnotationSet, per_tier: int) -> dict[str, list[ImageAnnotation]]:
    by: dict[str, list[ImageAnnotation]] = defaultdict(list)
    for ann in annotations.images:
        tier = ann.meta.get("photo_tier", "")
        if tier and readable(ann) and len(by[tier]) < per_tier:
            by[tier].append(ann)
    return by


def ocr_build(root: Path, per_tier: int, sheets: Path | None) -> None:
    from rapidocr_onnxruntime import RapidOCR

    from multipriv.render.contact_sheet import tier_sheets

    annotations = AnnotationSet.load(root / "annotations.json")
    engine = RapidOCR()
    by = _sample(annotations, per_tier)
    total: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    t0 = time.process_time()
    for tier in TIERS:
        for ann in by.get(tier, []):
            hits, n = read_back(engine, Image.open(root / ann.path), ann)
            total[f"{tier}:hits"] += hits
            total[f"{tier}:n"] += n
            kinds[tier][f"{ann.kind}:hits"] += hits
            kinds[tier][f"{ann.kind}:n"] += n
    if sheets is not None:
        sheets.mkdir(parents=True, exist_ok=True)
        print("contact sheets:", ", ".join(str(p) for p in tier_sheets(root, annotations, sheets, boxes=False)))
    print(f"RapidOCR read-back on {root} ({time.process_time() - t0:.0f} CPU-s)")
    for tier in TIERS:
        n = total[f"{tier}:n"]
        if not n:
            print(f"  {tier:6s} no images")
            continue
        print(f"  {tier:6s} {total[f'{tier}:hits'] / n:6.1%} of {n} values in {len(by[tier])} images")
        names = sorted({k.split(':')[0] for k in kinds[tier]})
        for kind in names:
            kn = kinds[tier][f"{kind}:n"]
            print(f"      {kind:22s} {kinds[tier][f'{kind}:hits'] / kn:6.1%} of {kn}")


def micro(n: int, persons: int, background: int) -> None:
    import multipriv.render.pipeline as pipeline
    from multipriv.render.documents.base import REGISTRY
    from multipriv.render.face_source import ProceduralFaceSource
    from multipriv.world.generate import WorldConfig, build_world

    world = build_world(WorldConfig(seed=0, persons=persons, background=background))
    docs = [j for j in pipeline.plan(world, 0) if REGISTRY[j.kind].may_photograph][:n]
    faces = ProceduralFaceSource()
    for tier in TIERS:
        pipeline.photo_tier = lambda job, seed, tier=tier: tier  # type: ignore[misc]
        spent, pixels = 0.0, 0
        for job in docs:
            forced = pipeline.RenderJob(job.person_id, job.kind, job.tier, tier != "scan")
            t = time.process_time()
            ann, _ = pipeline.render_one(world, forced, 0, faces)
            spent += time.process_time() - t
            pixels += ann.width * ann.height
        print(f"  {tier:6s} {1000 * spent / len(docs):6.1f} CPU-ms/image  "
              f"({len(docs)} documents, mean {pixels / len(docs) / 1e6:.2f} Mpx)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path)
    parser.add_argument("--per-tier", type=int, default=40)
    parser.add_argument("--sheets", type=Path)
    parser.add_argument("--micro", type=int, default=0)
    parser.add_argument("--persons", type=int, default=20)
    parser.add_argument("--background", type=int, default=60)
    args = parser.parse_args()
    if args.micro:
        micro(args.micro, args.persons, args.background)
    elif args.data is None or not (args.data / "annotations.json").is_file():
        sys.exit("bench_ocr_tiers: give a build folder (with annotations.json) or --micro N")
    else:
        ocr_build(args.data, args.per_tier, args.sheets)


if __name__ == "__main__":
    main()
