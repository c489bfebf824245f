"""Where face pictures come from: the built-in procedural renderer or a folder of face photos.

A `FaceSource` returns the picture of one person seen in one way. `ProceduralFaceSource` draws it from the
person's `FaceIdentity` with `draw_face`. `FolderFaceSource` takes pictures from a data set laid out as one
sub-folder per identity holding several images of that identity (as DigiFace-1M or SFHQ are): persons are
mapped to identity folders once, deterministically, and each view picks one of that folder's images.

With photos only the choice of picture varies between views (and so whatever pose, expression and lighting
that picture has); the view's glasses, hat, clothing, background and the other fields cannot be applied.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PIL import Image

from multipriv.errors import MultiPrivError
from multipriv.render.faces import FaceView, draw_face
from multipriv.world.schema import FaceIdentity

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff"})


class FaceSource(Protocol):
    def face(self, person_id: str, identity: FaceIdentity, view: FaceView, size: int) -> Image.Image:
        """An RGB `size`×`size` picture of the person's face as seen in `view`."""
        ...


class ProceduralFaceSource:
    """Faces drawn by the built-in renderer from each person's `FaceIdentity`."""

    def assign(self, person_ids: Sequence[str]) -> dict[str, str]:
        """Nothing to assign: every person's face follows from their identity code. Returns person → 'procedural'."""
        return {pid: "procedural" for pid in person_ids}

    def face(self, person_id: str, identity: FaceIdentity, view: FaceView, size: int) -> Image.Image:
        return draw_face(identity, view, size)


def _view_key(view: FaceView) -> str:
    return "|".join(f"{f.name}={getattr(view, f.name)!r}" for f in dataclasses.fields(view))


def center_square(img: Image.Image, size: int) -> Image.Image:
    """The largest centred square of `img`, resized to `size`×`size`."""
    w, h = img.size
    s = min(w, h)
    left, top = (w - s) // 2, (h - s) // 2
    return img.crop((left, top, left + s, top + s)).resize((size, size), Image.Resampling.LANCZOS)


class FolderFaceSource:
    """Faces from a folder of photos: `root/<identity>/<image>`, several images per identity.

    Call `assign` once with all person ids (sorted) before asking for faces; the mapping depends only on the
    sorted sub-folder names, the person ids and `seed`, never on the order in which faces are requested.
    """

    def __init__(self, root: Path, seed: int = 0) -> None:
        self.root = Path(root)
        self.seed = seed
        if not self.root.is_dir():
            raise MultiPrivError(f"face folder not found: {self.root}")
        folders = sorted(p for p in self.root.iterdir() if p.is_dir())
        if not folders:
            raise MultiPrivError(f"face folder has no identity sub-folders: {self.root}")
        self._files: dict[str, list[Path]] = {}
        for folder in folders:
            files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)
            if files:
                self._files[folder.name] = files
        if not self._files:
            raise MultiPrivError(f"no images in the identity sub-folders of face folder: {self.root}")
        self._assigned: dict[str, str] = {}

    @property
    def identities(self) -> list[str]:
        """Identity sub-folder names that hold at least one image, sorted."""
        return sorted(self._files)

    def assign(self, person_ids: Sequence[str]) -> dict[str, str]:
        """Map each person to a distinct identity folder (cycling only when persons outnumber identities).

        The folders are shuffled with `seed`, then dealt to the persons in sorted order of their ids.
        """
        order = self.identities
        random.Random(self.seed).shuffle(order)
        self._assigned = {pid: order[i % len(order)] for i, pid in enumerate(sorted(set(person_ids)))}
        return dict(self._assigned)

    def face(self, person_id: str, identity: FaceIdentity, view: FaceView, size: int) -> Image.Image:
        folder = self._assigned.get(person_id)
        if folder is None:
            raise MultiPrivError(f"person {person_id} has no face folder assigned: call assign() with all person ids")
        files = self._files[folder]
        digest = hashlib.sha256(f"{self.seed}|{person_id}|{_view_key(view)}".encode()).digest()
        path = files[int.from_bytes(digest[:8], "big") % len(files)]
        try:
            with Image.open(path) as img:
                img.load()
                rgb = img.convert("RGB")
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise MultiPrivError(f"cannot read face image {path}: {reason}") from exc
        return center_square(rgb, size)
