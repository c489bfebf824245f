"""Several designs per document kind and language, chosen by the document's own seeded stream.

Why: real issuers print the same facts in different layouts, fonts, label wordings and date formats, so a
reader whose rules fit one layout must not get every document right. A kind registers its designs here
(`DESIGNS[kind][lang]`, name -> renderer) and renders through `dispatch`, which draws the design from
`ctx.rng` (same seed, same design) and records its name in `meta["design"]`. Every design of a kind prints
the same attributes, so tasks do not depend on which one was drawn.

The date formats below are all read back by the scorer (`score.normalise.dates_in`): a printed date in any of
them matches the canonical value. Day-first dates are printed only with dots, never with slashes, because
"03/04/1989" reads as month first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from multipriv.render.documents.base import DocContext, Rendered

Renderer = Callable[[DocContext], Rendered]

DESIGNS: dict[str, dict[str, dict[str, Renderer]]] = {}

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def register(kind: str, lang: str, name: str) -> Callable[[Renderer], Renderer]:
    """Add a design of `kind` for documents in `lang`; the order of registration is the draw order."""

    def add(fn: Renderer) -> Renderer:
        table = DESIGNS.setdefault(kind, {}).setdefault(lang, {})
        if name in table:
            raise ValueError(f"design {name!r} of {kind}/{lang} registered twice")
        table[name] = fn
        return fn

    return add


def dispatch(kind: str, ctx: DocContext) -> Rendered:
    """Render `ctx` in one of the kind's designs for its language, drawn from the document's stream."""
    table = DESIGNS[kind][ctx.lang]
    name = list(table)[ctx.rng.randrange(len(table))]
    rendered = table[name](ctx)
    rendered.meta["design"] = name
    return rendered


# ----------------------------------------------------------------------------------------- date formats


def iso(d: dt.date) -> str:
    """1989-03-12"""
    return d.isoformat()


def dots_ymd(d: dt.date) -> str:
    """1989.03.12 (Chinese forms and tickets)"""
    return f"{d.year}.{d.month:02d}.{d.day:02d}"


def dots_dmy(d: dt.date) -> str:
    """12.03.1989"""
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def day_mon_year(d: dt.date, *, upper: bool = True) -> str:
    """12 MAR 1989 (ICAO) or 12 Mar 1989"""
    mon = MONTHS[d.month - 1]
    return f"{d.day:02d} {mon if upper else mon.title()} {d.year}"


def mon_day_year(d: dt.date) -> str:
    """Mar 12, 1989"""
    return f"{MONTHS[d.month - 1].title()} {d.day}, {d.year}"


def us_dashes(d: dt.date) -> str:
    """03-12-1989 (month first, as US forms print it)"""
    return f"{d.month:02d}-{d.day:02d}-{d.year}"


def zh_short(d: dt.date) -> str:
    """1989年3月12日 (no zero padding)"""
    return f"{d.year}年{d.month}月{d.day}日"
