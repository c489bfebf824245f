"""The world: determinism, prefix stability, coherence of each person, look-alikes and relations."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest

from multipriv.world import identifiers as ids
from multipriv.world.derive import age_at
from multipriv.world.generate import WorldConfig, build_world
from multipriv.world.io import dumps
from multipriv.world.places import region_of_code
from multipriv.world.records import clinical_note
from multipriv.world.schema import World
from multipriv.world.tables import medical as medical_table
from multipriv.world.taxonomy import ATTRIBUTES, Category, attributes_for
from multipriv.world.values import GETTERS, values


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(WorldConfig(seed=7, persons=80, background=120))


def test_same_seed_same_bytes_in_a_new_process() -> None:
    code = (
        "from multipriv.world.generate import WorldConfig, build_world;"
        "from multipriv.world.io import dumps;"
        "import hashlib,sys;"
        "sys.stdout.write(hashlib.sha256(dumps(build_world(WorldConfig(seed=3, persons=12, background=8)))"
        ".encode()).hexdigest())"
    )
    digests = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": str(h), "PATH": ""}).stdout
        for h in (1, 2)
    }
    assert len(digests) == 1
    import hashlib

    assert digests == {hashlib.sha256(dumps(build_world(WorldConfig(seed=3, persons=12, background=8)))
                                      .encode()).hexdigest()}


def test_another_seed_changes_the_world() -> None:
    a = build_world(WorldConfig(seed=1, persons=8, background=0))
    b = build_world(WorldConfig(seed=2, persons=8, background=0))
    assert [p.name for p in a.persons] != [p.name for p in b.persons]


def test_prefix_stability() -> None:
    small = build_world(WorldConfig(seed=5, persons=40, background=20))
    large = build_world(WorldConfig(seed=5, persons=400, background=60))
    assert [p for p in small.persons if p.tier == "core"] == [p for p in large.persons if p.tier == "core"][:40]
    # Background look-alikes copy core persons, so the background is stable for a fixed core size.
    more_background = build_world(WorldConfig(seed=5, persons=40, background=60))
    assert [p for p in small.persons if p.tier == "background"] == \
        [p for p in more_background.persons if p.tier == "background"][:20]


def test_default_mix_is_half_chinese() -> None:
    w = build_world(WorldConfig(seed=0, persons=40, background=0))
    assert Counter(p.locale for p in w.persons) == {"en": 20, "zh": 20}
    # The share is kept per circle of four related persons, so it is exact up to one circle.
    w = build_world(WorldConfig(seed=0, persons=40, background=0, zh_share=0.25))
    assert abs(Counter(p.locale for p in w.persons)["zh"] - 10) <= 4
    w = build_world(WorldConfig(seed=0, persons=400, background=0, zh_share=0.25))
    assert Counter(p.locale for p in w.persons)["zh"] == 100


def test_every_person_has_at_least_36_attributes_in_all_categories(world: World) -> None:
    for person in world.persons:
        vals = values(person)
        assert len(vals) >= 36
        assert {a.category for a in ATTRIBUTES if a.id in vals} == set(Category)
        for attr_id, text in vals.items():
            assert text.en.strip() and text.zh.strip(), (person.id, attr_id)


def test_taxonomy_and_getters_agree() -> None:
    assert set(GETTERS) == {a.id for a in ATTRIBUTES}
    assert len(attributes_for("zh")) >= 36 and len(attributes_for("en")) >= 36


def test_resident_id_encodes_birth_date_and_sex(world: World) -> None:
    for p in world.persons:
        if p.locale != "zh":
            assert p.documents.id_number is None and p.documents.ssn and p.documents.license_number
            continue
        assert p.documents.id_number is not None
        parts = ids.parse_resident_id(p.documents.id_number)
        assert parts.birth_date == p.birth_date
        assert parts.gender == p.gender
        assert region_of_code(parts.region_code) is not None


def test_age_fits_birth_date(world: World) -> None:
    for p in world.persons:
        assert p.age == age_at(p.birth_date, world.reference_date)
        assert 18 <= p.age <= 70


def test_cards_are_luhn_valid_and_from_test_ranges(world: World) -> None:
    prefixes = {c[0] for c in ids.CARD_PREFIXES_EN + ids.CARD_PREFIXES_ZH}
    for p in world.persons:
        assert ids.is_luhn_valid(p.financial.card_number)
        assert any(p.financial.card_number.startswith(x) for x in prefixes)


def test_plate_matches_home_region(world: World) -> None:
    from multipriv.world.places import cities

    for p in world.persons:
        if p.locale == "zh":
            abbr, letter = ids.cn_plate_region(p.vehicle.plate)
            assert abbr == p.home.region_abbr
            assert any(c.plate_letter == letter and c.city[1] == p.home.city.zh for c in cities("zh"))
        else:
            assert ids.us_plate_matches_state(p.vehicle.plate, p.home.region_abbr)


def test_medication_treats_the_diagnosis_and_the_note_decides_it(world: World) -> None:
    for p in world.persons:
        m = p.medical
        condition = medical_table.condition_of(m.diagnosis.en)
        assert condition.medication == (m.medication.en, m.medication.zh)
        assert condition.dosage == (m.dosage.en, m.dosage.zh) and condition.department == (m.department.en,
                                                                                          m.department.zh)
        assert condition.eligible(p.gender, p.age)
        note = clinical_note(m)
        for lang in ("en", "zh"):
            assert medical_table.decide(m.medication.get(lang), note.get(lang)) is condition


def test_income_is_the_sum_of_its_parts(world: World) -> None:
    for p in world.persons:
        f = p.financial
        assert f.annual_income == 12 * (f.base_salary + f.allowance) + f.bonus
        assert 0 <= f.income_tax < f.annual_income


def test_relations_are_reciprocal_and_coherent(world: World) -> None:
    n_rel = 0
    for p in world.persons:
        for rel in p.relations:
            n_rel += 1
            other = world.person(rel.person_id)
            assert any(r.person_id == p.id and r.kind == rel.kind for r in other.relations)
            if rel.kind == "colleague":
                assert other.employer == p.employer
            if rel.kind == "spouse":
                assert other.home == p.home and p.marital_status.en == "Married"
            if rel.kind == "family":
                assert other.name.family == p.name.family
    assert n_rel > len(world.persons)


def test_lookalike_rate_is_honoured() -> None:
    w = build_world(WorldConfig(seed=11, persons=400, background=400, lookalike_rate=0.3))
    rate = sum(p.lookalike is not None for p in w.persons) / len(w.persons)
    assert 0.22 <= rate <= 0.36
    for p in w.persons:
        if p.lookalike is None:
            continue
        model = w.person(p.lookalike.of)
        assert model.locale == p.locale and p.lookalike.shared
        if "surname" in p.lookalike.shared:
            assert p.name.family == model.name.family
        if "birth_year" in p.lookalike.shared:
            assert p.birth_date.year == model.birth_date.year
        if "face" in p.lookalike.shared:
            same = sum(getattr(p.face, f) == getattr(model.face, f) for f in type(p.face).model_fields)
            assert same >= 4
    w0 = build_world(WorldConfig(seed=11, persons=40, background=40, lookalike_rate=0.0))
    assert all(p.lookalike is None for p in w0.persons)


def test_faces_rarely_collide() -> None:
    w = build_world(WorldConfig(seed=2, persons=2000, background=0, lookalike_rate=0.0))
    codes = Counter(p.face.code() for p in w.persons)
    assert codes.most_common(1)[0][1] <= 2


def test_values_are_fictional_safe(world: World) -> None:
    for p in world.persons:
        assert p.contact.email.split("@")[1] in {"example.com", "example.net", "example.org", "mail.example"}
        if p.locale == "en":
            assert "555-01" in p.contact.phone
            area = int(p.documents.ssn.split("-")[0]) if p.documents.ssn else 0
            assert area >= 900
        else:
            assert p.contact.phone.startswith("12")
    assert all(dumps(world).count(x) == 0 for x in ("@gmail", "@qq.com", "@163.com"))
