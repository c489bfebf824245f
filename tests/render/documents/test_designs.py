"""Several designs per kind and language (issue 12, point 5): each design prints the same attributes, the design
is drawn from the document's stream and recorded, designs really differ (layout, labels, date spellings), the
scorer reads every printed date, and bank cards carry raised (embossed) digits."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import numpy as np
import pytest
from doc_helpers import person_of, read_back, render_kind

import multipriv.render.documents  # noqa: F401  (registers every kind and design)
from multipriv.render.canvas import Canvas
from multipriv.render.documents.base import DocContext, Rendered
from multipriv.render.documents.designs import DESIGNS
from multipriv.render.documents.identity_cards import emboss
from multipriv.render.face_source import ProceduralFaceSource
from multipriv.score.normalise import Normaliser, dates_in, matches
from multipriv.tasks.common import gold_forms
from multipriv.world.schema import Person, World

KINDS = ("id_card", "passport", "bank_card", "fingerprint_record", "boarding_pass", "ground_ticket",
         "vehicle_registration")
DATE_ATTRS = ("birth_date", "flight_date")
CASES = [(kind, lang, name) for kind in KINDS for lang in ("en", "zh") for name in DESIGNS[kind][lang]]


def _draw(world: World, kind: str, lang: str, name: str, person: Person | None = None) -> Rendered:
    p = person or person_of(world, lang)
    ctx = DocContext(person=p, world=world, rng=random.Random(f"design:{kind}:{p.id}"),
                     faces=ProceduralFaceSource(), date=world.reference_date)
    return DESIGNS[kind][lang][name](ctx)


@pytest.fixture(scope="module")
def drawn(world: World) -> dict[tuple[str, str, str], Rendered]:
    return {case: _draw(world, *case) for case in CASES}


def test_every_kind_has_two_designs_per_language() -> None:
    for kind in KINDS:
        for lang in ("en", "zh"):
            assert len(DESIGNS[kind][lang]) >= 2, (kind, lang)


@pytest.mark.parametrize("kind", KINDS)
def test_designs_print_the_same_attributes(drawn: dict[tuple[str, str, str], Rendered], world: World,
                                           kind: str) -> None:
    for lang in ("en", "zh"):
        person = person_of(world, lang)
        shown = {}
        for name in DESIGNS[kind][lang]:
            r = drawn[(kind, lang, name)]
            r.canvas.check_inside()
            assert {"colour_en", "colour_zh", "date"} <= set(r.meta)
            assert all(f.person_id == person.id and f.text.strip() == f.text for f in r.canvas.fields)
            shown[name] = ({f.attribute_id for f in r.canvas.fields}, {f.person_id for f in r.canvas.faces})
        assert len({(frozenset(a), frozenset(f)) for a, f in shown.values()}) == 1, shown


@pytest.mark.parametrize("kind", KINDS)
def test_designs_differ_in_layout_and_wording(drawn: dict[tuple[str, str, str], Rendered], kind: str) -> None:
    for lang in ("en", "zh"):
        names = list(DESIGNS[kind][lang])
        for i, a_name in enumerate(names):
            for b_name in names[i + 1:]:
                a, b = drawn[(kind, lang, a_name)], drawn[(kind, lang, b_name)]
                la, lb = {x.text for x in a.canvas.labels}, {x.text for x in b.canvas.labels}
                assert len(la & lb) <= 0.6 * min(len(la), len(lb)), (kind, lang, la & lb)
                # where the name sits, as a share of the page: designs put it elsewhere (or the page turns)
                na = next(f.box for f in a.canvas.fields if f.attribute_id in ("name", "trip"))
                nb = next(f.box for f in b.canvas.fields if f.attribute_id in ("name", "trip"))
                ca = (na[0] / a.canvas.width, na[1] / a.canvas.height)
                cb = (nb[0] / b.canvas.width, nb[1] / b.canvas.height)
                moved = abs(ca[0] - cb[0]) + abs(ca[1] - cb[1]) > 0.05
                assert moved or a.canvas.image.size != b.canvas.image.size, (kind, lang, ca, cb)


def test_dispatch_draws_each_design_from_the_documents_stream(world: World) -> None:
    for kind in KINDS:
        for lang in ("en", "zh"):
            person = person_of(world, lang)
            seen = {render_kind(world, kind, person, tag=f"t{i}").meta["design"] for i in range(12)}
            assert seen == set(DESIGNS[kind][lang]), (kind, lang, seen)
            a, b = (render_kind(world, kind, person, tag="same") for _ in range(2))
            assert a.meta == b.meta and a.canvas.image.tobytes() == b.canvas.image.tobytes()


def _days(text: str) -> set[tuple[int, int, int]]:
    """The full dates a text states ("01 OCT 1970" also states the month "OCT 1970": not a second date)."""
    return {d for d in dates_in(text) if d[2]}


def test_printed_dates_are_the_canonical_dates_in_several_spellings(
        drawn: dict[tuple[str, str, str], Rendered], world: World) -> None:
    spellings: dict[str, set[str]] = {}
    for (kind, lang, _name), r in drawn.items():
        person = person_of(world, lang)
        for f in r.canvas.fields:
            if f.attribute_id == "birth_date":
                b = person.birth_date
                assert _days(f.text) == {(b.year, b.month, b.day)}, f.text
            elif f.attribute_id == "flight_date":
                d = person.flights[0].date
                assert _days(f.text) == {(d.year, d.month, d.day)}, f.text
            else:
                continue
            digits = "".join("9" if ch.isdigit() else ch for ch in f.text)
            spellings.setdefault(f"{kind}/{f.attribute_id}", set()).add(
                digits if not any(ch.isalpha() and ch.isascii() for ch in f.text) else "month-name")
    for key, forms in spellings.items():
        assert len(forms) >= 2, (key, forms)  # each kind spells its dates at least two ways across designs


@pytest.mark.parametrize("kind", ["id_card", "passport", "fingerprint_record"])
def test_scorer_accepts_a_birth_date_in_any_spelling(drawn: dict[tuple[str, str, str], Rendered], world: World,
                                                      kind: str) -> None:
    for lang in ("en", "zh"):
        person = person_of(world, lang)
        b = person.birth_date
        answers = (b.isoformat(), f"{b.day:02d}.{b.month:02d}.{b.year}", f"{b.year}年{b.month}月{b.day}日",
                   f"{dt.date(b.year, b.month, b.day):%B} {b.day}, {b.year}")
        for name in DESIGNS[kind][lang]:
            ann = drawn[(kind, lang, name)].canvas.annotation("images/x.png", kind, lang, (person.id,),  # type: ignore[arg-type]
                                                              "individual")
            gold = gold_forms(ann, "birth_date", person)
            for answer in answers:
                assert matches(Normaliser.DATE, answer, gold), (name, answer, gold)
            assert not matches(Normaliser.DATE, f"{b.year + 1}-{b.month:02d}-{b.day:02d}", gold)


def test_emboss_raises_the_digits_with_light_above_and_shadow_below() -> None:
    body = (120, 40, 50)
    c = Canvas(300, 120, body)
    box = emboss(c, (20, 90), "8888", size=60, style="sans", tip=None, body=body, attribute_id="bank_card",
                 person_id="P1")
    assert [f.attribute_id for f in c.fields] == ["bank_card"] and c.fields[0].box == box
    arr = np.asarray(c.image, dtype=np.int32)
    lum = arr.sum(axis=2) - sum(body)
    ys, xs = np.nonzero(lum > 60)
    yd, xd = np.nonzero(lum < -60)
    assert len(ys) > 50 and len(yd) > 50  # both a highlight and a shadow are drawn
    assert ys.mean() < yd.mean() and xs.mean() < xd.mean()  # light up-left, dark down-right
    # untipped: the face keeps the card's colour, so it stands out far less than printed white text would
    face = arr[box[1]:box[3], box[0]:box[2]].reshape(-1, 3)
    assert np.abs(face - np.asarray(body)).sum(axis=1).max() < 3 * 255 - 100


def test_bank_cards_come_embossed_or_flat(world: World) -> None:
    seen = {render_kind(world, "bank_card", p, tag=f"e{i}").meta["emboss"] for p in world.persons for i in range(3)}
    assert {"flat", "untipped"} <= seen and seen & {"silver", "gold"}


@pytest.mark.parametrize("kind", KINDS)
def test_ocr_reads_every_design(drawn: dict[tuple[str, str, str], Rendered], ocr: Any, kind: str) -> None:
    for lang in ("en", "zh"):
        for name in DESIGNS[kind][lang]:
            r = drawn[(kind, lang, name)]
            read, missed = read_back(r.canvas.image, r.canvas.fields, ocr)
            total = len(read) + len(missed)
            print(f"{kind}/{lang}/{name}: read {len(read)}/{total}; missed {[f.text for f in missed]}")
            # MRZ lines and embossed card digits are the lines real readers drop too (issue 12)
            hard = [f for f in missed if f.attribute_id in ("passport_mrz", "bank_card")]
            assert total > 0 and len(read) >= 0.9 * (total - len(hard)), [(f.attribute_id, f.text) for f in missed]
