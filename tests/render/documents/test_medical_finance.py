"""Medical and financial documents: recorded truth, determinism, no leaks of what task 6 infers, legibility."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from multipriv.render.annotations import Box, FieldBox
from multipriv.render.documents.base import REGISTRY, DocContext, Rendered
from multipriv.render.documents.medical import age_at
from multipriv.render.face_source import ProceduralFaceSource
from multipriv.world.generate import WorldConfig, build_world
from multipriv.world.schema import Person, World
from multipriv.world.taxonomy import BY_ID

OUT = Path("/tmp/docs_medfin")
KINDS = ("medical_report", "prescription", "payslip", "receipt", "tax_record", "parcel_label")
_COMMON = {
    "medical_report": {"hospital", "name", "gender", "age", "exam_type", "exam_findings", "diagnosis", "physician",
                       "insurance_number"},
    "prescription": {"name", "medication", "physician"},
    "payslip": {"employer", "name", "employee_id", "base_salary", "allowance", "bonus", "bank"},
    "receipt": {"purchase"},
    "tax_record": {"name", "employer", "annual_income", "income_tax"},
    "parcel_label": {"name", "phone", "home_address"},
}
EXPECTED: dict[tuple[str, str], set[str]] = {
    **{(k, "en"): set(v) for k, v in _COMMON.items()},
    **{(k, "zh"): set(v) for k, v in _COMMON.items()},
}
EXPECTED[("prescription", "zh")] |= {"hospital", "gender", "age", "insurance_number"}
EXPECTED[("prescription", "en")] |= {"home_address"}
EXPECTED[("payslip", "en")] |= {"workplace_address"}
EXPECTED[("tax_record", "zh")] |= {"id_number"}
EXPECTED[("tax_record", "en")] |= {"ssn", "home_address", "workplace_address"}


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(WorldConfig(seed=1, persons=8, background=0))


def _person(world: World, lang: str) -> Person:
    return next(p for p in world.persons if p.locale == lang)


def _render(world: World, kind: str, person: Person, tag: str = "test") -> Rendered:
    ctx = DocContext(person=person, world=world, rng=random.Random(f"{tag}:{kind}:{person.id}"),
                     faces=ProceduralFaceSource(), date=world.reference_date)
    return REGISTRY[kind].render(ctx)


@pytest.fixture(scope="module")
def rendered(world: World) -> dict[tuple[str, str], Rendered]:
    out = {}
    OUT.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        for lang in ("en", "zh"):
            r = _render(world, kind, _person(world, lang))
            r.canvas.image.save(OUT / f"{kind}_{lang}.png")
            out[(kind, lang)] = r
    return out


@pytest.fixture(scope="module")
def ocr() -> Any:
    rapidocr = pytest.importorskip("rapidocr_onnxruntime")
    return rapidocr.RapidOCR()


# ------------------------------------------------------------------------------------------ contract


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", KINDS)
def test_records_expected_fields(rendered: dict[tuple[str, str], Rendered], world: World, kind: str,
                                 lang: str) -> None:
    r = rendered[(kind, lang)]
    r.canvas.check_inside()
    person = _person(world, lang)
    assert r.lang == lang and r.person_ids[0] == person.id
    assert {"colour_en", "colour_zh", "date"} <= set(r.meta)
    fields = r.canvas.fields
    ids = {f.attribute_id for f in fields if f.person_id == person.id}
    assert EXPECTED[(kind, lang)] <= ids, EXPECTED[(kind, lang)] - ids
    for f in fields:
        assert f.attribute_id in BY_ID and f.text.strip() and f.lang == lang
        assert f.person_id in r.person_ids


@pytest.mark.parametrize("kind", KINDS)
def test_same_inputs_same_pixels(world: World, kind: str) -> None:
    for lang in ("en", "zh"):
        a = _render(world, kind, _person(world, lang))
        b = _render(world, kind, _person(world, lang))
        assert a.canvas.image.tobytes() == b.canvas.image.tobytes()
        assert a.canvas.fields == b.canvas.fields


# ---------------------------------------------------------------------------- what must not be printed


def _all_text(r: Rendered) -> str:
    return " ".join(f.text for f in (*r.canvas.fields, *r.canvas.labels))


def test_prescription_never_prints_the_diagnosis(world: World) -> None:
    for p in world.persons:
        r = _render(world, "prescription", p)
        text = _all_text(r).lower()
        assert p.medical.diagnosis.get(p.locale).lower() not in text
        assert "diagnosis" not in {f.attribute_id for f in r.canvas.fields}
        meds = [f.text for f in r.canvas.fields if f.attribute_id == "medication"]
        assert [m.lower() for m in meds] == [p.medical.medication.get(p.locale).lower()]


def test_payslip_lets_annual_income_be_computed_but_never_prints_it(world: World) -> None:
    for p in world.persons:
        r = _render(world, "payslip", p)
        f = p.financial
        amounts = {}
        for fb in r.canvas.fields:
            if fb.attribute_id in ("base_salary", "allowance", "bonus"):
                amounts[fb.attribute_id] = float(re.sub(r"[^\d.]", "", fb.text))
        assert 12 * (amounts["base_salary"] + amounts["allowance"]) + amounts["bonus"] == f.annual_income
        annual = f"{f.annual_income:,}"
        assert annual not in _all_text(r) and "annual_income" not in {x.attribute_id for x in r.canvas.fields}


def test_report_age_is_age_at_exam(world: World) -> None:
    for p in world.persons:
        r = _render(world, "medical_report", p)
        age = next(f.text for f in r.canvas.fields if f.attribute_id == "age")
        want = age_at(p.birth_date, p.medical.exam_date)
        assert int(age.removesuffix("岁")) == want


def test_receipt_prints_full_phone_about_half_the_time(world: World) -> None:
    shown = 0
    for i in range(40):
        p = world.persons[i % len(world.persons)]
        r = _render(world, "receipt", p, tag=f"seed{i}")
        phones = [f.text for f in r.canvas.fields if f.attribute_id == "phone"]
        assert phones in ([], [p.contact.phone])
        shown += bool(phones)
    assert 8 <= shown <= 32


def test_parcel_sender_is_a_relation_recorded_under_their_own_id(world: World) -> None:
    for p in world.persons:
        r = _render(world, "parcel_label", p)
        if len(r.person_ids) == 1:
            continue
        sender = world.person(r.person_ids[1])
        assert sender.id in {rel.person_id for rel in p.relations}
        names = {(f.person_id, f.text.lower()) for f in r.canvas.fields if f.attribute_id == "name"}
        assert (sender.id, sender.name.full.get(p.locale).lower()) in names
        phone = next(f.text for f in r.canvas.fields if f.attribute_id == "phone")
        assert phone == p.contact.phone


# ---------------------------------------------------------------------------------------- legibility


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(ch for ch in s if ch.isalnum())


def _overlaps(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def read_back(image: Any, fields: tuple[FieldBox, ...], engine: Any) -> tuple[list[FieldBox], list[FieldBox]]:
    """Fields of >= 2 characters that OCR reads back at their place, and those it misses."""
    result, _ = engine(np.asarray(image), use_cls=False)  # upright pages: the angle classifier only costs time
    lines: list[tuple[str, Box]] = []
    for pts, text, _score in result or []:
        xs, ys = [int(p[0]) for p in pts], [int(p[1]) for p in pts]
        lines.append((_norm(text), (min(xs), min(ys), max(xs) + 1, max(ys) + 1)))
    read: list[FieldBox] = []
    missed: list[FieldBox] = []
    for f in fields:
        key = _norm(f.text)
        if len(key) < 2:
            continue
        ok = any(
            (key in t or (t and t in key and len(t) >= 0.6 * len(key))) and _overlaps(box, f.box)
            for t, box in lines
        )
        (read if ok else missed).append(f)
    return read, missed


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", KINDS)
def test_fields_are_legible(rendered: dict[tuple[str, str], Rendered], ocr: Any, kind: str, lang: str) -> None:
    r = rendered[(kind, lang)]
    read, missed = read_back(r.canvas.image, r.canvas.fields, ocr)
    rate = len(read) / max(1, len(read) + len(missed))
    print(f"{kind} {lang}: {len(read)}/{len(read) + len(missed)} read", [f.text for f in missed])
    assert rate >= 0.9, [f.text for f in missed]
