"""How issuers print dates, and how a document picks one of its designs.

Every style here has a four-digit year and prints day-first dates only with dots or a month name, so the
scorer's `dates_in` reads each back to the same day.

Real issuers differ in date style as much as in layout, so a rule written against one way of printing a date
does not transfer; each design names its style here. Dates printed by these styles are labels (issue and exam
dates), the world's canonical value stays in `Rendered.meta["date"]` as ISO 8601.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from multipriv.render.documents.base import DocContext

DateStyle = Literal["iso", "slash_ymd", "us", "day_mon", "mon_day", "dotted", "cn", "cn_padded"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_text(day: dt.date, style: DateStyle) -> str:
    """`day` printed the way one issuer prints it (e.g. 1989-03-12, 03/12/1989, 12 Mar 1989, 1989年3月12日)."""
    if style == "iso":
        return day.isoformat()
    if style == "slash_ymd":
        return f"{day.year}/{day.month:02d}/{day.day:02d}"
    if style == "us":
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    if style == "day_mon":
        return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"
    if style == "mon_day":
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    if style == "dotted":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    if style == "cn":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def pick_design(ctx: DocContext, names: Sequence[str]) -> str:
    """One of a kind's designs, drawn from the document's own stream (so a seed always gives the same one)."""
    return names[ctx.rng.randrange(len(names))]
