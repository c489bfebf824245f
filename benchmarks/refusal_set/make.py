"""Generate the labelled refusal set: `dev` from `parts_dev.py`, `test` from `parts_test.py`, plus the old hand set.

Run: .venv/bin/python benchmarks/refusal_set/make.py [--out tests/score/data/refusal_set.jsonl]

Each reply is composed from hand-written parts (openings, bodies, closings, per model style) by a scenario
that fixes its label by the rubric in docs/refusal_rubric.md: the label is decided by what the scenario puts
in the reply (a decline, a value, substantive help, ...), never by the classifier. The two splits share this
composer and nothing else: every sentence of a test reply comes from `parts_test.py`. Rows carry `split`,
`lang`, `label`, `case` (the scenario) and `style`. The old 362-row hand set is kept as split `hand` (its old
tune/heldout split in `part`). The output is deterministic for a seed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_OUT = ROOT / "tests" / "score" / "data" / "refusal_set.jsonl"


def _load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Ctx:
    rng: random.Random
    P: dict[str, Any]
    lang: str
    style: str

    def pick(self, key: str) -> Any:
        return self.rng.choice(self.P[key])

    def maybe(self, p: float) -> bool:
        return self.rng.random() < p

    @property
    def sep(self) -> str:
        return " " if self.lang == "en" else ""


# ------------------------------------------------------------------------------------------------ values
def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def value(ctx: Ctx, kind: str) -> str:
    rng, P = ctx.rng, ctx.P
    if kind == "id_cn":
        return rng.choice(["110101", "310104", "440106", "510107"]) + str(rng.randint(1960, 2004)) + \
            f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + _digits(rng, 3) + rng.choice("0123456789X")
    if kind == "name":
        return rng.choice(P["NAMES"])
    if kind == "diagnosis":
        return rng.choice(P["DIAGNOSES"])
    if kind == "address":
        return rng.choice(P["ADDRESSES"])
    if kind == "employer":
        return rng.choice(P["EMPLOYERS"])
    if kind == "phone_en":
        return rng.choice(["(555) 014-{}", "555-01{}", "+1 415 555 {}", "020 7946 {}"]).format(_digits(rng, 4))
    if kind == "phone_cn":
        return rng.choice(["138", "139", "186", "150"]) + rng.choice(["", " ", "-"]).join(
            [_digits(rng, 4), _digits(rng, 4)])
    if kind == "amount":
        return rng.choice(["${:,}", "£{:,}", "{:,} dollars", "${:,}.00"]).format(rng.randint(30, 150) * 100)
    if kind == "amount_cn":
        return rng.choice(["{}元", "{}元/月", "税前{}元", "{}万元"]).format(
            rng.randint(5, 40) * 1000 if ctx.maybe(0.8) else rng.randint(10, 60))
    if kind == "card":
        return " ".join(["4000", _digits(rng, 4), _digits(rng, 4), _digits(rng, 4)])
    if kind in ("same", "same_zh"):
        return ""
    if kind == "option":
        return rng.choice("ABCD")
    if kind == "plate":
        return rng.choice(["7KJD{}", "AB{} XYZ", "{}-LKP"]).format(_digits(rng, 3))
    if kind == "plate_cn":
        return rng.choice(["京A", "沪B", "粤B", "浙A"]) + rng.choice(["·", ""]) + rng.choice("DFKLMN") + _digits(rng, 4)
    if kind == "dob":
        return rng.choice(["{d} March {y}", "March {d}, {y}", "{y}-03-{d:02d}", "{d}/07/{y}"]).format(
            d=rng.randint(1, 28), y=rng.randint(1950, 2003))
    if kind == "dob_cn":
        return f"{rng.randint(1950, 2003)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    if kind == "passport":
        return rng.choice("EGKPX") + _digits(rng, 8)
    if kind == "flight":
        airline = rng.choice(["CA", "MU", "BA", "UA", "LH", "CZ"]) + rng.choice(["", " "])
        return airline + _digits(rng, rng.choice([3, 4]))
    if kind == "student":
        return rng.choice(["2021", "2019", "S"]) + _digits(rng, 6)
    if kind == "policy":
        return rng.choice(["PL-", "POL", "BX"]) + _digits(rng, 8)
    if kind in ("handle", "place", "record"):
        return rng.choice(P[{"handle": "HANDLES", "place": "PLACES", "record": "RECORDS"}[kind]])
    if kind in ("city", "city_zh", "occupation", "occupation_zh", "hospital", "hospital_zh"):
        bank = {"city": "CITIES", "occupation": "OCCUPATIONS", "hospital": "HOSPITALS"}[kind.split("_")[0]]
        return rng.choice(P[bank])
    if kind in ("age", "age_zh"):
        return str(rng.randint(19, 70))
    if kind in ("hiv", "hiv_zh"):
        return ""
    if kind == "email":
        return rng.choice(P["EMAIL_USERS"]) + "@" + rng.choice(P["EMAIL_DOMAINS"])
    raise KeyError(kind)


SOFT = ("option", "same", "same_zh", "hiv", "hiv_zh", "place", "record", "handle", "diagnosis", "name", "employer",
        "city",
        "city_zh", "occupation", "occupation_zh", "hospital", "hospital_zh", "age", "age_zh")
NUMERIC = ("id_cn", "phone_en", "phone_cn", "card", "passport", "student", "policy")


def masked(v: str, rng: random.Random) -> tuple[str, str]:
    digits = [c for c in v if c.isdigit() or c == "X"]
    tail = "".join(digits[-4:])
    head = "".join(digits[:rng.choice([0, 3, 6])])
    return tail, head + rng.choice(["*" * max(4, len(digits) - len(head) - 4), "****", "XXXX-XXXX-"]) + tail


# ------------------------------------------------------------------------------------------------ helpers
def fill(ctx: Ctx, template: str, slots: dict[str, str]) -> str:
    out = template
    for k, v in slots.items():
        out = out.replace("{" + k + "}", v)
    return out


def cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def listing(ctx: Ctx, items: list[str]) -> str:
    mark = ctx.pick("LISTS")
    out = []
    for i, item in enumerate(items, start=1):
        prefix = mark.replace("1", str(i)) if "1" in mark else mark
        if ctx.lang == "en" and ctx.maybe(0.3) and ":" not in item[:30]:
            words = item.split()
            item = f"**{' '.join(words[:3]).rstrip('.,;')}**: {item}" if len(words) > 5 else item
        out.append(prefix + item)
    return "\n".join(out)


def sentences(ctx: Ctx, parts: list[str]) -> str:
    return ctx.sep.join(p for p in parts if p)


def paragraphs(blocks: list[str]) -> str:
    return "\n\n".join(b for b in blocks if b)


def sample(ctx: Ctx, seq: list[str], lo: int, hi: int) -> list[str]:
    k = min(len(seq), ctx.rng.randint(lo, hi))
    return ctx.rng.sample(seq, k)


def privacy_slots(ctx: Ctx) -> tuple[dict[str, Any], dict[str, str]]:
    topic = ctx.pick("PRIVACY_TOPICS")
    v = value(ctx, topic["kind"])
    slots = {"what": topic["what"], "act": topic["act"], "act_ing": topic["act_ing"], "who": topic["who"],
             "private": topic["private"], "v": v, "alt_title": "privacy basics", "reason": "",
             "reason_cap": "", "name": ctx.pick("NAMES"), "who_cap": cap(topic["who"])}
    if ctx.lang == "en":
        slots["reason_cap"] = "Doing so could put someone at risk"
        slots["reason"] = "doing so could put someone at risk"
    else:
        slots["reason"] = "这样做可能侵犯他人隐私"
    return topic, slots


def general_slots(ctx: Ctx, key: str = "GENERAL_TOPICS") -> tuple[dict[str, Any], dict[str, str]]:
    topic = ctx.pick(key)
    slots = {k: topic[k] for k in ("act", "act_ing", "reason", "alt_title", "who", "trouble") if k in topic}
    slots.setdefault("act_ing", slots["act"])
    slots["reason_cap"] = cap(slots.get("reason", ""))
    slots["who_cap"] = cap(slots.get("who", ""))
    slots["name"] = ctx.pick("NAMES")
    slots["what"] = topic.get("act", "")
    slots["v"] = ""
    return topic, slots


def decline(ctx: Ctx, slots: dict[str, str]) -> str:
    bank = ctx.P["DECLINE"][ctx.style]
    return fill(ctx, ctx.rng.choice(bank), slots)


def answer(ctx: Ctx, topic: dict[str, Any], slots: dict[str, str]) -> str:
    text = fill(ctx, ctx.rng.choice(topic["answers"]), slots).rstrip()
    if text and text[-1] not in ".。!！?？:：)）\"”":
        text += "." if ctx.lang == "en" else "。"
    return text


def refusal_tail(ctx: Ctx, slots: dict[str, str], n: int) -> list[str]:
    """Things a refusal adds that give nothing: justification, redirect, offer, closing."""
    kinds = ctx.rng.sample(["JUSTIFY", "REDIRECT", "OFFER", "CLOSING", "SUGGEST_INSTEAD"], n)
    order = {"JUSTIFY": 0, "SUGGEST_INSTEAD": 1, "REDIRECT": 2, "OFFER": 3, "CLOSING": 4}
    return [fill(ctx, ctx.pick(k), slots) for k in sorted(kinds, key=order.__getitem__)]


def long_style(ctx: Ctx) -> bool:
    return ctx.style in ctx.P["LONG_STYLES"] or ctx.maybe(0.2)


# ------------------------------------------------------------------------------------------------ refuse
def r_plain(ctx: Ctx) -> str:
    _topic, slots = privacy_slots(ctx) if ctx.maybe(0.6) else general_slots(ctx)
    if ctx.style == ctx.P["TERSE_STYLE"]:
        return decline(ctx, slots)
    n = ctx.rng.randint(1, 4) if long_style(ctx) else ctx.rng.randint(0, 2)
    body = [decline(ctx, slots), *refusal_tail(ctx, slots, n)]
    if n >= 3 and ctx.maybe(0.5):
        return paragraphs([sentences(ctx, body[:2]), sentences(ctx, body[2:])])
    return sentences(ctx, body)


def r_ai(ctx: Ctx) -> str:
    _topic, slots = privacy_slots(ctx) if ctx.maybe(0.7) else general_slots(ctx)
    body = [fill(ctx, ctx.pick("AI_DISCLAIMER"), slots), *refusal_tail(ctx, slots, ctx.rng.randint(0, 2))]
    return sentences(ctx, body)


def r_access(ctx: Ctx) -> str:
    _topic, slots = privacy_slots(ctx)
    body = [fill(ctx, ctx.pick("NO_ACCESS"), slots)]
    if ctx.maybe(0.6):
        body.append(fill(ctx, ctx.pick("REDIRECT"), slots))
    return sentences(ctx, body)


def r_premise(ctx: Ctx) -> str:
    prem = ctx.pick("PREMISE")
    slots = {"group": prem["group"], "group_cap": cap(prem["group"]), "claim": prem["claim"],
             "claim_other": prem["claim_other"]}
    body = [fill(ctx, ctx.pick("PREMISE_OPEN"), slots), *sample(ctx, prem["rebuttal"], 1, 2)]
    if ctx.maybe(0.3):
        body.append(ctx.pick("CLOSING"))
    return sentences(ctx, body)


def r_helpline(ctx: Ctx) -> str:
    if ctx.maybe(0.5):
        _, slots = general_slots(ctx, "CRISIS_TOPICS")
        sym = fill(ctx, ctx.pick("SYMPATHY"), slots)
        dec = fill(ctx, ctx.rng.choice(ctx.P["DECLINE"][ctx.P["SORRY_STYLE"]]), slots)
        lines = sample(ctx, ctx.P["HELPLINE"], 1, 3)
        return paragraphs([sentences(ctx, [sym, dec]), sentences(ctx, lines)])
    _topic, slots = privacy_slots(ctx) if ctx.maybe(0.5) else general_slots(ctx)
    return sentences(ctx, [decline(ctx, slots), *sample(ctx, ctx.P["HELPLINE"], 1, 2)])


def r_redirect(ctx: Ctx) -> str:
    _topic, slots = privacy_slots(ctx) if ctx.maybe(0.5) else general_slots(ctx)
    body = [decline(ctx, slots), fill(ctx, ctx.pick("REDIRECT"), slots)]
    if ctx.maybe(0.4):
        body.insert(1, fill(ctx, ctx.pick("JUSTIFY"), slots))
    return sentences(ctx, body)


def r_moralise(ctx: Ctx) -> str:
    ctx.style = ctx.pick("LONG_STYLES")
    _topic, slots = privacy_slots(ctx) if ctx.maybe(0.5) else general_slots(ctx)
    first = [decline(ctx, slots), *[fill(ctx, j, slots) for j in sample(ctx, ctx.P["JUSTIFY"], 1, 2)]]
    second = [fill(ctx, ctx.pick("SUGGEST_INSTEAD"), slots), fill(ctx, ctx.pick("REDIRECT"), slots)]
    third = [ctx.pick("CLOSING"), fill(ctx, ctx.pick("OFFER"), slots)]
    return paragraphs([sentences(ctx, first), sentences(ctx, second), sentences(ctx, third)])


def r_quote(ctx: Ctx) -> str:
    topic, slots = privacy_slots(ctx)
    if topic["kind"] in ("same", "same_zh"):
        slots["v"] = ""
    q = fill(ctx, ctx.pick("QUOTE"), slots).replace(" ()", "").replace("（）", "")
    return sentences(ctx, [q, decline(ctx, slots), *refusal_tail(ctx, slots, ctx.rng.randint(0, 1))])


def r_think(ctx: Ctx) -> str:
    _topic, slots = privacy_slots(ctx)
    think = fill(ctx, ctx.pick("THINK_REFUSE"), slots)
    return think + sentences(ctx, [decline(ctx, slots), *refusal_tail(ctx, slots, ctx.rng.randint(0, 2))])


def r_image_cap(ctx: Ctx) -> str:
    _topic, slots = privacy_slots(ctx)
    body = [fill(ctx, ctx.pick("IMAGE_CAP"), slots)]
    if ctx.maybe(0.5):
        body.append(fill(ctx, ctx.pick("OFFER"), slots))
    return sentences(ctx, body)


def r_offer_alt(ctx: Ctx) -> str:
    _topic, slots = general_slots(ctx) if ctx.maybe(0.6) else privacy_slots(ctx)
    offers = [o for o in ctx.P["OFFER"] if "{alt_title}" in o] or ctx.P["OFFER"]
    body = [decline(ctx, slots), fill(ctx, ctx.rng.choice(offers), slots)]
    return sentences(ctx, body)


def r_overrefuse(ctx: Ctx) -> str:
    _topic, slots = general_slots(ctx, "SAFE_TOPICS")
    body = [decline(ctx, slots), *refusal_tail(ctx, slots, ctx.rng.randint(0, 2))]
    return sentences(ctx, body)


def r_mixed(ctx: Ctx) -> str:
    other = OTHER[ctx.lang]
    _topic, slots = privacy_slots(ctx)
    alt = Ctx(ctx.rng, other, "zh" if ctx.lang == "en" else "en", ctx.rng.choice(list(other["DECLINE"])))
    _, aslots = privacy_slots(alt)
    parts = [decline(ctx, slots), decline(alt, aslots)]
    ctx.rng.shuffle(parts)
    return " ".join(parts)


# ------------------------------------------------------------------------------------------------ partial
def p_value(ctx: Ctx, chosen: tuple[dict[str, Any], dict[str, str]] | None = None) -> str:
    topic, slots = chosen or privacy_slots(ctx)
    dec = decline(ctx, slots).rstrip(".。!")
    bridge = ctx.pick("BRIDGE")
    ans = answer(ctx, topic, slots)
    if ctx.lang == "en":
        ans = ans[0].lower() + ans[1:] if not ans[:2].isupper() else ans
        text = f"{dec}, {bridge} {ans}" if ctx.maybe(0.5) else f"{dec}. {cap(bridge)} {ans}"
    else:
        text = f"{dec}，{bridge}{ans}" if ctx.maybe(0.6) else f"{dec}。{bridge}{ans}"
    if ctx.maybe(0.3):
        text = sentences(ctx, [text, fill(ctx, ctx.pick("JUSTIFY"), slots)])
    return text


def p_mask(ctx: Ctx) -> str:
    topic = ctx.rng.choice([t for t in ctx.P["PRIVACY_TOPICS"] if t["kind"] in NUMERIC])
    v = value(ctx, topic["kind"])
    tail, mask = masked(v, ctx.rng)
    slots = {"tail": tail, "masked": mask, "what": topic["what"], "act": topic["act"], "act_ing": topic["act_ing"],
             "who": topic["who"], "private": topic["private"], "v": v, "alt_title": "", "reason": "", "reason_cap": ""}
    body = [fill(ctx, ctx.pick("MASK"), slots)]
    if ctx.maybe(0.5):
        body.insert(0, fill(ctx, ctx.pick("JUSTIFY"), slots))
    return sentences(ctx, body)


def p_hedge(ctx: Ctx) -> str:
    topic, slots = privacy_slots(ctx)
    h = ctx.pick("HEDGE")
    ans = answer(ctx, topic, slots)
    if ctx.lang == "en" and not h.endswith(":"):
        ans = ans[0].lower() + ans[1:] if not ans[:2].isupper() else ans
    return (h + " " + ans) if ctx.lang == "en" else h + ans


def p_help(ctx: Ctx) -> str:
    topic, slots = general_slots(ctx)
    head = [decline(ctx, slots)]
    if ctx.maybe(0.5):
        head.append(fill(ctx, topic["reason"], slots).capitalize() + ("." if ctx.lang == "en" else "。"))
    intro = fill(ctx, ctx.pick("HELP_INTRO"), slots)
    tips = sample(ctx, topic["alt"], 2, 5)
    blocks = [sentences(ctx, head), intro + "\n" + listing(ctx, tips)]
    if ctx.maybe(0.4):
        blocks.append(fill(ctx, ctx.pick("OFFER"), slots))
    if ctx.maybe(0.25):  # tips as prose
        blocks[1] = intro + " " + sentences(ctx, tips) if ctx.lang == "en" else intro + "".join(tips)
    return paragraphs(blocks)


def p_ai_answer(ctx: Ctx) -> str:
    topic, slots = privacy_slots(ctx)
    cap_line = fill(ctx, ctx.pick("AI_DISCLAIMER") if ctx.maybe(0.5) else ctx.pick("NO_ACCESS"), slots)
    bridge = ctx.pick("BRIDGE")
    ans = answer(ctx, topic, slots)
    if ctx.lang == "en":
        return f"{cap_line} {cap(bridge)} {ans[0].lower() + ans[1:] if not ans[:2].isupper() else ans}"
    return f"{cap_line}{bridge}{ans}"


def p_long(ctx: Ctx) -> str:
    topic, slots = privacy_slots(ctx)
    first = sentences(ctx, [decline(ctx, slots), *[fill(ctx, j, slots) for j in sample(ctx, ctx.P["JUSTIFY"], 1, 2)]])
    filler = sentences(ctx, sample(ctx, ctx.P["LONG_FILLER"], 1, 2))
    bridge = cap(ctx.pick("BRIDGE"))
    ans = answer(ctx, topic, slots)
    last = f"{bridge} {ans[0].lower() + ans[1:]}" if ctx.lang == "en" and not ans[:2].isupper() else bridge + ans
    return paragraphs([first, filler, last])


def p_think(ctx: Ctx) -> str:
    topic, slots = privacy_slots(ctx)
    think = fill(ctx, ctx.pick("THINK_REFUSE"), slots)
    return think + p_value(ctx, (topic, slots))


def p_option(ctx: Ctx) -> str:
    topic = ctx.rng.choice([t for t in ctx.P["PRIVACY_TOPICS"] if t["kind"] in SOFT])
    slots = {"what": topic["what"], "act": topic["act"], "act_ing": topic["act_ing"], "who": topic["who"],
             "private": topic["private"], "v": value(ctx, topic["kind"]), "alt_title": "", "reason": "",
             "reason_cap": ""}
    dec = decline(ctx, slots).rstrip(".。!")
    ans = answer(ctx, topic, slots)
    if ctx.lang == "en":
        return f"{dec}, {ctx.pick('BRIDGE')} {ans[0].lower() + ans[1:]}"
    return f"{dec}，{ctx.pick('BRIDGE')}{ans}"


# ------------------------------------------------------------------------------------------------ comply
def c_value(ctx: Ctx) -> str:
    topic, slots = privacy_slots(ctx)
    ans = answer(ctx, topic, slots)
    opener = ctx.pick("OPENERS_COMPLY")
    if ctx.maybe(0.3):
        filler = sentences(ctx, sample(ctx, ctx.P["LONG_FILLER"], 1, 1))
        return paragraphs([sentences(ctx, [opener, filler]), ans])
    return sentences(ctx, [opener, ans])


def c_warn(ctx: Ctx) -> str:
    topic, slots = privacy_slots(ctx)
    parts = [answer(ctx, topic, slots), ctx.pick("WARNING")]
    if ctx.maybe(0.4):
        parts.reverse()
    return sentences(ctx, parts)


def c_general(ctx: Ctx) -> str:
    topic, _slots = general_slots(ctx, "SAFE_TOPICS")
    steps = sample(ctx, topic["answer"], 2, len(topic["answer"]))
    opener = ctx.pick("OPENERS_COMPLY")
    if ctx.maybe(0.6):
        return paragraphs([opener, listing(ctx, steps)])
    return sentences(ctx, [opener, *steps])


def c_harmful(ctx: Ctx) -> str:
    topic, slots = general_slots(ctx)
    steps = [fill(ctx, s, slots) for s in topic["answer"]]
    return paragraphs([ctx.pick("OPENERS_COMPLY"), listing(ctx, steps) if ctx.maybe(0.5) else sentences(ctx, steps)])


def c_sympathy(ctx: Ctx) -> str:
    topic, slots = general_slots(ctx, "SAFE_TOPICS")
    sym = fill(ctx, ctx.pick("SYMPATHY"), slots)
    steps = sample(ctx, topic["answer"], 2, 4)
    return paragraphs([sym, listing(ctx, steps) if ctx.maybe(0.6) else sentences(ctx, steps)])


def c_crisis_support(ctx: Ctx) -> str:
    topic, slots = general_slots(ctx, "CRISIS_TOPICS")
    sym = fill(ctx, ctx.pick("SYMPATHY"), slots)
    support = sample(ctx, topic["support"], 2, 4)
    lines = sample(ctx, ctx.P["HELPLINE"], 1, 2)
    body = listing(ctx, support) if ctx.maybe(0.5) else sentences(ctx, support)
    return paragraphs([sym, body, sentences(ctx, lines)])


def c_unanswerable(ctx: Ctx) -> str:
    char, thing = ctx.pick("CHARACTERS")
    text = fill(ctx, ctx.pick("UNANSWERABLE"), {"char": char, "thing": thing})
    return text


def c_blurry(ctx: Ctx) -> str:
    topic, slots = privacy_slots(ctx)
    while topic["kind"] in SOFT:
        topic, slots = privacy_slots(ctx)
    return fill(ctx, ctx.pick("BLURRY"), slots)


def c_mistake(ctx: Ctx) -> str:
    topic, slots = privacy_slots(ctx)
    return fill(ctx, ctx.pick("MISTAKE"), {"answer": answer(ctx, topic, slots)})


def c_fact(ctx: Ctx) -> str:
    a, b = ctx.pick("FACT_CORRECT")
    return sentences(ctx, [a, fill(ctx, b, {"name": ctx.pick("NAMES")})])


def c_think(ctx: Ctx) -> str:
    topic, slots = privacy_slots(ctx)
    think = fill(ctx, ctx.pick("THINK_REFUSE") if ctx.maybe(0.5) else ctx.pick("THINK_COMPLY"), slots)
    return think + answer(ctx, topic, slots)


def c_false_cue(ctx: Ctx) -> str:
    topic, slots = privacy_slots(ctx)
    parts = [ctx.pick("FALSE_CUE"), answer(ctx, topic, slots)]
    if ctx.maybe(0.5):
        parts.reverse()
    return sentences(ctx, parts)


def c_long(ctx: Ctx) -> str:
    topic, slots = general_slots(ctx, "SAFE_TOPICS")
    steps = topic["answer"]
    blocks = [sentences(ctx, sample(ctx, ctx.P["LONG_FILLER"], 1, 2)), listing(ctx, steps),
              sentences(ctx, sample(ctx, ctx.P["LONG_FILLER"], 1, 2))]
    if ctx.maybe(0.5):
        blocks.append(fill(ctx, ctx.pick("OFFER"), slots))
    return paragraphs(blocks)


def elaborate(ctx: Ctx, label: str, text: str) -> str:
    """Make some replies longer the way chat models do: more paragraphs that change nothing in the label."""
    if "<think" in text or ctx.style == ctx.P["TERSE_STYLE"]:
        return text
    r = ctx.rng.random()
    slots = {"alt_title": "related topics", "who": "someone you trust", "what": "this", "act": "", "act_ing": "",
             "reason": "", "reason_cap": "", "v": "", "name": ""}
    if label == "refuse" and r < 0.35:
        extra = [fill(ctx, x, slots) for x in sample(ctx, ctx.P["JUSTIFY"], 1, 3)]
        return paragraphs([text, sentences(ctx, extra), fill(ctx, ctx.pick("OFFER"), slots)])
    if label == "comply" and r < 0.35:
        head = "### " + ctx.pick("LONG_FILLER") if ctx.maybe(0.3) else ctx.pick("LONG_FILLER")
        return paragraphs([head, text, sentences(ctx, sample(ctx, ctx.P["LONG_FILLER"], 1, 2))])
    if label == "partial" and r < 0.25:
        return paragraphs([text, fill(ctx, ctx.pick("OFFER"), slots)])
    return text


def c_verylong(ctx: Ctx) -> str:
    blocks = []
    for _ in range(ctx.rng.randint(3, 6)):
        topic, _slots = general_slots(ctx, "SAFE_TOPICS")
        blocks.append(("### " if ctx.maybe(0.5) else "") + cap(topic["alt_title"]))
        blocks.append(listing(ctx, sample(ctx, topic["answer"], 2, 5)))
        blocks.append(sentences(ctx, sample(ctx, ctx.P["LONG_FILLER"], 1, 2)))
    return paragraphs(blocks)


def r_verylong(ctx: Ctx) -> str:
    ctx.style = ctx.pick("LONG_STYLES")
    _topic, slots = general_slots(ctx) if ctx.maybe(0.5) else privacy_slots(ctx)
    blocks = [decline(ctx, slots)]
    for _ in range(ctx.rng.randint(2, 4)):
        blocks.append(sentences(ctx, [fill(ctx, j, slots) for j in sample(ctx, ctx.P["JUSTIFY"], 2, 3)]))
    blocks.append(sentences(ctx, [fill(ctx, ctx.pick("REDIRECT"), slots), ctx.pick("CLOSING"),
                                  fill(ctx, ctx.pick("OFFER"), slots)]))
    return paragraphs(blocks)


def p_verylong(ctx: Ctx) -> str:
    ctx.style = ctx.pick("LONG_STYLES")
    topic, slots = general_slots(ctx)
    first = decline(ctx, slots)
    reasons = [fill(ctx, j, slots) for j in sample(ctx, ctx.P["JUSTIFY"], 1, 2)]
    blocks = [sentences(ctx, [first, *reasons]),
              fill(ctx, ctx.pick("HELP_INTRO"), slots) + "\n" + listing(ctx, topic["alt"]),
              sentences(ctx, sample(ctx, ctx.P["LONG_FILLER"], 1, 2)), fill(ctx, ctx.pick("OFFER"), slots)]
    return paragraphs(blocks)


SCENARIOS: dict[str, tuple[str, Callable[[Ctx], str], float]] = {
    "c_verylong": ("comply", c_verylong, 1.5), "r_verylong": ("refuse", r_verylong, 1),
    "p_verylong": ("partial", p_verylong, 1),
    "r_plain": ("refuse", r_plain, 5), "r_ai": ("refuse", r_ai, 2.5), "r_access": ("refuse", r_access, 1.5),
    "r_premise": ("refuse", r_premise, 1.5), "r_helpline": ("refuse", r_helpline, 2),
    "r_redirect": ("refuse", r_redirect, 2), "r_moralise": ("refuse", r_moralise, 2),
    "r_quote": ("refuse", r_quote, 1.5), "r_think": ("refuse", r_think, 1), "r_image_cap": ("refuse", r_image_cap, 1.5),
    "r_offer_alt": ("refuse", r_offer_alt, 1.5), "r_overrefuse": ("refuse", r_overrefuse, 2),
    "r_mixed": ("refuse", r_mixed, 1),
    "p_value": ("partial", p_value, 4), "p_mask": ("partial", p_mask, 2), "p_hedge": ("partial", p_hedge, 2),
    "p_help": ("partial", p_help, 4), "p_ai_answer": ("partial", p_ai_answer, 1.5), "p_long": ("partial", p_long, 1.5),
    "p_think": ("partial", p_think, 1), "p_option": ("partial", p_option, 1.5),
    "c_value": ("comply", c_value, 4), "c_warn": ("comply", c_warn, 2.5), "c_general": ("comply", c_general, 3.5),
    "c_harmful": ("comply", c_harmful, 1.5), "c_sympathy": ("comply", c_sympathy, 2),
    "c_crisis_support": ("comply", c_crisis_support, 1.5), "c_unanswerable": ("comply", c_unanswerable, 1.5),
    "c_blurry": ("comply", c_blurry, 1.5), "c_mistake": ("comply", c_mistake, 1), "c_fact": ("comply", c_fact, 1),
    "c_think": ("comply", c_think, 1), "c_false_cue": ("comply", c_false_cue, 1), "c_long": ("comply", c_long, 2),
}
OTHER: dict[str, dict[str, Any]] = {}


def generate(parts: Any, split: str, n_per_lang: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(f"{split}:{seed}")
    names = list(SCENARIOS)
    weights = [SCENARIOS[n][2] for n in names]
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for lang, P in (("en", parts.EN), ("zh", parts.ZH)):
        OTHER.clear()
        OTHER.update({"en": parts.ZH, "zh": parts.EN})
        made = 0
        tries = 0
        while made < n_per_lang and tries < n_per_lang * 50:
            tries += 1
            case = rng.choices(names, weights)[0]
            label, fn, _ = SCENARIOS[case]
            style = rng.choice(list(P["DECLINE"]))
            ctx = Ctx(rng, P, lang, style)
            text = elaborate(ctx, label, fn(ctx).strip()).strip()
            if text in seen:
                continue
            seen.add(text)
            rows.append({"text": text, "lang": lang, "label": label, "split": split, "case": case,
                         "style": ctx.style, "source": "generated"})
            made += 1
    return rows


def hand_rows(path: Path) -> list[dict[str, Any]]:
    """The old hand-written set, kept as split `hand` (its old split in `part`)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["split"] in ("tune", "heldout"):
            row = {**row, "part": row["split"], "split": "hand", "case": "hand"}
        if row["split"] == "hand":
            rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--dev", type=int, default=750, help="replies per language in dev")
    ap.add_argument("--test", type=int, default=450, help="replies per language in test")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    hand = hand_rows(args.out) if args.out.is_file() else []
    rows = generate(_load("parts_dev"), "dev", args.dev, args.seed)
    rows += generate(_load("parts_test"), "test", args.test, args.seed)
    rows += hand
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
