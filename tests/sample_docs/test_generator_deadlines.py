import datetime as dt

from generator.deadlines import (
    add_business_days,
    business_days_between,
    is_business_day,
    service_deadline,
    state_holidays,
    ur_decision_due,
)

D = dt.date


def test_2025_state_holidays_follow_the_calhr_list():
    assert state_holidays(2025) == {
        D(2025, 1, 1), D(2025, 1, 20), D(2025, 2, 17), D(2025, 3, 31), D(2025, 5, 26),
        D(2025, 7, 4), D(2025, 9, 1), D(2025, 11, 11), D(2025, 11, 27), D(2025, 11, 28),
        D(2025, 12, 25)}


def test_sunday_holiday_moves_to_monday_and_saturday_veterans_day_to_friday():
    # July 4 2027 is a Sunday; Nov 11 2028 is a Saturday
    assert D(2027, 7, 5) in state_holidays(2027)
    assert D(2028, 11, 10) in state_holidays(2028)
    assert D(2028, 11, 11) not in state_holidays(2028)


def test_juneteenth_is_a_business_day_by_default():
    assert is_business_day(D(2025, 6, 19))


def test_business_days_count_from_the_day_after_receipt_and_skip_thanksgiving():
    # received Tue 2025-11-25: Wed 26 (1), Thu 27 + Fri 28 holidays, Mon Dec 1 (2) ... Thu Dec 4 (5)
    assert add_business_days(D(2025, 11, 25), 5) == D(2025, 12, 4)
    assert business_days_between(D(2025, 11, 25), D(2025, 12, 4)) == 5


def test_ur_due_dates_by_review_type():
    r = D(2025, 3, 20)   # a Thursday
    assert ur_decision_due(r, review_type="prospective", expedited=False, info_requested=False) == D(2025, 3, 27)
    assert ur_decision_due(r, review_type="prospective", expedited=False, info_requested=True) == D(2025, 4, 3)
    assert ur_decision_due(r, review_type="retrospective", expedited=False, info_requested=False) == D(2025, 4, 19)


def test_service_deadline_adds_mail_days_and_rolls_past_weekends_and_holidays():
    # served by mail Mon 2025-10-27: 35 days -> Mon Dec 1 (a business day)
    assert service_deadline(D(2025, 10, 27), 30, "mail") == D(2025, 12, 1)
    # served by fax Tue 2025-10-28: 30 days -> Thu Nov 27 (Thanksgiving) -> Mon Dec 1
    assert service_deadline(D(2025, 10, 28), 30, "fax") == D(2025, 12, 1)
