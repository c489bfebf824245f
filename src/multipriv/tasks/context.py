"""The build context every task compiler reads: the world, what each image shows, who resembles whom, and
the balanced answer positions.

Distractor persons are chosen from *peers*: same locale, same gender and an age within `AGE_BAND` years, so a
candidate can never be ruled out by gender or by looking much older; namesakes and look-alikes come first.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from multipriv.errors import MultiPrivError
from multipriv.render.annotations import AnnotationSet, ImageAnnotation
from multipriv.render.face_source import FaceSource, ProceduralFaceSource
from multipriv.world.schema import FaceIdentity, Person, World

AGE_BAND = 5  # years: candidates of one question are at most this far from the person's age


# How much two faces share at a glance: what a colour-and-outline matcher sees first.
APPEARANCE_WEIGHTS = {"skin_tone": 4, "hair_color": 4, "hair_style": 3, "facial_hair": 2, "face_shape": 1,
                      "face_width": 1, "eye_color": 1}


def appearance_overlap(a: FaceIdentity, b: FaceIdentity) -> int:
    return sum(w for name, w in APPEARANCE_WEIGHTS.items() if getattr(a, name) == getattr(b, name))


def is_altered(ann: ImageAnnotation) -> bool:
    """A copy re-rendered with one value changed (task 5's inconsistent records): never a person's own record."""
    return "altered" in ann.meta


def single_face_of(ann: ImageAnnotation) -> str | None:
    """The person whose face the image shows, when every face in it is that one person's."""
    owners = {f.person_id for f in ann.faces}
    return owners.pop() if len(owners) == 1 else None


@dataclass
class TaskContext:
    world: World
    annotations: AnnotationSet
    seed: int
    faces: FaceSource = field(default_factory=ProceduralFaceSource)
    jobs: int = 1  # processes for the images tasks ask render to draw
    by_person: dict[str, list[ImageAnnotation]] = field(default_factory=dict)  # owner -> own images
    by_kind: dict[str, list[ImageAnnotation]] = field(default_factory=dict)
    face_images: dict[str, list[ImageAnnotation]] = field(default_factory=dict)  # person -> images of only them
    lookalikes: dict[str, set[str]] = field(default_factory=dict)  # symmetric
    namesakes: dict[str, set[str]] = field(default_factory=dict)  # same full name, symmetric
    perception_ids: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (lang, path, attr) -> id
    extra_images: list[ImageAnnotation] = field(default_factory=list)  # rendered by tasks, see keep_image
    write_image: Callable[[ImageAnnotation, bytes], None] | None = None  # where keep_image puts the bytes
    kind_of: dict[str, str] = field(default_factory=dict)  # path -> kind, of every image and extra image
    _positions: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    _rounds: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def __post_init__(self) -> None:
        by_person: dict[str, list[ImageAnnotation]] = defaultdict(list)
        by_kind: dict[str, list[ImageAnnotation]] = defaultdict(list)
        face_images: dict[str, list[ImageAnnotation]] = defaultdict(list)
        for ann in self.annotations.images:
            self.kind_of[ann.path] = ann.kind
            if is_altered(ann):
                continue
            by_person[ann.person_ids[0]].append(ann)
            by_kind[ann.kind].append(ann)
            if (owner := single_face_of(ann)) is not None:
                face_images[owner].append(ann)
        self.by_person, self.by_kind, self.face_images = dict(by_person), dict(by_kind), dict(face_images)
        looks: dict[str, set[str]] = defaultdict(set)
        same_name: dict[str, set[str]] = defaultdict(set)
        by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
        for person in self.world.persons:
            by_name[(person.name.full.en, person.name.full.zh)].append(person.id)
            if person.lookalike:
                looks[person.id].add(person.lookalike.of)
                looks[person.lookalike.of].add(person.id)
        for ids in by_name.values():
            for pid in ids:
                same_name[pid].update(i for i in ids if i != pid)
        self.lookalikes, self.namesakes = dict(looks), dict(same_name)

    def keep_image(self, ann: ImageAnnotation, data: bytes) -> None:
        """An image a task had rendered: its bytes go to `write_image` now (a build's extra images would be
        hundreds of MB held), its annotation stays."""
        if self.write_image is None:
            raise MultiPrivError("this task context has nowhere to write the images tasks render")
        self.write_image(ann, data)
        self.extra_images.append(ann)
        self.kind_of[ann.path] = ann.kind

    # ------------------------------------------------------------------------------------------ lookups

    def rng(self, *parts: object) -> random.Random:
        return random.Random(":".join(str(p) for p in (self.seed, "tasks", *parts)))

    def person(self, person_id: str) -> Person:
        return self.world.person(person_id)

    def image(self, person_id: str, kind: str) -> ImageAnnotation | None:
        """The person's own (unaltered) image of `kind`."""
        for ann in self.by_person.get(person_id, ()):
            if ann.kind == kind:
                return ann
        return None

    def images(self, person_id: str, kinds: Iterable[str]) -> list[ImageAnnotation]:
        return [a for k in kinds if (a := self.image(person_id, k)) is not None]

    def core(self) -> list[Person]:
        return [p for p in self.world.persons if p.tier == "core"]

    def age(self, person: Person) -> int:
        return person.age

    # -------------------------------------------------------------------------------------------- peers

    def is_peer(self, person: Person, other: Person, band: int = AGE_BAND) -> bool:
        return (other.id != person.id and other.locale == person.locale and other.gender == person.gender
                and abs(other.age - person.age) <= band)

    def related(self, person: Person) -> set[str]:
        return {r.person_id for r in person.relations}

    def peer_images(
        self, person: Person, pool: Iterable[ImageAnnotation], rng: random.Random, k: int, *,
        exclude: set[str] | None = None, ok: Callable[[ImageAnnotation], bool] | None = None,
        band: int = AGE_BAND,
    ) -> list[ImageAnnotation]:
        """Up to `k` images from `pool` of distinct peers of `person` (namesakes first, then look-alikes, then
        anyone), none of which shows or names `person` or a relative."""
        banned = {person.id} | self.related(person) | (exclude or set())
        chosen: dict[str, ImageAnnotation] = {}
        candidates = []
        for ann in pool:
            owner = ann.person_ids[0]
            if owner in banned or is_altered(ann) or any(p in banned for p in ann.person_ids):
                continue
            if any(f.person_id in banned for f in ann.faces) or (ok is not None and not ok(ann)):
                continue
            if not self.is_peer(person, self.person(owner), band):
                continue
            candidates.append(ann)
        rng.shuffle(candidates)
        names, looks = self.namesakes.get(person.id, set()), self.lookalikes.get(person.id, set())
        candidates.sort(key=lambda a: (a.person_ids[0] not in names, a.person_ids[0] not in looks))
        for ann in candidates:
            chosen.setdefault(ann.person_ids[0], ann)
            if len(chosen) == k:
                break
        return list(chosen.values())

    def peer_faces(self, person: Person, rng: random.Random, k: int, *, kinds: tuple[str, ...] = (),
                   exclude: set[str] | None = None) -> list[ImageAnnotation]:
        """Images showing only one peer's face (of `kinds` when given): the person's look-alikes first, then the
        peers who look most like the person (skin tone, hair colour and style first), so that colour or hair
        alone does not tell them apart."""
        pool = [a for pid, anns in self.face_images.items() if pid != person.id for a in anns
                if not kinds or a.kind in kinds]
        pool.sort(key=lambda a: a.path)
        found = self.peer_images(person, pool, rng, len(pool), exclude=exclude,
                                 ok=lambda a: single_face_of(a) == a.person_ids[0])
        looks = self.lookalikes.get(person.id, set())
        found.sort(key=lambda a: (a.person_ids[0] not in looks,
                                  -appearance_overlap(person.face, self.person(a.person_ids[0]).face)))
        return found[:k]

    # ------------------------------------------------------------------------------------------ choices

    def balanced_position(self, pool: str, n_options: int) -> int:
        """The correct option's position. Per pool (a task, question type and number of options) positions are
        dealt in shuffled rounds of every position once, so each is equally often right within the pool and
        the order says nothing."""
        key = f"{pool}:{n_options}"
        if not self._positions[key]:
            deck = list(range(n_options))
            self.rng("positions", key, self._rounds[key]).shuffle(deck)
            self._rounds[key] += 1
            self._positions[key] = deck
        return self._positions[key].pop()

    def balanced_yes(self, pool: str) -> bool:
        return self.balanced_position(pool, 2) == 0
