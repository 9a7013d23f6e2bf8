"""The terminal summary: counts by type and severity, deadlines still ahead."""

import datetime as dt
import io

from pipeline.model import ClaimFile, Document, Finding
from pipeline.report.summary import print_summary, upcoming_deadlines


def _claim():
    claim = ClaimFile("cf", dt.date(2025, 6, 30))
    claim.documents = [Document("D1", "cf.pdf", 1, 2, type="ur_decision"),
                       Document("D2", "cf.pdf", 3, 3, type="ur_decision")]
    claim.findings = [
        Finding("UR_UNTIMELY", "high", "late", "D1", id="F001"),
        Finding("IMR_DEADLINE", "low", "d", "D1", id="F002",
                details={"deadline": "2025-07-20", "days_left": 20}),
        Finding("IMR_DEADLINE", "info", "d", "D2", id="F003",
                details={"deadline": "2025-06-01", "days_left": -29}),
    ]
    return claim


def test_upcoming_deadlines_leave_out_passed_ones():
    assert upcoming_deadlines(_claim()) == [("2025-07-20", "IMR_DEADLINE", 20, "D1", "F002")]


def test_summary_prints_counts_and_deadlines():
    out = io.StringIO()
    print_summary(_claim(), out)
    text = out.getvalue()
    assert "2 documents" in text and "ur_decision" in text
    assert "3 findings" in text and "UR_UNTIMELY" in text and "IMR_DEADLINE" in text
    assert "2025-07-20" in text and "2025-06-01" not in text
