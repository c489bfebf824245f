"""The face renderer, the face sources and the face-similarity measure."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from multipriv.errors import MultiPrivError
from multipriv.render.face_similarity import EMBED_DIM, embed, similarity
from multipriv.render.face_source import FolderFaceSource, ProceduralFaceSource
from multipriv.render.faces import ID_PHOTO_VIEW, FaceView, draw_face, random_view
from multipriv.world.face import draw_face as draw_identity
from multipriv.world.face import resemble
from multipriv.world.schema import FaceIdentity

SKIN_TONES = tuple(range(8))


def _identity(rng: random.Random) -> FaceIdentity:
    return draw_identity(rng, rng.choice("MF"), SKIN_TONES)


@pytest.fixture(scope="module")
def population() -> tuple[np.ndarray, np.ndarray]:
    """30 identities, 4 random views each: embeddings and identity labels."""
    rng = random.Random(1)
    ids = [_identity(rng) for _ in range(30)]
    vectors, labels = [], []
    for i, ident in enumerate(ids):
        for _ in range(4):
            vectors.append(embed(draw_face(ident, random_view(rng))))
            labels.append(i)
    return np.stack(vectors), np.array(labels)


def test_same_identity_and_view_give_identical_bytes() -> None:
    ident = _identity(random.Random(7))
    view = random_view(random.Random(8))
    a, b = draw_face(ident, view), draw_face(ident, view)
    assert a.mode == "RGB" and a.size == (256, 256)
    assert a.tobytes() == b.tobytes()
    assert draw_face(ident, view, 96).size == (96, 96)
    assert random_view(random.Random(8)) == view


def test_every_option_renders() -> None:
    rng = random.Random(3)
    base = _identity(rng)
    for k in range(10):
        ident = base.model_copy(update={"hair_style": k, "face_shape": k % 5, "facial_hair": k % 5, "mole": k % 6,
                                        "eye_shape": k % 6, "nose": k % 6, "mouth": k % 6, "eyebrow": k % 6})
        for expression in ("neutral", "smile", "laugh", "serious"):
            view = FaceView(expression=expression, yaw=(k - 5) / 5, roll_deg=k - 5, glasses=k % 2 == 0,
                            hat=k % 3 == 0, background=k, clothing=k)
            img = draw_face(ident, view, 64)
            assert img.size == (64, 64)
    assert ID_PHOTO_VIEW.yaw == 0 and not ID_PHOTO_VIEW.hat and not ID_PHOTO_VIEW.glasses


def test_invalid_views_are_rejected() -> None:
    with pytest.raises(ValueError):
        FaceView(expression="grin")
    with pytest.raises(ValueError):
        FaceView(yaw=1.5)


def test_same_person_is_closer_than_strangers(population: tuple[np.ndarray, np.ndarray]) -> None:
    vectors, labels = population
    assert vectors.shape[1] == EMBED_DIM
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    sims = vectors @ vectors.T
    same = (labels[:, None] == labels[None]) & ~np.eye(len(labels), dtype=bool)
    diff = labels[:, None] != labels[None]
    # measured over five seeds: same ≈ 0.68-0.72, different ≈ 0.23-0.28, margin ≈ 0.42-0.46
    assert sims[same].mean() - sims[diff].mean() > 0.3
    np.fill_diagonal(sims, -np.inf)
    nearest_is_same = labels[sims.argmax(axis=1)] == labels
    # one query picture per identity (its first): measured 0.90-0.97 over five seeds
    first = [int(np.flatnonzero(labels == i)[0]) for i in range(labels.max() + 1)]
    assert nearest_is_same[first].mean() >= 0.9
    # every picture as a query: measured 0.90-0.975
    assert nearest_is_same.mean() >= 0.85


def test_lookalikes_are_closer_than_strangers() -> None:
    rng = random.Random(11)
    lookalike, stranger = [], []
    for _ in range(12):
        a = _identity(rng)
        b = resemble(rng, _identity(rng), a, 1)
        c = _identity(rng)
        ea, eb, ec = (embed(draw_face(x, random_view(rng), 160)) for x in (a, b, c))
        lookalike.append(float(ea @ eb))
        stranger.append(float(ea @ ec))
    assert np.mean(lookalike) > np.mean(stranger) + 0.1


def test_similarity_handles_any_crop() -> None:
    face = draw_face(_identity(random.Random(5)), ID_PHOTO_VIEW, 200)
    assert similarity(face, face) == pytest.approx(1.0)
    tight = face.crop((25, 0, 175, 170))  # a head crop, taller than wide
    assert similarity(face, tight) > 0.5
    blank = Image.new("RGB", (40, 30), (128, 128, 128))
    assert np.linalg.norm(embed(blank)) == pytest.approx(1.0)
    assert np.linalg.norm(embed(Image.new("L", (1, 1)))) == pytest.approx(1.0)


# ------------------------------------------------------------------------------------------ face sources


def _photo_folder(root: Path) -> Path:
    """3 identities × 3 images of solid or striped colours."""
    colours = {"id_a": (200, 40, 40), "id_b": (40, 200, 40), "id_c": (40, 40, 200)}
    for name, colour in colours.items():
        (root / name).mkdir(parents=True)
        for k in range(3):
            img = Image.new("RGB", (80 + 10 * k, 60), colour)
            if k == 1:
                for x in range(0, img.width, 8):
                    img.paste((255, 255, 255), (x, 0, x + 3, img.height))
            img.save(root / name / f"{k}.png")
    (root / "notes.txt").write_text("not an identity")
    return root


def test_procedural_source_draws_the_identity() -> None:
    ident = _identity(random.Random(2))
    img = ProceduralFaceSource().face("P1", ident, ID_PHOTO_VIEW, 128)
    assert img.tobytes() == draw_face(ident, ID_PHOTO_VIEW, 128).tobytes()


def test_folder_source_assigns_deterministically(tmp_path: Path) -> None:
    root = _photo_folder(tmp_path / "faces")
    ident = _identity(random.Random(2))
    persons = ["P3", "P1", "P2"]
    first = FolderFaceSource(root, seed=4)
    second = FolderFaceSource(root, seed=4)
    mapping = first.assign(sorted(persons))
    assert mapping == second.assign(list(reversed(sorted(persons))))
    assert sorted(mapping.values()) == ["id_a", "id_b", "id_c"]  # distinct persons, distinct identities
    assert len(set(FolderFaceSource(root, seed=4).assign([f"P{i}" for i in range(7)]).values())) == 3  # cycles
    view = random_view(random.Random(1))
    a = first.face("P2", ident, view, 64)
    assert a.size == (64, 64) and a.mode == "RGB"
    # asking in another order, in another source object, gives the same picture
    second.face("P1", ident, view, 64)
    assert second.face("P2", ident, view, 64).tobytes() == a.tobytes()
    # the picture comes from the person's own folder: its colour is that identity's
    mean = np.asarray(a, dtype=np.float64).reshape(-1, 3).mean(axis=0)
    assert int(np.argmax(mean)) == {"id_a": 0, "id_b": 1, "id_c": 2}[mapping["P2"]]
    with pytest.raises(MultiPrivError, match="P9"):
        first.face("P9", ident, view, 64)


def test_folder_source_errors_name_the_path(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(MultiPrivError, match="no identity sub-folders") as info:
        FolderFaceSource(empty)
    assert str(empty) in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(MultiPrivError, match="not found"):
        FolderFaceSource(tmp_path / "missing")
    root = tmp_path / "broken"
    (root / "only").mkdir(parents=True)
    bad = root / "only" / "0.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\nthis is not an image")
    source = FolderFaceSource(root)
    source.assign(["P1"])
    with pytest.raises(MultiPrivError) as info:
        source.face("P1", _identity(random.Random(1)), ID_PHOTO_VIEW, 64)
    assert str(bad) in str(info.value) and "\n" not in str(info.value)


def test_age_and_sex_show_on_the_face() -> None:
    ident = _identity(random.Random(9)).model_copy(update={"facial_hair": 0, "mole": 0})
    box = (70, 60, 186, 200)
    young = np.asarray(draw_face(ident.model_copy(update={"age_band": 0}), ID_PHOTO_VIEW).crop(box), dtype=float)
    old = np.asarray(draw_face(ident.model_copy(update={"age_band": 3}), ID_PHOTO_VIEW).crop(box), dtype=float)
    assert np.abs(young - old).mean() > 2.0  # lines, folds and duller skin
    woman = draw_face(ident.model_copy(update={"male": 0, "mouth": 4}), ID_PHOTO_VIEW)
    man = draw_face(ident.model_copy(update={"male": 1, "mouth": 4}), ID_PHOTO_VIEW)

    def redness(img: Image.Image) -> float:  # of the reddest pixels: the lips
        a = np.asarray(img, dtype=float)
        r = a[..., 0] - (a[..., 1] + a[..., 2]) / 2
        return float(np.sort(r.ravel())[-200:].mean())

    assert redness(woman) > redness(man) + 10


def test_face_box_frames_the_face() -> None:
    from multipriv.render.faces import face_box

    ident = _identity(random.Random(12))
    x0, y0, x1, y1 = face_box(ident, ID_PHOTO_VIEW, 200)
    assert 0 <= x0 < 100 < x1 <= 200 and 0 <= y0 < 100 < y1 <= 200
    assert 0.3 < (x1 - x0) / 200 < 0.9 and 0.4 < (y1 - y0) / 200 < 0.95
    turned = face_box(ident, FaceView(yaw=0.7), 200)
    assert turned != (x0, y0, x1, y1)


def test_an_old_photo_is_younger_with_another_haircut() -> None:
    from multipriv.render.faces import as_years_ago

    ident = _identity(random.Random(13)).model_copy(update={"male": 1, "hair_style": 9, "hair_color": 5,
                                                            "age_band": 3})
    old = as_years_ago(ident, 20)
    assert (old.age_band, old.hair_color, old.hair_style) == (2, 5, 7)
    assert as_years_ago(ident, 35).hair_color == 1  # dark before greying
    same = {f: getattr(old, f) for f in ("face_shape", "face_width", "eye_spacing", "nose", "mouth")}
    assert same == {f: getattr(ident, f) for f in same}
    assert as_years_ago(ident, 0) == ident
    then = draw_face(ident, FaceView(years_back=20), 96)
    assert then.tobytes() == draw_face(old, FaceView(), 96).tobytes()
    with pytest.raises(ValueError):
        FaceView(years_back=-1)


def test_traits_follow_the_person_not_the_picture() -> None:
    from multipriv.render.face_traits import Traits, traits
    from multipriv.render.faces import as_years_ago

    rng = random.Random(14)
    ident = _identity(rng)
    tr = traits(ident)
    values = [getattr(tr, f) for f in Traits.__dataclass_fields__]
    assert all(-1.0 <= v <= 1.0 for v in values) and len(set(values)) == len(values)
    assert traits(ident.model_copy()) == tr  # a fixed function of the identity
    # an older picture (younger age band, another haircut, no grey yet) keeps the proportions
    older = traits(as_years_ago(ident.model_copy(update={"age_band": 3}), 30))
    assert all(getattr(older, f) == getattr(tr, f) for f in Traits.__dataclass_fields__ if f != "hair_shade")
    # strangers differ in their traits; a look-alike only in those of the features it does not share
    stranger = traits(_identity(rng))
    assert sum(getattr(stranger, f) != getattr(tr, f) for f in Traits.__dataclass_fields__) >= 15
    look = resemble(rng, _identity(rng), ident, 1)
    changed = {f for f in ("eye_shape", "eyebrow", "nose", "mouth", "face_width", "eye_spacing", "ears")
               if getattr(look, f) != getattr(ident, f)}
    lt = traits(look)
    kept = [f for f in ("jaw", "chin", "aspect", "skin", "undertone") if getattr(lt, f) == getattr(tr, f)]
    assert len(kept) == 5 and len(changed) == 1


def test_hats_leave_the_eyes_in_sight() -> None:
    from multipriv.render.faces import face_box

    ident = _identity(random.Random(15)).model_copy(update={"hair_style": 7})
    bare = np.asarray(draw_face(ident, ID_PHOTO_VIEW), dtype=float)
    _, y0, _, y1 = face_box(ident, ID_PHOTO_VIEW)
    eyes = slice(y0 + (y1 - y0) * 2 // 10, y0 + (y1 - y0) * 35 // 100)  # v from about −0.3 to 0
    for hat_style in (0, 1):  # beanie, cap: chosen by clothing + 2 * background
        hat = np.asarray(draw_face(ident, FaceView(scale=1.2, hat=True, clothing=hat_style)), dtype=float)
        rows = np.abs(hat - bare).mean(axis=(1, 2))
        assert rows[:y0 + (y1 - y0) // 10].max() > 10.0  # the hat is there
        assert rows[eyes].max() < 3.0, hat_style
