"""The face identity space: how many choices each drawn feature has, and how identities are drawn.

The renderer maps each index to a concrete look; keeping the counts here lets the world stage draw identities
without knowing how they are painted. With these counts there are about 10^11 identities, so 10,000 persons
rarely collide.
"""

from __future__ import annotations

import random

from multipriv.world.schema import FaceIdentity

FEATURES: dict[str, int] = {
    "face_shape": 5,  # oval, round, square, heart, long
    "skin_tone": 8,
    "face_width": 7,  # relative width steps around 1.0
    "eye_shape": 6,
    "eye_color": 5,
    "eye_spacing": 7,
    "eyebrow": 6,
    "nose": 6,
    "mouth": 6,
    "ears": 4,
    "hair_style": 10,
    "hair_color": 7,
    "facial_hair": 5,  # 0: none
    "mole": 6,  # 0: none, else a position
}

# Fields that follow the person rather than being drawn: sex and age band (set from gender and age).
PERSON_FEATURES: dict[str, int] = {"male": 2, "age_band": 4}
AGE_BANDS = (30, 45, 60)  # band 0 under 30, 1 30-44, 2 45-59, 3 60 and over

# Proportions a look-alike may differ in: one or two of them, never sex, age band, skin, face shape or hair. A
# face recogniser sees these, so a look-alike is confusable but not the same person.
LOOKALIKE_DIFFER = ("face_width", "eye_shape", "eye_spacing", "eyebrow", "nose", "mouth", "ears")
ORDINAL = ("face_width", "eye_spacing")  # steps of one size; the other features are distinct shapes


# Hair styles by index (see render/face_hair.py): 0 short crop, 1 side part, 2 long straight, 3 bob, 4 bun,
# 5 curly, 6 ponytail, 7 buzz, 8 wavy shoulder-length, 9 bald with fringe.
HAIR_STYLES = {"F": (1, 2, 3, 4, 5, 6, 8), "M": (0, 1, 5, 7, 9, 0, 1)}


# Hair colours by index (see render/face_geom.py): 0 black, 1 dark brown, 2 brown, 3 auburn, 4 blonde, 5 grey,
# 6 white. Natural colours by population, then greying with age: real crowds are far less varied in hair colour
# than a uniform draw, so colour alone rarely tells two persons apart.
DARK_HAIR: tuple[tuple[int, float], ...] = ((0, 0.65), (1, 0.3), (2, 0.05))
MIXED_HAIR: tuple[tuple[int, float], ...] = ((0, 0.12), (1, 0.33), (2, 0.3), (3, 0.08), (4, 0.17))
GREYING: tuple[tuple[int, float, float], ...] = ((45, 0.15, 0.0), (55, 0.35, 0.05), (65, 0.5, 0.2))  # age, grey, white


def hair_colours(dark: bool, age: int) -> tuple[tuple[int, float], ...]:
    """Hair colour weights for a person: the population's natural colours, grey and white added with age."""
    natural = DARK_HAIR if dark else MIXED_HAIR
    grey = white = 0.0
    for threshold, g, w in GREYING:
        if age >= threshold:
            grey, white = g, w
    keep = 1.0 - grey - white
    out = [(c, w * keep) for c, w in natural]
    return tuple(out + [(c, w) for c, w in ((5, grey), (6, white)) if w > 0])


def age_band(age: int) -> int:
    """The renderer's age band of a person aged `age`."""
    return sum(age >= a for a in AGE_BANDS)


# Eye colours by index (see render/face_geom.py): 0 brown, 1 dark brown, 2 hazel, 3 green, 4 blue. A dark-haired
# population's eyes are brown: its drawn index maps to brown, dark brown or hazel (no extra draw, so the rest of
# the person's random stream keeps its values).
DARK_EYES = (0, 1, 0, 1, 2)


def draw_face(rng: random.Random, gender: str, skin_tones: tuple[int, ...],
              hair: tuple[tuple[int, float], ...] | None = None, age: int = 35, dark: bool = False
              ) -> FaceIdentity:
    """A random identity; facial hair only for men, skin tone from the tones typical of the locale, hair
    colour from `hair` weights (uniform when None), sex and age band from `gender` and `age`; a `dark`
    population (dark hair) has brown eyes."""
    values = {name: rng.randrange(count) for name, count in FEATURES.items()}
    if dark:
        values["eye_color"] = DARK_EYES[values["eye_color"]]
    values["male"] = int(gender == "M")
    values["age_band"] = age_band(age)
    values["skin_tone"] = rng.choice(skin_tones)
    values["hair_style"] = rng.choice(HAIR_STYLES[gender])
    if hair is not None:
        values["hair_color"] = rng.choices([c for c, _ in hair], weights=[w for _, w in hair])[0]
    if gender == "F":
        values["facial_hair"] = 0
    return FaceIdentity(**values)


def resemble(rng: random.Random, face: FaceIdentity, model: FaceIdentity, n_differ: int = 2) -> FaceIdentity:
    """A look-alike of `model`: its whole face, sex and age band included, except `n_differ` (one or two)
    proportions taken from `face` (or shifted by one step where `face` has the model's value), so that the
    two are confusable yet not the same person."""
    update: dict[str, int] = {}
    for name in rng.sample(LOOKALIKE_DIFFER, k=max(1, min(n_differ, len(LOOKALIKE_DIFFER)))):
        mine, theirs, count = getattr(face, name), getattr(model, name), FEATURES[name]
        if name in ORDINAL:  # a step a recogniser notices: three of the seven widths or spacings
            update[name] = theirs + 3 if theirs + 3 < count else theirs - 3
        else:
            update[name] = mine if mine != theirs else (theirs + rng.choice((1, count - 1))) % count
    return model.model_copy(update=update)


def fit_age(face: FaceIdentity, age: int) -> FaceIdentity:
    """The face at the person's final age (a namesake or look-alike may change the birth date after the face
    was drawn): the age band follows, and hair drawn grey or white is no older than the person."""
    colour = face.hair_color
    if colour >= 5 and age < GREYING[0][0] - 5:
        colour = 1  # dark brown: the commonest natural colour of both populations
    elif colour == 6 and age < GREYING[-1][0] - 5:
        colour = 5
    return face.model_copy(update={"age_band": age_band(age), "hair_color": colour})
