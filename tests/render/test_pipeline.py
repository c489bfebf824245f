"""The render pipeline: opaque content-named files without metadata, reproducible bytes, masked values and name
forms recorded in the annotations, the plan of who gets which images, and the contact sheets."""

from __future__ import annotations

import hashlib
import random
import struct
from collections import Counter
from pathlib import Path

import pytest

from multipriv.render.annotations import AnnotationSet, ImageAnnotation
from multipriv.render.contact_sheet import contact_sheets
from multipriv.render.documents.base import REGISTRY
from multipriv.render.face_source import ProceduralFaceSource
from multipriv.render.name_forms import NAME_FORMS, draw_form, forms_for
from multipriv.render.pipeline import IMAGE_NAME, RenderJob, plan, render_one, render_world
from multipriv.world.generate import WorldConfig, build_world
from multipriv.world.names import name_variant
from multipriv.world.schema import Person, World

SEED = 3
OFFICIAL = ("id_card", "passport", "bank_card", "vehicle_registration", "fingerprint_record", "tax_record")


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(WorldConfig(seed=SEED, persons=4, background=12))


@pytest.fixture(scope="module")
def rendered(world: World, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, AnnotationSet]:
    out = tmp_path_factory.mktemp("render")
    return out, render_world(world, out, seed=SEED, jobs=2)


def _one(world: World, who: Person, kind: str, **kw: object) -> tuple[ImageAnnotation, bytes]:
    return render_one(world, RenderJob(who.id, kind, "individual", False), SEED, ProceduralFaceSource(),
                      **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------- file names

def test_paths_are_content_hashes_that_say_nothing(world: World, rendered: tuple[Path, AnnotationSet]) -> None:
    root, anns = rendered
    words = {p.id for p in world.persons} | set(REGISTRY) | {"altered", "core", "background", "photo"}
    for ann in anns.images:
        folder, name = ann.path.split("/")
        assert folder == "images" and IMAGE_NAME.fullmatch(name), ann.path
        data = (root / ann.path).read_bytes()
        assert name.split(".")[0] == hashlib.sha256(data).hexdigest()[:20]
        assert name.endswith(".jpg") == (data[:2] == b"\xff\xd8")
        assert not any(w.lower() in ann.path.lower() for w in words), ann.path
    on_disk = sorted(f"images/{f.name}" for f in (root / "images").iterdir())
    assert on_disk == [a.path for a in anns.images]  # flat, nothing else, sorted annotations


def _png_chunks(data: bytes) -> list[bytes]:
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        chunks.append(data[pos + 4:pos + 8])
        pos += 12 + length
    return chunks


def _jpeg_markers(data: bytes) -> list[int]:
    markers, pos = [], 2
    while pos < len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            break
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        pos += 2 + length
    return markers


def test_files_carry_no_metadata(world: World, rendered: tuple[Path, AnnotationSet]) -> None:
    root, anns = rendered
    for ann in anns.images:
        data = (root / ann.path).read_bytes()
        if ann.path.endswith(".png"):
            assert set(_png_chunks(data)) <= {b"IHDR", b"PLTE", b"IDAT", b"IEND"}, ann.path
        else:
            markers = _jpeg_markers(data)
            assert not any(0xE1 <= m <= 0xEF or m == 0xFE for m in markers), (ann.path, markers)  # EXIF, COM
        for p in ann.person_ids:
            assert p.encode() not in data
            assert world.person(p).name.full.en.encode() not in data


def test_same_seed_same_files(world: World, rendered: tuple[Path, AnnotationSet], tmp_path: Path) -> None:
    root, anns = rendered
    again = render_world(world, tmp_path, seed=SEED, jobs=1)
    assert again.dumps() == anns.dumps()
    for ann in again.images:
        assert (tmp_path / ann.path).read_bytes() == (root / ann.path).read_bytes()


def test_rendering_again_removes_stale_images(world: World, tmp_path: Path) -> None:
    stale = tmp_path / "images" / ("0" * 20 + ".png")
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    keep = tmp_path / "images" / "README.txt"
    keep.write_text("not ours")
    small = world.model_copy(update={"persons": world.persons[:1]})
    anns = render_world(small, tmp_path, seed=SEED)
    assert not stale.exists() and keep.exists() and anns.images


def test_an_altered_copy_gets_its_own_name_and_the_same_form(world: World) -> None:
    person = next(p for p in world.persons if p.locale == "en")
    ann, data = _one(world, person, "payslip")
    contact = person.contact.model_copy(update={"employee_id": "XX-000001"})
    other, other_data = _one(world, person, "payslip", person=person.model_copy(update={"contact": contact}))
    assert data != other_data and ann.path != other.path and ann.meta["name_form"] == other.meta["name_form"]
    fixed, _ = _one(world, person, "payslip", path="images/fixed.png")
    assert fixed.path == "images/fixed.png"


# ------------------------------------------------------------------------------------------------- plan

def test_background_persons_get_one_image_half_of_them_id_cards() -> None:
    w = build_world(WorldConfig(seed=SEED, persons=8, background=400))
    jobs = plan(w, SEED)
    background = [j for j in jobs if j.person_id.startswith("B")]
    assert len(background) == 400 and len({j.person_id for j in background}) == 400
    share = Counter(j.kind for j in background)["id_card"] / 400
    assert 0.45 <= share <= 0.65
    assert all(REGISTRY[j.kind].attribute_level for j in background)
    core = Counter(j.person_id for j in jobs if j.person_id.startswith("P"))
    assert all(10 <= n <= 12 for n in core.values())


# ------------------------------------------------------------------------------------------------ masks

def test_masked_values_are_recorded_exactly_as_printed(world: World) -> None:
    for person in world.persons:
        card, phone = person.financial.card_number, person.contact.phone
        digits = "".join(ch for ch in phone if ch.isdigit())
        receipt, _ = _one(world, person, "receipt")
        masked = {(f.attribute_id, f.text) for f in receipt.fields if f.masked and f.person_id == person.id}
        receipt_card = {"till": "**** **** **** " + card[-4:],  # one printed form per receipt design
                        "market": f"{card[:4]}********{card[-4:]}"}
        assert ("bank_card", receipt_card[receipt.meta["design"]]) in masked
        assert card not in {f.text for f in receipt.fields}
        phones = [f for f in receipt.fields if f.attribute_id == "phone"]
        assert len(phones) == 1 and (phones[0].text == phone) != phones[0].masked
        if phones[0].masked:
            want = f"{digits[:3]}****{digits[-4:]}" if person.locale == "zh" else f"(***) ***-{digits[-4:]}"
            assert phones[0].text == want
        payslip, _ = _one(world, person, "payslip")
        (account,) = [f for f in payslip.fields if f.attribute_id == "bank_card"]
        payslip_card = {"tables": f"尾号{card[-4:]}", "list": f"{card[:4]}********{card[-4:]}",  # per design
                        "statement": f"****{card[-4:]}", "stub": f"{card[:4]}********{card[-4:]}"}
        assert account.masked and account.text == payslip_card[payslip.meta["design"]]
        ticket, _ = _one(world, person, "ground_ticket")
        if person.locale == "zh":
            idn = person.documents.id_number or ""
            (shown,) = [f for f in ticket.fields if f.attribute_id == "id_number"]
            assert shown.masked and shown.text == f"{idn[:10]}****{idn[-4:]}"
        else:
            (shown,) = [f for f in ticket.fields if f.attribute_id == "bank_card"]
            ticket_card = {"zipride": f"Card ending in {card[-4:]}", "hopcab": f"**** {card[-4:]}"}  # per design
            assert shown.masked and shown.text == ticket_card[ticket.meta["design"]]
        # fields that are not masked print the full value
        for ann in (receipt, payslip, ticket):
            for f in ann.fields:
                assert f.masked == ("*" in f.text or f.text.startswith(("尾号", "Card ending"))), (ann.kind, f)


def test_parcel_sender_phone_is_masked_under_the_sender(world: World) -> None:
    found = 0
    for person in (p for p in world.persons if p.locale == "zh"):
        ann, _ = _one(world, person, "parcel_label")
        if len(ann.person_ids) < 2:
            continue
        sender = world.person(ann.person_ids[1])
        (phone,) = [f for f in ann.fields if f.attribute_id == "phone" and f.person_id == sender.id]
        assert phone.masked and phone.text == sender.contact.phone[:3] + "****" + sender.contact.phone[-4:]
        found += 1
    assert found


# ------------------------------------------------------------------------------------------- name forms

def test_every_kind_declares_its_forms() -> None:
    assert set(NAME_FORMS) | {"portrait", "vehicle_photo"} == set(REGISTRY)
    for kind in OFFICIAL:
        assert NAME_FORMS[kind] == {"en": ("full",), "zh": ("full",)}


def test_the_printed_owner_name_is_the_recorded_form(world: World, rendered: tuple[Path, AnnotationSet]) -> None:
    _, anns = rendered
    seen: Counter[str] = Counter()
    for ann in anns.images:
        owner = world.person(ann.person_ids[0])
        form = ann.meta.get("name_form")
        if form is None:
            assert not forms_for(ann.kind, owner)
            continue
        assert form in forms_for(ann.kind, owner), (ann.kind, form)
        seen[form] += 1
        names = [f for f in ann.fields if f.attribute_id == "name" and f.person_id == owner.id]
        assert names, (ann.kind, ann.path)
        variant = name_variant(owner.name, owner.locale, form)
        printable = {variant.full.en, variant.full.zh, variant.passport, variant.full.en.upper(),
                     f"{variant.family.en}, {variant.given.en}".upper()}
        for f in names:
            assert f.masked == (form == "masked")
            if ann.kind not in ("passport", "id_card", "boarding_pass"):  # these lay the name out their own way
                assert f.text in printable, (ann.kind, form, f.text)
        for f in ann.fields:  # everyone else on the image keeps their full name
            if f.attribute_id == "name" and f.person_id != owner.id:
                other = world.person(f.person_id).name
                assert f.text in (other.full.en, other.full.zh, other.full.en.upper()), (ann.kind, f.text)
    assert {"full", "masked"} <= set(seen)


def test_every_declared_form_is_drawn(world: World) -> None:
    """The form is drawn per image, so across images every form a kind declares turns up."""
    for kind, by_locale in NAME_FORMS.items():
        for person in (next(p for p in world.persons if p.locale == lang) for lang in ("en", "zh")):
            drawn = {draw_form(kind, person, random.Random(f"{kind}:{i}")) for i in range(60)}
            assert drawn == set(forms_for(kind, person)) and drawn <= set(by_locale[person.locale]), kind


def test_chinese_one_character_given_names_are_not_used_alone(world: World) -> None:
    person = next(p for p in world.persons if p.locale == "zh")
    short = person.model_copy(update={"name": person.name.model_copy(
        update={"given": person.name.given.model_copy(update={"zh": "伟"})})})
    assert forms_for("chat_screenshot", short) == ("nickname",)
    assert forms_for("portrait", short) == ()


# ------------------------------------------------------------------------------------------ contact sheet

def test_contact_sheets_group_by_person_from_annotations(world: World, rendered: tuple[Path, AnnotationSet],
                                                         tmp_path: Path) -> None:
    root, anns = rendered
    sheets = contact_sheets(root, anns, tmp_path)
    core = sorted(p.id for p in world.persons if p.tier == "core")
    assert [s.stem for s in sheets] == core
