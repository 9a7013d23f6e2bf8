"""What every rule receives besides the claim file: settings, calendar, as_of, record matches."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from pipeline.model import ClaimFile, Document
from pipeline.settings import LegalSettings, Settings

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.analyze.matching import RecordMatch


class Calendar(Protocol):
    """The API of ``pipeline.analyze.calendar.CaliforniaCalendar`` the rules use."""

    def is_business_day(self, day: dt.date) -> bool: ...

    def add_business_days(self, day: dt.date, n: int) -> dt.date: ...

    def add_days(self, day: dt.date, n: int) -> dt.date: ...


@dataclass
class RuleContext:
    settings: Settings
    calendar: Calendar | None
    as_of: dt.date
    matches: list[RecordMatch] = field(default_factory=list)

    @property
    def legal(self) -> LegalSettings:
        return self.settings.legal


def live_documents(claim: ClaimFile, *types: str) -> list[Document]:
    """The claimant's own documents (optionally of the given types): no duplicates of an earlier
    document, no documents naming another claimant or claim number (CLAIMANT_MISMATCH), which
    neither raise deadlines nor satisfy checklist items of this claim."""
    from pipeline.analyze.rules.identity import misfiled_ids
    misfiled = misfiled_ids(claim)
    return [d for d in claim.documents
            if d.duplicate_of is None and d.id not in misfiled and (not types or d.type in types)]


NON_APPROVED = frozenset({"denied", "modified", "delayed"})


#: notices that decide no medical necessity: a deferral (liability disputed, LC 4610(l)) and
#: a returned incomplete RFA; neither is open to IMR nor owes its content (domain §2.5, §4)
NOT_DECISIONS = frozenset({"deferral", "incomplete_rfa"})


def disputes_treatment(doc: Document) -> bool:
    """A UR decision that denies, modifies or delays (LC 4610(i)) at least one treatment."""
    if doc.type != "ur_decision" or doc.ur is None or doc.ur.notice_kind in NOT_DECISIONS:
        return False
    if doc.ur.overall_decision in NON_APPROVED:
        return True
    return any(t.decision in NON_APPROVED for t in doc.ur.treatments)
