"""The rendered images of a whole build: legible (OCR reads the fields back where they were recorded), inside
the canvas, linked to the right persons, and in both languages."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from multipriv.render.annotations import AnnotationSet, Box, FieldBox, ImageAnnotation
from multipriv.render.documents.base import REGISTRY
from multipriv.render.pipeline import plan
from multipriv.world.generate import WorldConfig, build_world

SAMPLE = 36  # images OCR'd: enough for every kind in both languages, small enough for CI


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"[\s·.,:;，。：；/\\|()（）\-_'\"*]", "", s)


def _iou(a: Box, b: Box) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union else 0.0


@pytest.fixture(scope="module")
def annotations(small_build: Path) -> AnnotationSet:
    return AnnotationSet.load(small_build / "annotations.json")


def test_every_kind_is_planned_in_both_languages(annotations: AnnotationSet) -> None:
    """A build of the default's shape plans every kind for persons of both locales (the small build has too few
    persons for every kind; tests/render/documents draws each kind in both languages)."""
    world = build_world(WorldConfig(seed=3, persons=40, background=100))
    planned = {(job.kind, world.person(job.person_id).locale) for job in plan(world, 3)}
    assert len(REGISTRY) >= 12
    assert planned == {(kind, locale) for kind in REGISTRY for locale in ("en", "zh")}
    assert len({a.kind for a in annotations.images}) >= 12
    assert sum(a.photo for a in annotations.images) > 0


def test_boxes_stay_on_the_canvas(annotations: AnnotationSet) -> None:
    for ann in annotations.images:
        for box in ann.all_boxes():
            assert 0 <= box[0] < box[2] <= ann.width and 0 <= box[1] < box[3] <= ann.height, (ann.path, box)


def test_core_persons_have_about_ten_linked_images(annotations: AnnotationSet) -> None:
    per_person = Counter(a.person_ids[0] for a in annotations.images if a.tier == "individual"
                         and "altered" not in a.meta)
    assert per_person and all(9 <= n <= 12 for n in per_person.values())


def _read_back(root: Path, ann: ImageAnnotation, engine: object) -> tuple[int, int, list[float]]:
    result, _ = engine(np.asarray(Image.open(root / ann.path).convert("RGB")))  # type: ignore[operator]
    lines = [(_norm(text), _poly_box(points)) for points, text, _score in (result or [])]
    fields = [f for f in ann.fields if f.attribute_id != "signature" and len(_norm(f.text)) >= 2]
    hits, ious = 0, []
    for field in fields:
        best = _match(field, lines, ann)
        if best is not None:
            hits += 1
            ious.append(best)
    return hits, len(fields), ious


def _poly_box(points: list[list[float]]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return int(min(xs)), int(min(ys)), int(max(xs)) + 1, int(max(ys)) + 1


def _match(field: FieldBox, lines: list[tuple[str, Box]], ann: ImageAnnotation) -> float | None:
    """Best IoU of an OCR line that reads the field. An OCR line often spans 'label: value'; then the line is
    compared with the union of the field and the labels it touches."""
    target = _norm(field.text)
    best: float | None = None
    for text, box in lines:
        if not (target in text or (len(text) >= 0.8 * len(target) and text in target)):
            continue
        union = field.box
        for label in ann.labels + ann.fields:
            if _iou(label.box, box) > 0 and _norm(label.text) in text:
                union = (min(union[0], label.box[0]), min(union[1], label.box[1]),
                         max(union[2], label.box[2]), max(union[3], label.box[3]))
        iou = max(_iou(field.box, box), _iou(union, box), _inside(field.box, box))
        best = iou if best is None else max(best, iou)
    return best


def _inside(field: Box, line: Box) -> float:
    """1.0 when the recorded box lies inside the OCR line that reads it (at least 80% of its area) and the line is
    at most three field heights tall: small text has tight ink boxes, and OCR pads its lines by a few pixels,
    which alone pulls the IoU of a correctly placed 15-pixel-high value under 0.5."""
    ix = max(0, min(field[2], line[2]) - max(field[0], line[0]))
    iy = max(0, min(field[3], line[3]) - max(field[1], line[1]))
    area = max(1, (field[2] - field[0]) * (field[3] - field[1]))
    tall = (line[3] - line[1]) <= 3 * max(1, field[3] - field[1])
    return 1.0 if tall and ix * iy / area >= 0.8 else 0.0


def test_ocr_reads_fields_back_where_they_were_drawn(small_build: Path, annotations: AnnotationSet) -> None:
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()
    flat = [a for a in annotations.images if not a.photo and a.fields]
    by_kind_lang: dict[tuple[str, str], ImageAnnotation] = {}
    for ann in flat:
        by_kind_lang.setdefault((ann.kind, ann.lang), ann)
    sample = list(by_kind_lang.values())[:SAMPLE]
    totals = Counter[str]()
    ious: list[float] = []
    for ann in sample:
        hits, n, found = _read_back(small_build, ann, engine)
        totals["hits"] += hits
        totals["fields"] += n
        ious += found
    rate = totals["hits"] / totals["fields"]
    assert rate >= 0.95, f"read back {rate:.1%} of {totals['fields']} fields"
    assert sum(i >= 0.5 for i in ious) / len(ious) >= 0.95
