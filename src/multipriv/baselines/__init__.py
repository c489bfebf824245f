"""Offline baselines, each a provider: `random` (chance), `constant` and `blind` (floors learned on a dev
split), `oracle` (the gold, in the asked format), `ocr` (RapidOCR reading plus generic string, digit and face
matching, no VLM) and `ocr-rules` (the same reading plus expert rules for the reasoning questions). Importing
this package registers them all in `runner.base.PROVIDERS`."""

from multipriv.baselines import blind, constant, oracle, random_baseline
from multipriv.baselines.ocr import provider as ocr_provider

__all__ = ["blind", "constant", "ocr_provider", "oracle", "random_baseline"]
