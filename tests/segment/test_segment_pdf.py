"""End to end on a real text-layer PDF (reportlab -> ingest -> segment -> classify).

No mocks: the PDF is written with reportlab, read by the real ingest stage (pdfplumber /
pypdfium2), then split and typed. The blank page is a separator document of its own.
"""

import datetime as dt

import pytest

reportlab = pytest.importorskip("reportlab")

from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from pipeline import ingest  # noqa: E402
from pipeline.classify import classify_documents  # noqa: E402
from pipeline.model import ClaimFile  # noqa: E402
from pipeline.segment import split_documents  # noqa: E402
from pipeline.settings import Settings  # noqa: E402

FAX = "04/02/2025 09:12 FROM: Coastal Claims FAX 5551112222 P. {}/6"
NARRATIVE = ("The requested treatment was reviewed against the MTUS guidelines and the "
             "records provided by the requesting physician.")


def _page(c, lines, footer=None):
    y = 740
    for size, text in lines:
        c.setFont("Helvetica-Bold" if size > 11 else "Helvetica", size)
        c.drawString(60, y, text)
        y -= size + 8
    if footer:
        c.setFont("Helvetica", 9)
        c.drawString(280, 40, footer)
    c.showPage()


def _write_claim(path):
    c = canvas.Canvas(str(path), pagesize=letter)
    body = [(10, NARRATIVE)] * 12
    _page(c, [(9, FAX.format(1)), (20, "FAX"), (11, "To: Dr. Ravi Patel"),
              (11, "From: Coastal Claims"), (11, "Pages including cover: 6")])
    _page(c, [(9, FAX.format(2)), (11, "COASTAL CLAIMS SERVICES"),
              (14, "NOTICE OF UTILIZATION REVIEW DETERMINATION"),
              (10, "Claim No: 05-123456")] + body + [(10, "Request: MRI lumbar spine - "
                                                     "non-certified")], "Page 1 of 2")
    _page(c, [(9, FAX.format(3))] + body + [(10, "Electronically signed by Alan Cho, MD")],
          "Page 2 of 2")
    _page(c, [(9, FAX.format(4)), (14, "REQUEST FOR AUTHORIZATION"), (11, "DWC Form RFA"),
              (10, "[X] New Request   Requested treatment: MRI lumbar spine  CPT/HCPCS 72148")]
          + body)
    _page(c, [])
    _page(c, [(9, FAX.format(6)), (14, "APPLICATION FOR INDEPENDENT MEDICAL REVIEW"),
              (11, "DWC Form IMR"), (10, "Type of utilization review: Regular")] + body)
    c.save()


def test_fax_of_three_documents_with_a_blank_page(tmp_path):
    pdf = tmp_path / "claim.pdf"
    _write_claim(pdf)
    settings = Settings()
    settings.use_cache = False
    settings.ocr.mode = "off"
    claim = ClaimFile("claim", dt.date(2025, 6, 1))
    ingest.read_claim(pdf, claim, settings)
    assert len(claim.pages) == 6

    split_documents(claim)
    classify_documents(claim)
    got = [(d.page_start, d.page_end, d.type) for d in claim.documents]
    assert got == [(1, 1, "correspondence"), (2, 3, "ur_decision"), (4, 4, "rfa"),
                   (5, 5, "other"), (6, 6, "imr_application")]
    assert "after_fax_cover" in claim.documents[1].segmentation
