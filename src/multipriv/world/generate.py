"""Build a world from a seed: circles of related persons, look-alikes, then full records.

Persons live in circles of four (a household with friends and colleagues). Each circle has its own random
stream and each person theirs, and a look-alike only ever copies from persons generated before, so person k is
the same whether the world holds 40 persons or 4,000 (prefix stability).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from multipriv.world import identifiers as ids
from multipriv.world import population
from multipriv.world.derive import finalize
from multipriv.world.draft import Draft, can_be_namesake, draw, draw_occupation, make_lookalike, make_namesake
from multipriv.world.places import cities
from multipriv.world.schema import SCHEMA_VERSION, Person, Relation, RelationKind, World

GENERATOR_VERSION = "4"  # 2: nicknames, namesakes, unique derived identifiers; 3: hair colours by population and age;
# 4: background namesakes of most core persons
CIRCLE_SIZE = 4
REFERENCE_DATE = dt.date(2025, 6, 30)
# Of the look-alikes that can be one, the share drawn as namesakes of their model: common among core persons
# (so records of two persons with one name must be told apart by birth year or face), and in the background,
# where most core persons get one: a name alone links nothing.
NAMESAKE_SHARE = {"core": 0.5, "background": 0.6}
# Core persons not drawn as look-alikes may still be namesakes of an earlier core person: this keeps the number
# of namesake pairs in a small core (100 persons) from swinging with the look-alike draw.
EXTRA_NAMESAKE_RATE = {"core": 0.12, "background": 0.0}

# Relation layouts of a circle: (kind, member a, member b). One is drawn per circle.
CIRCLE_TEMPLATES: tuple[tuple[tuple[RelationKind, int, int], ...], ...] = (
    (("spouse", 0, 1), ("colleague", 0, 2), ("friend", 1, 3), ("friend", 2, 3)),
    (("family", 0, 1), ("colleague", 2, 3), ("friend", 1, 2)),
    (("spouse", 0, 1), ("family", 0, 2), ("colleague", 1, 3)),
    (("friend", 0, 1), ("colleague", 1, 2), ("spouse", 2, 3), ("friend", 0, 3)),
)


NameKey = tuple[tuple[str, str], str]  # (surname, given name) of a draft


@dataclass(frozen=True)
class WorldConfig:
    seed: int = population.SEED
    persons: int = population.PERSONS
    background: int = population.BACKGROUND
    zh_share: float = population.ZH_SHARE
    lookalike_rate: float = population.LOOKALIKE_RATE
    reference_date: dt.date = REFERENCE_DATE


def person_id(tier: str, index: int) -> str:
    return f"{'P' if tier == 'core' else 'B'}{index:05d}"


def circle_locale(circle: int, zh_share: float) -> str:
    """Exactly `zh_share` of circles in every prefix (up to rounding), without drawing at random."""
    return "zh" if int((circle + 1) * zh_share) > int(circle * zh_share) else "en"


def _apply_relations(rng: random.Random, members: list[Draft], template: tuple[tuple[RelationKind, int, int], ...],
                     reference: dt.date) -> dict[str, list[Relation]]:
    relations: dict[str, list[Relation]] = {m.id: [] for m in members}
    for kind, a_i, b_i in template:
        if a_i >= len(members) or b_i >= len(members):
            continue  # a truncated last circle
        a, b = members[a_i], members[b_i]
        if kind == "spouse":
            b.city_key, b.district, b.street, b.postcode = a.city_key, a.district, a.street, a.postcode
            b.birth_date = min(a.birth_date + dt.timedelta(days=rng.randint(-4 * 365, 4 * 365)),
                               reference - dt.timedelta(days=23 * 365))
            a.married = b.married = True
            a.locked.add("city")
            b.locked.update(("city", "birth_year"))
        elif kind == "family":
            b.surname = a.surname
            a.locked.add("surname")
            b.locked.add("surname")
        elif kind == "colleague":
            b.employer = a.employer
            b.occupation = draw_occupation(rng, b.education, a.employer.industry)
            a.locked.add("employer")
            b.locked.add("employer")
        relations[a.id].append(Relation(kind=kind, person_id=b.id))
        relations[b.id].append(Relation(kind=kind, person_id=a.id))
    return relations


def _genders(rng: random.Random, template: tuple[tuple[RelationKind, int, int], ...]) -> list[str]:
    genders = [rng.choice("FM") for _ in range(CIRCLE_SIZE)]
    for kind, a, b in template:
        if kind == "spouse":
            genders[b] = "M" if genders[a] == "F" else "F"
    return genders


def generate_tier(
    config: WorldConfig, tier: str, count: int, lookalike_pool: Callable[[str], list[Draft]] | None = None,
) -> Iterator[tuple[Draft, list[Relation]]]:
    """Drafts of one tier with their relations, circle by circle.

    `lookalike_pool(locale)` gives the earlier persons a look-alike may copy; by default the tier's own
    persons of earlier circles.
    """
    earlier: dict[str, list[Draft]] = {"en": [], "zh": []}
    pool = lookalike_pool or (lambda locale: earlier[locale])
    # birth years of this tier's namesakes by name; with the pool's holders of a name, all namesakes of one name
    # differ by >= 3 years
    holders: dict[NameKey, set[int]] = defaultdict(set)
    for circle in range((count + CIRCLE_SIZE - 1) // CIRCLE_SIZE):
        locale = circle_locale(circle, config.zh_share)
        ctx = random.Random(f"{config.seed}:{tier}:circle:{circle}")
        template = ctx.choice(CIRCLE_TEMPLATES)
        genders = _genders(ctx, template)
        place = ctx.choice(cities(locale))
        indices = range(circle * CIRCLE_SIZE, min(count, (circle + 1) * CIRCLE_SIZE))
        members = [
            draw(random.Random(f"{config.seed}:{tier}:{k}:base"), index=k, person_id=person_id(tier, k), tier=tier,
                 locale=locale, reference=config.reference_date, gender=genders[k % CIRCLE_SIZE], place=place)
            for k in indices
        ]
        relations = _apply_relations(ctx, members, template, config.reference_date)
        for member in members:
            la_rng = random.Random(f"{config.seed}:{tier}:{member.index}:lookalike")
            candidates = pool(locale)
            held_by: dict[NameKey, set[int]] = defaultdict(set, {k: set(v) for k, v in holders.items()})
            for c in candidates:
                held_by[(c.surname, c.given)].add(c.birth_date.year)
            namesakes = [c for c in candidates if can_be_namesake(member, c, held_by[(c.surname, c.given)])]
            model: Draft | None = None
            if la_rng.random() < config.lookalike_rate and candidates:
                if namesakes and la_rng.random() < NAMESAKE_SHARE[tier]:
                    # The name held by the fewest persons so far: namesakes spread over many core persons.
                    order = {id(c): la_rng.random() for c in namesakes}
                    model = min(namesakes, key=lambda c: (len(held_by[(c.surname, c.given)]), order[id(c)]))
                else:
                    make_lookalike(la_rng, member, la_rng.choice(_alike(member, candidates)), config.reference_date)
            elif namesakes and config.lookalike_rate > 0 and la_rng.random() < EXTRA_NAMESAKE_RATE[tier]:
                model = la_rng.choice(namesakes)
            if model is not None:
                make_namesake(la_rng, member, model, config.reference_date, held_by[(model.surname, model.given)])
                holders[(model.surname, model.given)].add(member.birth_date.year)
        for member in members:
            yield member, relations[member.id]
        earlier[locale].extend(members)


def _alike(draft: Draft, candidates: list[Draft]) -> list[Draft]:
    """The candidates a look-alike would be confused with: same sex, birth within six years; all when none."""
    return [c for c in candidates if c.gender == draft.gender
            and abs(c.birth_date.year - draft.birth_date.year) <= 6] or candidates


class _Taken:
    """Identifiers already given out. Namesakes derive e-mail and handle from the same name, so a later
    person whose identifier is taken gets a variant of it; only earlier persons matter (prefix stability)."""

    def __init__(self) -> None:
        self.email: set[str] = set()
        self.handle: set[str] = set()
        self.id_number: set[str] = set()

    def claim(self, person: Person) -> Person:
        contact, docs = person.contact, person.documents
        email, handle, id_number = contact.email, contact.social_handle, docs.id_number
        local, domain = email.split("@", 1)
        n = 1
        while email in self.email:
            n += 1
            email = f"{local}{person.birth_date.year % 100:02d}{n if n > 2 else ''}@{domain}"
        n = 1
        while handle in self.handle:
            n += 1
            handle = f"{contact.social_handle}{person.birth_date.year % 100:02d}{n if n > 2 else ''}"
        if id_number is not None:
            parts = ids.parse_resident_id(id_number)
            sequence = 0
            while id_number in self.id_number:
                id_number = ids.make_resident_id(parts.region_code, parts.birth_date, sequence, person.gender)
                sequence += 1
        self.email.add(email)
        self.handle.add(handle)
        if id_number is not None:
            self.id_number.add(id_number)
        if (email, handle, id_number) == (contact.email, contact.social_handle, docs.id_number):
            return person
        return person.model_copy(update={
            "contact": contact.model_copy(update={"email": email, "social_handle": handle}),
            "documents": docs.model_copy(update={"id_number": id_number}),
        })


def build_world(config: WorldConfig, progress: Callable[[int], None] | None = None) -> World:
    persons: list[Person] = []
    core_drafts: dict[str, list[Draft]] = {"en": [], "zh": []}
    taken = _Taken()
    for draft, relations in generate_tier(config, "core", config.persons):
        core_drafts[draft.locale].append(draft)
        persons.append(taken.claim(finalize(draft, relations, config.seed, config.reference_date)))
        if progress:
            progress(1)
    # Background persons are distractors for the core: their look-alikes copy core persons.
    for draft, relations in generate_tier(config, "background", config.background, lambda loc: core_drafts[loc]):
        persons.append(taken.claim(finalize(draft, relations, config.seed, config.reference_date)))
        if progress:
            progress(1)
    return World(
        schema_version=SCHEMA_VERSION,
        generator_version=GENERATOR_VERSION,
        seed=config.seed,
        reference_date=config.reference_date,
        zh_share=config.zh_share,
        lookalike_rate=config.lookalike_rate,
        persons=tuple(persons),
    )

