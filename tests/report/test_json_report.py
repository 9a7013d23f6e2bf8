"""report.json is built from the typed ClaimFile and always honours the shared contract."""

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from pipeline.model import (
    Apportionment,
    CheckItem,
    ClaimFile,
    DateRange,
    Document,
    Evidence,
    Finding,
    Impairment,
    ImrBlock,
    Page,
    QmeBlock,
    Record,
    RfaBlock,
    Source,
    TimelineEvent,
    Treatment,
    UrBlock,
)
from pipeline.report.json_report import build_report, load_schema, validate_report, write_report

SHARED_SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "spec" / "report.schema.json"


def full_claim() -> ClaimFile:
    claim = ClaimFile("cf", dt.date(2025, 9, 30))
    claim.sources.append(Source("cf.pdf", "/x/cf.pdf", "0" * 64, "pdf", 3))
    claim.pages = [Page("cf.pdf", n, "text", text_source="text_layer") for n in (1, 2, 3)]
    ev = Evidence("cf.pdf", 1, "Date of decision: 04/02/2025")
    ur = Document("D001", "cf.pdf", 1, 2, type="ur_decision", confidence=0.9,
                  date=dt.date(2025, 4, 2), date_of_injury=DateRange(dt.date(2023, 1, 1),
                                                                     dt.date(2024, 2, 15)))
    ur.cite("ur.decision_date", ev)
    ur.ur = UrBlock(decision_date=dt.date(2025, 4, 2), overall_decision="mixed",
                    treatments=[Treatment("MRI", "denied", cpt="72148", evidence=ev)],
                    records_reviewed=[Record(dt.date(2025, 3, 1), "PR-2", evidence=ev)])
    qme = Document("D002", "cf.pdf", 3, 3, type="qme_report", confidence=0.5)
    qme.qme = QmeBlock(impairments=[Impairment("lumbar spine", 8, "Table 15-3")],
                       apportionment=[Apportionment("lumbar spine", 80, 20, True)],
                       ttd_periods=[DateRange(dt.date(2024, 1, 1), dt.date(2024, 2, 1))])
    qme.rfa, qme.imr = RfaBlock(), ImrBlock(decision="upheld")
    claim.documents = [ur, qme]
    claim.findings = [Finding("UR_UNTIMELY", "high", "late", "D001", evidence=[ev],
                              details={"due": dt.date(2025, 3, 27)}, id="F001")]
    claim.checklists["imr"] = [CheckItem("rfa", "missing")]
    claim.timeline = [TimelineEvent(dt.date(2025, 4, 2), "ur_decision", "UR", "D001", 1)]
    return claim


def test_a_full_report_validates_and_keeps_iso_dates_and_provenance():
    report = build_report(full_claim())
    validate_report(report)
    doc = report["documents"][0]
    assert doc["date_of_injury"] == "2023-01-01/2024-02-15"
    assert doc["provenance"]["ur.decision_date"] == {
        "document": "D001", "source": "cf.pdf", "page": 1,
        "quote": "Date of decision: 04/02/2025"}
    assert report["findings"][0]["category"] == "untimely"
    assert report["findings"][0]["details"] == {"due": "2025-03-27"}
    assert [p["document"] for p in report["pages"]] == ["D001", "D001", "D002"]


def test_a_broken_report_is_refused():
    report = build_report(full_claim())
    report["documents"][0]["type"] = "letter"
    with pytest.raises(jsonschema.ValidationError):
        validate_report(report)


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="../shared/spec not beside this clone")
def test_bundled_schema_is_the_shared_contract():
    assert load_schema() == json.loads(SHARED_SCHEMA.read_text())


def test_write_report_is_atomic_and_leaves_no_temp_files(tmp_path):
    path = write_report(full_claim(), tmp_path)
    assert json.loads(path.read_text())["claim_id"] == "cf"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
