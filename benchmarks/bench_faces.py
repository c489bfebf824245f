"""The procedural face renderer: CPU time per face drawn, and (with --dlib) how an independent recogniser sees it.

Run: python benchmarks/bench_faces.py [--faces 40] [--dlib --identities 300]
CPU time is process time on one core, so it holds on a loaded machine. With --dlib, identities drawn as the
world draws them (plus a look-alike of every third) are seen the way `multipriv validate --faces` sees a build:
each identity's ID photo (ID_PHOTO_VIEW at an ID card's 256 px) is the gallery; the probes are casual pictures
in random views on the plain photo backdrop at the sizes portraits, group photos and social posts ask for
(320-448 px), one profile picture at 160 px, and a second ID photo at a passport's 230 px. Every picture is
embedded with the face check's own recogniser (dlib's HOG detector inside the picture, else the renderer's
face prior; dlib's ResNet), and the bench prints the median distances (same person, look-alike, stranger, over
all pictures), the share of pairs under dlib's 0.6 threshold, rank-1 identification of the probes against
the gallery (overall, by picture kind, and the rank-1 a gallery of only the first --small identities would
give), and with --nuisance how far each view factor moves a face from its ID photo.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import time
from typing import Any

import numpy as np

from multipriv.render.faces import ID_PHOTO_VIEW, FaceView, draw_face, random_view
from multipriv.world import face as face_space
from multipriv.world.draft import skin_tones
from multipriv.world.schema import FaceIdentity

ETHNICITIES = ("White", "Black or African American", "Hispanic", "Asian")
PLAIN_BACKDROP = 9  # the backdrop photos cut persons out of (render/documents/photos.py)
PROBES = (("photo", 4), ("avatar", 1), ("passport", 1))  # kind, pictures per identity


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
    for size in (96, 256, 400):
        start = time.process_time()
        for ident, view in zip(people, views, strict=True):
            draw_face(ident, view, size)
        print(f"draw_face at {size} px: {(time.process_time() - start) / n * 1000:.1f} ms CPU per face")


def probe_picture(kind: str, ident: FaceIdentity, rng: random.Random) -> tuple[Any, FaceView]:
    """A probe picture of `ident` of one kind, as the documents draw it."""
    if kind == "passport":
        return draw_face(ident, ID_PHOTO_VIEW, 230), ID_PHOTO_VIEW
    view = random_view(rng)
    if kind == "avatar":
        return draw_face(ident, view, 160), view
    view = dataclasses.replace(view, background=PLAIN_BACKDROP)
    return draw_face(ident, view, rng.choice((320, 380, 448))), view


def recogniser(n: int, small: int, nuisance: bool, seed: int) -> None:
    from multipriv.dataset.face_embed import FaceRecogniser

    rec = FaceRecogniser()
    detected = 0

    def embed(img: Any) -> np.ndarray:
        nonlocal detected
        e = rec.embed(img, (0, 0, img.width, img.height))
        detected += e.detected
        return e.vector

    rng = random.Random(seed)
    people, looks = identities(rng, n)
    everyone = people + looks
    start = time.perf_counter()
    gallery = np.stack([embed(draw_face(p, ID_PHOTO_VIEW, 256)) for p in everyone])
    vectors, label, kinds, views = [], [], [], []
    for i, p in enumerate(everyone):
        for kind, count in PROBES:
            for _ in range(count):
                img, view = probe_picture(kind, p, rng)
                vectors.append(embed(img))
                label.append(i)
                kinds.append(kind)
                views.append(view)
    probes, lab, kind_of = np.stack(vectors), np.array(label), np.array(kinds)
    print(f"{len(gallery) + len(probes)} pictures embedded in {time.perf_counter() - start:.0f} s, "
          f"{detected / (len(gallery) + len(probes)):.2f} found by the detector")

    allv = np.concatenate([gallery, probes])
    alll = np.concatenate([np.arange(len(everyone)), lab])
    d = np.linalg.norm(allv[:, None] - allv[None], axis=2)
    look = np.zeros_like(d, dtype=bool)
    for j in range(len(looks)):
        look[np.ix_(alll == j, alll == n + j)] = True
    look |= look.T
    same = (alll[:, None] == alll[None]) & ~np.eye(len(alll), dtype=bool)
    stranger = (alll[:, None] != alll[None]) & ~look
    for name, mask in (("same person", same), ("look-alike", look), ("stranger", stranger)):
        print(f"{name}: median {np.median(d[mask]):.3f}, under 0.6 {np.mean(d[mask] < 0.6):.3f}")
    dg = np.linalg.norm(probes[:, None] - gallery[None], axis=2)
    rank1 = dg.argmin(axis=1) == lab
    by_kind = ", ".join(f"{k} {rank1[kind_of == k].mean():.3f}" for k, _ in PROBES)
    print(f"rank-1 against {len(everyone)} ID photos: {rank1.mean():.3f} ({by_kind})")
    photo = kind_of == "photo"
    print(f"casual probes (photo + avatar) rank-1: {rank1[kind_of != 'passport'].mean():.3f}")
    if small and small < n:
        keep = np.concatenate([np.arange(small), n + np.arange(min(small // 3, len(looks)))])
        sub = np.isin(lab, keep)
        r = keep[dg[np.ix_(sub, keep)].argmin(axis=1)] == lab[sub]
        print(f"rank-1 against {len(keep)} ID photos: {r.mean():.3f}")
    if nuisance:
        own = dg[np.arange(len(lab)), lab]
        vs = [v for v, k in zip(views, kinds, strict=True) if k == "photo"]
        o = own[photo]
        r1 = rank1[photo]

        def row(name: str, mask: np.ndarray) -> None:
            if mask.any():
                print(f"  {name:24s} n={mask.sum():4d} to own ID photo {np.median(o[mask]):.3f}  "
                      f"rank-1 {r1[mask].mean():.3f}")

        yaw = np.array([abs(v.yaw) for v in vs])
        print("casual photos by view factor:")
        row("all", np.ones(len(vs), bool))
        for lo, hi in ((0, 0.2), (0.2, 0.45), (0.45, 0.71)):
            row(f"|yaw| {lo}-{hi}", (yaw >= lo) & (yaw < hi))
        for e in ("neutral", "smile", "laugh", "serious"):
            row(f"expression {e}", np.array([v.expression == e for v in vs]))
        row("glasses", np.array([v.glasses for v in vs]))
        row("hat", np.array([v.hat for v in vs]))
        row("plain (no hat, glasses)", np.array([not v.glasses and not v.hat for v in vs]))
        light = np.array([abs(v.light) for v in vs])
        row("|light| > 0.6", light > 0.6)
        row("|light| < 0.3", light < 0.3)
        roll = np.array([abs(v.roll_deg) for v in vs])
        row("|roll| > 5", roll > 5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--faces", type=int, default=40)
    parser.add_argument("--dlib", action="store_true")
    parser.add_argument("--identities", type=int, default=300)
    parser.add_argument("--small", type=int, default=60, help="also rank-1 against the first SMALL identities")
    parser.add_argument("--nuisance", action="store_true", help="distance to the ID photo by view factor")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    cpu_per_face(args.faces)
    if args.dlib:
        recogniser(args.identities, args.small, args.nuisance, args.seed)


if __name__ == "__main__":
    main()
