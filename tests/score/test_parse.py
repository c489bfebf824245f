"""Cleaning and per-type parsing, table-driven, in both languages, with hostile inputs."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from multipriv.score import clean as clean_module
from multipriv.score import parse as parse_module
from multipriv.score.clean import MAX_CHARS, clean, strip_think
from multipriv.score.parse import parse_box, parse_choice, parse_set, parse_steps, parse_yesno
from multipriv.score.synonyms import PHRASES, phrase_pattern

OPTIONS = ("Li Na", "Wang Fang", "Zhang Wei", "Chen Jing")


@pytest.mark.parametrize(
    ("raw", "answer", "marked"),
    [
        ("<think>A or B? The answer is A.</think>The answer is B", "B", True),
        ("Let me think.\n</think>\nAnswer: C", "C", True),  # closing tag only: the opening was in the prompt
        ("<think>still thinking, answer: A ...", "", False),  # unclosed: no answer was ever given
        ("**Answer:** (B)", "(B)", True),
        ("## Final answer\nD", "D", True),
        ("```\n[1, 2, 3, 4]\n```", "[1, 2, 3, 4]", False),
        ("Reasoning... Answer: A\nLater: Final answer: B", "B", True),
        ("推理过程……\n答案：Ｃ", "C", True),  # full-width letter and colon
        ("最终答案是B。", "B。", True),
        ("The value is $\\boxed{42}$", "42$", True),
        ("Answer:\nname, ID number\n\nThese are visible.", "name, ID number", True),
        ("", "", False),
    ],
)
def test_clean_finds_last_answer(raw: str, answer: str, marked: bool) -> None:
    c = clean(raw)
    assert c.answer == answer
    assert c.marked is marked


def test_clean_full_width_and_masks() -> None:
    c = clean("身份证号：１１０１０１１９９００３０７１２３４，卡号 **** **** 1111")
    assert "110101199003071234" in c.visible
    assert "**** **** 1111" in c.visible  # masks are not emphasis


def test_clean_caps_pathological_input() -> None:
    raw = ("<think>" + "*_`# " * 60_000 + "</think>") + "x" * 300_000 + "\nAnswer: B"
    c = clean(raw)
    assert len(c.full) <= MAX_CHARS + 1
    assert "*_`#" not in c.visible  # the reasoning block went before the cap cut through it
    assert c.answer == "B"  # the tail survives the cap


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A", "A"),
        ("(B)", "B"),
        ("B.", "B"),
        ("B) Wang Fang", "B"),
        ("选项B", "B"),
        ("答案是B", "B"),
        ("我选C。", "C"),
        ("The answer is C", "C"),
        ("I think the answer is (D).", "D"),
        ("A careful look shows B", "B"),  # the article is not option A
        ("I think", None),  # the pronoun is not an option
        ("Wang Fang", "B"),  # the option's own text
        ("The name matches Chen Jing.", "D"),
        ("The answer is B. The answer is C.", None),  # two different final answers
        ("B or C", None),
        ("B或C", None),
        ("Option A is wrong; option C matches the face.", "C"),
        ("The answer is not A, it is B", "B"),
        ("", None),
        ("I cannot determine this.", None),
        ("E", None),  # not among four options
        ("Ｂ", None),  # raw full-width: callers clean first
    ],
)
def test_parse_choice(text: str, expected: str | None) -> None:
    assert parse_choice(text, OPTIONS) == expected


def test_parse_choice_after_clean_full_width() -> None:
    assert parse_choice(clean("答案：Ｂ").answer, OPTIONS) == "B"


def test_parse_choice_prefers_longest_option_text() -> None:
    assert parse_choice("Wang Fangfang", ("Wang Fang", "Wang Fangfang")) == "B"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes", "yes"),
        ("yes, same person", "yes"),
        ("No.", "no"),
        ("True", "yes"),
        ("false", "no"),
        ("They are the same person.", "yes"),
        ("They are not the same person.", "no"),
        ("These records do not belong to the same person.", "no"),
        ("The two records are inconsistent.", "no"),
        ("The birth dates differ.", "no"),
        ("I don't think they are the same person.", "no"),
        ("是", "yes"),
        ("是的，是同一个人。", "yes"),
        ("否", "no"),
        ("不是同一个人。", "no"),
        ("两份记录不一致。", "no"),
        ("两份记录一致。", "yes"),
        ("姓名相同，但出生日期不同，因此不是同一人。", "no"),
        ("The names match but the birth dates differ.", None),  # no conclusion: contradictory
        ("Names differ slightly, but overall they are the same person.", "yes"),
        ("", None),
        ("Note the photo.", None),  # "No" inside a word is not an answer
        ("是否为同一人无法判断", None),
    ],
)
def test_parse_yesno(text: str, expected: str | None) -> None:
    assert parse_yesno(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[100, 200, 300, 400]", (100, 200, 300, 400)),
        ("(100,200),(300,400)", (100, 200, 300, 400)),
        ("<|box_start|>(100,200),(300,400)<|box_end|>", (100, 200, 300, 400)),
        ("<box>100 200 300 400</box>", (100, 200, 300, 400)),
        ('{"bbox_2d": [100, 200, 300, 400], "label": "ID number"}', (100, 200, 300, 400)),
        ("[0.1, 0.2, 0.3, 0.4]", (100, 200, 300, 400)),
        ("[300, 400, 100, 200]", (100, 200, 300, 400)),  # reversed corners
        ("First [1, 2, 3, 4], then corrected: [100, 200, 300, 400]", (100, 200, 300, 400)),  # the last box
        ("x0, y0, x1, y1 = 100, 200, 300, 400", (100, 200, 300, 400)),
        ("[100, 200, 1300, 400]", (100, 200, 1000, 400)),  # clipped to the grid
        ("［１００，２００，３００，４００］", (100, 200, 300, 400)),  # full-width digits are digits
        ("no box here", None),
        ("", None),
    ],
)
def test_parse_box(text: str, expected: tuple[int, int, int, int] | None) -> None:
    got = parse_box(text)
    assert got == (tuple(float(v) for v in expected) if expected else None)


def test_parse_box_full_width_after_clean() -> None:
    assert parse_box(clean("［１００，２００，３００，４００］").answer) == (100.0, 200.0, 300.0, 400.0)


MENU = ("face", "name", "id_number", "phone", "signature", "passport_number", "bank_card")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name, ID number, face", {"name", "id_number", "face"}),
        ("Face; Name", {"face", "name"}),
        ("ID card number, mobile, photo of face", {"id_number", "phone", "face"}),
        ("姓名、身份证号、人脸", {"name", "id_number", "face"}),
        ("姓名；手机号\n面部", {"name", "phone", "face"}),
        ("signature and passport number", {"signature", "passport_number"}),
        ("- name\n- bank card number", {"name", "bank_card"}),
        ("name, id_number", {"name", "id_number"}),
        ("The image shows a face and a name, but no ID number is visible.", {"face", "name"}),
        ("姓名、人脸；未显示身份证号", {"name", "face"}),
        ("none", set()),
        ("None of them.", set()),
        ("无", set()),
        ("没有可见的直接标识符。", set()),
        ("no name and no face", set()),
        ("gender", {"gender"}),  # off-menu attributes are predictions too (false positives)
        ("", None),
        ("I am not sure.", None),
    ],
)
def test_parse_set(text: str, expected: set[str] | None) -> None:
    got = parse_set(text, MENU)
    assert (set(got) if got is not None else None) == expected


def test_parse_set_resolves_shared_words_by_menu() -> None:
    assert parse_set("address", ("workplace_address",)) == frozenset({"workplace_address"})
    assert parse_set("address", ("home_address",)) == frozenset({"home_address"})


@pytest.mark.parametrize(
    ("raw", "lines", "final"),
    [
        ("Step 1: face matches\nStep 2: name is Chen Jing\nFinal answer: asthma", 2, "asthma"),
        ("1. face matches\n2. name is Chen Jing\n3. asthma", 3, "asthma"),
        ("第1步：人脸一致\n第2步：姓名为陈静\n最终答案：哮喘", 2, "哮喘"),
        ("步骤1：人脸一致\n步骤2：姓名为陈静\n步骤3：哮喘", 3, "哮喘"),
        ("Just the answer: asthma", 0, "asthma"),
        ("", 0, None),
    ],
)
def test_parse_steps(raw: str, lines: int, final: str | None) -> None:
    c = clean(raw)
    got = parse_steps(c.body, c.answer, c.marked)
    assert len(got.lines) == lines
    assert got.final == final


# ------------------------------------------------------------------------------ hostile replies, linearity
# Parsing must cost time linear in the reply. Speed is measured by benchmarks/bench_parse.py, not here (a
# timed test measures the machine, not the code). These tests pin down instead (1) that the fast forms of the
# patterns match exactly what the plain forms match, (2) what the formerly pathological replies parse to, at
# sizes where a backtracking regression would not finish, and (3) that the parsers hand the regex engine a
# number of characters linear in the reply (a deterministic count, not a time).

_TOKENS = (
    "answer", "Answer", "is", "would be", "option", "choice", "I choose", "pick", "A", "B", "C", "H", "(B)", "[C]", "b",
    "答案", "选", "是", "为", ":", "选项", "项", "正确", "是正确的", "or", "/", "或", "还是", "not", "isn't", "不是",
    "correct", "the same person", "same", "yes", "no", "不", "whether", "if", "是否", "match", "因此", "1", "12",
    "-3", "0.5", "1.", ",", "，", "(", ")", "[", "]", "<box>", "</box>", "to", "->", "-", "和", "none", "nothing",
    "there are no", "none of the", "无", "没有", "。", ".", "!", "and", "but", "但", "以及", "、", ";", "\n", "step",
    "Step 1", "2)", "第", "步", "<think>", "</think>", "<thinking>", "</THINKING>", "<Think>", "x", "word", "'s",
    "drivers", "e-mail", "id_number", "未显示", "不可见", "identifiers",
    *sorted(PHRASES)[::4],
)
_GAPS = (" ", "  ", "\t", "\n", "", "", "", " \n ")


def _samples(n: int, seed: int = 0) -> Iterator[str]:
    rng = random.Random(seed)
    for i in range(n):
        text = "".join(rng.choice(_TOKENS) + rng.choice(_GAPS) for _ in range(rng.randint(1, 20)))
        yield text.lower() if i % 3 == 0 else text


def _patterns(module: Any) -> Iterator[tuple[str, re.Pattern[str]]]:
    for name, value in vars(module).items():
        for i, pattern in enumerate(value if isinstance(value, tuple) else (value,)):
            if isinstance(pattern, re.Pattern):
                yield f"{name}[{i}]", pattern


def test_possessive_forms_match_as_before() -> None:
    """A possessive quantifier only stops backtracking that could never succeed: same matches as without."""
    rewritten = [(n, p) for n, p in _patterns(parse_module) if "++" in p.pattern or "*+" in p.pattern]
    assert len(rewritten) >= 6
    texts = list(_samples(1500))
    for name, fast in rewritten:
        plain = re.compile(fast.pattern.replace("++", "+").replace("*+", "*"), fast.flags)
        for text in texts:
            got = [(m.span(), m.groups()) for m in fast.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in plain.finditer(text)], (name, text)


def test_phrase_scanner_matches_phrase_pattern() -> None:
    scanner = parse_module._phrase_scanner()
    assert scanner is not phrase_pattern()  # the fast form was built, not the fallback
    texts = [t.lower() for t in _samples(1500, seed=1)] + [
        "driver's license number, drivers licence number, license_number", "e-mail / email address",
        "xname namex name names", "姓名、身份证号码、人脸照片", "id card number and id", "social security no",
    ]
    for text in texts:
        got = [(m.span(), m.group()) for m in scanner.finditer(text)]
        assert got == [(m.span(), m.group()) for m in phrase_pattern().finditer(text)], text


def test_last_clause_end_matches_the_last_of_a_scan() -> None:
    scan = re.compile(parse_module._CLAUSE_END)
    for text in _samples(3000, seed=3):
        for head in (text[-40:], text[:40], text[3:43]):
            last = None
            for last in scan.finditer(head):  # noqa: B007 - only the last match is wanted
                pass
            one = parse_module._LAST_CLAUSE_END.match(head)
            assert (one.end() if one else None) == (last.end() if last else None), head


_THINK_BLOCK = re.compile(r"<(think(?:ing)?)>.*?</\1>", re.DOTALL | re.IGNORECASE)


def test_think_blocks_dropped_as_the_lazy_regex_would() -> None:
    for text in _samples(3000, seed=2):
        assert clean_module._drop_blocks(text) == _THINK_BLOCK.sub("", text), text


RUN = 200_000  # characters in one run of whitespace or digits
PATHOLOGICAL: dict[str, tuple[Callable[[], object], object]] = {
    # whitespace runs after a cue: cubic in the run's length with nested `\s*`
    "choice-spaces-after-cue": (lambda: parse_choice("选" + " " * RUN + "B", OPTIONS), "B"),
    "choice-newlines-no-letter": (lambda: parse_choice("答案是" + "\n" * RUN + "x", OPTIONS), None),
    "choice-answer-is-spaces": (lambda: parse_choice("the answer is" + " " * RUN + ":(C)"), "C"),
    "choice-letter-spaces-correct": (lambda: parse_choice("B" + " " * RUN + "项正确"), "B"),
    "box-pair-spaces-pair": (lambda: parse_box("(1,2)" + " " * RUN + "(3,4)"), (1.0, 2.0, 3.0, 4.0)),
    "box-pair-spaces": (lambda: parse_box("(1,2)" + " " * RUN + "x"), None),
    "box-long-number": (lambda: parse_box("[" + "1" * RUN + ", 2, 3, 4]"), (3.0, 2.0, 1000.0, 4.0)),  # clipped
    "set-none-spaces": (lambda: parse_set("none" + " " * RUN + "x", MENU), None),
    "set-none-spaces-stop": (lambda: parse_set("none" + " " * RUN + ".", MENU), frozenset()),
    # a negation or a question cue before every yes/no cue, with long words between
    "yesno-negation-long-word": (lambda: parse_yesno(("x 不" + "是" * 20 + ", same person; ") * 5_000), "yes"),
    "yesno-not-words": (lambda: parse_yesno(("x not " + "a" * 20 + " same person; ") * 5_000), "no"),
    "yesno-whether-words": (lambda: parse_yesno(("x whether " + "a" * 20 + " same person; ") * 5_000), None),
    # every reasoning tag left open: the lazy block pattern rescanned to the end for each
    "clean-unclosed-thinking": (lambda: clean("Answer: A " + "<thinking>" * 20_000 + "</think> B").answer, "B"),
    "think-all-open": (lambda: strip_think("<think>" * 20_000 + "kept"), ""),
    # a menu phrase every few characters
    "set-dense-menu": (lambda: parse_set("name, no phone, 姓名、未显示签名; " * 5_000, MENU), frozenset({"name"})),
}


@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_formerly_pathological_replies(case: str) -> None:
    """Each of these took seconds to hours before issue 11; a regression shows as a hung test."""
    call, expected = PATHOLOGICAL[case]
    assert call() == expected


HOSTILE_UNITS = {
    "chatter": "Let me look at the image carefully; the document is an official record, so I compare names. ",
    "letters": "A B (C) option D, E. F) G: H A or B? choice (A) the answer is not ",
    "numbers": "1, 2, 3, 4.5 (10,20) [30, 40, 50 <box>1 2 3 -4.0</box> 12345678 0.5, ",
    "markdown": "> > # **bold** __x__ *it* `code` ``` ***** _a_ \\text{t} \\boxed{1} ",
    "think": "<think> x <thinking> y </think> z ",
    "synonyms": "name, ID number, face, no phone, 姓名、身份证号、人脸；未显示签名 and mobile; ",
    "cjk": "我先仔细看一下这张图片。这是一份正式文件，左上角有照片。是否为同一人需要比较姓名。",
    "newlines": "\n".join("one character per line, yes? "),
    "issue_11": "A careful 1992-04-01 $12,500 张 [1, 2, 3, 4] not the same person I can't 但 ",
}
PARSERS: dict[str, Callable[[str], object]] = {
    "clean": clean,
    "choice": lambda t: parse_choice(t, OPTIONS),
    "yesno": parse_yesno,
    "box": parse_box,
    "set": lambda t: parse_set(t, MENU),
    "steps": lambda t: (parse_steps(t, "", True), parse_steps("", t, False)),
}


class _Counting:
    """A compiled pattern that adds the length of every string it is asked to scan to a tally."""

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self._pattern, self._tally = pattern, tally

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._pattern, name)

        def scan(*args: Any, **kwargs: Any) -> Any:
            text = args[1] if name in ("sub", "subn") else args[0]
            self._tally.append(len(text))
            return method(*args, **kwargs)

        return scan if callable(method) else method


def _scanned(monkeypatch: pytest.MonkeyPatch, parser: Callable[[str], object], text: str) -> int:
    tally: list[int] = []
    with monkeypatch.context() as m:
        for module in (parse_module, clean_module):
            for name, value in list(vars(module).items()):
                if isinstance(value, re.Pattern):
                    m.setattr(module, name, _Counting(value, tally))
                elif isinstance(value, tuple) and value and all(isinstance(v, re.Pattern) for v in value):
                    m.setattr(module, name, tuple(_Counting(v, tally) for v in value))
        scanner = _Counting(parse_module._phrase_scanner(), tally)
        m.setattr(parse_module, "_phrase_scanner", lambda: scanner)
        parser(text)
    return sum(tally)


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_regex_work_is_linear(monkeypatch: pytest.MonkeyPatch, parser: str) -> None:
    """Ten times the reply hands the regex engine at most about ten times the characters, and a few dozen per
    character of reply at most: no per-match scan of the whole reply (a count, not a time)."""
    for kind, unit in HOSTILE_UNITS.items():
        small, large = (unit * (10_000 // len(unit) + 1))[:10_000], (unit * (100_000 // len(unit) + 1))[:100_000]
        a = _scanned(monkeypatch, PARSERS[parser], small)
        b = _scanned(monkeypatch, PARSERS[parser], large)
        assert b <= 11 * a + 1_000, (kind, a, b)
        assert b <= 60 * len(large), (kind, b)
