"""Tests of pipeline/analyze/calendar.py: California business days (domain §7)."""

import datetime as dt

from pipeline.analyze.calendar import CaliforniaCalendar
from pipeline.settings import LegalSettings

CAL = CaliforniaCalendar(LegalSettings())


def test_weekends_are_not_business_days():
    assert CAL.is_business_day(dt.date(2025, 3, 7))          # Friday
    assert not CAL.is_business_day(dt.date(2025, 3, 8))      # Saturday
    assert not CAL.is_business_day(dt.date(2025, 3, 9))      # Sunday


def test_cesar_chavez_day_and_day_after_thanksgiving_are_holidays():
    assert not CAL.is_business_day(dt.date(2025, 3, 31))     # Monday, Cesar Chavez Day
    assert not CAL.is_business_day(dt.date(2025, 11, 28))    # Friday after Thanksgiving
    assert CAL.holidays(2025)[dt.date(2025, 3, 31)] == "Cesar Chavez Day"


def test_a_sunday_holiday_is_observed_on_monday():
    # Cesar Chavez Day 2024 fell on a Sunday -> Monday April 1 is not a business day
    assert not CAL.is_business_day(dt.date(2024, 4, 1))
    # Christmas 2022 on a Sunday -> Monday Dec 26
    assert not CAL.is_business_day(dt.date(2022, 12, 26))


def test_a_saturday_holiday_has_no_weekday_observance_except_veterans_day():
    # Independence Day 2026 is a Saturday: Friday July 3 stays a business day (CalHR)
    assert CAL.is_business_day(dt.date(2026, 7, 3))
    # New Year's Day 2022 was a Saturday: Friday Dec 31 2021 is a business day
    assert CAL.is_business_day(dt.date(2021, 12, 31))
    # Veterans Day 2023 was a Saturday: observed Friday Nov 10
    assert not CAL.is_business_day(dt.date(2023, 11, 10))


def test_federal_only_and_library_extras_are_not_state_holidays():
    assert CAL.is_business_day(dt.date(2025, 10, 13))        # Columbus Day
    assert CAL.is_business_day(dt.date(2025, 6, 19))         # Juneteenth (switch off)
    assert CAL.is_business_day(dt.date(2028, 2, 15))         # library: Susan B. Anthony Day
    assert not CAL.is_business_day(dt.date(2026, 2, 16))     # Presidents' Day 2026
    assert CAL.is_business_day(dt.date(2026, 11, 9))         # the library's Diwali (observed)
    names = set(CAL.holidays(2025).values())
    assert len(names) == 11
    assert not any("Anthony" in n or "Juneteenth" in n for n in names)


def test_switches_for_juneteenth_and_gov_code_6700_extras():
    cal = CaliforniaCalendar(LegalSettings(juneteenth_state_holiday=True,
                                           gov_code_6700_extras=True))
    assert not cal.is_business_day(dt.date(2025, 6, 19))     # Juneteenth, Thursday
    assert not cal.is_business_day(dt.date(2025, 9, 26))     # Native American Day (4th Fri)
    assert not cal.is_business_day(dt.date(2025, 10, 13))    # Columbus Day
    assert not cal.is_business_day(dt.date(2025, 9, 9))      # Admission Day
    assert CAL.is_business_day(dt.date(2025, 9, 26))


def test_add_business_days_counts_from_the_day_after():
    # RFA received Thu 2025-03-20: 5 business days -> Thu 2025-03-27
    assert CAL.add_business_days(dt.date(2025, 3, 20), 5) == dt.date(2025, 3, 27)
    # received Thu 2025-03-27: Fri 28, Mon 31 is Cesar Chavez Day -> Apr 1, 2, 3, 4
    assert CAL.add_business_days(dt.date(2025, 3, 27), 5) == dt.date(2025, 4, 4)
    # across Thanksgiving 2025 (Thu 27, Fri 28)
    assert CAL.add_business_days(dt.date(2025, 11, 25), 2) == dt.date(2025, 12, 1)
    assert CAL.add_business_days(dt.date(2025, 3, 20), 0) == dt.date(2025, 3, 20)


def test_add_days_rolls_a_weekend_or_holiday_last_day_forward():
    assert CAL.add_days(dt.date(2025, 3, 3), 30) == dt.date(2025, 4, 2)       # Wednesday
    assert CAL.add_days(dt.date(2025, 3, 1), 30) == dt.date(2025, 4, 1)       # Mon 31 holiday
    assert CAL.add_days(dt.date(2025, 2, 6), 30) == dt.date(2025, 3, 10)      # Sat 8 -> Mon 10


def test_business_days_between():
    assert CAL.business_days_between(dt.date(2025, 3, 20), dt.date(2025, 4, 2)) == 8
    assert CAL.business_days_between(dt.date(2025, 4, 2), dt.date(2025, 3, 20)) == 0
