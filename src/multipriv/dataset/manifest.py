"""The typed form of `manifest.json`: what a build says about itself. `integrity.read_manifest` checks every
manifest against this model (after its own one-line checks of the fields that name files), and readers outside
the dataset stage read it through `load_build_manifest`, so a field means one thing everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError

from multipriv.errors import MultiPrivError


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)  # newer builds may add fields; old readers keep working


class Counts(_Open):
    items: StrictInt = Field(ge=0)
    by_task: dict[str, int] = {}
    by_lang: dict[str, int] = {}
    controls: int = 0


class Persons(_Open):
    core: int
    background: int


class Manifest(_Open):
    manifest_version: int
    files: dict[str, str]  # every file of the build (relative path) -> sha256
    counts: Counts
    version: str | None = None  # of MultiPriv that built it
    world_schema: Any = None
    item_schema: Any = None
    templates: str | None = None
    seed: int | None = None
    split: str | None = None  # dev or test (disjoint seed streams), None for the default build
    derived_seed: int | None = None
    persons: Persons | None = None
    images: StrictInt | None = Field(default=None, ge=0)

    def same_build_settings(self, seed: int, persons: int, background: int, split: str | None) -> bool:
        return (self.seed, self.persons, self.split) == (seed, Persons(core=persons, background=background), split)


def checked(manifest: dict[str, Any], path: Path) -> Manifest:
    """The manifest as a model, or one line naming the first field that does not fit."""
    try:
        return Manifest.model_validate(manifest)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise MultiPrivError(f"{path}: field {field!r}: {first['msg']}") from None


def load_build_manifest(root: Path) -> Manifest:
    """The checked manifest of the build in `root` (one-line errors, like `validate`)."""
    from multipriv.dataset.integrity import read_manifest

    return checked(read_manifest(root)[0], root / "manifest.json")
