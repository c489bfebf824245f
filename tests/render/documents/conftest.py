"""Fixtures of the document-kind tests: a small world and one OCR engine per session."""

from __future__ import annotations

from typing import Any

import pytest

from multipriv.world.generate import WorldConfig, build_world
from multipriv.world.schema import World


@pytest.fixture(scope="session")
def world() -> World:
    return build_world(WorldConfig(seed=1, persons=8, background=0))


@pytest.fixture(scope="session")
def ocr() -> Any:
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()
