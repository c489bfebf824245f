"""What makes the OCR baseline fast, asserted as behaviour: the detector really reads a page of `DET_SIDE`,
the reading threads stay within the cores this process may use, and work that does not depend on the
condition or the baseline (an image's dominant colour, its faces) is done once."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from multipriv.baselines.ocr import provider, reader, reason
from multipriv.baselines.ocr.reader import OcrLine, OcrPage
from multipriv.runner.base import ModelSpec


def test_detector_input_is_capped_at_det_side() -> None:
    """RapidOCR's own "max" limit ignores the configured side; the reader's engine must not."""
    engine = reader._engine()
    page = np.full((900, 1280, 3), 255, dtype=np.uint8)
    prepared = engine.text_det.get_preprocess(max(page.shape[:2]))(page)
    assert prepared is not None
    assert max(prepared.shape[2:]) <= reader.DET_SIDE + 32  # rounded to the model's stride of 32
    assert max(prepared.shape[2:]) < 1280


def test_reader_workers_follow_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2}, raising=False)
    assert reader.usable_cores() == 3
    assert reader.OcrReader(None).workers == 3
    assert reader.OcrReader(None, workers=1).workers == 1


def test_dominant_colour_is_computed_once_per_image(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    real = reason.dominant_colour

    def counting(path: Path, options: tuple[str, ...]) -> int | None:
        calls.append(path)
        return real(path, options)

    monkeypatch.setattr(provider, "dominant_colour", counting)
    provider._colour.cache_clear()
    image = tmp_path / "red.png"
    Image.new("RGB", (64, 64), (190, 40, 40)).save(image)
    options = ("blue", "red", "green")
    assert [provider._colour_of(image, options) for _ in range(3)] == [1, 1, 1]
    assert len(calls) == 1
    Image.new("RGB", (65, 64), (40, 140, 70)).save(image)  # rewritten: a new answer, not the memo
    assert provider._colour_of(image, options) == 2
    assert len(calls) == 2


def test_both_ocr_baselines_share_one_doc_per_page(tmp_path: Path) -> None:
    image = tmp_path / "images" / "a.png"
    image.parent.mkdir()
    Image.new("RGB", (32, 32), "white").save(image)
    page = OcrPage(32, 32, (OcrLine("Name: Ada", (1, 1, 20, 8), 0.9),))
    cache = tmp_path / "cache"
    first = provider.OcrBaseline(ModelSpec(name="ocr", provider="ocr", params={"cache_dir": str(cache)}))
    second = provider.OcrRulesBaseline(ModelSpec(name="ocr-rules", provider="ocr-rules",
                                                 params={"cache_dir": str(cache)}))
    for baseline in (first, second):
        baseline._get_reader((image,))._memory[reader._key(image)] = page
    (doc_a,) = asyncio.run(first._load((image,)))
    (doc_b,) = asyncio.run(second._load((image,)))
    assert doc_a is doc_b
    other = OcrPage(32, 32, ())  # a different read of the same file is a different Doc
    second._get_reader((image,))._memory[reader._key(image)] = other
    (doc_c,) = asyncio.run(second._load((image,)))
    assert doc_c is not doc_a and doc_c.page is other


# ------------------------------------------------------------------------- recognition at the line's width


class _FakeSession:
    """Stands in for the recogniser's ONNX session: records each batch's shape and answers one character per
    line, the line's input width (as the index of a character), so results can be traced back to their line."""

    def __init__(self) -> None:
        self.shapes: list[tuple[int, ...]] = []

    def __call__(self, batch: np.ndarray) -> list[np.ndarray]:
        self.shapes.append(tuple(batch.shape))
        return [batch]


def _recogniser(batch: int) -> tuple[reader.LineRecogniser, _FakeSession]:
    session = _FakeSession()

    class Inner:
        rec_image_shape = (3, 48, 320)
        postprocess_op = staticmethod(lambda preds: [(f"w{preds.shape[3]}", 0.9)] * preds.shape[0])

    inner = Inner()
    inner.session = session  # type: ignore[attr-defined]
    return reader.LineRecogniser(inner, batch=batch, step=8), session


def test_a_short_line_is_recognised_at_its_own_width_not_320() -> None:
    rec, session = _recogniser(batch=1)
    short = np.zeros((24, 40, 3), dtype=np.uint8)  # 80 px wide at the model's 48 px height
    long = np.zeros((24, 400, 3), dtype=np.uint8)  # 800 px
    odd = np.zeros((30, 41, 3), dtype=np.uint8)  # 65.6 px: rounded up to 72
    results, _ = rec([short, long, odd])
    assert sorted(session.shapes) == [(1, 3, 48, 72), (1, 3, 48, 80), (1, 3, 48, 800)]
    assert [text for text, _ in results] == ["w80", "w800", "w72"]  # in the order the lines were given
    assert rec.width(short) == 80 and rec.width(np.zeros((48, 2, 3), dtype=np.uint8)) == 8


def test_a_batch_holds_lines_of_similar_width_and_results_keep_their_order() -> None:
    rec, session = _recogniser(batch=2)
    widths = [300, 20, 310, 30]  # at height 48: 600, 40, 620, 60 px
    lines = [np.zeros((24, w, 3), dtype=np.uint8) for w in widths]
    results, _ = rec(lines)
    assert session.shapes == [(2, 3, 48, 64), (2, 3, 48, 624)]  # the two short ones together, then the long
    assert [text for text, _ in results] == ["w624", "w64", "w624", "w64"]


def test_the_reader_engine_recognises_lines_at_their_width() -> None:
    assert isinstance(reader._engine().text_rec, reader.LineRecogniser)


# ----------------------------------------------------------------- one answer for every prompt condition
