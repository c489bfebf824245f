"""Names: nicknames, the printed name forms, and namesakes (two persons with one full name)."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest

from multipriv.world import names
from multipriv.world.generate import WorldConfig, build_world
from multipriv.world.schema import PersonName, World
from multipriv.world.tables.nicknames import NICKNAMES_EN


@pytest.fixture(scope="module")
def world() -> World:
    """The size the default build is heading for: 100 core persons and a background."""
    return build_world(WorldConfig(seed=0, persons=100, background=300))


EN = names.make_en_name("Kent", "Shelby", "Shel")
ZH = names.make_zh_name(("张", "Zhang"), "小伟", "阿伟")
ZH_SHORT = names.make_zh_name(("李", "Li"), "伟", "阿伟")


# ---------------------------------------------------------------------------------------------- nicknames

def test_every_english_given_name_has_a_nickname() -> None:
    female, male, _ = names._en_lists()
    clipped = 0
    for given in set(female) | set(male):
        choices = names.nickname_choices("en", given)
        assert choices and all(c.isalpha() and c[0].isupper() for c in choices), given
        if given not in NICKNAMES_EN:  # the clipped fallback: a proper prefix, or the name itself
            (only,) = choices
            assert only == given or (given.startswith(only) and 3 <= len(only) < len(given))
            clipped += 1
    assert clipped < 0.4 * len(set(female) | set(male))  # the table covers most names


def test_nickname_table_and_clipping() -> None:
    assert "Bill" in names.nickname_choices("en", "William")
    assert "Liz" in names.nickname_choices("en", "Elizabeth")
    assert names.clipped("Shelby") == "Shel"
    assert names.clipped("Kent") == "Kent"  # one syllable: nothing to clip
    assert names.nickname_choices("zh", "小伟") == ("小伟", "阿伟")
    assert names.nickname_choices("zh", "伟") == ("小伟", "阿伟")


def test_persons_carry_a_drawn_nickname(world: World) -> None:
    for p in world.persons:
        assert p.name.nickname.get(p.locale) in names.nickname_choices(p.locale, p.name.given.get(p.locale))
        if p.locale == "zh":
            assert p.name.nickname.en == names.pinyin(p.name.nickname.zh)
    zh = [p.name.nickname.zh[0] for p in world.persons if p.locale == "zh"]
    assert set(zh) == {"小", "阿"}


# --------------------------------------------------------------------------------------------- name forms

def _printed(name: PersonName) -> set[str]:
    return {name.full.en, name.full.zh, name.family.en, name.family.zh, name.given.en, name.given.zh, name.passport}


def test_english_forms() -> None:
    expect = {"full": "Shelby Kent", "surname_comma": "Kent, Shelby", "initial": "S. Kent", "nickname": "Shel",
              "given": "Shelby", "masked": "S. K***", "passport": "Shelby Kent"}
    for form, full in expect.items():
        v = names.name_variant(EN, "en", form)
        assert v.full.en == v.full.zh == full, form
        assert v.nickname == EN.nickname
    assert names.name_variant(EN, "en", "passport").passport == "KENT SHELBY"
    assert names.name_variant(EN, "en", "initial").passport == "KENT S."


def test_masked_forms_hide_what_they_should() -> None:
    en = names.name_variant(EN, "en", "masked")
    assert all("Shelby" not in s and "Kent" not in s and "Shel" not in s for s in _printed(en))
    zh = names.name_variant(ZH, "zh", "masked")
    assert zh.full.zh == "张*伟" and all("小" not in s for s in _printed(zh))
    assert names.name_variant(ZH_SHORT, "zh", "masked").full.zh == "李*"
    assert all("伟" not in s for s in _printed(names.name_variant(ZH_SHORT, "zh", "masked")))


def test_chinese_forms() -> None:
    assert names.name_variant(ZH, "zh", "full") == ZH
    assert names.name_variant(ZH, "zh", "nickname").full.zh == "阿伟"
    assert names.name_variant(ZH, "zh", "nickname").full.en == "Awei"
    assert names.name_variant(ZH, "zh", "given").full.zh == "小伟"
    assert "张" not in names.name_variant(ZH, "zh", "given").full.zh
    for form in ("surname_comma", "initial", "shouting"):
        with pytest.raises(ValueError, match="not used"):
            names.name_variant(ZH, "zh", form)


def test_every_form_of_every_person_is_a_valid_name(world: World) -> None:
    for p in world.persons[:60]:
        for form in names.FORMS_BY_LOCALE[p.locale]:
            v = names.name_variant(p.name, p.locale, form)
            assert all(s.strip() for s in _printed(v)), (p.id, form)
            if form not in ("full", "passport"):
                assert v.full.get(p.locale) != p.name.full.get(p.locale), (p.id, form)


# ---------------------------------------------------------------------------------------------- namesakes

def _namesakes(world: World) -> list[tuple[str, str]]:
    return [(p.id, p.lookalike.of) for p in world.persons if p.lookalike and "full_name" in p.lookalike.shared]


def test_namesakes_share_the_whole_name_but_not_birth_year_or_face(world: World) -> None:
    pairs = _namesakes(world)
    assert pairs
    for a_id, b_id in pairs:
        a, b = world.person(a_id), world.person(b_id)
        assert a.name == b.name and a.locale == b.locale and a.gender == b.gender
        assert abs(a.birth_date.year - b.birth_date.year) >= 3
        assert a.face.code() != b.face.code() and "face" not in a.lookalike.shared  # type: ignore[union-attr]
        assert a.contact.email != b.contact.email and a.contact.social_handle != b.contact.social_handle
        for key in ("id_number", "license_number", "ssn", "passport_number"):
            value = getattr(a.documents, key)
            assert value is None or value != getattr(b.documents, key), key


def test_all_holders_of_a_namesake_name_differ_in_birth_year(world: World) -> None:
    groups: dict[str, set[str]] = {}
    for a_id, b_id in _namesakes(world):
        groups.setdefault(world.person(a_id).name.full.en, set()).update((a_id, b_id))
    for ids in groups.values():
        years = sorted(world.person(i).birth_date.year for i in ids)
        assert all(b - a >= 3 for a, b in pairwise(years)), years


def test_namesakes_are_common_in_the_core_and_present_in_the_background(world: World) -> None:
    pairs = _namesakes(world)
    core = {p.id for p in world.persons if p.tier == "core"}
    core_pairs = [(a, b) for a, b in pairs if a in core and b in core]
    assert len({x for pair in core_pairs for x in pair}) >= 15
    assert sum(a not in core and b in core for a, b in pairs) >= 3


def test_derived_identifiers_stay_unique(world: World) -> None:
    for key in ("email", "social_handle"):
        counts = Counter(getattr(p.contact, key) for p in world.persons)
        assert counts.most_common(1)[0][1] == 1, key
    ids = Counter(p.documents.id_number for p in world.persons if p.documents.id_number)
    assert ids.most_common(1)[0][1] == 1
