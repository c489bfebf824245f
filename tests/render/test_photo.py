"""Photo variants and tiers: boxes follow the warp, fingers never hide a box, tiers are recorded, bytes are
reproducible."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from multipriv.render.annotations import AnnotationSet, Box, ImageAnnotation
from multipriv.render.canvas import Canvas
from multipriv.render.documents.base import REGISTRY
from multipriv.render.photo import (
    crop_photo,
    frame_scan,
    jpeg_bytes,
    photo_annotation,
    photo_of_document,
    photograph,
    png_bytes,
    save_jpeg,
    save_png,
    transform_box,
)
from multipriv.render.photo_tiers import (
    HARD_JPEG,
    HARD_LONG_SIDE,
    TIERS,
    hard_photo,
    scan_meta,
    tier_annotation,
)

# Saturated colours: after lighting (x0.75..1) they keep a chroma > 120 that no table texture or thumb reaches.
COLOURS = [(230, 0, 0), (0, 200, 0), (0, 0, 230), (210, 0, 210), (0, 200, 200), (230, 200, 0)]
BOXES: list[Box] = [
    (40, 40, 220, 110),
    (300, 60, 560, 84),
    (620, 300, 760, 460),
    (80, 300, 400, 330),
    (450, 180, 520, 250),
    (200, 400, 520, 470),
]


def _document() -> Image.Image:
    c = Canvas(800, 500, background=(245, 245, 240))
    for box, colour in zip(BOXES, COLOURS, strict=True):
        c.rect(box, fill=colour)
    return c.image


def _colour_mask(img: Image.Image, colour: tuple[int, int, int]) -> np.ndarray:
    arr = np.asarray(img, dtype=np.float64)
    chroma = arr.max(axis=2) - arr.min(axis=2)
    unit = arr / np.maximum(arr.max(axis=2, keepdims=True), 1.0)
    ref = np.asarray(colour, dtype=np.float64) / max(colour)
    return np.asarray((chroma > 120) & (np.linalg.norm(unit - ref, axis=2) < 0.3))


def _iou(a: Box, b: Box) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


@pytest.mark.parametrize("seed", range(6))
def test_boxes_follow_the_warp(seed: int) -> None:
    doc = _document()
    photo, boxes = photo_of_document(doc, BOXES, seed)
    assert photo.size == doc.size and photo.mode == "RGB"
    for box, colour in zip(boxes, COLOURS, strict=True):
        mask = _colour_mask(photo, colour)
        ys, xs = np.nonzero(mask)
        assert len(xs) > 200
        inside = mask[box[1] : box[3], box[0] : box[2]].sum()
        assert inside >= 0.9 * mask.sum(), (seed, colour, inside / mask.sum())
        region: Box = (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)
        assert _iou(box, region) >= 0.7, (seed, colour, box, region)
        assert 0 <= box[0] < box[2] <= photo.width and 0 <= box[1] < box[3] <= photo.height


def assert_clear_of_boxes(o: tuple[int, int, int, int], boxes: list[tuple[int, int, int, int]], seed: int) -> None:
    """The occluder (a thumb) overlaps no recorded box."""
    for b in boxes:
        assert not (o[0] < b[2] and b[0] < o[2] and o[1] < b[3] and b[1] < o[3]), (seed, o, b)


def test_occluder_never_covers_a_box() -> None:
    doc = _document()
    placed = 0
    for seed in range(16):
        shot = photograph(doc, BOXES, seed)
        if shot.occluder is None:
            continue
        placed += 1
        assert_clear_of_boxes(shot.occluder, shot.boxes, seed)
    assert placed >= 4  # the test must actually exercise the thumb


def test_no_occluder_when_every_corner_is_taken() -> None:
    doc = Image.new("RGB", (400, 300), "white")
    corners: list[Box] = [(0, 0, 120, 90), (280, 0, 400, 90), (0, 210, 120, 300), (280, 210, 400, 300)]
    assert all(photograph(doc, corners, seed).occluder is None for seed in range(8))


def test_transform_box_identity_and_clipping() -> None:
    eye = np.eye(3)
    assert transform_box(eye, (10, 20, 30, 40), 100, 100) == (10, 20, 30, 40)
    assert transform_box(eye, (-5, 90, 30, 140), 100, 100) == (0, 90, 30, 100)


def test_photo_is_deterministic(tmp_path: object) -> None:
    doc = _document()
    a, ba = photo_of_document(doc, BOXES, 5)
    b, bb = photo_of_document(doc, BOXES, 5)
    c, _ = photo_of_document(doc, BOXES, 6)
    assert png_bytes(a) == png_bytes(b) and ba == bb
    assert a.tobytes() != c.tobytes()
    assert jpeg_bytes(a, 85) == jpeg_bytes(b, 85)


def test_saved_files_have_no_metadata(tmp_path: object) -> None:
    from pathlib import Path

    root = Path(str(tmp_path))
    img = _document()
    img.info["comment"] = b"should not be written"
    save_png(img, root / "a.png")
    save_png(img, root / "sub" / "b.png")
    save_jpeg(img, root / "a.jpg", 80)
    save_jpeg(img, root / "b.jpg", 80)
    assert (root / "a.png").read_bytes() == (root / "sub" / "b.png").read_bytes()
    assert (root / "a.jpg").read_bytes() == (root / "b.jpg").read_bytes()
    png = (root / "a.png").read_bytes()
    for chunk in (b"tEXt", b"iTXt", b"zTXt", b"tIME", b"pHYs", b"iCCP"):
        assert chunk not in png
    jpg = (root / "a.jpg").read_bytes()
    assert b"Exif" not in jpg and b"should not" not in jpg
    with Image.open(io.BytesIO(jpg)) as back:
        assert back.size == img.size and back.mode == "RGB"
    assert np.array_equal(np.asarray(Image.open(root / "a.png")), np.asarray(img))


def test_photo_annotation_maps_fields_labels_and_faces() -> None:
    c = Canvas(600, 380, background=(250, 250, 250))
    c.label_value((30, 40), "Name:", "Emily Carter", size=24, attribute_id="name", person_id="P1", lang="en")
    face = Image.new("RGB", (90, 120), (200, 160, 130))
    c.face((440, 40, 560, 200), face, "P1")
    ann = c.annotation("cards/p1.png", "demo", "en", ["P1"], "individual", {"colour": "white"})
    assert ann.faces[0].box == (440, 40, 560, 200)
    img, moved = photo_annotation(c.image, ann, seed=3, path="cards/p1_photo.jpg")
    assert moved.photo and moved.path == "cards/p1_photo.jpg" and moved.meta == {"colour": "white"}
    assert moved.all_boxes() == photograph(c.image, ann.all_boxes(), 3).boxes
    assert [f.text for f in moved.fields] == ["Emily Carter"] and [f.text for f in moved.labels] == ["Name:"]
    assert (moved.width, moved.height) == img.size


def _colour_at(img: Image.Image, box: Box) -> tuple[int, ...]:
    x0, y0, x1, y1 = box
    return tuple(int(v) for v in np.asarray(img)[(y0 + y1) // 2, (x0 + x1) // 2])


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_scans_keep_every_box_on_its_content(seed: int) -> None:
    img = _document()
    out, moved = frame_scan(img, BOXES, seed)
    assert out.width >= img.width and out.height >= img.height
    for box, new, colour in zip(BOXES, moved, COLOURS, strict=True):
        assert (new[2] - new[0], new[3] - new[1]) == (box[2] - box[0], box[3] - box[1])
        assert _colour_at(out, new) == colour


def test_scans_move_a_box_relative_to_the_image() -> None:
    """The point of the margins: the same field lands at different relative places."""
    img = _document()
    relative = set()
    for seed in range(8):
        out, moved = frame_scan(img, BOXES, seed)
        relative.add(round(moved[0][0] / out.width, 2))
    assert len(relative) >= 6


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_photo_crops_never_cut_into_a_box(seed: int) -> None:
    img = _document()
    out, moved = crop_photo(img, BOXES, seed)
    assert out.width <= img.width and out.height <= img.height
    for new, colour in zip(moved, COLOURS, strict=True):
        assert new[0] >= 0 and new[1] >= 0 and new[2] <= out.width and new[3] <= out.height
        assert _colour_at(out, new) == colour


# ------------------------------------------------------------------------------------------- photo tiers


def _loose_mask(img: Image.Image, colour: tuple[int, int, int]) -> np.ndarray:
    """Like `_colour_mask` but for the hard tier, whose shadow and glare take up to ~3/4 of the chroma."""
    arr = np.asarray(img, dtype=np.float64)
    chroma = arr.max(axis=2) - arr.min(axis=2)
    lifted = arr - arr.min(axis=2, keepdims=True)  # glare adds white: remove the grey part first
    unit = lifted / np.maximum(lifted.max(axis=2, keepdims=True), 1.0)
    ref = np.asarray(colour, dtype=np.float64) / max(colour)
    raw = (chroma > 40) & (np.linalg.norm(unit - ref, axis=2) < 0.25)
    # keep solid areas only: a noisy background (carpet, cloth) has stray pixels of every hue
    padded = np.pad(raw, 1).astype(np.int64)
    h, w = raw.shape
    neighbours = sum(padded[dy : dy + h, dx : dx + w] for dy in range(3) for dx in range(3))
    return np.asarray(raw & (neighbours >= 6))


STAMP_LIKE = [(230, 0, 0), (0, 0, 230)]  # stamps are red or blue ink: the mask cannot tell them from these boxes


@pytest.mark.parametrize("seed", range(6))
def test_hard_tier_boxes_stay_on_their_content(seed: int) -> None:
    doc = _document()
    shot = hard_photo(doc, BOXES, len(BOXES), "en", seed)
    assert any(s.startswith("perspective:3d") for s in shot.degradations)
    # look on the sheet only (its corners mapped, shrunk 3 px): a cloth or check background may share a hue
    corners = np.array([[0, 0, 1], [doc.width, 0, 1], [doc.width, doc.height, 1], [0, doc.height, 1]], float)
    mapped = corners @ np.asarray(shot.homography).reshape(3, 3).T
    quad = mapped[:, :2] / mapped[:, 2:3]
    quad = quad + 3 * np.sign(quad.mean(axis=0) - quad)
    sheet = Image.new("L", shot.image.size, 0)
    ImageDraw.Draw(sheet).polygon([(float(x), float(y)) for x, y in quad], fill=255)
    on_sheet = np.asarray(sheet) > 0
    for box, colour in zip(shot.boxes, COLOURS, strict=True):
        assert 0 <= box[0] < box[2] <= shot.image.width and 0 <= box[1] < box[3] <= shot.image.height
        if colour in STAMP_LIKE:
            continue
        mask = _loose_mask(shot.image, colour) & on_sheet
        ys, xs = np.nonzero(mask)
        assert len(xs) > 30, (seed, colour)
        inside = mask[box[1] : box[3], box[0] : box[2]].sum()
        assert inside >= 0.85 * mask.sum(), (seed, colour, inside / mask.sum())
        cx, cy = float(np.median(xs)), float(np.median(ys))
        assert box[0] <= cx <= box[2] and box[1] <= cy <= box[3], (seed, colour)


def test_hard_tier_is_out_of_plane_not_just_tilted() -> None:
    """A real 3D turn foreshortens: opposite edges of the sheet come out with different lengths."""
    doc = _document()
    ratios = []
    for seed in range(8):
        shot = hard_photo(doc, [(0, 0, doc.width, 1), (0, doc.height - 1, doc.width, doc.height),
                                (0, 0, 1, doc.height), (doc.width - 1, 0, doc.width, doc.height)], 0, "en", seed)
        top, bottom, left, right = shot.boxes
        ratios.append(max((top[2] - top[0]) / (bottom[2] - bottom[0]), (left[3] - left[1]) / (right[3] - right[1])))
        ratios[-1] = max(ratios[-1], 1 / min((top[2] - top[0]) / (bottom[2] - bottom[0]),
                                              (left[3] - left[1]) / (right[3] - right[1])))
    assert min(ratios) > 1.05, ratios


def test_hard_tier_finger_never_covers_a_box() -> None:
    doc = _document()
    placed = 0
    for seed in range(24):
        shot = hard_photo(doc, BOXES, len(BOXES), "en", seed)
        assert ("finger" in shot.degradations) == (shot.occluder is not None)
        if shot.occluder is None:
            continue
        placed += 1
        assert_clear_of_boxes(shot.occluder, shot.boxes, seed)
    assert placed >= 4


@pytest.mark.parametrize("size", [(800, 500), (1180, 700), (900, 1270), (2400, 1500)])
def test_hard_tier_is_low_resolution(size: tuple[int, int]) -> None:
    doc = Image.new("RGB", size, (240, 240, 235))
    for seed in range(4):
        shot = hard_photo(doc, [(50, 50, 200, 90)], 1, "zh", seed)
        long_side = max(shot.image.size)
        assert HARD_LONG_SIDE[0] <= long_side <= HARD_LONG_SIDE[1]
        assert f"low_res:{long_side}" in shot.degradations
        assert HARD_JPEG[0] <= shot.quality <= HARD_JPEG[1]
        assert abs(shot.image.width / shot.image.height - size[0] / size[1]) < 0.02


def _card_annotation() -> tuple[Image.Image, ImageAnnotation]:
    c = Canvas(1000, 630, background=(248, 246, 240))
    c.label_value((40, 60), "Name:", "Emily Carter", size=28, attribute_id="name", person_id="P1", lang="en")
    c.label_value((40, 140), "Phone:", "+1 202-555-0147", size=28, attribute_id="phone", person_id="P1", lang="en")
    c.face((760, 60, 940, 300), Image.new("RGB", (90, 120), (200, 160, 130)), "P1")
    return c.image, c.annotation("images/pending", "demo", "en", ["P1"], "individual", {"colour": "white"})


@pytest.mark.parametrize("tier", ["photo", "hard"])
def test_tiers_are_recorded_and_deterministic(tier: str) -> None:
    img, ann = _card_annotation()
    out, moved, quality = tier_annotation(img, ann, tier, seed=7)
    again, moved2, quality2 = tier_annotation(img, ann, tier, seed=7)
    other, _, _ = tier_annotation(img, ann, tier, seed=8)
    assert jpeg_bytes(out, quality) == jpeg_bytes(again, quality2) and moved == moved2
    assert out.tobytes() != other.tobytes()
    assert moved.photo and moved.meta["photo_tier"] == tier and moved.meta["colour"] == "white"
    steps = moved.meta["degradations"].split(",")
    assert steps[-1] == f"jpeg:{quality}" and all(s for s in steps)
    assert (moved.width, moved.height) == out.size
    assert [f.text for f in moved.fields] == ["Emily Carter", "+1 202-555-0147"]
    for box in moved.all_boxes():
        assert 0 <= box[0] < box[2] <= out.width and 0 <= box[1] < box[3] <= out.height
    if tier == "hard":
        assert max(out.size) <= HARD_LONG_SIDE[1] and "perspective:3d" in steps
    with pytest.raises(ValueError):
        tier_annotation(img, ann, "scan", seed=7)


def test_scans_are_recorded_clean() -> None:
    _, ann = _card_annotation()
    marked = scan_meta(ann)
    assert marked.meta["photo_tier"] == "scan" and marked.meta["degradations"] == "none"
    assert marked.all_boxes() == ann.all_boxes() and not marked.photo


def test_pipeline_draws_every_tier_from_the_job_stream() -> None:
    from multipriv.render.pipeline import RenderJob, photo_tier, plan
    from multipriv.world.generate import WorldConfig, build_world

    world = build_world(WorldConfig(seed=3, persons=20, background=60))
    jobs = plan(world, 3)
    tiers = Counter(photo_tier(j, 3) for j in jobs if not REGISTRY[j.kind].photo)
    assert set(tiers) == set(TIERS) and tiers["scan"] > tiers["photo"] > tiers["hard"] > 0
    assert all(photo_tier(j, 3) == "" for j in jobs if REGISTRY[j.kind].photo)
    job = next(j for j in jobs if photo_tier(j, 3) == "hard")
    copy = RenderJob(job.person_id, job.kind, job.tier, True)  # how an altered copy is planned
    assert photo_tier(copy, 3) == "hard"


def test_build_records_a_tier_on_every_document(small_build: Path) -> None:
    annotations = AnnotationSet.load(small_build / "annotations.json")
    seen: Counter[str] = Counter()
    for ann in annotations.images:
        tier = ann.meta.get("photo_tier")
        if REGISTRY[ann.kind].photo:
            assert tier is None
            continue
        assert tier in TIERS and ann.photo == (tier != "scan"), (ann.path, tier)
        assert (ann.meta["degradations"] == "none") == (tier == "scan")
        seen[tier] += 1
        if tier == "hard":
            assert HARD_LONG_SIDE[0] <= max(ann.width, ann.height) <= HARD_LONG_SIDE[1]
            with Image.open(small_build / ann.path) as im:
                assert im.size == (ann.width, ann.height)
    assert seen["scan"] and seen["photo"] and seen["hard"], seen
