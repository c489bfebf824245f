"""Shared fixtures: one small benchmark build per test session (rendering is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipriv.dataset.build import BuildConfig, build_dataset
from multipriv.runner.transformers_provider import hide_broken_torchvision
from multipriv.world.generate import WorldConfig

hide_broken_torchvision()  # before any test imports transformers (see the function for why)

SMALL = BuildConfig(WorldConfig(seed=3, persons=8, background=24), jobs=2)


@pytest.fixture(scope="session")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A complete build (world, images, annotations, items, manifest) of 8 core and 24 background persons."""
    root = tmp_path_factory.mktemp("build") / "data"
    build_dataset(SMALL, root)
    return root


# ---------------------------------------------------------------------------------------------- test tiers
# The fast tier (`pytest -m "not full"`) is unit tests plus the tiny `small_build`; the full tier adds what reads
# images back with OCR or dlib, builds more than once, drives external harnesses or real models, or spawns
# processes. CI and the README's test command run both tiers. A module is in the full tier when listed here
# (or marked `pytest.mark.full` itself); the list is the one place that says which tests are slow.
FULL_TIER = frozenset({
    "dataset/test_build_validate.py",
    "dataset/test_face_check.py",
    "export/test_inspect.py",
    "export/test_lmms_eval.py",
    "export/test_public.py",
    "render/documents",
    "render/test_canvas.py",
    "render/test_rendered_build.py",
    "runner/test_cli_faults.py",
    "runner/test_faults.py",
    "baselines/test_floors.py",
    "baselines/test_ocr_generic.py",
    "baselines/test_ocr_speed.py",
    "runner/test_transformers_provider.py",
})
TESTS = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        rel = item.path.relative_to(TESTS).as_posix()
        if any(rel == entry or rel.startswith(entry + "/") for entry in FULL_TIER):
            item.add_marker(pytest.mark.full)
