"""One picture per core person with all their images side by side, for a human look at a build."""

from __future__ import annotations

from collections import defaultdict
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
    label_font = font("sans", 14)
    for person_id, anns in sorted(by_person.items()):
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
            notes = [n for n in (ann.meta.get("name_form"), "photo" if ann.photo else "",
                                 f"altered {ann.meta['altered']}" if "altered" in ann.meta else "") if n]
            caption = ann.kind + (f" ({', '.join(notes)})" if notes else "")
            draw.text((x, y + THUMB + 6), caption, font=label_font, fill=(40, 40, 40))
        target = out / f"{person_id}.png"
        save_png(sheet, target)
        written.append(target)
    return written
