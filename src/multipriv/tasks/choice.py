"""Multiple-choice questions over candidate images (tasks 8 and 9): the candidates follow the query image (or
stand alone), and the correct candidate sits at a balanced position within its pool (task, question type, K)."""

from __future__ import annotations

from multipriv.render.annotations import ImageAnnotation
from multipriv.tasks.common import LETTERS, say
from multipriv.tasks.context import TaskContext
from multipriv.tasks.schema import Lang


def arrange_candidates(
    ctx: TaskContext, pool: str, target: ImageAnnotation, distractors: list[ImageAnnotation], key: str,
) -> tuple[list[ImageAnnotation], str]:
    """Candidates in order, with the target at a balanced position; returns (candidates, letter)."""
    rng = ctx.rng("candidates", key)
    others = list(distractors)
    rng.shuffle(others)
    position = ctx.balanced_position(pool, len(others) + 1)
    return [*others[:position], target, *others[position:]], LETTERS[position]


def option_lines(lang: Lang, section: str, n: int, first_index: int) -> str:
    return "\n".join(say(lang, section, "option", letter=LETTERS[i], index=first_index + i) for i in range(n))
