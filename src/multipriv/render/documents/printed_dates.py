"""How issuers print dates, and how a document picks one of its designs.

Every style here has a four-digit year and prints day-first dates only with dots or a month name, so the
scorer's `dates_in` reads each back to the same day.

Real issuers differ in date style as much as in layout, so a rule written against one way of printing a date
does not transfer; each design names its style here. Dates printed by these styles are labels (issue and exam
dates), the world's canonical value stays in `Rendered.meta["date"]` as ISO 8601.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Literal

from multipriv.render.documents.base import DocContext

DateStyle = Literal["iso", "slash_ymd", "us", "day_mon", "mon_day", "dotted", "cn", "cn_padded"]

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


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


def us_slashes(d: dt.date) -> str:
    """03/12/1989 (month first: US licences, registrations, forms)"""
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def zh_padded(d: dt.date) -> str:
    """1989年03月12日 (Chinese cards and tickets)"""
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def us_dashes(d: dt.date) -> str:
    """03-12-1989 (month first, as US forms print it)"""
    return f"{d.month:02d}-{d.day:02d}-{d.year}"


def zh_short(d: dt.date) -> str:
    """1989年3月12日 (no zero padding)"""
    return f"{d.year}年{d.month}月{d.day}日"


_STYLES: dict[DateStyle, Callable[[dt.date], str]] = {
    "iso": iso,
    "slash_ymd": lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    "us": us_slashes,
    "day_mon": lambda d: day_mon_year(d, upper=False),
    "mon_day": mon_day_year,
    "dotted": dots_dmy,
    "cn": zh_short,
    "cn_padded": zh_padded,
}


def date_text(day: dt.date, style: DateStyle) -> str:
    """`day` printed the way one issuer prints it (e.g. 1989-03-12, 03/12/1989, 12 Mar 1989, 1989年3月12日)."""
    return _STYLES[style](day)


def pick_design(ctx: DocContext, names: Sequence[str]) -> str:
    """One of a kind's designs, drawn from the document's own stream (so a seed always gives the same one)."""
    return names[ctx.rng.randrange(len(names))]
