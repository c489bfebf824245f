"""Faces follow the person (sex, age, population) and look-alike faces differ in only one or two proportions."""

from __future__ import annotations

import random

from multipriv.world import face as face_space
from multipriv.world.generate import WorldConfig, build_world


def test_faces_follow_sex_and_age() -> None:
    w = build_world(WorldConfig(seed=11, persons=60, background=60))
    for p in w.persons:
        assert p.face.male == (p.gender == "M")
        assert p.face.age_band == face_space.age_band(p.age)
        if p.age < 40:
            assert p.face.hair_color < 5, p.id  # nobody under 40 is drawn grey or white
        if p.gender == "F":
            assert p.face.facial_hair == 0
        if p.locale == "zh":
            assert p.face.eye_color in (0, 1, 2)  # brown eyes in a dark-haired population


def test_face_sharing_lookalikes_are_the_same_sex_and_hair() -> None:
    w = build_world(WorldConfig(seed=11, persons=200, background=200, lookalike_rate=0.4))
    sharing = [p for p in w.persons if p.lookalike and "face" in p.lookalike.shared]
    assert len(sharing) >= 10
    for p in sharing:
        model = w.person(p.lookalike.of) if p.lookalike else p
        assert p.gender == model.gender
        assert p.face.age_band == model.face.age_band
        assert (p.face.hair_style, p.face.skin_tone, p.face.face_shape) == \
            (model.face.hair_style, model.face.skin_tone, model.face.face_shape)
        differ = [f for f in face_space.LOOKALIKE_DIFFER if getattr(p.face, f) != getattr(model.face, f)]
        assert 1 <= len(differ) <= 2


def test_resemble_changes_one_or_two_proportions() -> None:
    rng = random.Random(4)
    for _ in range(50):
        model = face_space.draw_face(rng, "F", (0, 1, 2), age=50)
        other = face_space.draw_face(rng, "F", (0, 1, 2), age=52)
        n = rng.randint(1, 2)
        look = face_space.resemble(rng, other, model, n)
        differ = [f for f in type(model).model_fields if getattr(look, f) != getattr(model, f)]
        assert len(differ) == n and set(differ) <= set(face_space.LOOKALIKE_DIFFER)


def test_fit_age_removes_grey_from_the_young() -> None:
    face = face_space.draw_face(random.Random(1), "M", (2,), ((5, 1.0),), age=60)
    assert face.hair_color == 5 and face.age_band == 3
    young = face_space.fit_age(face, 33)
    assert young.hair_color < 5 and young.age_band == 1
    assert face_space.fit_age(face, 61) == face
