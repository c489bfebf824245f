"""Chance levels: what a uniform guess over the answers a question allows scores, per task."""

from __future__ import annotations

from multipriv.analysis.chance import chance_table, item_chance
from multipriv.tasks.schema import AnswerType, Item, Step
from multipriv.world.taxonomy import Normaliser


def _item(n: int, task: int, answer_type: AnswerType, **fields: object) -> Item:
    return Item(id=f"i{n}", twin_id=f"t{n}", task=task, level="reasoning" if task > 4 else "perception",
                lang="en", images=("images/a.png",), prompt="q", answer_type=answer_type, **fields)  # type: ignore[arg-type]


def test_chance_per_answer_type() -> None:
    items = [
        _item(1, 8, AnswerType.CHOICE, gold=("B",), options=("A", "B", "C", "D")),
        _item(2, 8, AnswerType.CHOICE, gold=("A",), options=tuple("ABCDEFGH")),
        _item(3, 5, AnswerType.YESNO, gold=("yes",)),
        _item(4, 1, AnswerType.SET, gold=("name", "face"), menu=("name", "face", "phone", "email")),
        _item(5, 6, AnswerType.TEXT, gold=("Male",), qtype="id_gender"),
        _item(6, 6, AnswerType.TEXT, gold=("Female",), qtype="id_gender"),
        _item(7, 4, AnswerType.BOX, box=(0, 0, 1000, 1000)),
        _item(8, 7, AnswerType.STEPS, gold=("x",), qtype="c",
              steps=(Step(question="a", accepted=("x",), normaliser=Normaliser.TEXT),)),
        _item(9, 3, AnswerType.TEXT, gold=("z",), control=True),
    ]
    chance = item_chance(items)
    assert chance["i1"] == 0.25 and chance["i2"] == 0.125 and chance["i3"] == 0.5
    assert abs(chance["i4"] - 2 / 3) < 1e-9  # half the menu shown: ticking all scores 2/3
    assert chance["i5"] == chance["i6"] == 0.5  # two answers of that question type
    assert 0.08 < chance["i7"] < 0.16  # a random box against the whole image: its mean area, 1/9
    assert chance["i8"] == 1.0  # one possible step answer
    assert "i9" not in chance  # controls have no chance level of their own
    table = chance_table({i.id: i for i in items}).set_index("task")
    assert abs(table.loc[8, "chance"] - (0.25 + 0.125) / 2) < 1e-9 and table.loc[8, "n"] == 2
