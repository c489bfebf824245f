"""One picture per core person with all their images side by side, for a human look at a build."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

from multipriv.render.annotations import AnnotationSet, ImageAnnotation
from multipriv.render.fonts import font
from multipriv.render.photo import save_png

THUMB = 300
COLUMNS = 4


def contact_sheets(root: Path, annotations: AnnotationSet, out: Path, *, boxes: bool = True) -> list[Path]:
    """Write `out/<person>.png` for every person with individual-level images; returns the paths.

    With `boxes`, recorded field boxes are outlined in red (masked ones in orange) and face boxes in green, so
    a reviewer sees the ground truth where it is. Images are grouped by their owner as the annotations record
    it (file names are content hashes and say nothing), in kind order, each labelled with its kind, the name
    form it prints and whether it is an altered copy.
    """
    by_person: dict[str, list[ImageAnnotation]] = defaultdict(list)
    for ann in annotations.images:
        if ann.tier == "individual":
            by_person[ann.person_ids[0]].append(ann)
    for anns in by_person.values():
        anns.sort(key=lambda a: (a.kind, "altered" in a.meta, a.path))
    written = []
    for person_id, anns in sorted(by_person.items()):
        target = out / f"{person_id}.png"
        _sheet(root, anns, target, boxes=boxes)
        written.append(target)
    return written


def tier_sheets(root: Path, annotations: AnnotationSet, out: Path, *, per_tier: int = 12,
                boxes: bool = True) -> list[Path]:
    """Write `out/tier_<name>.png` with the first `per_tier` documents of each photo tier (`meta["photo_tier"]`),
    captioned with their degradations, to check that the hard tier stays legible to a person."""
    by_tier: dict[str, list[ImageAnnotation]] = defaultdict(list)
    for ann in annotations.images:
        tier = ann.meta.get("photo_tier")
        if tier and len(by_tier[tier]) < per_tier:
            by_tier[tier].append(ann)
    written = []
    for tier, anns in sorted(by_tier.items()):
        target = out / f"tier_{tier}.png"
        _sheet(root, anns, target, boxes=boxes, caption=lambda a: a.meta.get("degradations", ""))
        written.append(target)
    return written


def _caption(ann: ImageAnnotation) -> str:
    notes = [n for n in (ann.meta.get("name_form"), "photo" if ann.photo else "",
                         f"altered {ann.meta['altered']}" if "altered" in ann.meta else "") if n]
    return ann.kind + (f" ({', '.join(notes)})" if notes else "")


def _sheet(root: Path, anns: list[ImageAnnotation], target: Path, *, boxes: bool,
           caption: Callable[[ImageAnnotation], str] = _caption) -> None:
    label_font = font("sans", 14)
    rows = (len(anns) + COLUMNS - 1) // COLUMNS
    sheet = Image.new("RGB", (COLUMNS * (THUMB + 10) + 10, rows * (THUMB + 34) + 10), (235, 235, 235))
    draw = ImageDraw.Draw(sheet)
    for i, ann in enumerate(anns):
        img = Image.open(root / ann.path).convert("RGB")
        if boxes:
            overlay = ImageDraw.Draw(img)
            for field in ann.fields:
                overlay.rectangle(field.box, outline=(240, 140, 20) if field.masked else (230, 30, 30), width=2)
            for face in ann.faces:
                overlay.rectangle(face.box, outline=(30, 180, 30), width=3)
        img.thumbnail((THUMB, THUMB))
        x, y = 10 + (i % COLUMNS) * (THUMB + 10), 10 + (i // COLUMNS) * (THUMB + 34)
        sheet.paste(img, (x + (THUMB - img.width) // 2, y + (THUMB - img.height) // 2))
        draw.text((x, y + THUMB + 6), caption(ann)[:44], font=label_font, fill=(40, 40, 40))
    save_png(sheet, target)
