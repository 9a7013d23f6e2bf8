"""imr_deadline: service date (or letter date) + 30 days, + 5 when served by mail or unknown,
rolled past weekends and California state holidays."""

import datetime as dt

import pytest

from pipeline.analyze.deadlines import imr_deadline
from pipeline.settings import LegalSettings

D = dt.date


def test_mail_service_adds_five_days():
    result = imr_deadline(D(2025, 4, 3), D(2025, 4, 2), "mail", LegalSettings())
    assert result.deadline == D(2025, 5, 8)
    assert result.basis == "service_date"
    assert result.days == 35
    assert result.method_assumed is False


def test_unknown_method_is_the_default_mail():
    result = imr_deadline(D(2025, 4, 3), None, None, LegalSettings())
    assert result.deadline == D(2025, 5, 8)
    assert result.method == "mail"
    assert result.method_assumed is True


@pytest.mark.parametrize("method", ["personal", "fax", "email"])
def test_no_mail_extension_for_other_methods(method):
    # the contract extends only mail service (spec: IMR_DEADLINE)
    assert imr_deadline(D(2025, 4, 3), None, method, LegalSettings()).deadline == D(2025, 5, 5)


def test_letter_date_when_no_proof_of_service():
    result = imr_deadline(None, D(2025, 4, 2), None, LegalSettings())
    assert result.basis == "letter_date"
    assert result.start == D(2025, 4, 2)
    assert result.deadline == D(2025, 5, 7)


def test_weekend_last_day_rolls_to_monday():
    # 2025-04-05 + 35 = Saturday 2025-05-10
    assert imr_deadline(D(2025, 4, 5), None, "mail", LegalSettings()).deadline == D(2025, 5, 12)


def test_state_holiday_last_day_rolls_forward():
    # 2025-02-24 + 35 = Monday 2025-03-31, Cesar Chavez Day (a California state holiday)
    assert imr_deadline(D(2025, 2, 24), None, "mail", LegalSettings()).deadline == D(2025, 4, 1)


def test_settings_change_the_periods():
    legal = LegalSettings(mail_extension_days=10, imr_filing_days=30)
    assert imr_deadline(D(2025, 4, 3), None, "mail", legal).deadline == D(2025, 5, 13)
    legal = LegalSettings(default_service_method="personal")
    assert imr_deadline(D(2025, 4, 3), None, None, legal).deadline == D(2025, 5, 5)


def test_no_dates_no_deadline():
    assert imr_deadline(None, None, "mail", LegalSettings()) is None
