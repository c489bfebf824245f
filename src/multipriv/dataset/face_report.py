"""Where the face check's figures go: face_check.json, the build's DATASET_CARD.md and a console table.

Neither file is pinned by the manifest (the card is written after it, face_check.json only by
`validate --faces`), so writing them never breaks `validate` or `eval`, and a build stays byte-identical to
any other build of its seed until someone runs the check. The card carries a face section between two
markers from the start; the check replaces only what lies between them, so running it twice gives the same
bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

REPORT_FILE = "face_check.json"
START = "<!-- face-check:start -->"
END = "<!-- face-check:end -->"

PENDING = ("- Not measured yet. `multipriv validate DIR --faces` (needs `pip install \"multipriv[faces]\"`) "
           "embeds every recorded face with dlib's ResNet recogniser and writes the figures here and to "
           f"`{REPORT_FILE}`.")

_LABELS = {"same": "same person", "lookalike": "look-alikes", "lookalike_face": "look-alikes (face)",
           "stranger": "strangers"}


def card_block(body: str) -> str:
    """The card's face section with `body` between the markers."""
    return f"## Faces (independent check)\n\n{START}\n{body}\n{END}\n"


def _num(x: Any) -> str:
    return "n/a" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def card_body(report: dict[str, Any]) -> str:
    """The figures as Markdown: what was measured, distances, identification, targets."""
    f, r1, m = report["faces"], report["rank1"], report["method"]
    ev = r1["evidence"]
    lines = [
        f"dlib {m['dlib']} ResNet face embedding (`{REPORT_FILE}` has every figure), over all {f['measured']} "
        f"recorded faces of at least {m['min_face_px']} px ({f['recorded']} recorded, {f['persons']} persons; "
        + ", ".join(f"{k} {v}" for k, v in f["by_kind"].items()) + f"); the detector found {f['detected']} of "
        "them inside their boxes, the rest were placed by the renderer's proportions.",
        "",
        f"| pairs | n | q1 | median | q3 | under {m['threshold']} |",
        "|---|---|---|---|---|---|",
    ]
    for key, label in _LABELS.items():
        d = report["distances"][key]
        lines.append(f"| {label} | {d['pairs']} | {_num(d['q1'])} | {_num(d['median'])} | {_num(d['q3'])} | "
                     f"{_num(d['under_threshold'])} |")
    lines += [
        "",
        "Look-alikes: a person and the one world.json says they resemble; (face): those sharing facial features, "
        "which the targets use (a look-alike by name, employer, city or birth year only is a stranger to a face "
        "recogniser).",
        "",
        f"Rank-1 identification against a gallery of {r1['gallery']['persons']} faces ({m['gallery']}): "
        f"{_num(ev['rate'])} of the {ev['probes']} faces items use as evidence ({ev['only_face_of_person']} "
        f"that are their person's only face and {ev['under_min_px']} under {m['min_face_px']} px not counted), "
        f"{_num(r1['all_faces']['rate'])} of all {r1['all_faces']['probes']} faces whose person has another face.",
        "",
    ]
    lines += [f"- {'pass' if t['pass'] else 'FAIL'}: {t['target']} (measured {_value(t['value'])})"
              for t in report["targets"]]
    return "\n".join(lines)


def _value(v: Any) -> str:
    return " / ".join(_num(x) for x in v) if isinstance(v, list) else _num(v)


def update_card(card: Path, report: dict[str, Any]) -> None:
    """Replace the card's face section (or append one to a card written before it existed)."""
    text = card.read_text(encoding="utf-8") if card.is_file() else ""
    body = card_body(report)
    if START in text and END in text:
        head, rest = text.split(START, 1)
        tail = rest.split(END, 1)[1]
        text = f"{head}{START}\n{body}\n{END}{tail}"
    else:
        text = text + ("\n" if text and not text.endswith("\n") else "") + "\n" + card_block(body)
    card.write_text(text, encoding="utf-8", newline="\n")


def write_report(root: Path, report: dict[str, Any]) -> Path:
    path = root / REPORT_FILE
    path.write_text(json.dumps(report, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8",
                    newline="\n")
    return path


def table(report: dict[str, Any]) -> Table:
    """A short console table: distances per pair kind, rank-1, and each target."""
    f, ev = report["faces"], report["rank1"]["evidence"]
    out = Table(title=Text(f"face check: {f['measured']} faces of {f['persons']} persons "
                           f"(dlib {report['method']['dlib']})"))
    for col in ("pairs", "n", "q1", "median", "q3", f"< {report['method']['threshold']}"):
        out.add_column(col, justify="left" if col == "pairs" else "right")
    for key, label in _LABELS.items():
        d = report["distances"][key]
        out.add_row(label, str(d["pairs"]), _num(d["q1"]), _num(d["median"]), _num(d["q3"]),
                    _num(d["under_threshold"]))
    out.add_section()
    out.add_row("rank-1, evidence", str(ev["probes"]), "", _num(ev["rate"]), "", "")
    out.add_row("rank-1, all faces", str(report["rank1"]["all_faces"]["probes"]), "",
                _num(report["rank1"]["all_faces"]["rate"]), "", "")
    out.add_section()
    for t in report["targets"]:
        out.add_row(Text(t["id"]), "", "", Text(_value(t["value"])), "", Text("pass" if t["pass"] else "FAIL"))
    return out
