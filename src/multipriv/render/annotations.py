"""Ground-truth records of rendered images: what was printed where, for whom.

Every value a document prints is recorded with its exact text and the tight pixel box of its glyphs, so the
perception tasks (extraction, localisation) are scored against pixel truth rather than a guess. Labels and
titles are recorded too (as `labels`): they are not private, but an OCR line or a model's box often spans
"label: value", and scorers need to know where the label ink is. A value printed partly hidden (`**** 1234`,
`张*伟`, `138****5678`) is a field of its attribute with `masked=True` and the text exactly as printed.

Image paths are opaque (`images/<20 hex of the bytes' sha256>.png|jpg`): who and what an image shows is only
here, in the annotations (a gold file), never in a file name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from multipriv.errors import MultiPrivError

SCHEMA_VERSION = 2  # 2: FieldBox.masked; content-hash image paths; meta name_form

Box = tuple[int, int, int, int]
"""(x0, y0, x1, y1) in pixels; x0/y0 inclusive, x1/y1 exclusive."""

Lang = Literal["en", "zh"]
LABEL = "label"


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _check_box(box: Box) -> Box:
    x0, y0, x1, y1 = box
    if x1 < x0 or y1 < y0:
        raise ValueError(f"box {box} has x1 < x0 or y1 < y0")
    return box


class FieldBox(_Record):
    """One printed value (or, with attribute_id "label", one printed label) and where its ink is."""

    attribute_id: str
    person_id: str
    text: str
    box: Box
    lang: Lang
    masked: bool = False  # printed partly hidden (**** 1234, 张*伟): the text is exactly what is visible

    _box = field_validator("box")(_check_box)


class FaceBox(_Record):
    """A face photo of a person and where it was pasted."""

    person_id: str
    box: Box

    _box = field_validator("box")(_check_box)


class ImageAnnotation(_Record):
    """Everything known about one rendered image."""

    path: str
    kind: str
    lang: Literal["en", "zh", "bi"]
    width: int
    height: int
    person_ids: tuple[str, ...]
    fields: tuple[FieldBox, ...]
    faces: tuple[FaceBox, ...]
    labels: tuple[FieldBox, ...] = ()
    photo: bool
    tier: Literal["individual", "attribute"]
    meta: dict[str, str] = {}

    @field_validator("path")
    @classmethod
    def _relative(cls, path: str) -> str:
        if path.startswith("/") or "\\" in path or ".." in Path(path).parts:
            raise ValueError(f"path {path!r} must be relative, with forward slashes and no '..'")
        return path

    def all_boxes(self) -> list[Box]:
        """Field, label and face boxes in one list, in the order `with_boxes` expects them back."""
        return [f.box for f in self.fields] + [f.box for f in self.labels] + [f.box for f in self.faces]

    def with_boxes(self, boxes: list[Box], *, photo: bool, width: int, height: int) -> ImageAnnotation:
        """A copy with boxes replaced (same order as `all_boxes`), e.g. after the photo transform."""
        n_f, n_l = len(self.fields), len(self.labels)
        if len(boxes) != n_f + n_l + len(self.faces):
            raise MultiPrivError(f"expected {n_f + n_l + len(self.faces)} boxes, got {len(boxes)}")
        fields = tuple(f.model_copy(update={"box": b}) for f, b in zip(self.fields, boxes[:n_f], strict=True))
        labels = tuple(
            f.model_copy(update={"box": b}) for f, b in zip(self.labels, boxes[n_f : n_f + n_l], strict=True)
        )
        faces = tuple(f.model_copy(update={"box": b}) for f, b in zip(self.faces, boxes[n_f + n_l :], strict=True))
        return self.model_copy(
            update={
                "fields": fields,
                "labels": labels,
                "faces": faces,
                "photo": photo,
                "width": width,
                "height": height,
            }
        )


class AnnotationSet(_Record):
    """All annotations of a dataset, saved as one JSON file."""

    schema_version: int = SCHEMA_VERSION
    images: tuple[ImageAnnotation, ...]

    def dumps(self) -> str:
        """Deterministic JSON: sorted keys, UTF-8 kept as is (Chinese stays readable), trailing newline."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, sort_keys=True, indent=1) + "\n"

    def save(self, path: str | Path) -> None:
        save_images(self.images, path, self.schema_version)

    @classmethod
    def load(cls, path: str | Path) -> AnnotationSet:
        """Read a file written by `save`; any problem becomes one MultiPrivError line naming the file."""
        source = Path(path)
        try:
            raw = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise MultiPrivError(f"cannot read annotations {source}: {exc}") from exc
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise MultiPrivError(f"annotations {source} are not valid JSON: {exc}") from exc
        try:
            result = cls.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise MultiPrivError(
                f"annotations {source} are invalid at {where or '(root)'}: {first['msg']}"
                f" ({exc.error_count()} error(s))"
            ) from exc
        if result.schema_version != SCHEMA_VERSION:
            raise MultiPrivError(
                f"annotations {source} have schema_version {result.schema_version}, expected {SCHEMA_VERSION}"
            )
        return result


def save_images(images: Iterable[ImageAnnotation], path: str | Path, schema_version: int = SCHEMA_VERSION) -> None:
    """Write the annotations file one image at a time: the same bytes as `AnnotationSet(images=...).dumps()`
    without ever holding the whole document (a large build's JSON text is several times its records)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write('{\n "images": [')
        sep = "\n"
        for ann in images:
            body = json.dumps(ann.model_dump(mode="json"), ensure_ascii=False, sort_keys=True, indent=1)
            fh.write(sep + "  " + body.replace("\n", "\n  "))  # two levels deep at indent 1
            sep = ",\n"
        fh.write(("" if sep == "\n" else "\n ") + f'],\n "schema_version": {schema_version}\n}}\n')
