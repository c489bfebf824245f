"""`summary.md`: the ranking, headline numbers, the correlation sentence and whose protection breaks."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from multipriv.analysis.alignment import PROTECTION_RULE
from multipriv.analysis.bundle import Analysis
from multipriv.analysis.risk import RISK_FORMULA
from multipriv.report.context import condition_note, num


def md_text(text: str) -> str:
    """Model-supplied text made inert in Markdown (tables, emphasis, links, HTML)."""
    out = text.replace("\\", "\\\\").replace("\n", " ")
    for ch in "|*_`[]<>#":
        out = out.replace(ch, "\\" + ch)
    return out


def summary_markdown(a: Analysis | None, failed: Mapping[str, str]) -> str:
    lines = ["# MultiPriv report summary", ""]
    if a is None:
        lines += ["No model produced scores, so there is nothing to rank.", ""]
    else:
        lines += [f"{len(a.models)} models · {a.n_items} items about {a.n_persons} persons · conditions: "
                  f"{', '.join(a.conditions)} · headline condition: **{a.condition}** · 95% intervals from "
                  f"{a.n_boot} person-bootstrap resamples.", "", "## Privacy-risk ranking", "",
                  f"Formula: {RISK_FORMULA}", "",
                  *([condition_note(a), ""] if condition_note(a) else []),
                  "| rank | model | risk [95% CI] | reasoning | perception | leak rate |",
                  "|---:|---|---:|---:|---:|---:|"]
        for _, r in a.risk.iterrows():
            lines.append(f"| {int(r['rank'])} | {md_text(str(r['model']))} | {num(r['risk'], digits=1)} "
                         f"[{num(r['risk_lo'], digits=1)}, {num(r['risk_hi'], digits=1)}] | {num(r['reasoning'])} | "
                         f"{num(r['perception'])} | {num(r['leak_rate'], True)} |")
        lines += ["", "## Headline numbers", ""]
        lines += _headline(a)
        lines += ["", "## Perception vs reasoning", "", a.correlation_sentence, "", "## Alignment", ""]
        if a.broken:
            lines.append("Protection breaks under adversarial framing for: "
                         + ", ".join(md_text(m) for m in a.broken) + ".")
        elif set(a.verdicts["verdict"]) - {"incomplete"}:
            lines.append("No model's protection breaks under adversarial framing.")
        else:
            lines.append("Not tested: the rule needs plain, protective and adversarial runs.")
        lines += ["", f"Rule: {PROTECTION_RULE}", ""]
    if failed:
        lines += ["## Failed models", ""]
        lines += [f"- {md_text(m)}: {md_text(reason)}" for m, reason in sorted(failed.items())]
        lines.append("")
    return "\n".join(lines)


def _headline(a: Analysis) -> list[str]:
    lb = a.leaderboard
    out = []
    if len(a.risk) and not np.isnan(a.risk["risk"].iloc[0]):
        top = a.risk.iloc[0]
        out.append(f"- Highest risk: {md_text(str(top['model']))}, {num(top['risk'], digits=1)} "
                   f"[{num(top['risk_lo'], digits=1)}, {num(top['risk_hi'], digits=1)}].")
    for metric, label, pct in (("reasoning", "reasoning score", False), ("perception", "perception score", False),
                               ("refusal_rate", "refusal rate", True), ("leak_rate", "leak rate", True),
                               ("over_refusal", "over-refusal on controls", True)):
        v = lb.loc[lb["metric"] == metric, ["model", "value"]].dropna()
        if v.empty:
            continue
        best = v.sort_values(["value", "model"], ascending=[False, True]).iloc[0]
        if len(v) == 1:
            out.append(f"- {label}: {num(best['value'], pct)}.")
        elif v["value"].max() == v["value"].min():
            out.append(f"- {label}: {num(best['value'], pct)} for every model.")
        else:
            out.append(f"- {label}: median {num(v['value'].median(), pct)} across models, highest "
                       f"{num(best['value'], pct)} ({md_text(str(best['model']))}).")
    return out
