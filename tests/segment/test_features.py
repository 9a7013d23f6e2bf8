import pytest
from segment_pages import boxed_page, text_page

from pipeline.segment.features import (
    fax_sender,
    is_blank,
    is_date_line,
    is_fax_header,
    is_fax_stamp,
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


@pytest.mark.parametrize("line", [
    "11/03/2024 08:41 (714) 555-0101 HARBOR SPINE -> ACME CLAIMS (562) 555-0199 #118 P.003/006",
    "JAN-07-2025 16:02 WESTSIDE REHAB 3105550123 >> COUNTY ADJUSTERS P.4",
])
def test_unlabelled_fax_machine_line_is_a_fax_stamp(line):
    assert is_fax_stamp(line)


def test_footer_with_a_time_but_no_phone_number_is_not_a_fax_stamp():
    assert not is_fax_stamp("Printed 01/12/2025 09:30 Page 2 of 4")


def test_fax_counter_at_the_foot_is_not_the_document_page_counter():
    page = boxed_page(1, [
        (0.05, "LAKESIDE NEUROLOGY"),
        (0.12, "FAX TRANSMITTAL"),
        (0.30, "To: Acme Claims From: Front desk"),
        (0.96, "11/03/2024 08:41 (714) 555-0101 LAKESIDE NEURO -> ACME (562) 555-0199 P.001/005"),
    ])
    feats = page_features(page)
    assert feats.page_of is None
    assert feats.fax_cover


def test_titled_fax_cover_with_a_long_notice_is_still_a_fax_cover():
    notice = " ".join(["This transmission holds privileged health information for the addressee."]
                      * 25)
    page = text_page(1, "FAX TRANSMITTAL\nTo: Acme Claims\nFrom: Lakeside Neurology\n"
                        "Pages including cover: 3\n" + notice)
    assert 1500 < page.chars <= 3000
    assert page_features(page).fax_cover


def test_footer_text_and_mentioned_record_kinds():
    page = boxed_page(1, [
        (0.05, "NORTHGATE FOODS, INC."),
        (0.30, "We are sending the job description you asked for."),
        (0.93, "Northgate Foods Inc. Personnel Office Page 1"),
    ])
    feats = page_features(page)
    assert feats.bottom_text == "northgate foods inc personnel office"
    assert "job_description" in feats.mentioned_types


def test_visit_counter_and_ocr_noisy_service_date():
    feats = page_features(text_page(1, "RIVERBEND CHIROPRACTIC\nTREATMENT NOTE\n"
                                       "Date of service: 03+18-2025  Visit No. 6 of 12\n"
                                       "Adjustment C5-C6, tolerated well."))
    assert feats.dos == "2025-03-18"
    assert feats.visit == 6
    assert page_features(text_page(1, "Therapy plan\nVisit 3/10\nHome program")).visit == 3
    # "next visit" in the plan is no counter
    assert page_features(text_page(1, "Plan: progress at next visit. 2x/wk")).visit is None
