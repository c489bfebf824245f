"""The face check: dlib embeds every recorded face, the report's numbers add up, the card and face_check.json
carry them without breaking `validate`, a folder of photos gets the same report, and no dlib is one line."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from multipriv.cli import app, main
from multipriv.dataset.build import BuildConfig, build_dataset
from multipriv.dataset.face_check import MIN_FACE_PX, Face, gallery_order, identify, pair_distances
from multipriv.dataset.face_embed import FaceRecogniser
from multipriv.dataset.face_report import END, PENDING, REPORT_FILE, START, update_card
from multipriv.dataset.validate import validate
from multipriv.errors import MultiPrivError
from multipriv.render.annotations import AnnotationSet
from multipriv.render.face_source import ProceduralFaceSource
from multipriv.render.faces import FaceView
from multipriv.world.generate import WorldConfig, build_world


def _check(root: Path) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["validate", str(root), "--faces"])
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads((root / REPORT_FILE).read_text(encoding="utf-8"))
    return report


@pytest.fixture(scope="module")
def checked(small_build: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A copy of the small build after `validate --faces`, and its report."""
    root = tmp_path_factory.mktemp("faces") / "data"
    shutil.copytree(small_build, root)
    return root, _check(root)


def test_counts_match_the_annotations(checked: tuple[Path, dict[str, Any]]) -> None:
    root, report = checked
    faces = [(a.kind, f) for a in AnnotationSet.load(root / "annotations.json").images for f in a.faces]
    big = [(kind, f) for kind, f in faces if min(f.box[2] - f.box[0], f.box[3] - f.box[1]) >= MIN_FACE_PX]
    assert report["faces"]["recorded"] == len(faces) > 0
    assert report["faces"]["measured"] == len(big)
    assert report["faces"]["by_kind"] == dict(sorted(Counter(kind for kind, _ in big).items()))
    assert {"id_card", "portrait"} <= set(report["faces"]["by_kind"])
    per_person = Counter(f.person_id for _, f in big)
    d = report["distances"]
    assert d["same"]["pairs"] == sum(k * (k - 1) // 2 for k in per_person.values())
    n = len(big)
    assert d["same"]["pairs"] + d["lookalike"]["pairs"] + d["stranger"]["pairs"] == n * (n - 1) // 2
    assert d["lookalike_face"]["pairs"] <= d["lookalike"]["pairs"]
    for summary in d.values():
        if summary["pairs"]:
            assert 0 <= summary["q1"] <= summary["median"] <= summary["q3"]
    ev = report["rank1"]["evidence"]
    assert ev["probes"] > 0 and 0 <= ev["correct"] <= ev["probes"]
    assert ev["rate"] == round(ev["correct"] / ev["probes"], 3)
    assert [t["id"] for t in report["targets"]] == ["medians_ordered", "rank1_evidence", "lookalike_confusion"]


def test_card_and_report_keep_the_build_valid(checked: tuple[Path, dict[str, Any]]) -> None:
    root, report = checked
    validate(root)  # face_check.json and the card are not pinned by the manifest
    card = (root / "DATASET_CARD.md").read_text(encoding="utf-8")
    assert card.count(START) == 1 and card.count(END) == 1 and PENDING not in card
    assert f"| same person | {report['distances']['same']['pairs']} |" in card
    update_card(root / "DATASET_CARD.md", report)
    assert (root / "DATASET_CARD.md").read_text(encoding="utf-8") == card  # rewriting changes nothing


def test_a_fresh_build_card_says_the_faces_are_not_measured(small_build: Path) -> None:
    card = (small_build / "DATASET_CARD.md").read_text(encoding="utf-8")
    assert PENDING in card and not (small_build / REPORT_FILE).exists()


def test_a_face_is_at_distance_zero_from_itself(small_build: Path) -> None:
    ann = next(a for a in AnnotationSet.load(small_build / "annotations.json").images if a.kind == "portrait")
    with Image.open(small_build / ann.path) as img:
        rgb = img.convert("RGB")
    recogniser = FaceRecogniser()
    a, b = (recogniser.embed(rgb, ann.faces[0].box) for _ in range(2))
    assert a.vector.shape == (128,) and np.array_equal(a.vector, b.vector)
    dist = pair_distances(np.vstack([a.vector, b.vector]), ["P1", "P1"], set(), set())
    assert dist["same"].tolist() == [0.0] and dist["stranger"].size == 0


def test_a_gallery_face_is_never_matched_with_itself() -> None:
    faces = [Face("a.png", "id_card", "P1", (0, 0, 90, 90)), Face("b.png", "portrait", "P1", (0, 0, 99, 99)),
             Face("c.png", "id_card", "P2", (0, 0, 90, 90))]
    order = gallery_order(faces)
    assert order == {"P1": [0, 1], "P2": [2]}
    vectors = np.array([[0.0, 0.0], [0.0, 1.0], [0.5, 0.0]])
    assert identify(vectors, order, 0) == "P2"  # P1's gallery face for this probe is its portrait, 1.0 away, P2's 0.5
    assert identify(vectors, order, 1) == "P1"
    assert identify(vectors, order, 2) is None  # P2 has no other face to compare with


def test_without_dlib_the_check_is_one_line(checked: tuple[Path, dict[str, Any]], monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = checked
    monkeypatch.setitem(sys.modules, "dlib", None)  # import dlib now raises ImportError
    monkeypatch.setattr(sys, "argv", ["multipriv", "validate", str(root), "--faces"])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and 'pip install "multipriv[faces]"' in err and "Traceback" not in err


def test_without_the_model_files_the_check_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(MultiPrivError, match=r'pip install "multipriv\[faces\]"'):
        FaceRecogniser()


STUDIO = FaceView(background=8, scale=0.9)


def _face_folder(root: Path, identities: int) -> Path:
    """One sub-folder per identity holding two copies of one drawn face, as JPEGs: a studio portrait with room
    above the head, as face data sets crop them (the photo documents key the person out of its backdrop).

    The identities are the most distinct of 40 drawn faces (farthest-point picking with the recogniser), so
    that a stranger is never nearer than a face's own picture shrunk to a chat avatar."""
    world = build_world(WorldConfig(seed=5, persons=40, background=0, lookalike_rate=0.0))
    source, recogniser = ProceduralFaceSource(), FaceRecogniser()
    pictures = [source.face(p.id, p.face, STUDIO, 256) for p in world.persons]
    vectors = np.vstack([recogniser.embed(img, (0, 0, 256, 256)).vector for img in pictures])
    chosen = [0]
    while len(chosen) < identities:
        nearest = np.min(np.linalg.norm(vectors[:, None] - vectors[chosen][None], axis=2), axis=1)
        chosen.append(int(np.argmax(nearest)))
    for k in chosen:
        folder = root / f"id{k:02d}"
        folder.mkdir(parents=True)
        for copy in range(2):
            pictures[k].save(folder / f"{copy}.jpg", quality=92)
    return root


def test_a_folder_of_photos_gets_the_same_face_report(tmp_path: Path) -> None:
    faces = _face_folder(tmp_path / "faces", identities=9)
    root = tmp_path / "data"
    build_dataset(BuildConfig(WorldConfig(seed=2, persons=3, background=5), jobs=1, faces_dir=faces), root)
    report = _check(root)
    assert report["faces"]["measured"] > 0
    # One picture per person, so its copies sit far closer together than strangers do. Not every copy is
    # identified, though: a 66 px round chat avatar of a picture can lie 0.55 from the picture itself and a
    # stranger 0.44 from it; the drawn faces fill a narrow part of face space (issue 12).
    d = report["distances"]
    assert d["same"]["median"] < 0.5 * d["stranger"]["median"] and d["same"]["q3"] < d["stranger"]["q1"]
    assert report["rank1"]["all_faces"]["rate"] >= 0.9
    ev = report["rank1"]["evidence"]
    assert ev["probes"] > 0 and ev["correct"] >= ev["probes"] - 1
    first = (root / REPORT_FILE).read_bytes()
    _check(root)
    assert (root / REPORT_FILE).read_bytes() == first  # sorted and rounded: the same bytes again
    validate(root)
