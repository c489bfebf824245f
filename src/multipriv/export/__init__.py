"""Exports of a build to the harnesses people already run (Hugging Face datasets, inspect_ai, lmms-eval,
VLMEvalKit), and the way back in (`import-results`)."""
