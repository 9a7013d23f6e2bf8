"""documents.csv, timeline.csv, findings.csv (and report.xlsx) from a ClaimFile."""

import datetime as dt
import json

import pandas as pd

from pipeline.model import ClaimFile, Document, Evidence, Finding, TimelineEvent
from pipeline.report.tables import write_tables


def test_tables_carry_findings_with_pages_and_details(tmp_path):
    claim = ClaimFile("cf", dt.date(2025, 6, 30))
    claim.documents = [Document("D1", "cf.pdf", 1, 2, type="ur_decision",
                                date=dt.date(2025, 4, 2))]
    claim.findings = [Finding("UR_UNTIMELY", "high", "late", "D1", ["D0"],
                              [Evidence("cf.pdf", 2, "Date of decision"), Evidence("cf.pdf", 2, "Received")],
                              {"kind": "decision", "due": "2025-03-27"}, id="F001")]
    claim.timeline = [TimelineEvent(dt.date(2025, 4, 2), "ur_decision", "UR", "D1", 1, "cf.pdf")]
    write_tables(claim, tmp_path, xlsx=True)
    findings = pd.read_csv(tmp_path / "findings.csv")
    row = findings.iloc[0]
    assert row["code"] == "UR_UNTIMELY" and row["category"] == "untimely"
    assert row["pages"] == "cf.pdf p.2" and row["related"] == "D0"
    assert json.loads(row["details"]) == {"due": "2025-03-27", "kind": "decision"}
    documents = pd.read_csv(tmp_path / "documents.csv")
    assert documents.iloc[0]["date"] == "2025-04-02"
    assert pd.read_csv(tmp_path / "timeline.csv").iloc[0]["kind"] == "ur_decision"
    assert set(pd.read_excel(tmp_path / "report.xlsx", sheet_name=None)) == {
        "documents", "timeline", "findings"}
