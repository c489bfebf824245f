"""Several designs per document kind and language, chosen by the document's own seeded stream.

Why: real issuers print the same facts in different layouts, fonts, label wordings and date formats, so a
reader whose rules fit one layout must not get every document right. A kind registers its designs here
(`DESIGNS[kind][lang]`, name -> renderer) and renders through `dispatch`, which draws the design from
`ctx.rng` (same seed, same design) and records its name in `meta["design"]`. Every design of a kind prints
the same attributes, so tasks do not depend on which one was drawn.

Dates are printed in the styles of `printed_dates.py`, which the scorer reads back to the same day.
"""

from __future__ import annotations

from collections.abc import Callable

from multipriv.render.documents.base import DocContext, Rendered
from multipriv.render.documents.printed_dates import pick_design

Renderer = Callable[[DocContext], Rendered]

DESIGNS: dict[str, dict[str, dict[str, Renderer]]] = {}

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
    name = pick_design(ctx, list(table))
    rendered = table[name](ctx)
    rendered.meta["design"] = name
    return rendered
