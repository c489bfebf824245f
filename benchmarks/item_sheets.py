"""One picture per item, to check by eye that its gold follows from the pixels: the item's images in order
(numbered as the prompt numbers them), the evidence outlined (values in red, faces in blue), the prompt, the
gold answer, the tier and what makes it hard.

    python benchmarks/item_sheets.py DATA_DIR --out sheets [--tiers link,infer] [--per-task 8] [--lang en]

Items are drawn per task at random (fixed seed), hard tiers by default; the ids are printed, one per sheet.
"""

from __future__ import annotations

import argparse
import random
import textwrap
from collections import defaultdict
from pathlib import Path

from PIL import Image, ImageDraw

from multipriv.render.annotations import AnnotationSet
from multipriv.render.fonts import font
from multipriv.tasks.schema import Item, load_items

THUMB = 360


def _answer(item: Item) -> str:
    if item.steps:
        return " | ".join(f"{n + 1}: {s.accepted[0]}" for n, s in enumerate(item.steps))
    if item.box:
        return str(item.box)
    return ", ".join(item.gold[:2])


def sheet(root: Path, item: Item, anns: dict[str, object]) -> Image.Image:
    thumbs = []
    for n, path in enumerate(item.images):
        img = Image.open(root / path).convert("RGB")
        draw = ImageDraw.Draw(img)
        ann = anns[path]
        for ev in item.evidence:
            if ev.image != n:
                continue
            boxes = [f.box for f in ann.faces if f.person_id == ev.person_id] if ev.attribute_id == "face" else \
                [f.box for f in ann.fields if f.attribute_id == ev.attribute_id and f.person_id == ev.person_id]
            for box in boxes:
                draw.rectangle(box, outline=(40, 90, 220) if ev.attribute_id == "face" else (220, 30, 30), width=4)
        img.thumbnail((THUMB, THUMB))
        tile = Image.new("RGB", (THUMB, THUMB + 26), "white")
        tile.paste(img, ((THUMB - img.width) // 2, 26))
        ImageDraw.Draw(tile).text((6, 4), f"image {n + 1}", fill="black", font=font("sans", 18))
        thumbs.append(tile)
    cols = min(4, len(thumbs))
    rows = (len(thumbs) + cols - 1) // cols
    lines = [f"{item.id}  task {item.task}  {item.qtype}  tier {item.difficulty.tier}  "
             f"{', '.join(item.difficulty.factors)}"]
    for para in item.prompt.splitlines():
        lines += textwrap.wrap(para, 110) or [""]
    lines.append(f"GOLD: {_answer(item)}")
    text_h = 24 * len(lines) + 16
    out = Image.new("RGB", (max(cols * (THUMB + 8) + 8, 1000), rows * (THUMB + 34) + text_h + 8), (235, 235, 235))
    draw = ImageDraw.Draw(out)
    for i, line in enumerate(lines):
        draw.text((10, 8 + 24 * i), line, fill="black", font=font("sans", 17))
    for i, tile in enumerate(thumbs):
        out.paste(tile, (8 + (i % cols) * (THUMB + 8), text_h + (i // cols) * (THUMB + 34)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("--out", type=Path, default=Path("sheets"))
    parser.add_argument("--tiers", default="link,infer")
    parser.add_argument("--per-task", type=int, default=8)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    anns: dict[str, object] = {a.path: a for a in AnnotationSet.load(args.data / "annotations.json").images}
    tiers = set(args.tiers.split(","))
    by_task: dict[int, list[Item]] = defaultdict(list)
    for item in load_items(args.data / "items.jsonl"):
        if item.lang == args.lang and not item.control and item.difficulty.tier in tiers:
            by_task[item.task].append(item)
    rng = random.Random(0)
    args.out.mkdir(parents=True, exist_ok=True)
    for task in sorted(by_task):
        for item in rng.sample(by_task[task], min(args.per_task, len(by_task[task]))):
            sheet(args.data, item, anns).save(args.out / f"{item.id}.png")
            print(item.id)


if __name__ == "__main__":
    main()
