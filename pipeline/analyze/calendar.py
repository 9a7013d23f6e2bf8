"""The California business-day calendar (domain reference §7): the one place for holidays.

State holidays are the CalHR list (LC 4600.4 "normal business day" -> CalHR): New Year's Day,
Martin Luther King Jr. Day, Presidents' Day, Cesar Chavez Day (March 31), Memorial Day,
Independence Day, Labor Day, Veterans Day, Thanksgiving, the day after Thanksgiving and
Christmas. Observance (CalHR): a holiday on a **Sunday** is observed the following Monday; a
holiday on a **Saturday** has no weekday observance (staff accrue holiday credit), except
Veterans Day, which is then observed the Friday before.

The dates themselves come from the ``holidays`` library (``holidays.US(subdiv="CA")`` without
its observed days), filtered to the CalHR names above: the library also lists Susan B. Anthony
Day, Juneteenth and (some years) Diwali, and applies the federal Saturday -> Friday rule, none of
which CalHR follows. Juneteenth and the Gov. Code 6700 extras (Lincoln Day, Genocide
Remembrance Day, Admission Day, Native American Day, Columbus Day) are unconfirmed [U] and sit
behind ``LegalSettings.juneteenth_state_holiday`` / ``LegalSettings.gov_code_6700_extras``.

Time computation (Gov. Code 6800, CCP 12 and 12a): the first day is excluded and the last
included; when the last day falls on a weekend or holiday it moves to the next business day.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays as holidays_lib

from pipeline.settings import LegalSettings

#: holiday names of the ``holidays`` library that are on the CalHR list
_CALHR_NAMES: dict[str, str] = {
    "New Year's Day": "New Year's Day",
    "Martin Luther King Jr. Day": "Martin Luther King Jr. Day",
    "Presidents' Day": "Presidents' Day",
    "Washington's Birthday": "Presidents' Day",
    "Cesar Chavez Day": "Cesar Chavez Day",
    "Memorial Day": "Memorial Day",
    "Independence Day": "Independence Day",
    "Labor Day": "Labor Day",
    "Veterans Day": "Veterans Day",
    "Thanksgiving Day": "Thanksgiving Day",
    "Thanksgiving": "Thanksgiving Day",
    "Day After Thanksgiving": "Day After Thanksgiving",
    "Christmas Day": "Christmas Day",
}
_JUNETEENTH_NAMES = ("Juneteenth National Independence Day", "Juneteenth")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _gov_code_6700_extras(year: int) -> dict[dt.date, str]:
    """Gov. Code 6700 days CalHR does not list as paid state holidays [U]."""
    return {
        dt.date(year, 2, 12): "Lincoln Day",
        dt.date(year, 4, 24): "Genocide Remembrance Day",
        dt.date(year, 9, 9): "Admission Day",
        _nth_weekday(year, 9, 4, 4): "Native American Day",     # fourth Friday in September
        _nth_weekday(year, 10, 0, 2): "Columbus Day",           # second Monday in October
    }


@lru_cache(maxsize=256)
def _holidays(year: int, juneteenth: bool, extras: bool) -> tuple[tuple[dt.date, str], ...]:
    actual: dict[dt.date, str] = {}
    for day, names in holidays_lib.US(subdiv="CA", years=year, observed=False).items():
        for name in (n.strip() for n in names.split(";")):
            if name in _CALHR_NAMES:
                actual[day] = _CALHR_NAMES[name]
            elif juneteenth and name in _JUNETEENTH_NAMES:
                actual[day] = "Juneteenth"
    if extras:
        for day, name in _gov_code_6700_extras(year).items():
            actual.setdefault(day, name)
    observed: dict[dt.date, str] = {}
    for day, name in actual.items():
        if day.weekday() == 6:                                   # Sunday -> Monday
            observed[day] = name
            observed.setdefault(day + dt.timedelta(days=1), f"{name} (observed)")
        elif day.weekday() == 5:                                 # Saturday
            observed[day] = name
            if name == "Veterans Day":
                observed.setdefault(day - dt.timedelta(days=1), f"{name} (observed)")
        else:
            observed[day] = name
    return tuple(sorted(observed.items()))


class CaliforniaCalendar:
    """Business days for California workers' compensation deadlines."""

    def __init__(self, legal: LegalSettings | None = None) -> None:
        self.legal = legal or LegalSettings()

    def holidays(self, year: int) -> dict[dt.date, str]:
        """Holidays of ``year`` (actual days and their weekday observance) -> name."""
        return dict(_holidays(year, self.legal.juneteenth_state_holiday,
                              self.legal.gov_code_6700_extras))

    def is_holiday(self, day: dt.date) -> bool:
        return day in self.holidays(day.year)

    def is_business_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and not self.is_holiday(day)

    def next_business_day(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a business day, else the first business day after it."""
        while not self.is_business_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_business_days(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th business day after ``day`` (day 1 is the first business day after it).

        ``n`` <= 0 returns ``day`` unchanged.
        """
        current = day
        remaining = n
        while remaining > 0:
            current += dt.timedelta(days=1)
            if self.is_business_day(current):
                remaining -= 1
        return current

    def add_days(self, day: dt.date, n: int) -> dt.date:
        """``n`` calendar days after ``day``; a last day on a weekend or holiday rolls forward.

        Gov. Code 6800 / CCP 12, 12a: exclude the first day, include the last, and when the last
        day is a holiday (weekends included) the act may be done on the next business day.
        """
        return self.next_business_day(day + dt.timedelta(days=n))

    def business_days_between(self, start: dt.date, end: dt.date) -> int:
        """Business days after ``start`` up to and including ``end`` (0 when end <= start)."""
        count = 0
        current = start
        while current < end:
            current += dt.timedelta(days=1)
            if self.is_business_day(current):
                count += 1
        return count
