"""Identity documents and vehicles: recorded truth, exact values, determinism, legibility by a real OCR engine."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from doc_helpers import person_of, read_back, render_all, render_kind

import multipriv.render.documents.identity  # noqa: F401  (registers id_card and passport)
import multipriv.render.documents.identity_cards as identity_cards
import multipriv.render.documents.vehicle as vehicle  # noqa: F401  (registers the vehicle kinds)
from multipriv.render.documents import printed_dates
from multipriv.render.documents.base import REGISTRY, Rendered
from multipriv.score.normalise import dates_in
from multipriv.world.schema import World
from multipriv.world.taxonomy import BY_ID

KINDS = ("id_card", "passport", "bank_card", "fingerprint_record", "vehicle_registration", "vehicle_photo")
EXPECTED: dict[tuple[str, str], set[str]] = {
    ("id_card", "zh"): {"name", "gender", "ethnicity", "birth_date", "home_address", "id_number"},
    ("id_card", "en"): {"license_number", "name", "home_address", "birth_date", "gender", "signature"},
    ("passport", "zh"): {"passport_number", "name", "gender", "nationality", "birth_date", "passport_mrz"},
    ("passport", "en"): {"passport_number", "name", "gender", "nationality", "birth_date", "passport_mrz",
                         "signature"},
    ("bank_card", "zh"): {"bank", "bank_card", "name"},
    ("bank_card", "en"): {"bank", "bank_card", "name"},
    ("fingerprint_record", "zh"): {"name", "gender", "birth_date", "id_number", "fingerprint", "signature"},
    ("fingerprint_record", "en"): {"name", "gender", "birth_date", "license_number", "fingerprint", "signature"},
    ("vehicle_registration", "zh"): {"license_plate", "name", "home_address", "vehicle"},
    ("vehicle_registration", "en"): {"license_plate", "name", "home_address", "vehicle"},
    ("vehicle_photo", "zh"): {"license_plate"},
    ("vehicle_photo", "en"): {"license_plate"},
}


@pytest.fixture(scope="module")
def rendered(world: World, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Rendered]:
    return render_all(world, KINDS, tmp_path_factory.mktemp("docs_identity"))


# ------------------------------------------------------------------------------------------ contract


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", KINDS)
def test_records_expected_fields(rendered: dict[tuple[str, str], Rendered], world: World, kind: str,
                                 lang: str) -> None:
    r = rendered[(kind, lang)]
    r.canvas.check_inside()
    person = person_of(world, lang)
    assert r.lang == ("bi" if kind == "passport" else lang) and r.person_ids == (person.id,)
    assert {"colour_en", "colour_zh", "date"} <= set(r.meta)
    ids = {f.attribute_id for f in r.canvas.fields}
    assert EXPECTED[(kind, lang)] <= ids, EXPECTED[(kind, lang)] - ids
    for f in r.canvas.fields:
        assert f.attribute_id in BY_ID and f.text.strip() and f.person_id == person.id
        assert BY_ID[f.attribute_id].locales == ("en", "zh") or lang in BY_ID[f.attribute_id].locales
    faces = {f.person_id for f in r.canvas.faces}
    assert faces == ({person.id} if kind in ("id_card", "passport") else set())


def test_kinds_are_registered_as_specified() -> None:
    assert REGISTRY["vehicle_photo"].photo and not REGISTRY["vehicle_photo"].may_photograph
    assert REGISTRY["id_card"].title == ("ID card", "身份证")
    assert REGISTRY["fingerprint_record"].title == ("fingerprint record", "指纹采集表")
    assert all(not REGISTRY[k].photo and REGISTRY[k].may_photograph for k in KINDS if k != "vehicle_photo")


@pytest.mark.parametrize("kind", KINDS)
def test_same_inputs_same_pixels(world: World, kind: str) -> None:
    for lang in ("en", "zh"):
        a = render_kind(world, kind, person_of(world, lang))
        b = render_kind(world, kind, person_of(world, lang))
        assert a.canvas.image.tobytes() == b.canvas.image.tobytes()
        assert a.canvas.fields == b.canvas.fields


# ------------------------------------------------------------------------------ values printed exactly


def _texts(r: Rendered, attr: str) -> list[str]:
    return [f.text for f in r.canvas.fields if f.attribute_id == attr]


def test_identifiers_are_printed_exactly(world: World) -> None:
    for p in world.persons:
        card = render_kind(world, "id_card", p)
        if p.locale == "zh":
            assert _texts(card, "id_number") == [p.documents.id_number]
            assert "".join(_texts(card, "home_address")) == p.home.full.zh
            b = p.birth_date
            (born,) = _texts(card, "birth_date")  # each design spells it its own way; the scorer reads them all
            assert dates_in(born) == {(b.year, b.month, b.day)}
            if card.meta["design"] == "resident_card":
                assert born == f"{b.year}年{b.month}月{b.day}日"
        else:
            assert _texts(card, "license_number") == [p.documents.license_number]
        passport = render_kind(world, "passport", p)
        assert _texts(passport, "passport_mrz") == list(p.documents.mrz)
        assert _texts(passport, "passport_number") == [p.documents.passport_number]
        bank = render_kind(world, "bank_card", p)
        assert [t.replace(" ", "") for t in _texts(bank, "bank_card")] == [p.financial.card_number]
        assert _texts(bank, "name") == [p.name.passport if p.locale == "zh" else p.name.full.en.upper()]
        for kind in ("vehicle_registration", "vehicle_photo"):
            assert _texts(render_kind(world, kind, p), "license_plate") == [p.vehicle.plate]


def test_fingerprint_record_names_the_persons_pattern_class(world: World) -> None:
    for p in world.persons:
        r = render_kind(world, "fingerprint_record", p)
        assert _texts(r, "fingerprint") == [p.fingerprint.get(p.locale)]
        assert _texts(r, "signature") == [p.name.full.get(p.locale)]


def test_vehicle_photo_plate_is_large(world: World) -> None:
    for p in world.persons:
        r = render_kind(world, "vehicle_photo", p)
        (plate,) = [f for f in r.canvas.fields if f.attribute_id == "license_plate"]
        assert plate.box[3] - plate.box[1] >= 28
        assert r.meta["colour_zh"] == p.vehicle.color.zh


# ---------------------------------------------------------------------------------------- legibility


@pytest.mark.parametrize("kind", KINDS)
def test_ocr_reads_the_fields(rendered: dict[tuple[str, str], Rendered], ocr: Any, kind: str) -> None:
    for lang in ("en", "zh"):
        r = rendered[(kind, lang)]
        read, missed = read_back(r.canvas.image, r.canvas.fields, ocr)
        total = len(read) + len(missed)
        print(f"{kind}/{lang}: read {len(read)}/{total}; missed {[f.text for f in missed]}")
        # Machine-readable zones (long runs of "<") are the one line OCR engines often drop; everything else
        # must be read.
        hard = [f for f in missed if f.attribute_id == "passport_mrz"]
        assert total > 0 and len(read) >= 0.9 * (total - len(hard)), [(f.attribute_id, f.text) for f in missed]


def test_card_numbers_group_like_embossed_cards() -> None:
    assert identity_cards.group_card_number("4242424242424242") == "4242 4242 4242 4242"
    assert identity_cards.group_card_number("378282246310005") == "3782 822463 10005"
    assert printed_dates.day_mon_year(dt.date(2000, 11, 6)) == "06 NOV 2000"
    assert re.fullmatch(r"\d{4}年\d{2}月\d{2}日", printed_dates.zh_padded(dt.date(2000, 11, 6)))
