"""Offline baselines, each a provider: `random` (chance), `constant` and `blind` (floors learned on a dev
split), `oracle` (the gold, in the asked format) and `ocr` (RapidOCR plus rules, no VLM). Importing this
package registers them all in `runner.base.PROVIDERS`."""

from multipriv.runner.baselines import blind, constant, oracle, random_baseline
from multipriv.runner.baselines.ocr import provider as ocr_provider

__all__ = ["blind", "constant", "ocr_provider", "oracle", "random_baseline"]
