"""Document kinds: importing this package registers every kind in `base.REGISTRY`."""

from multipriv.render.documents import (  # noqa: F401
    finance,
    identity,
    medical,
    parcel,
    photos,
    screens,
    travel,
    vehicle,
)
