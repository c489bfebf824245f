"""Priors for the floors beside `random`: the best single answer per task (`constant`) and per visible question
(`blind`), learned on a dev split and kept in one JSON file.

Why: `random` understates chance wherever answers are not uniform (a fixed set of identifiers beats random
set F1 by far, a median box beats a uniform one). A floor must be the best a model could do without looking,
so every stored answer is the one that scores best on the dev items under the scorer's own rules (set F1, IoU,
the normalising matchers); learning on dev keeps test items out of it. Everything is keyed on what a prompt
shows — the parsed template, its slots, the options, the language, the answer type — never on a task-specific
rule, so new templates and question types are learned without code changes.

Back-off for `blind` (each key used only when seen `min_count` times on dev): the question itself (template,
slots, options or menu, chain steps) → the template with the number of options and the language → task,
answer type and language → the constant answer. For free-text answers the kind of value asked (number,
date, amount, name...) is part of the answer's format, so the coarse keys carry it; `blind` infers it from
the question (dev-learned per template, or the attribute a slot names), `constant` takes it from the item.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from multipriv.baselines.answers import format_box, format_menu, format_steps, format_yesno, option_letters
from multipriv.baselines.visible import (
    Target,
    Visible,
    blind_keys,
    constant_keys,
    item_kind,
    kind_keys,
    named_kind,
    signature,
    step_count,
    step_keys,
    storage_key,
)
from multipriv.dataset.integrity import sha256_file
from multipriv.dataset.manifest import load_build_manifest
from multipriv.errors import MultiPrivError
from multipriv.score.metrics import set_f1
from multipriv.score.normalise import has_cjk, matcher, offers_value, text_key
from multipriv.tasks.schema import AnswerType, Item

FORMAT = "multipriv-priors"
VERSION = 1
MIN_COUNT = 5  # a blind key seen fewer times on dev is not trusted: back off
TEXT_CANDIDATES = 24  # most frequent dev values tried as a free-text answer
HOW = "make one with `multipriv priors --dev DEVDIR --out FILE` (DEVDIR from `multipriv build --split dev`)"
Answer = dict[str, Any]
DEFAULTS: dict[AnswerType, Answer] = {
    AnswerType.YESNO: {"yes": False}, AnswerType.CHOICE: {"letters": ["A"]}, AnswerType.SET: {"ids": []},
    AnswerType.BOX: {"box": [0, 0, 1000, 1000]}, AnswerType.TEXT: {"text": "0"},
    AnswerType.STEPS: {"steps": ["0"], "final": "0"},
}


# ---------------------------------------------------------------------------------------------- the file
@dataclass(frozen=True)
class Priors:
    constant: dict[str, Answer]
    blind: dict[str, Answer]
    steps: dict[str, Answer]
    kinds: dict[str, str]
    dev: dict[str, Any] = field(default_factory=dict)
    min_count: int = MIN_COUNT

    def constant_answer(self, task: int, answer_type: AnswerType, kind: str) -> Answer:
        for key in constant_keys(task, answer_type, kind):
            if key in self.constant:
                return dict(self.constant[key]["answer"])
        return dict(DEFAULTS[answer_type])

    def to_json(self) -> str:
        data = {"format": FORMAT, "version": VERSION, "min_count": self.min_count, "dev": self.dev,
                "constant": self.constant, "blind": self.blind, "steps": self.steps, "kinds": self.kinds}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"

    def save(self, path: Path) -> str:
        """Write the file (same dev build, same bytes) and return its sha256."""
        blob = self.to_json().encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(blob)
        return hashlib.sha256(blob).hexdigest()


_FIELDS = {AnswerType.YESNO: ("yes",), AnswerType.CHOICE: ("letters",), AnswerType.SET: ("ids",),
           AnswerType.BOX: ("box",), AnswerType.TEXT: ("text",), AnswerType.STEPS: ("steps", "final")}


def _check_table(table: Any, type_at: int | None, where: str) -> dict[str, Answer]:
    if not isinstance(table, dict):
        raise ValueError(f"{where} is not a table")
    for key, entry in table.items():
        answer_type = AnswerType.TEXT if type_at is None else AnswerType(json.loads(key)[type_at])
        answer = entry["answer"]
        missing = [f for f in _FIELDS[answer_type] if f not in answer]
        if missing:
            raise ValueError(f"{where} entry {key} lacks {missing[0]!r}")
    return table


def load_priors(path: Path | str | None) -> Priors:
    """Read a priors file; anything wrong with it is one `MultiPrivError` line saying how to make one."""
    if not path:
        raise MultiPrivError(f"the constant and blind baselines need a priors file learned on a dev split; {HOW}")
    path = Path(path)
    if not path.is_file():
        raise MultiPrivError(f"{path}: no priors file; {HOW}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError(f"not a {FORMAT} file of version {VERSION}")
        return Priors(constant=_check_table(data["constant"], 2, "constant"),
                      blind=_check_table(data["blind"], 2, "blind"), steps=_check_table(data["steps"], None, "steps"),
                      kinds={str(k): str(v) for k, v in data["kinds"].items()}, dev=dict(data.get("dev", {})),
                      min_count=int(data.get("min_count", MIN_COUNT)))
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        raise MultiPrivError(f"{path}: not a valid priors file ({exc}); {HOW}") from None


def checked_priors(params: dict[str, Any]) -> Priors:
    """A provider's priors (`params["priors"]`), refused when the file is not the one the run was set up with
    (`params["priors_sha256"]`), since cached and resumed answers were made from that one."""
    path = params.get("priors")
    priors = load_priors(path)
    expected = params.get("priors_sha256")
    if expected and sha256_file(Path(str(path))) != expected:
        raise MultiPrivError(f"{path}: the priors file changed since this run was set up; {HOW}")
    return priors


# ----------------------------------------------------------------------------------------------- answering
def render(answer: Answer, v: Visible, step_answers: Sequence[str] | None = None) -> str:
    """A stored answer written the way the prompt asks for it."""
    kind = v.answer_type
    if kind is AnswerType.YESNO:
        return format_yesno(bool(answer["yes"]), v.lang)
    if kind is AnswerType.CHOICE:
        offered = option_letters(v.options)
        return next((x for x in answer["letters"] if x in offered), offered[0])
    if kind is AnswerType.SET:
        return format_menu(answer["ids"], v.menu, v.lang)
    if kind is AnswerType.BOX:
        return format_box(answer["box"])
    if kind is AnswerType.STEPS:
        stored = list(answer["steps"]) or [answer["final"]]
        steps = step_answers or [stored[min(i, len(stored) - 1)] for i in range(step_count(v))]
        return format_steps(steps, str(answer["final"]), v.lang)
    return str(answer["text"])


# ------------------------------------------------------------------------------------------------ learning
def best_text(targets: Sequence[Target], langs: Sequence[str]) -> tuple[str, float]:
    """The free-text answer stating the most dev golds (by the scorer's matchers), among the most frequent
    dev values. An answer the scorer reads as a value of the asked kind on every item comes first (a bare
    "1" is no answer to an ID-number question), so that a floor fails on content, never on form; ties go to
    the items' script."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for _, accepted in targets:
        for key, form in {text_key(f) or f.strip(): f for f in reversed(accepted)}.items():
            if key:
                counts[key] += 1
                forms[key][form] += 1
    zh = sum(lang == "zh" for lang in langs)
    best, best_rank = "0", (-1, -1, -1, -1)
    for key in sorted(counts, key=lambda k: (-counts[k], k))[:TEXT_CANDIDATES]:
        cand = min(forms[key], key=lambda f: (-forms[key][f], f))
        hits = [matcher(n, acc)(cand) for n, acc in targets]
        parsed = sum(h or offers_value(n, cand, acc) for h, (n, acc) in zip(hits, targets, strict=True))
        rank = (int(parsed == len(targets)), sum(hits), parsed, zh if has_cjk(cand) else len(langs) - zh)
        if rank > best_rank:
            best, best_rank = cand, rank
    return best, best_rank[1] / max(1, len(targets))


def _choice(items: Sequence[Item]) -> Answer:
    """Letters in order of preference; an item gets the first it offers. Greedy: each next letter is the one
    right most often among the items no earlier letter covers."""
    offered = [option_letters(it.options) for it in items]
    gold = [it.gold[0].strip().upper() if it.gold else "" for it in items]
    covered = [False] * len(items)
    ranking: list[str] = []
    while not all(covered):
        left = sorted({x for i, o in enumerate(offered) if not covered[i] for x in o} - set(ranking))
        pick = max(left, key=lambda x: (sum(not c and x in o and g == x
                                              for c, o, g in zip(covered, offered, gold, strict=True)),
                                          -ord(x[0])))
        ranking.append(pick)
        covered = [c or pick in o for c, o in zip(covered, offered, strict=True)]
    return {"letters": ranking or ["A"]}


def _set(items: Sequence[Item]) -> Answer:
    """Greedy forward selection of menu entries on mean set F1, each item answered with its own menu's share."""
    pairs = [(frozenset(it.menu), frozenset(it.gold)) for it in items]
    candidates = sorted(set().union(*(m for m, _ in pairs)))

    def mean_f1(chosen: frozenset[str]) -> float:
        return sum(set_f1(chosen & m, g) for m, g in pairs) / len(pairs)

    chosen: frozenset[str] = frozenset()
    score = mean_f1(chosen)
    while True:
        trials = [(mean_f1(chosen | {c}), c) for c in candidates if c not in chosen]
        if not trials:
            break
        best = max(trials, key=lambda t: (t[0], [-ord(ch) for ch in t[1]]))
        if best[0] <= score + 1e-12:
            break
        score, chosen = best[0], chosen | {best[1]}
    return {"ids": sorted(chosen)}


def _ious(cands: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """Mean IoU of each candidate box (C, 4) over the gold boxes (N, 4)."""
    c, g = cands[:, None, :], gold[None, :, :]
    iw = np.clip(np.minimum(c[..., 2], g[..., 2]) - np.maximum(c[..., 0], g[..., 0]), 0, None)
    ih = np.clip(np.minimum(c[..., 3], g[..., 3]) - np.maximum(c[..., 1], g[..., 1]), 0, None)
    inter = iw * ih
    union = (c[..., 2] - c[..., 0]) * (c[..., 3] - c[..., 1]) + (g[..., 2] - g[..., 0]) * (g[..., 3] - g[..., 1])
    out: np.ndarray = np.where(union > inter, inter / np.maximum(union - inter, 1e-9), 0.0).mean(axis=1)
    return out


def _box(items: Sequence[Item]) -> Answer:
    """The box of best mean IoU: a grid of per-coordinate quantiles of the gold boxes, then coordinate descent
    over every gold coordinate value."""
    gold = np.array([it.box for it in items if it.box is not None], dtype=np.float64)
    if not len(gold):
        return dict(DEFAULTS[AnswerType.BOX])
    qs = np.quantile(gold, np.linspace(0.0, 1.0, 11), axis=0).round()
    grid = np.stack(np.meshgrid(*(qs[:, j] for j in range(4)), indexing="ij"), axis=-1).reshape(-1, 4)
    grid = np.unique(grid[(grid[:, 0] < grid[:, 2]) & (grid[:, 1] < grid[:, 3])], axis=0)
    scores = np.concatenate([_ious(grid[i: i + 2048], gold) for i in range(0, len(grid), 2048)])
    best = grid[int(np.argmax(scores))].copy()
    for _ in range(3):
        for j in range(4):
            trial = np.repeat(best[None, :], len(np.unique(gold[:, j])), axis=0)
            trial[:, j] = np.unique(gold[:, j])
            ok = (trial[:, 0] < trial[:, 2]) & (trial[:, 1] < trial[:, 3])
            trial = np.vstack([best[None, :], trial[ok]])
            best = trial[int(np.argmax(_ious(trial, gold)))].copy()
    return {"box": [int(v) for v in best]}


def _steps(items: Sequence[Item]) -> Answer:
    longest = max(len(it.steps) for it in items)
    langs = [it.lang for it in items]
    steps = [best_text([(s.normaliser, s.accepted) for it in items if len(it.steps) > i
                        for s in (it.steps[i],)], langs)[0] for i in range(longest)]
    final = best_text([(it.normaliser, it.gold or (it.steps[-1].accepted if it.steps else ()))
                       for it in items], langs)[0]
    return {"steps": steps, "final": final}


def learn_answer(answer_type: AnswerType, items: Sequence[Item]) -> Answer:
    """The one answer of this type that scores best on these dev items."""
    if answer_type is AnswerType.YESNO:
        yes = sum(bool(it.gold) and it.gold[0].strip().lower() == "yes" for it in items)
        return {"yes": yes * 2 > len(items)}
    if answer_type is AnswerType.CHOICE:
        return _choice(items)
    if answer_type is AnswerType.SET:
        return _set(items)
    if answer_type is AnswerType.BOX:
        return _box(items)
    if answer_type is AnswerType.STEPS:
        return _steps(items)
    return {"text": best_text([(it.normaliser, it.gold) for it in items], [it.lang for it in items])[0]}


def _learn_kinds(items: Iterable[Item]) -> dict[str, str]:
    """Kind of value per template (majority); per question only where the template or a named attribute
    would say otherwise."""
    full: dict[str, Counter[str]] = defaultdict(Counter)
    template: dict[str, Counter[str]] = defaultdict(Counter)
    named: dict[str, str | None] = {}
    for it in items:
        if it.answer_type is AnswerType.TEXT:
            v = Visible.of(it)
            sig = signature(v.prompt, v.lang)
            f, t = kind_keys(v, sig)
            full[f][item_kind(it)] += 1
            template[t][item_kind(it)] += 1
            named[f] = named_kind(sig)
            named.setdefault(t, None)
    kinds = {k: min(c, key=lambda x: (-c[x], x)) for k, c in template.items()}
    template_of = {f: storage_key(*json.loads(f)[:5]) for f in full}
    for f, c in full.items():
        majority = min(c, key=lambda x: (-c[x], x))
        if majority != (named[f] or kinds.get(template_of[f], "")):
            kinds[f] = majority
    return kinds


def _grouped(pairs: Iterable[tuple[str, Item]]) -> dict[str, list[Item]]:
    groups: dict[str, list[Item]] = defaultdict(list)
    for key, item in pairs:
        groups[key].append(item)
    return groups


def learn_priors(items: Sequence[Item], dev: dict[str, Any] | None = None, min_count: int = MIN_COUNT) -> Priors:
    """Both floors' tables from the dev items (deterministic: the same items give the same file)."""
    if not items:
        raise MultiPrivError(f"no dev items to learn priors from; {HOW}")
    constant = _grouped((k, it) for it in items
                        for k in constant_keys(it.task, AnswerType(it.answer_type), item_kind(it)))
    kinds = _learn_kinds(items)
    blind = _grouped((k, it) for it in items for k in blind_keys(Visible.of(it), kinds))
    steps: dict[str, list[tuple[str, Target]]] = defaultdict(list)
    for it in items:
        sig = signature(it.prompt, it.lang)
        if it.answer_type is AnswerType.STEPS and len(sig.steps) == len(it.steps):
            for step_sig, step in zip(sig.steps, it.steps, strict=True):
                for k in step_keys(it.task, it.lang, step_sig):
                    steps[k].append((it.lang, (step.normaliser, step.accepted)))

    def entry(key: str, group: list[Item]) -> Answer:
        return {"n": len(group), "answer": learn_answer(AnswerType(json.loads(key)[2]), group)}

    return Priors(
        constant={k: entry(k, g) for k, g in sorted(constant.items())},
        blind={k: entry(k, g) for k, g in sorted(blind.items()) if len(g) >= min_count},
        steps={k: {"n": len(g), "answer": {"text": best_text([t for _, t in g], [lang for lang, _ in g])[0]}}
               for k, g in sorted(steps.items()) if len(g) >= min_count},
        kinds=kinds, dev=dict(dev or {}), min_count=min_count)


def dev_info(root: Path) -> dict[str, Any]:
    """Which build the priors came from: enough to warn when they are applied to that very build."""
    info: dict[str, Any] = {"items_sha256": sha256_file(root / "items.jsonl")}
    try:
        manifest = load_build_manifest(root)
    except MultiPrivError:
        return info
    return info | {"seed": manifest.seed, "split": manifest.split, "templates": manifest.templates,
                   "version": manifest.version}


def learn_from_build(root: Path, out: Path, min_count: int = MIN_COUNT) -> tuple[Priors, list[Item]]:
    """Learn from the build in `root` and write `out`; returns the priors and the dev items."""
    from multipriv.tasks.schema import load_items

    path = root / "items.jsonl"
    if not path.is_file():
        raise MultiPrivError(f"{path}: no items; is {root} a MultiPriv build (`multipriv build --split dev`)?")
    items = load_items(path)
    priors = learn_priors(items, dev_info(root), min_count)
    priors.save(out)
    return priors, items
