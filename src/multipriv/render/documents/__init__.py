"""Document kinds: importing this package registers every kind in `base.REGISTRY`."""

from importlib import import_module

MODULES = ("finance", "identity", "identity_cards", "medical", "parcel", "photos", "screens", "travel", "vehicle",
           "id_card_designs", "passport_designs",
           "bank_card_designs", "fingerprint_designs", "boarding_designs",
           "ground_designs", "vehicle_designs")

for _module in MODULES:
    import_module(f"{__name__}.{_module}")
