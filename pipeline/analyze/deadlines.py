"""The IMR filing deadline of a UR decision (domain §4, §7; contract IMR_DEADLINE).

The application must be filed within ``legal.imr_filing_days`` (30) days after *service* of the
UR decision, plus ``legal.mail_extension_days`` (5) when the decision was served by mail. When
the letter shows no proof of service the letter date stands in for the service date, and when
it shows no service method ``legal.default_service_method`` (mail) is assumed. A last day on a
weekend or California state holiday rolls forward to the next business day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.analyze.calendar import CaliforniaCalendar
from pipeline.settings import LegalSettings

#: the methods the contract extends (spec: "plus 5 days when it was served by mail")
EXTENDED_METHODS = frozenset({"mail"})


@dataclass(frozen=True)
class ImrDeadline:
    deadline: dt.date
    start: dt.date
    basis: str            # "service_date" or "letter_date": which date the clock ran from
    method: str           # the service method used (as read, or the default)
    method_assumed: bool  # True when the letter showed no method
    days: int             # calendar days added before rolling forward


def imr_deadline(service_date: dt.date | None, letter_date: dt.date | None,
                 service_method: str | None, legal: LegalSettings,
                 calendar: CaliforniaCalendar | None = None) -> ImrDeadline | None:
    """The last day to file for IMR, or None when neither date is known."""
    if service_date is not None:
        start, basis = service_date, "service_date"
    elif letter_date is not None:
        start, basis = letter_date, "letter_date"
    else:
        return None
    method = service_method or legal.default_service_method
    days = legal.imr_filing_days
    extended = EXTENDED_METHODS | ({"fax", "email"} if legal.extend_for_fax_and_email else set())
    if method in extended:
        days += legal.mail_extension_days
    calendar = calendar or CaliforniaCalendar(legal)
    return ImrDeadline(calendar.add_days(start, days), start, basis, method,
                       service_method is None, days)
