"""Offline baselines, each a provider: `random` (chance), `oracle` (the gold, in the asked format) and `ocr`
(RapidOCR plus rules, no VLM). Importing this package registers all three in `runner.base.PROVIDERS`."""

from multipriv.runner.baselines import oracle, random_baseline
from multipriv.runner.baselines.ocr import provider as ocr_provider

__all__ = ["ocr_provider", "oracle", "random_baseline"]
