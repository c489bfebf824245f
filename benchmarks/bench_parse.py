"""Time the answer parsers, `clean` and `score_item` on hostile replies of 1 KB, 10 KB and 100 KB.

Parsing must cost time linear in the reply's length (issue 11): a reply of 100,000 characters, whatever it
holds, must not take a parser more than 50 ms, and ten times the text must cost about ten times the time.
Each figure is the median CPU time (`time.process_time`, so that other work on the machine counts less)
of several runs. The replies are hostile: long chatter, repeated option letters, many numbers, deep
markdown, huge and unclosed <think> blocks, menu synonyms by the thousand, Chinese text, one line without
a single newline or space, a newline after every character, and long runs of spaces after a cue.

Exits 1 when any 100 KB parse (a parser or `clean`) takes more than 50 ms, or when the 100 KB / 10 KB ratio
of any row is far above 10 (over 30, for rows whose 100 KB time is at least 2 ms). `score_item` rows are
printed for reference and checked for linearity only: they include the refusal classifier and the value
normalisers, which are not parsers.

Run: .venv/bin/python benchmarks/bench_parse.py [--repeat 5] [--sizes 1000 10000 100000] [--only set,box]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from multipriv.score import score_item
from multipriv.score.clean import clean
from multipriv.score.parse import parse_box, parse_choice, parse_set, parse_steps, parse_yesno
from multipriv.tasks.schema import AnswerType, Item, Step
from multipriv.world.taxonomy import Normaliser as N

LIMIT_S = 0.050
RATIO_LIMIT = 30.0
RATIO_FLOOR_S = 0.002

OPTIONS = ("Li Na", "Wang Fang", "Zhang Wei", "Chen Jing")
MENU = ("face", "name", "id_number", "phone", "signature", "passport_number", "bank_card")

CHATTER = (
    "Let me look at the image carefully. The document appears to be an official record with several printed "
    "fields, a photo in the upper left and a seal in the lower right; whether the two records belong to the "
    "same person is not obvious, so I compare the names, the dates and the numbers one at a time. "
)
CJK = "我先仔细看一下这张图片。这是一份正式文件，左上角有照片，右下角有印章。是否为同一人需要比较姓名、出生日期和号码。"


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


# Each kind: a function of the length in characters. Every reply is exactly that long.
KINDS: dict[str, Callable[[int], str]] = {
    "chatter": lambda n: _repeat(CHATTER, n),
    "letters": lambda n: _repeat("A B (C) option D, E. F) G: H A or B? choice (A) the answer is not ", n),
    "numbers": lambda n: _repeat("1, 2, 3, 4.5 (10,20) [30, 40, 50 <box>1 2 3 -4.0</box> 12345678 0.5, ", n),
    "markdown": lambda n: _repeat("> > # **bold** __x__ *it* `code` ``` ***** _a_ \\text{t} \\boxed{1} ", n),
    "stars": lambda n: _repeat("**", n),
    "think": lambda n: ("<think>" + _repeat(CHATTER, n))[:n],
    "think_opens": lambda n: _repeat("<think> x <thinking>", n),
    "synonyms": lambda n: _repeat("name, ID number, face, no phone, 姓名、身份证号、人脸；未显示签名 and mobile; ", n),
    "cjk": lambda n: _repeat(CJK, n),
    "one_line": lambda n: _repeat("thereisnospaceanywhere1234whatsoeverinthisreplyname", n),
    "newline_each": lambda n: "\n".join(_repeat(CHATTER, (n + 1) // 2))[:n],
    "space_runs": lambda n: _repeat("选" + " " * 997 + "x(1,2)", n // 2) + _repeat("if" + " " * 998 + "!", n - n // 2),
    "space_runs_2": lambda n: _repeat("(1,2)" + " " * 995 + "x", n // 2) + _repeat("B" + "\n" * 999, n - n // 2),
    "steps": lambda n: _repeat("Step 1: the face matches.\n2. the name is Chen Jing\n第3步：高血压\n", n),
    "issue_11": lambda n: _repeat("A careful 1992-04-01 $12,500 张 [1, 2, 3, 4] not the same person I can't 但 ", n),
}


def _item(**kw: Any) -> Item:
    base: dict[str, Any] = dict(
        id="it", twin_id="tw", task=3, level="perception", lang="en", images=("a.png",), prompt="?",
        answer_type=AnswerType.TEXT,
    )
    base.update(kw)
    return Item(**base)


ITEMS: dict[str, Item] = {
    "text": _item(gold=("110101199003071234",), normaliser=N.NUMBER),
    "choice": _item(task=8, answer_type=AnswerType.CHOICE, gold=("B",), options=OPTIONS),
    "yesno": _item(task=5, answer_type=AnswerType.YESNO, gold=("no",)),
    "box": _item(task=4, answer_type=AnswerType.BOX, box=(100, 200, 300, 400)),
    "set": _item(task=1, answer_type=AnswerType.SET, gold=("name", "face"), menu=MENU),
    "steps": _item(
        task=7, answer_type=AnswerType.STEPS, gold=("hypertension",), normaliser=N.TEXT,
        steps=(
            Step(question="who?", accepted=("Chen Jing",), normaliser=N.NAME, attribute_id="name"),
            Step(question="diagnosis?", accepted=("hypertension",), normaliser=N.TEXT, attribute_id="diagnosis"),
        ),
    ),
}

PARSERS: dict[str, Callable[[str], object]] = {
    "clean": clean,
    "parse_choice": lambda t: parse_choice(t, OPTIONS),
    "parse_yesno": parse_yesno,
    "parse_box": parse_box,
    "parse_set": lambda t: parse_set(t, MENU),
    "parse_steps": lambda t: (parse_steps(t, "", True), parse_steps("", t, False)),
}


def _scorer(it: Item) -> Callable[[str], object]:
    return lambda text: score_item(it, text)


SCORERS: dict[str, Callable[[str], object]] = {f"score_item[{name}]": _scorer(it) for name, it in ITEMS.items()}


def cpu_time(fn: Callable[[str], object], text: str, repeat: int) -> float:
    """Median CPU seconds of `fn(text)` over `repeat` runs (small inputs loop to beat the clock's grain)."""
    inner = max(1, 2000 // max(1, len(text) // 50))
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(inner):
            fn(text)
        runs.append((time.process_time() - start) / inner)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--only", default="", help="comma-separated substrings of row names to run")
    ap.add_argument("--kinds", default="", help="comma-separated reply kinds to run")
    args = ap.parse_args(argv)
    sizes = sorted(args.sizes)
    rows = {**PARSERS, **SCORERS}
    if args.only:
        rows = {k: v for k, v in rows.items() if any(s in k for s in args.only.split(","))}
    kinds = {k: v for k, v in KINDS.items() if not args.kinds or k in args.kinds.split(",")}
    for fn in rows.values():  # warm caches (compiled patterns, lru caches)
        fn("warm up")

    failures: list[str] = []
    head = f"{'row':<22}{'reply':<14}" + "".join(f"{f'{s // 1000} KB ms':>12}" for s in sizes) + f"{'ratio':>8}"
    print(head)
    print("-" * len(head))
    worst: dict[str, float] = {}
    for name, fn in rows.items():
        for kind, make in kinds.items():
            times = [cpu_time(fn, make(size), args.repeat if size >= 10_000 else 3) for size in sizes]
            ratio = times[-1] / times[-2] if len(times) > 1 and times[-2] > 0 else float("nan")
            flag = ""
            big = sizes[-1] >= 100_000
            if big and name in PARSERS and times[-1] > LIMIT_S:
                flag += " SLOW"
                failures.append(f"{name} on {kind}: {times[-1] * 1000:.1f} ms at {sizes[-1]} chars")
            if len(times) > 1 and times[-1] >= RATIO_FLOOR_S and ratio > RATIO_LIMIT:
                flag += " SUPERLINEAR"
                failures.append(f"{name} on {kind}: ratio {ratio:.1f}")
            worst[name] = max(worst.get(name, 0.0), times[-1])
            cells = "".join(f"{t * 1000:>12.3f}" for t in times)
            print(f"{name:<22}{kind:<14}{cells}{ratio:>8.1f}{flag}", flush=True)
    print()
    print(f"worst at {sizes[-1]} chars, per row (ms):")
    for name, t in worst.items():
        print(f"  {name:<22}{t * 1000:>10.3f}")
    if failures:
        print("\nFAIL:\n  " + "\n  ".join(failures))
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
