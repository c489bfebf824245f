"""dlib's ResNet face embedding of one annotated face: the independent recogniser of the face check.

dlib and its model files are an optional extra (`multipriv[faces]`: `dlib-bin` and `face-recognition-models`).
The models package is located with `importlib.util.find_spec` and never imported: its `__init__` needs
`pkg_resources`, which recent setuptools no longer ship.

An annotated face box is the whole pasted face *picture* (hair, shoulders and background included), not the
tight face rectangle dlib's 5-point landmark model was trained on: given the whole box, the landmarks land
off the eyes and rank-1 identification collapses (7 of 36 right on 12 drawn persons, against 35 of 36 with
the face found inside the box). So the box is cut out and scaled to `CROP_PX` on its long side, dlib's
HOG detector looks for the face inside it (the detection nearest the centre wins), and where it finds none
(strongly turned heads, hats) the face is taken where the built-in renderer puts it: centred, `PRIOR_SIDE` of
the picture's side. The box still decides *whose* face is measured, so a neighbour in a group photo is never
measured in its place.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from multipriv.errors import MultiPrivError

INSTALL_HINT = 'pip install "multipriv[faces]"'
LANDMARKS = "shape_predictor_5_face_landmarks.dat"
RESNET = "dlib_face_recognition_resnet_model_v1.dat"
CROP_PX = 320  # a drawn face fills ~28% of its picture: ~90 px here, above the HOG detector's 80 px window
PRIOR_SIDE = 0.28  # the face rectangle dlib's detector finds on a frontal built-in face, as a share of the box

Box = tuple[int, int, int, int]


def models_dir() -> Path:
    """The `models/` folder of the `face_recognition_models` package, found without importing it."""
    spec = importlib.util.find_spec("face_recognition_models")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for location in locations:
        folder = Path(location) / "models"
        if (folder / LANDMARKS).is_file() and (folder / RESNET).is_file():
            return folder
    raise MultiPrivError(f"the face check needs the face recognition models; install them with: {INSTALL_HINT}")


def _dlib() -> Any:
    try:
        import dlib  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        raise MultiPrivError(f"the face check needs dlib; install it with: {INSTALL_HINT}") from None
    return dlib


@dataclass(frozen=True)
class Embedding:
    vector: NDArray[np.float64]
    detected: bool  # False: the face was placed by the renderer's proportions, not found by the detector


class FaceRecogniser:
    """dlib's 5-point landmarks and ResNet descriptor (128 numbers; same person below ~0.6 apart)."""

    def __init__(self) -> None:
        dlib = _dlib()
        folder = models_dir()
        self._dlib = dlib
        self.version = str(getattr(dlib, "__version__", "unknown"))
        self._detector = dlib.get_frontal_face_detector()
        self._landmarks = dlib.shape_predictor(str(folder / LANDMARKS))
        self._resnet = dlib.face_recognition_model_v1(str(folder / RESNET))

    def _face_rect(self, crop: NDArray[np.uint8]) -> tuple[Any, bool]:
        h, w = crop.shape[:2]
        found = list(self._detector(crop, 0))
        if found:
            def off_centre(r: Any) -> tuple[float, int]:
                cx, cy = (r.left() + r.right()) / 2, (r.top() + r.bottom()) / 2
                return ((cx - w / 2) ** 2 + (cy - h / 2) ** 2, -r.area())
            return min(found, key=off_centre), True
        side = PRIOR_SIDE * max(w, h)
        x0, y0 = round(w / 2 - side / 2), round(h / 2 - side / 2)
        return self._dlib.rectangle(x0, y0, round(x0 + side), round(y0 + side)), False

    def embed(self, image: Image.Image, box: Box) -> Embedding:
        """The descriptor of the face pictured in `box` of `image` (an RGB image)."""
        x0, y0, x1, y1 = box
        crop = image.crop((x0, y0, x1, y1))
        scale = CROP_PX / max(crop.width, crop.height)
        size = (max(1, round(crop.width * scale)), max(1, round(crop.height * scale)))
        pixels = np.ascontiguousarray(np.asarray(crop.resize(size, Image.Resampling.LANCZOS), dtype=np.uint8))
        rect, detected = self._face_rect(pixels)
        shape = self._landmarks(pixels, rect)
        vector = np.asarray(self._resnet.compute_face_descriptor(pixels, shape), dtype=np.float64)
        return Embedding(vector, detected)
