"""`multipriv validate DATA --faces`: does every drawn face carry its person's identity to a real recogniser?

Every face the renderer pastes is recorded in annotations.json (`ImageAnnotation.faces`: person and box),
whatever the document: portraits, ID cards, passports, group photos, social posts, chat avatars. Each face of
at least `MIN_FACE_PX` on its short side is embedded with dlib's ResNet (`face_embed`), and the report gives:

- the distances of same-person, look-alike (a person and the one world.json says they resemble) and stranger
  face pairs (quartiles), and the share of each under dlib's usual same-person threshold (0.6);
- rank-1 identification of the faces items use as evidence (`Evidence.attribute_id == "face"`) against a
  gallery of one reference face per person: the face on the person's ID card (else passport), the enrolment
  photo a real gallery holds (frontal, neutral, even light), else the person's largest face; a probe that is
  itself a gallery face is compared with its person's next face, so no face is ever matched with itself;
- the issue-12 targets, each pass or fail (look-alikes there: those that share a face, not only a name, an
  employer, a city or a birth year).

Numbers are rounded and keys sorted so that the same build and dlib version give byte-identical reports.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image
from scipy.spatial.distance import pdist

from multipriv.dataset.face_embed import PRIOR_SIDE, FaceRecogniser
from multipriv.dataset.integrity import read_manifest
from multipriv.errors import MultiPrivError
from multipriv.render.annotations import AnnotationSet
from multipriv.tasks.schema import load_items
from multipriv.world.io import load_world

MIN_FACE_PX = 60
THRESHOLD = 0.6  # dlib's same-person threshold for this model
REFERENCE_KINDS = ("id_card", "passport")
GAP = 0.05  # "clear gap" between medians
CONFUSION_MARGIN = 0.10  # look-alike pairs under the threshold at least this share above strangers'
RANK1_TARGET = 0.8
REPORT_VERSION = 1

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Face:
    path: str
    kind: str
    person_id: str
    box: Box

    @property
    def side(self) -> int:
        return min(self.box[2] - self.box[0], self.box[3] - self.box[1])

    @property
    def area(self) -> int:
        return (self.box[2] - self.box[0]) * (self.box[3] - self.box[1])


def recorded_faces(annotations: AnnotationSet) -> list[Face]:
    """Every face the annotations record, in image-path order."""
    return [Face(a.path, a.kind, f.person_id, f.box) for a in sorted(annotations.images, key=lambda a: a.path)
            for f in a.faces]


def embed_faces(root: Path, faces: list[Face], recogniser: FaceRecogniser,
                progress: Callable[[int], None] | None = None) -> tuple[NDArray[np.float64], int]:
    """One descriptor per face (rows in the order of `faces`), decoding each image once; and how many faces
    the detector found (the rest were placed by the renderer's proportions)."""
    vectors: list[NDArray[np.float64]] = []
    detected = 0
    for path, group in itertools.groupby(faces, key=lambda f: f.path):
        try:
            with Image.open(root / path) as img:
                rgb = img.convert("RGB")
        except OSError as exc:
            raise MultiPrivError(f"{path}: image does not decode ({exc})") from None
        for face in group:
            emb = recogniser.embed(rgb, face.box)
            vectors.append(emb.vector)
            detected += emb.detected
            if progress:
                progress(1)
    return (np.vstack(vectors) if vectors else np.zeros((0, 128))), detected


def _r(x: float | np.floating[Any]) -> float:
    return round(float(x), 3)


def distance_summary(d: NDArray[np.float64]) -> dict[str, Any]:
    """Quartiles, mean and the share under THRESHOLD of a set of pair distances (None where there are none)."""
    if d.size == 0:
        return {"pairs": 0, "q1": None, "median": None, "q3": None, "mean": None, "under_threshold": None}
    q1, med, q3 = np.percentile(d, [25, 50, 75])
    return {"pairs": int(d.size), "q1": _r(q1), "median": _r(med), "q3": _r(q3), "mean": _r(d.mean()),
            "under_threshold": _r(np.mean(d < THRESHOLD))}


def pair_distances(vectors: NDArray[np.float64], persons: list[str], lookalikes: set[frozenset[str]],
                   face_lookalikes: set[frozenset[str]]) -> dict[str, NDArray[np.float64]]:
    """Distances of all face pairs, split into same person, look-alike, face-sharing look-alike and stranger."""
    n = len(persons)
    if n < 2:
        empty = np.zeros(0)
        return {"same": empty, "lookalike": empty, "lookalike_face": empty, "stranger": empty}
    d = np.asarray(pdist(vectors), dtype=np.float64)  # condensed: the pairs in np.triu_indices order
    i, j = np.triu_indices(n, k=1)
    names = sorted(set(persons))
    index = {pid: k for k, pid in enumerate(names)}
    code = np.array([index[p] for p in persons])
    same = code[i] == code[j]

    def linked(pairs: set[frozenset[str]]) -> NDArray[np.bool_]:
        table = np.zeros((len(names), len(names)), dtype=bool)
        for a, b in (tuple(p) for p in pairs if len(p) == 2 and p <= index.keys()):
            table[index[a], index[b]] = table[index[b], index[a]] = True
        hits: NDArray[np.bool_] = table[code[i], code[j]]
        return hits

    look, look_face = linked(lookalikes), linked(face_lookalikes)
    return {"same": d[same], "lookalike": d[look], "lookalike_face": d[look_face], "stranger": d[~same & ~look]}


def gallery_order(faces: list[Face]) -> dict[str, list[int]]:
    """Each person's faces (indices into `faces`) best gallery face first: ID card, passport, then larger."""
    def key(k: int) -> tuple[int, int, str, Box]:
        face = faces[k]
        rank = REFERENCE_KINDS.index(face.kind) if face.kind in REFERENCE_KINDS else len(REFERENCE_KINDS)
        return (rank, -face.area, face.path, face.box)

    by_person: dict[str, list[int]] = defaultdict(list)
    for k, face in enumerate(faces):
        by_person[face.person_id].append(k)
    return {pid: sorted(ks, key=key) for pid, ks in sorted(by_person.items())}


def identify(vectors: NDArray[np.float64], order: dict[str, list[int]], probe: int) -> str | None:
    """The person whose gallery face is nearest to the probe face (ties to the smaller person id). A probe that
    is its own person's gallery face is compared with that person's next face instead (None if there is none):
    a face is never matched against itself."""
    refs: dict[str, int] = {}
    for pid, ks in order.items():
        other = [k for k in ks if k != probe]
        if not other:
            return None  # the probe is its person's only face
        refs[pid] = other[0]
    ids = list(refs)
    gallery = vectors[[refs[pid] for pid in ids]]
    d = np.sqrt(((gallery - vectors[probe]) ** 2).sum(-1))
    return ids[int(np.argmin(d))]


def _rate(hits: Iterable[bool]) -> dict[str, Any]:
    values = list(hits)
    right = sum(values)
    return {"probes": len(values), "correct": right, "rate": _r(right / len(values)) if values else None}


def evidence_faces(root: Path, faces: list[Face]) -> tuple[dict[int, set[str]], set[tuple[str, str]]]:
    """Indices of measured faces that items use as evidence, with the tasks that use each; and the evidence
    faces (image, person) that are not measured (recorded under MIN_FACE_PX, or not recorded at all)."""
    where: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, face in enumerate(faces):
        where[(face.path, face.person_id)].append(k)
    used: dict[int, set[str]] = defaultdict(set)
    missing: set[tuple[str, str]] = set()
    for item in load_items(root / "items.jsonl"):
        for ev in item.evidence:
            if ev.attribute_id != "face":
                continue
            key = (item.images[ev.image], ev.person_id)
            if key in where:
                for k in where[key]:
                    used[k].add(str(item.task))
            else:
                missing.add(key)
    return dict(used), missing


def _targets(dist: dict[str, dict[str, Any]], rank1: dict[str, Any]) -> list[dict[str, Any]]:
    """Look-alikes here are the face-sharing ones: a look-alike by surname or employer only is, to a face
    recogniser, a stranger, and would dilute the look-alike figures to the strangers'."""
    same, look, stranger = (dist[k]["median"] for k in ("same", "lookalike_face", "stranger"))
    ordered = None not in (same, look, stranger) and same + GAP <= look and look + GAP <= stranger
    look_rate, stranger_rate = dist["lookalike_face"]["under_threshold"], dist["stranger"]["under_threshold"]
    confused = None not in (look_rate, stranger_rate) and look_rate >= stranger_rate + CONFUSION_MARGIN
    return [
        {"id": "medians_ordered",
         "target": f"median same + {GAP} <= look-alike (face), look-alike (face) + {GAP} <= stranger",
         "value": [same, look, stranger], "pass": bool(ordered)},
        {"id": "rank1_evidence", "target": f"rank-1 identification of evidence faces >= {RANK1_TARGET}",
         "value": rank1["rate"], "pass": rank1["rate"] is not None and rank1["rate"] >= RANK1_TARGET},
        {"id": "lookalike_confusion", "target": f"look-alike (face) pairs under {THRESHOLD} >= strangers' + "
         f"{CONFUSION_MARGIN}", "value": [look_rate, stranger_rate], "pass": bool(confused)},
    ]


def face_check(root: Path, recogniser: FaceRecogniser | None = None,
               progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """The face report of a build (see the module docstring); the build must already have passed `validate`."""
    recogniser = recogniser or FaceRecogniser()
    manifest, manifest_sha = read_manifest(root)
    world = load_world(root / "world.json")
    recorded = recorded_faces(AnnotationSet.load(root / "annotations.json"))
    faces = [f for f in recorded if f.side >= MIN_FACE_PX]
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, len(faces))

    vectors, detected = embed_faces(root, faces, recogniser, step)
    looks = {frozenset((p.id, p.lookalike.of)) for p in world.persons if p.lookalike}
    face_looks = {frozenset((p.id, p.lookalike.of)) for p in world.persons if p.lookalike and
                  "face" in p.lookalike.shared}
    persons = [f.person_id for f in faces]
    dist = {k: distance_summary(v) for k, v in pair_distances(vectors, persons, looks, face_looks).items()}
    order = gallery_order(faces)
    used, missing = evidence_faces(root, faces)
    recorded_keys = {(f.path, f.person_id) for f in recorded}
    guess = {k: identify(vectors, order, k) for k in range(len(faces))}
    probes = sorted(k for k in used if guess[k] is not None)
    all_probes = [k for k in range(len(faces)) if guess[k] is not None]
    evidence = _rate(guess[k] == faces[k].person_id for k in probes)
    evidence["only_face_of_person"] = sum(guess[k] is None for k in used)
    evidence["under_min_px"] = len(missing & recorded_keys)
    evidence["unrecorded"] = len(missing - recorded_keys)
    evidence["by_task"] = {t: _rate(guess[k] == faces[k].person_id for k in probes if t in used[k])
                           for t in sorted({t for ts in used.values() for t in ts})}
    evidence["by_kind"] = {kind: _rate(guess[k] == faces[k].person_id for k in probes if faces[k].kind == kind)
                           for kind in sorted({faces[k].kind for k in probes})}
    gallery_kinds = Counter(faces[ks[0]].kind for ks in order.values())
    return {
        "report_version": REPORT_VERSION,
        "build": {"manifest_sha256": manifest_sha, "seed": manifest.get("seed"), "version": manifest.get("version"),
                  "persons": manifest.get("persons")},
        "method": {"recogniser": "dlib_face_recognition_resnet_model_v1 on shape_predictor_5_face_landmarks",
                   "dlib": recogniser.version, "min_face_px": MIN_FACE_PX, "threshold": THRESHOLD,
                   "face_rect": f"dlib HOG detection inside the annotated box, else centred {PRIOR_SIDE} of it",
                   "gallery": "one face per person: ID card, else passport, else the largest face; a probe that "
                              "is a gallery face is compared with its person's next face"},
        "faces": {"recorded": len(recorded), "measured": len(faces), "under_min_px": len(recorded) - len(faces),
                  "detected": detected, "persons": len(order),
                  "by_kind": dict(sorted(Counter(f.kind for f in faces).items()))},
        "distances": dist,
        "rank1": {"evidence": evidence, "all_faces": _rate(guess[k] == faces[k].person_id for k in all_probes),
                  "gallery": {"persons": len(order), "by_kind": dict(sorted(gallery_kinds.items()))}},
        "targets": _targets(dist, evidence),
    }
