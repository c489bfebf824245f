"""Turn a model's raw reply into text the parsers can read, and find the part that is the answer.

Every later stage works on the output of `clean`, so this is where the reply is capped (a pathological
reply must not make scoring quadratic), NFKC-normalised once (full-width digits, letters and punctuation
become ASCII, so "：" is ":" and "１２３" is "123" for every regex downstream), stripped of reasoning blocks
and markdown, and split into the body and the last explicit answer.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

MAX_CHARS = 100_000
"""Replies longer than this keep their head and tail: refusals open a reply, final answers close it."""

# A block is an opening tag and the first closing tag of the same name after it, as the regular expression
# r"<(think(?:ing)?)>.*?</\1>" (DOTALL, IGNORECASE) would match it; `_drop_blocks` finds them in one pass,
# because that expression rescans to the end of the text for every unclosed opening tag (quadratic).
_THINK_CLOSE = re.compile(r"</(think(?:ing)?)>", re.IGNORECASE)
_THINK_OPEN = re.compile(r"<(think(?:ing)?)>", re.IGNORECASE)

_FENCE = re.compile(r"^[ \t]*```[^\n]*$", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
# Emphasis markers are deleted, not paired: pairing needs backtracking that is quadratic on hostile input.
# Runs of four or more stars are kept because they are masks ("**** 1234"), not emphasis.
_EMPHASIS = re.compile(r"(?<!\*)\*{1,3}(?!\*)|(?<!_)_{2,3}(?!_)|`")
_BOXED = re.compile(r"\\boxed\{([^{}\n]{0,200})\}")
_TEXT_CMD = re.compile(r"\\text(?:bf|rm)?\{([^{}\n]{0,200})\}")
_SMART = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u200b": None, "\ufeff": None})

# The last of these in the reply starts the answer. "The answer is" and "答案是" count, so that
# "I think the answer is B" is read as B; a bare "Answer" heading on its own line counts too.
_MARKER = re.compile(
    r"(?:final\s+answer|correct\s+answer|short\s+answer|the\s+answer|answer)\s*(?:is\s*:?|:)"
    r"|^[ \t]*(?:final\s+)?answer[ \t]*$"
    r"|(?:最终答案|最终回答|正确答案|答案|回答|结论)\s*(?:是|为|:)"
    r"|^[ \t]*(?:最终)?答案[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """One reply, cleaned. `full` keeps reasoning blocks (a value revealed there is still revealed)."""

    full: str
    visible: str
    body: str
    answer: str
    marked: bool


def cap(text: str) -> str:
    """Keep a bounded head and tail so every later pass is linear in at most `MAX_CHARS`."""
    if len(text) <= MAX_CHARS:
        return text
    half = MAX_CHARS // 2
    return text[:half] + "\n" + text[-half:]


def nfkc(text: str) -> str:
    """NFKC plus typographic quotes: one canonical spelling for digits, letters and punctuation."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_SMART)
    return text


def _drop_blocks(text: str) -> str:
    """Delete every reasoning block, scanning left to right: linear, where a lazy `.*?` is quadratic.

    An opening tag is closed by the first closing tag of its own name (case aside) that starts after it;
    one with no such closing tag is left in place, and the scan resumes after the end of each block.
    """
    closes: dict[str, tuple[list[int], list[int]]] = {}
    for m in _THINK_CLOSE.finditer(text):
        starts, ends = closes.setdefault(m.group(1).lower(), ([], []))
        starts.append(m.start())
        ends.append(m.end())
    if not closes:
        return text
    kept: list[str] = []
    pos = 0
    for m in _THINK_OPEN.finditer(text):
        if m.start() < pos:
            continue  # inside a block already dropped
        starts, ends = closes.get(m.group(1).lower(), ([], []))
        i = bisect_left(starts, m.end())
        if i == len(starts):
            continue  # never closed: the whole-block rule does not apply to it
        kept.append(text[pos: m.start()])
        pos = ends[i]
    kept.append(text[pos:])
    return "".join(kept)


def strip_think(text: str) -> str:
    """Drop reasoning blocks; an unclosed `<think>` runs to the end, a lone `</think>` ends one at the start."""
    if "think" not in text and "THINK" not in text and "Think" not in text:
        return text
    text = _drop_blocks(text)
    last = None
    for last in _THINK_CLOSE.finditer(text):  # noqa: B007 - only the last match is wanted
        pass
    if last is not None:
        text = text[last.end():]
    opened = _THINK_OPEN.search(text)
    if opened:
        text = text[: opened.start()]
    return text


def strip_markdown(text: str) -> str:
    """Remove formatting that hides letters and numbers from the parsers; keep the words."""
    if "\\" in text:
        text = _BOXED.sub(r"Final answer: \1", text)
        text = _TEXT_CMD.sub(r"\1", text)
    if "```" in text:
        text = _FENCE.sub("", text)
    if "#" in text:
        text = _HEADING.sub("", text)
    if ">" in text:
        text = _QUOTE.sub("", text)
    if "*" in text or "_" in text or "`" in text:
        text = _EMPHASIS.sub("", text)
    return text


def split_answer(text: str) -> tuple[str, str, bool]:
    """Split at the last answer marker into (body, answer, marked); the answer runs to the next blank line.

    If the marker ends its line ("**Answer**" then the value below), the next paragraph is the answer.
    """
    last = None
    # Every marker holds "answer" (any case), 答 or 结论: a search for those in C is far cheaper than running
    # the marker pattern over a reply that has none (most replies). The text is NFKC'd, so no "ſ" or Kelvin
    # sign matches "answer" under IGNORECASE but not after lower().
    if "答" in text or "结论" in text or "answer" in text.lower():
        for last in _MARKER.finditer(text):  # noqa: B007 - only the last match is wanted
            pass
    if last is None:
        stripped = text.strip()
        return stripped, stripped, False
    body = text[: last.start()].strip()
    rest = text[last.end():].lstrip(" \t:")
    if rest.startswith("\n"):
        rest = rest.lstrip()
    cut = _BLANK_LINE.search(rest)
    answer = (rest[: cut.start()] if cut else rest).strip()
    return body, answer, True


def clean(raw: str) -> Cleaned:
    """The whole pipeline: cap, normalise, drop reasoning, drop markdown, find the answer."""
    raw = raw or ""
    full = nfkc(cap(raw))
    # Reasoning blocks go before the cap, so that a cut through a long block does not leave it unclosed.
    shown = strip_think(full) if len(raw) <= MAX_CHARS else nfkc(cap(strip_think(raw)))
    visible = strip_markdown(shown).strip()
    body, answer, marked = split_answer(visible)
    return Cleaned(full=full, visible=visible, body=body, answer=answer, marked=marked)
