"""Render a whole world: who gets which documents, in parallel, with one annotations file.

Core persons get about ten linked images each (the individual level); background persons get one image each,
half of them an ID card (so re-identification finds candidates of the same gender and age band) and the rest
an attribute-level kind. Every image has its own random stream derived from (seed, person, kind), so the
result does not depend on the number of processes or the order in which images finish.

Files are named by their content, `images/<20 hex of sha256>.png|jpg`: a file name says nothing about whom or
what it shows, and the same seed still gives the same names. The owner's name is printed in a form the kind
allows (`name_forms`), drawn from the image's own stream and recorded in `meta["name_form"]`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from multipriv.errors import MultiPrivError
from multipriv.render import documents as _documents  # noqa: F401  (registers every document kind)
from multipriv.render.annotations import AnnotationSet, ImageAnnotation
from multipriv.render.documents.base import REGISTRY, DocContext, DocumentKind
from multipriv.render.face_source import FaceSource, FolderFaceSource, ProceduralFaceSource
from multipriv.render.name_forms import draw_form
from multipriv.render.photo import crop_annotation, frame_annotation
from multipriv.render.photo_tiers import scan_meta, tier_annotation
from multipriv.world.names import name_variant
from multipriv.world.schema import Person, World

# Every core person gets these (when they apply), so chains like face -> ID card -> name -> medical report
# always have their documents; the rest are drawn per person.
CORE_KINDS = ("portrait", "id_card", "medical_report", "prescription", "payslip", "boarding_pass",
              "social_post", "group_photo")
EXTRA_KINDS_PER_PERSON = 3
# Documents shown as a phone photo of the paper, and of those the share taken carelessly (the "hard" photo
# tier, see photo_tiers): 65% scan, 21% photo, 14% hard. Scans stay the majority because the benchmark measures
# privacy reasoning, which needs legible evidence; the hard share is large enough for a per-tier T3/T4 score
# with a usable interval on the default build, and hard images are small, so build time hardly grows.
PHOTO_VARIANT_SHARE = 0.35
HARD_PHOTO_SHARE = 0.4
JPEG_QUALITY_PHOTO = 90
BACKGROUND_ID_CARD_SHARE = 0.5
IMAGE_NAME = re.compile(r"[0-9a-f]{20}\.(png|jpg)")


@dataclass(frozen=True)
class RenderJob:
    person_id: str
    kind: str
    tier: str  # "individual" or "attribute"
    photo_variant: bool

    @property
    def key(self) -> str:
        """For logs and sorting only: never part of a file name."""
        return f"{self.person_id}/{self.kind}"

    @property
    def ext(self) -> str:
        return "jpg" if REGISTRY[self.kind].photo or self.photo_variant else "png"


def image_path(data: bytes, ext: str) -> str:
    """The opaque, reproducible path of an encoded image: its content hash."""
    return f"images/{hashlib.sha256(data).hexdigest()[:20]}.{ext}"


def _stream(seed: int, *parts: object) -> random.Random:
    return random.Random(":".join(str(p) for p in (seed, "render", *parts)))


def plan(world: World, seed: int) -> list[RenderJob]:
    """The images to draw, in a fixed order."""
    jobs: list[RenderJob] = []
    extras = sorted(k for k in REGISTRY if k not in CORE_KINDS)
    attribute_kinds = sorted(k for k, spec in REGISTRY.items() if spec.attribute_level)
    for person in world.persons:
        rng = _stream(seed, person.id, "plan")
        if person.tier == "core":
            kinds = [k for k in CORE_KINDS if k in REGISTRY]
            kinds += rng.sample(extras, k=min(EXTRA_KINDS_PER_PERSON, len(extras)))
            tier = "individual"
        else:
            use_id_card = "id_card" in REGISTRY and rng.random() < BACKGROUND_ID_CARD_SHARE
            kinds = ["id_card"] if use_id_card else [rng.choice(attribute_kinds)]
            tier = "attribute"
        for kind in kinds:
            spec = REGISTRY[kind]
            variant = spec.may_photograph and rng.random() < PHOTO_VARIANT_SHARE
            jobs.append(RenderJob(person.id, kind, tier, variant))
    return jobs


def photo_tier(job: RenderJob, seed: int) -> str:
    """The photo tier of a job's document ("scan", "photo" or "hard"; "" for camera photos). Drawn from the
    job's own stream, so an altered copy of an image (same job) is taken the same way."""
    if REGISTRY[job.kind].photo:
        return ""
    if not job.photo_variant:
        return "scan"
    return "hard" if _stream(seed, job.person_id, job.kind, "photo_tier").random() < HARD_PHOTO_SHARE else "photo"


def document_date(world: World, job: RenderJob, seed: int) -> dt.date:
    return world.reference_date - dt.timedelta(days=_stream(seed, job.person_id, job.kind, "date").randint(0, 240))


def _flag_masked_names(ann: ImageAnnotation, owner: str) -> ImageAnnotation:
    """The owner's name printed in the masked form is a masked field."""
    fields = tuple(f.model_copy(update={"masked": True}) if f.attribute_id == "name" and f.person_id == owner
                   and "*" in f.text else f for f in ann.fields)
    return ann.model_copy(update={"fields": fields})


def render_one(
    world: World, job: RenderJob, seed: int, faces: FaceSource, *, person: Person | None = None,
    path: str | None = None,
) -> tuple[ImageAnnotation, bytes]:
    """Draw one image; returns its annotation and encoded bytes (the caller writes them to `ann.path`).

    The path is the content hash of the bytes unless `path` is given. `person` overrides the world's record (an
    altered copy for consistency questions): the image's random streams stay the job's, so the altered image
    differs from the original only where the record does (the name form too is the same).
    """
    from multipriv.render.photo import jpeg_bytes, png_bytes

    spec: DocumentKind = REGISTRY[job.kind]
    person = person or world.person(job.person_id)
    form = draw_form(job.kind, person, _stream(seed, job.person_id, job.kind, "name_form"))
    shown = person if form is None else \
        person.model_copy(update={"name": name_variant(person.name, person.locale, form)})
    ctx = DocContext(person=shown, world=world, rng=_stream(seed, job.person_id, job.kind),
                     faces=faces, date=document_date(world, job, seed))
    rendered = spec.render(ctx)
    meta = {"title_en": spec.title[0], "title_zh": spec.title[1], **rendered.meta}
    if form is not None:
        meta["name_form"] = form
    ann = rendered.canvas.annotation("images/pending", job.kind, rendered.lang, rendered.person_ids,
                                     job.tier, meta)  # type: ignore[arg-type]
    if form == "masked":
        ann = _flag_masked_names(ann, person.id)
    image = rendered.canvas.image
    if spec.photo:
        image, ann = crop_annotation(image, ann, _stream(seed, job.person_id, job.kind, "frame").getrandbits(32))
    elif not job.photo_variant:
        image, ann = frame_annotation(image, ann, _stream(seed, job.person_id, job.kind, "frame").getrandbits(32))
        ann = scan_meta(ann)
    if job.photo_variant:
        image, ann, quality = tier_annotation(image, ann, photo_tier(job, seed),
                                              _stream(seed, job.person_id, job.kind, "photo").getrandbits(32))
        data = jpeg_bytes(image, quality)
    elif spec.photo:
        data = jpeg_bytes(image, JPEG_QUALITY_PHOTO)
    else:
        data = png_bytes(image)
    return ann.model_copy(update={"path": path or image_path(data, job.ext)}), data


# ------------------------------------------------------------------------------------------- parallel run

_WORKER: dict[str, object] = {}


def _init_worker(world: World, seed: int, faces: FaceSource) -> None:
    _WORKER.update(world=world, seed=seed, faces=faces)


def _work(job: RenderJob, out: Path) -> ImageAnnotation:
    world, seed, faces = _WORKER["world"], _WORKER["seed"], _WORKER["faces"]
    assert isinstance(world, World) and isinstance(seed, int)
    ann, data = render_one(world, job, seed, faces)  # type: ignore[arg-type]
    target = out / ann.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return ann


def clear_images(out: Path) -> None:
    """Remove content-named images of an earlier build in `out/images`: a stale file would be a leak."""
    folder = out / "images"
    if folder.is_dir():
        for file in folder.iterdir():
            if file.is_file() and IMAGE_NAME.fullmatch(file.name):
                file.unlink()


def make_face_source(world: World, faces_dir: Path | None, seed: int) -> FaceSource:
    if faces_dir is None:
        return ProceduralFaceSource()
    source = FolderFaceSource(faces_dir, seed=seed)
    source.assign(sorted(p.id for p in world.persons))
    return source


def render_world(
    world: World,
    out: Path,
    *,
    seed: int = 0,
    jobs: int = 1,
    faces_dir: Path | None = None,
    faces: FaceSource | None = None,
    save: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> AnnotationSet:
    """Render every planned image under `out`, write `out/annotations.json` (unless not `save`: a caller that adds
    images writes it once, at the end), and return the annotations. `faces` is the face source when the caller
    already built one (it is built once per build); otherwise it comes from `faces_dir`."""
    if not REGISTRY:
        raise MultiPrivError("no document kinds are registered")
    todo = plan(world, seed)
    faces = faces or make_face_source(world, faces_dir, seed)
    out.mkdir(parents=True, exist_ok=True)
    clear_images(out)
    results: list[ImageAnnotation] = []
    done = 0

    def tick(items: Iterable[ImageAnnotation]) -> None:
        nonlocal done
        for ann in items:
            results.append(ann)
            done += 1
            if progress:
                progress(done, len(todo))

    if jobs <= 1:
        _init_worker(world, seed, faces)
        tick(_work(job, out) for job in todo)
    else:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(world, seed, faces)) as pool:
            tick(pool.map(_work, todo, [out] * len(todo), chunksize=8))
    paths = [a.path for a in results]
    if len(set(paths)) != len(paths):
        raise MultiPrivError("two rendered images have identical bytes; their content names would collide")
    annotations = AnnotationSet(images=tuple(sorted(results, key=lambda a: a.path)))
    if save:
        annotations.save(out / "annotations.json")
    return annotations
