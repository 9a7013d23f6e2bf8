import pytest
from segment_pages import boxed_page, text_page

from pipeline.segment.features import (
    fax_sender,
    is_blank,
    is_date_line,
    is_fax_header,
    is_slip_sheet_text,
    page_features,
    read_page_number,
    read_page_of,
)


@pytest.mark.parametrize("text, expected", [
    ("Page 2 of 5", (2, 5)),
    ("Page | of 4", (1, 4)),          # OCR writes | for 1
    ("page I of 3", (1, 3)),
    ("Pg. 3/1O", (3, 10)),            # O for 0
    ("- 2 of 7 -", (2, 7)),
    ("Page 6 of 5", None),            # impossible counter
    ("The 2 of them went home", None),
])
def test_read_page_of(text, expected):
    assert read_page_of(text) == expected


def test_fax_header_recognised_and_sender_normalised():
    line = "03/21/2025 10:15 AM FROM: Valley Ortho Group FAX 555-123-4567 P. 002/007"
    assert is_fax_header(line)
    assert fax_sender(line) == "valley ortho group"
    assert not is_fax_header("Phone (555) 111-2222  Fax (555) 111-3333")


def test_blank_and_intentionally_blank_pages():
    assert is_blank(text_page(1, "  \n "))
    assert is_blank(text_page(1, "This page intentionally left blank."))
    assert not is_blank(text_page(1, "PROGRESS REPORT\nPatient seen today."))


def test_fax_page_counter_is_not_the_document_page_counter():
    page = boxed_page(2, [
        (0.01, "03/21/2025 10:15 FROM: Valley Ortho FAX 5551234567 Page 2 of 9"),
        (0.10, "PROGRESS REPORT"),
        (0.50, "Patient reports pain."),
        (0.95, "Page 1 of 2"),
    ])
    feats = page_features(page)
    assert feats.page_of == (1, 2)
    assert feats.fax_sender == "valley ortho"
    assert "treating_report" in feats.title_types


def test_title_inside_records_list_is_not_a_heading():
    page = text_page(3, "03/10/2025 MRI of the lumbar spine, read by Dr. Lee\n"
                        "04/01/2025 Operative report, Dr. Wong\nmore text here")
    assert page_features(page).titles == []


def test_markers_closing_service_and_cover():
    letter = text_page(1, "Dear Counsel,\nEnclosed is my report of the evaluation.\n" + "x\n" * 6
                       + "Sincerely,\nDr. Ann Lee")
    feats = page_features(letter)
    assert feats.closing and feats.own_report_cover and feats.transmittal
    pos = text_page(9, "PROOF OF SERVICE\nI served the report by mail on ...")
    assert page_features(pos).service_page


@pytest.mark.parametrize("text, expected", [
    ("- 3 -", (3, 0)),
    ("Page 4", (4, 0)),
    ("PR-2 - page 2", (2, 0)),
    ("Pg. I", (1, 0)),
    ("Lumbar spine 4", None),
])
def test_read_page_number_without_total(text, expected):
    assert read_page_number(text) == expected


def test_lone_number_counts_only_when_asked():
    assert read_page_number("7") is None
    assert read_page_number("7", lone=True) == (7, 0)


def test_date_line_and_slip_sheet():
    assert is_date_line("April 10, 2026")
    assert is_date_line("03/24/2026")
    assert not is_date_line("Date of Injury: 09/01/2025 and 10/01/2025")
    assert is_slip_sheet_text("MEDICAL RECORDS")
    assert not is_slip_sheet_text("Page 2")
    assert not is_slip_sheet_text("Sincerely, Dr. Ann Lee, page 3 of 3 signed 2025")


def test_heading_block_ends_where_the_narrative_begins():
    page = text_page(5, "Past history: none.\nThe patient reports that the pain in the low back "
                        "has been getting worse over the last weeks\nCurrent Medications: "
                        "Gabapentin 300 mg\nmore text")
    assert page_features(page).titles == []
    letter = text_page(1, "Pacific Risk Administrators\nFresno, California\nMar. 23rd, 2026\n"
                          "Dr. Grace Marsh\nInjured Worker: Maria T. Pacheco\nClaim No.: WC19-1\n"
                          "Employer: Capitol Steel\nNOTICE OF DEFERRAL OF UTILIZATION REVIEW\n"
                          "We received your request and the review of it is deferred.")
    feats = page_features(letter)
    assert feats.title_types == {"ur_decision"} and feats.date_line
