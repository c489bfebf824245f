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

# Features a renderer should treat as the strongest cues of identity; look-alikes share several of them.
SALIENT = ("face_shape", "skin_tone", "hair_style", "hair_color", "eye_shape", "face_width")


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


def draw_face(rng: random.Random, gender: str, skin_tones: tuple[int, ...],
              hair: tuple[tuple[int, float], ...] | None = None) -> FaceIdentity:
    """A random identity; facial hair only for men, skin tone from the tones typical of the locale, hair
    colour from `hair` weights (uniform when None)."""
    values = {name: rng.randrange(count) for name, count in FEATURES.items()}
    values["skin_tone"] = rng.choice(skin_tones)
    values["hair_style"] = rng.choice(HAIR_STYLES[gender])
    if hair is not None:
        values["hair_color"] = rng.choices([c for c, _ in hair], weights=[w for _, w in hair])[0]
    if gender == "F":
        values["facial_hair"] = 0
    return FaceIdentity(**values)


def resemble(rng: random.Random, face: FaceIdentity, model: FaceIdentity, n_shared: int) -> FaceIdentity:
    """Copy `n_shared` salient features of `model` onto `face`, so the two persons look alike."""
    shared = rng.sample(SALIENT, k=min(n_shared, len(SALIENT)))
    return face.model_copy(update={name: getattr(model, name) for name in shared})
