"""California state holidays, business days and the deadlines the truth states.

The generator keeps its own small calendar (it never imports ``pipeline``). Holidays follow the
domain reference §7 (CalHR list): New Year's Day, Martin Luther King Jr. Day, Presidents' Day,
Cesar Chavez Day (Mar 31), Memorial Day, Independence Day, Labor Day, Veterans Day, Thanksgiving,
the day after Thanksgiving, Christmas. A Sunday holiday is observed on Monday; a Saturday holiday
is not moved, except Veterans Day, observed on Friday. Juneteenth is not a holiday here (the
project's default, ``juneteenth_state_holiday = False``).

Deadline conventions used in the truth (TRUTH_FORMAT.md "Deadlines"):
- UR decision: 5 business days counted from the day after receipt.
- Periods that run from service (IMR application, QME objection, panel strike) add 5 calendar
  days when the document was served by mail; a last day that falls on a weekend or holiday moves
  to the next business day (Gov. Code 6800, CCP 12a).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

MAIL_EXTENSION_DAYS = 5
IMR_FILING_DAYS = 30
QME_OBJECTION_DAYS = 30
PANEL_STRIKE_DAYS = 10
UR_BUSINESS_DAYS = 5
QME_REPORT_DAYS = 30
#: written notice of a prospective UR decision: 2 business days after the decision [R]
UR_NOTICE_BUSINESS_DAYS = 2


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    d = dt.date(year, month, 1)
    d += dt.timedelta(days=(weekday - d.weekday()) % 7)
    return d + dt.timedelta(weeks=n - 1)


def _last_weekday(year: int, month: int, weekday: int) -> dt.date:
    d = dt.date(year, month + 1, 1) - dt.timedelta(days=1) if month < 12 else dt.date(year, 12, 31)
    return d - dt.timedelta(days=(d.weekday() - weekday) % 7)


@cache
def state_holidays(year: int) -> frozenset[dt.date]:
    fixed = [dt.date(year, 1, 1), dt.date(year, 3, 31), dt.date(year, 7, 4), dt.date(year, 12, 25)]
    out: set[dt.date] = set()
    for d in fixed:
        out.add(d + dt.timedelta(days=1) if d.weekday() == 6 else d)
    vets = dt.date(year, 11, 11)
    if vets.weekday() == 6:
        vets += dt.timedelta(days=1)
    elif vets.weekday() == 5:
        vets -= dt.timedelta(days=1)
    out.add(vets)
    thanksgiving = _nth_weekday(year, 11, 3, 4)
    out |= {
        _nth_weekday(year, 1, 0, 3),        # Martin Luther King Jr. Day
        _nth_weekday(year, 2, 0, 3),        # Presidents' Day
        _last_weekday(year, 5, 0),          # Memorial Day
        _nth_weekday(year, 9, 0, 1),        # Labor Day
        thanksgiving,
        thanksgiving + dt.timedelta(days=1),
    }
    return frozenset(out)


def is_business_day(d: dt.date) -> bool:
    return d.weekday() < 5 and d not in state_holidays(d.year)


def add_business_days(start: dt.date, n: int) -> dt.date:
    """The n-th business day after ``start`` (day 1 is the first business day after it)."""
    d = start
    while n > 0:
        d += dt.timedelta(days=1)
        if is_business_day(d):
            n -= 1
    return d


def business_days_between(start: dt.date, end: dt.date) -> int:
    """How many business days after ``start`` ``end`` falls (0 when on or before start)."""
    n, d = 0, start
    while d < end:
        d += dt.timedelta(days=1)
        if is_business_day(d):
            n += 1
    return n


def next_business_day_on_or_after(d: dt.date) -> dt.date:
    while not is_business_day(d):
        d += dt.timedelta(days=1)
    return d


def service_deadline(served: dt.date, days: int, method: str) -> dt.date:
    """Last day of a period that runs from service; +5 calendar days when served by mail."""
    extra = MAIL_EXTENSION_DAYS if method == "mail" else 0
    return next_business_day_on_or_after(served + dt.timedelta(days=days + extra))


def ur_decision_due(received: dt.date, *, review_type: str, expedited: bool,
                    info_requested: bool) -> dt.date:
    if review_type == "retrospective":
        return received + dt.timedelta(days=30)
    if expedited:
        return received + dt.timedelta(days=3)
    if info_requested:
        return received + dt.timedelta(days=14)
    return add_business_days(received, UR_BUSINESS_DAYS)
