"""Hand-written bilingual tables the world generator draws from.

Plain frozen dataclasses and tuples, not pydantic, so importing them is cheap. Geography (provinces, cities,
districts and their codes, states, ZIP codes, airports) is real; everything that could point at a real
organisation or person (employers, streets, banks, hospitals, shops, airlines, brands) is made up.
"""

from multipriv.world.tables.records import Bi

__all__ = ["Bi"]
