"""The dispute letter, read back: every numbered error is a finding, with its page citations."""

import datetime as dt
import re

import docx

from pipeline.analyze.stage import analyze_claim
from pipeline.model import (
    ClaimFacts,
    ClaimFile,
    Document,
    Evidence,
    Impairment,
    QmeBlock,
    Record,
    UrBlock,
)
from pipeline.report.letter import render_letter, write_letter
from pipeline.settings import Settings


def _claim() -> ClaimFile:
    claim = ClaimFile("cf", dt.date(2025, 6, 30),
                      claim=ClaimFacts(claimant_name="Maria L. Gonzalez",
                                       claim_numbers=["05-123456"],
                                       claims_administrator="Golden State Claims Services",
                                       dates_of_injury=[dt.date(2024, 3, 12)]))
    mri = Document("D1", "cf.pdf", 1, 1, type="imaging_report", date=dt.date(2025, 2, 14))
    mri.cite("date", Evidence("cf.pdf", 1, "Date of study: 02/14/2025"))
    ur = Document("D2", "cf.pdf", 2, 3, type="ur_decision", date=dt.date(2025, 4, 2),
                  ur=UrBlock(decision_date=dt.date(2025, 4, 2), overall_decision="denied",
                             rfa_received_date=dt.date(2025, 3, 20), reviewer_name="Dr. Alan Cho",
                             reviewer_specialty="Orthopedic Surgery", guidelines_cited=["MTUS"]))
    ur.cite("ur.decision_date", Evidence("cf.pdf", 3, "Date of decision: 04/02/2025"))
    qme = Document("D3", "cf.pdf", 4, 9, type="qme_report", date=dt.date(2025, 5, 1),
                   qme=QmeBlock(evaluator_name="Dr. Susan Lee", specialty="Orthopedics",
                                exam_date=dt.date(2025, 4, 10), report_date=dt.date(2025, 5, 1),
                                impairments=[Impairment("lumbar spine", 8, where="summary"),
                                             Impairment("right shoulder", 5, where="summary")],
                                combined_wpi=14,
                                records_reviewed=[Record(dt.date(2025, 4, 2), "UR decision")]))
    qme.cite("qme.combined_wpi", Evidence("cf.pdf", 8, "Combined WPI: 14%"))
    qme.cite("qme.exam_date", Evidence("cf.pdf", 4, "Date of examination: 04/10/2025"))
    for doc in (mri, ur, qme):
        doc.claimant_name, doc.claim_number = "Maria L. Gonzalez", "05-123456"
        doc.claims_administrator = "Golden State Claims Services"
    claim.documents = [mri, ur, qme]
    analyze_claim(claim, Settings())
    return claim


def test_every_numbered_error_is_a_finding_with_its_pages(tmp_path):
    claim = _claim()
    write_letter(claim, tmp_path)
    text = (tmp_path / "dispute_letter.md").read_text()
    assert "**Claimant:** Maria L. Gonzalez" in text
    assert "**Claim number:** 05-123456" in text
    assert "**Claims administrator:** Golden State Claims Services" in text
    assert "QME report of Dr. Susan Lee (Orthopedics) dated 05/01/2025" in text
    numbered = re.findall(r"^(\d+)\. (.*)$", text, flags=re.MULTILINE)
    by_id = {f.id: f for f in claim.findings}
    codes = set()
    for n, (number, line) in enumerate(numbered, 1):
        assert int(number) == n
        (fid,) = re.findall(r"\[(F\d{3})\]", line)
        finding = by_id[fid]
        codes.add(finding.code)
        assert finding.category not in ("deadline", "missing_document", "duplicate")
        for ev in finding.evidence:
            assert f"{ev.source} p. {ev.page}" in line
    errors = [f for f in claim.findings
              if f.category not in ("deadline", "missing_document", "duplicate")]
    assert len(numbered) == len(errors)
    assert {"UR_UNTIMELY", "WPI_ARITHMETIC", "QME_RECORD_OMITTED"} <= codes
    assert "imaging report dated 02/14/2025 (cf.pdf p. 1)" in text     # record to attach
    assert "IMR application" in text                                    # deadline listed
    assert "acknowledge receipt of this letter in writing" in text


def test_docx_says_the_same(tmp_path):
    claim = _claim()
    write_letter(claim, tmp_path)
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "dispute_letter.docx")).paragraphs]
    md = (tmp_path / "dispute_letter.md").read_text()
    numbered = [p for p in paragraphs if re.match(r"\d+\. ", p)]
    assert numbered and all(p in md for p in numbered)
    assert any(p.startswith("Please acknowledge receipt") for p in paragraphs)


def test_no_findings_says_so():
    claim = ClaimFile("cf", dt.date(2025, 6, 30))
    text = render_letter(claim)
    assert "No errors were found" in text
    assert not re.search(r"^\d+\. ", text, flags=re.MULTILINE)
