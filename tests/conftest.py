"""Shared fixtures: one small benchmark build per test session (rendering is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipriv.dataset.build import BuildConfig, build_dataset
from multipriv.runner.transformers_provider import hide_broken_torchvision

hide_broken_torchvision()  # before any test imports transformers (see the function for why)

SMALL = BuildConfig(seed=3, persons=8, background=24, jobs=2)


@pytest.fixture(scope="session")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A complete build (world, images, annotations, items, manifest) of 8 core and 24 background persons."""
    root = tmp_path_factory.mktemp("build") / "data"
    build_dataset(SMALL, root)
    return root
