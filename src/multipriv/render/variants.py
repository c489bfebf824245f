"""Extra images the tasks ask for: a person's document drawn from an altered copy of their record.

Task 5's inconsistent pairs need a document that differs from the real one in exactly one value. The tasks
stage decides which (person, kind, altered record); rendering stays here, in parallel like the main pass.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from multipriv.render.annotations import ImageAnnotation
from multipriv.render.face_source import FaceSource
from multipriv.render.pipeline import RenderJob, render_one
from multipriv.world.schema import Person, World


@dataclass(frozen=True)
class Variant:
    """Draw `job` as if the world said `person` (a copy of the job's person with one value changed)."""

    job: RenderJob
    person: Person
    meta: tuple[tuple[str, str], ...] = ()  # recorded on the annotation (e.g. ("altered", "birth_date"))


_WORKER: dict[str, object] = {}


def _init(world: World, seed: int, faces: FaceSource) -> None:
    _WORKER.update(world=world, seed=seed, faces=faces)


def _draw(variant: Variant) -> tuple[ImageAnnotation, bytes]:
    world, seed, faces = _WORKER["world"], _WORKER["seed"], _WORKER["faces"]
    assert isinstance(world, World) and isinstance(seed, int)
    ann, data = render_one(world, variant.job, seed, faces, person=variant.person)  # type: ignore[arg-type]
    return ann.model_copy(update={"meta": {**ann.meta, **dict(variant.meta)}}), data


def render_variants(world: World, seed: int, faces: FaceSource, variants: Sequence[Variant], jobs: int = 1
                    ) -> Iterator[tuple[ImageAnnotation, bytes]]:
    """Every variant's annotation (content-named, with its meta) and bytes, in the order given, each as soon as it
    is drawn: the caller writes the bytes away rather than holding all of them."""
    if jobs <= 1 or len(variants) < 4:
        _init(world, seed, faces)
        yield from (_draw(v) for v in variants)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(world, seed, faces)) as pool:
        yield from pool.map(_draw, variants, chunksize=4)
