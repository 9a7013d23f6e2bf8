"""Tests of pipeline/analyze/timeline.py: dated events in order, with document and page."""

import datetime as dt

from pipeline.analyze.timeline import add_event, build_timeline
from pipeline.model import ClaimFile, DateRange, Document, Evidence


def _claim():
    claim = ClaimFile(claim_id="c", as_of=dt.date(2025, 9, 30))
    ur = Document(id="D002", source="a.pdf", page_start=3, page_end=5, type="ur_decision",
                  date=dt.date(2025, 4, 2), author="Alan Cho", service_date=dt.date(2025, 4, 3))
    ur.cite("date", Evidence("a.pdf", 3, "Date: April 2, 2025"))
    ur.cite("service_date", Evidence("a.pdf", 5, "On April 3, 2025, I served"))
    rfa = Document(id="D001", source="a.pdf", page_start=1, page_end=2, type="rfa",
                   date=dt.date(2025, 3, 18), title="DWC Form RFA")
    undated = Document(id="D003", source="a.pdf", page_start=6, page_end=6, type="other")
    claim.documents = [ur, rfa, undated]
    claim.claim.dates_of_injury = [DateRange(dt.date(2019, 1, 1), dt.date(2023, 3, 15))]
    claim.claim.provenance["dates_of_injury"] = Evidence("a.pdf", 1, "CT", document="D001")
    return claim


def test_one_event_per_dated_document_plus_service_and_injury():
    claim = _claim()
    events = build_timeline(claim)
    assert claim.timeline == events
    got = [(e.date.isoformat(), e.kind, e.document, e.page) for e in events]
    assert got == [
        ("2019-01-01", "injury_period_start", "D001", 1),
        ("2023-03-15", "injury_period_end", "D001", 1),
        ("2025-03-18", "rfa", "D001", 1),
        ("2025-04-02", "ur_decision", "D002", 3),
        ("2025-04-03", "service", "D002", 5),
    ]
    assert events[2].description == "DWC Form RFA"
    assert events[3].description == "UR decision by Alan Cho"


def test_other_modules_events_survive_and_nothing_doubles():
    claim = _claim()
    deadline = add_event(claim, dt.date(2025, 5, 8), "imr_deadline", "IMR application due",
                         claim.document("D002"))
    add_event(claim, dt.date(2025, 5, 8), "imr_deadline", "again", claim.document("D002"))
    build_timeline(claim)
    build_timeline(claim)
    assert [e for e in claim.timeline if e.kind == "imr_deadline"] == [deadline]
    assert len(claim.timeline) == 6
    assert deadline.page == 3 and deadline.source == "a.pdf"


def test_single_injury_date_and_duplicates_skipped():
    claim = _claim()
    claim.claim.dates_of_injury = [dt.date(2024, 3, 12)]
    claim.documents[1].duplicate_of = "D009"
    events = build_timeline(claim)
    assert [e.kind for e in events] == ["injury", "ur_decision", "service"]
