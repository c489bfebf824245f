"""A person's fine facial traits: the many small proportions and tints, beyond the feature catalogue of
`FaceIdentity`, that make two faces with the same feature choices two different people. They are a fixed
function of the identity (no random state), so every picture of one person shares them."""

from __future__ import annotations

from dataclasses import dataclass

from multipriv.render.face_geom import FACE_SHAPES
from multipriv.world.schema import FaceIdentity

_MASK = (1 << 64) - 1


def _unit(*keys: int) -> float:
    """A fixed pseudo-random number in [−1, 1] for a tuple of small integers (splitmix64 over the keys)."""
    x = 0x9E3779B97F4A7C15
    for k in keys:
        x = (x ^ (k + 0x632BE59BD9B4E5)) * 0xBF58476D1CE4E5B9 & _MASK
        x = (x ^ (x >> 31)) * 0x94D049BB133111EB & _MASK
        x ^= x >> 29
    return (x >> 11) / float(1 << 52) - 1.0


@dataclass(frozen=True)
class Traits:
    """A person's fine proportions and tints, each in [−1, 1]: what makes two faces with the same feature
    choices still two different people, as real faces differ in many small ways beyond a shape catalogue.

    Each trait is a fixed function of the feature it belongs to (the nose's length of the nose choice, the
    lips' fullness of the mouth choice, ...) and of the features a person keeps for life and a look-alike
    shares (sex, face shape, skin, eye colour, marks, a man's facial hair): so the same person always gets the
    same traits, whatever the picture's view, age or haircut, and a look-alike differs from the person they
    resemble only in the traits of the one or two features that differ.
    """

    jaw: float = 0.0  # chin taper: wider (−) or narrower (+) jaw
    chin: float = 0.0  # squarer (+) or rounder (−) lower face
    aspect: float = 0.0  # face width to height
    eye_size: float = 0.0
    eye_tilt: float = 0.0
    eye_height: float = 0.0
    eye_open: float = 0.0
    brow_height: float = 0.0
    brow_thick: float = 0.0
    brow_tilt: float = 0.0
    nose_length: float = 0.0
    nose_width: float = 0.0
    mouth_width: float = 0.0
    lips: float = 0.0
    mouth_height: float = 0.0
    skin: float = 0.0  # lighter (+) or darker (−) within the person's tone
    undertone: float = 0.0  # warmer (+) or cooler (−)
    hair_shade: float = 0.0


_TRAIT_OF = {  # trait -> the feature whose choice it refines
    "jaw": "face_shape", "chin": "face_shape", "aspect": "face_shape",
    "eye_size": "eye_shape", "eye_tilt": "eye_shape", "eye_height": "eye_shape", "eye_open": "eye_shape",
    "brow_height": "eyebrow", "brow_thick": "eyebrow", "brow_tilt": "eyebrow",
    "nose_length": "nose", "nose_width": "nose",
    "mouth_width": "mouth", "lips": "mouth", "mouth_height": "mouth",
    "skin": "skin_tone", "undertone": "skin_tone", "hair_shade": "hair_color",
}
_LIFELONG = ("male", "face_shape", "skin_tone", "eye_color", "mole", "facial_hair")


def traits(ident: FaceIdentity) -> Traits:
    """The fine proportions of `ident` (see `Traits`)."""
    base = tuple(int(getattr(ident, f)) for f in _LIFELONG)
    names = list(_TRAIT_OF)
    return Traits(**{t: _unit(k, int(getattr(ident, _TRAIT_OF[t])), *base) for k, t in enumerate(names)})


# How far each trait moves its proportion at ±1 (a fraction of it, or face units for heights and tilts).
AMP: dict[str, float] = {
    "jaw": 0.07, "chin": 0.15, "aspect": 0.05,
    "eye_size": 0.14, "eye_tilt": 0.2, "eye_height": 0.055, "eye_open": 0.22,
    "brow_height": 0.055, "brow_thick": 0.4, "brow_tilt": 0.05,
    "nose_length": 0.07, "nose_width": 0.25,
    "mouth_width": 0.16, "lips": 0.35, "mouth_height": 0.06,
    "skin": 0.06, "undertone": 6.0, "hair_shade": 0.12,
}


def refined_shape(index: int, tr: Traits) -> tuple[float, float, float, float]:
    """Row `index` of FACE_SHAPES with a person's jaw, chin and width."""
    top, bottom, taper, aspect = FACE_SHAPES[index]
    return (top, bottom * (1 + AMP["chin"] * tr.chin), taper + AMP["jaw"] * tr.jaw,
            aspect * (1 + AMP["aspect"] * tr.aspect))
