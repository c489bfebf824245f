"""MultiPriv: generate, run, score and report a benchmark of individual-level privacy reasoning in VLMs."""

__version__ = "0.1.0"
