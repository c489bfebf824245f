"""A document kind is one registered function: a kind registered only in this test is planned for persons,
drawn, recorded with its printed values, asked about by the tasks and pinned by the manifest, with no other
module naming it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from multipriv.dataset.build import BuildConfig, build_dataset
from multipriv.render.canvas import Canvas
from multipriv.render.documents.base import REGISTRY, DocContext, Rendered, document
from multipriv.tasks.schema import load_items
from multipriv.world.generate import WorldConfig

KIND = "library_card_test"


def library_card(ctx: DocContext) -> Rendered:
    """A plain card with the holder's name and phone, each recorded by the canvas as it draws."""
    p, lang = ctx.person, ctx.lang
    c = Canvas(640, 360, (236, 242, 250))
    c.text((30, 30), "Public Library" if lang == "en" else "公共图书馆", size=34, style="bold", lang=lang)
    c.label_value((30, 130), "Name" if lang == "en" else "姓名", p.name.full.get(lang), size=30, attribute_id="name",
                  person_id=p.id, lang=lang)
    c.label_value((30, 210), "Phone" if lang == "en" else "电话", p.contact.phone, size=30, attribute_id="phone",
                  person_id=p.id, lang=lang)
    return Rendered(c, lang, (p.id,), {"date": ctx.date.isoformat()})


@pytest.fixture
def registered() -> Iterator[str]:
    document(KIND, title=("library card", "借书证"), may_photograph=False)(library_card)
    yield KIND
    REGISTRY.pop(KIND, None)


@pytest.mark.full
def test_a_kind_registered_in_a_test_goes_through_the_build(registered: str, tmp_path: Path) -> None:
    root = tmp_path / "data"
    build_dataset(BuildConfig(WorldConfig(seed=5, persons=8, background=30), jobs=1), root)
    images = json.loads((root / "annotations.json").read_text(encoding="utf-8"))["images"]
    ours = [a for a in images if a["kind"] == registered]
    assert ours, "the planner never chose the new kind"
    assert all({f["attribute_id"] for f in a["fields"]} >= {"name", "phone"} for a in ours)
    paths = {a["path"] for a in ours}
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    assert paths <= set(manifest["files"])
    asked = [i for i in load_items(root / "items.jsonl") if paths & set(i.images)]
    assert asked, "no task asked about the new kind's images"
