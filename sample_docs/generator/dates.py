"""The many ways documents write a date (truth dates are always ISO)."""

from __future__ import annotations

import datetime as dt
import random

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.",
            "Nov.", "Dec."]

STYLES = ("long", "mdy", "mdy_short", "iso", "dash", "dot", "abbr_ord", "dmy_long", "mdy_nopad",
          "long_comma_less")


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


def fmt(d: dt.date, style: str = "mdy") -> str:
    if style == "long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "long_comma_less":
        return f"{MONTHS[d.month - 1]} {d.day} {d.year}"
    if style == "mdy":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "mdy_nopad":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "mdy_short":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if style == "iso":
        return d.isoformat()
    if style == "dash":
        return f"{d.month}-{d.day}-{d.year}"
    if style == "dot":
        return f"{d.month:02d}.{d.day:02d}.{d.year}"
    if style == "abbr_ord":
        return f"{MON_ABBR[d.month - 1]} {ordinal(d.day)}, {d.year}"
    if style == "dmy_long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    raise ValueError(style)


def pick_style(rng: random.Random, formal: bool = False) -> str:
    """A date style for one document; letters favour long forms, forms favour numeric ones."""
    if formal:
        return rng.choice(["long", "long", "long", "abbr_ord", "dmy_long", "mdy", "long_comma_less"])
    return rng.choice(["mdy", "mdy", "mdy", "mdy_nopad", "mdy_short", "iso", "dash", "dot", "long"])


def fmt_doi(injury, style: str) -> str:
    """A date of injury, or a continuous-trauma period ("CT 01/01/2019 - 03/15/2023")."""
    if isinstance(injury, tuple):
        a, b = injury
        return f"CT {fmt(a, style)} - {fmt(b, style)}"
    return fmt(injury, style)


def iso_doi(injury) -> str:
    if isinstance(injury, tuple):
        return f"{injury[0].isoformat()}/{injury[1].isoformat()}"
    return injury.isoformat()


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
