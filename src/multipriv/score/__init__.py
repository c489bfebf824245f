"""Scoring: read a model's reply, label its refusal, score it against an item, detect leaks."""

from multipriv.score.record import ScoreRecord, score_item
from multipriv.score.refusal import Label, label_text
from multipriv.score.refusal_cli import label_jsonl

__all__ = ["Label", "ScoreRecord", "label_jsonl", "label_text", "score_item"]
