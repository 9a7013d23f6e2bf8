"""The sequence pass on the tricky cases of issue 4 (pages built in the test)."""

from segment_pages import boxed_page, text_page

from pipeline.model import ClaimFile, Source
from pipeline.segment import split_documents, split_pages

BODY = "\n".join(f"Line {i} of the narrative with findings and discussion." for i in range(12))


def starts(spans):
    return [(s.page_start, s.page_end) for s in spans]


def test_continuation_page_without_title_stays_with_its_document():
    pages = [
        text_page(1, "VALLEY ORTHOPEDICS\nPRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)\n"
                     + BODY),
        text_page(2, "continued from the previous page; plan: physical therapy twice weekly\n"
                     + BODY + "\nSincerely,\nDr. Patel"),
        text_page(3, "GOLDEN STATE UTILIZATION REVIEW\nNOTICE OF UTILIZATION REVIEW DETERMINATION\n"
                     + BODY),
    ]
    spans = split_pages(pages)
    assert starts(spans) == [(1, 2), (3, 3)]
    assert "title" in spans[1].signals


def test_fax_cover_is_its_own_document_and_does_not_swallow_the_fax():
    fax_line = "04/02/2025 09:12 FROM: Coastal Claims FAX 5551112222 P. {}/5"
    pages = [
        text_page(1, fax_line.format(1) + "\nFAX\nTo: Dr. Patel\nFrom: Coastal Claims\n"
                     "Pages including cover: 5\nRe: Maria Gonzalez"),
        text_page(2, fax_line.format(2) + "\nNOTICE OF UTILIZATION REVIEW DETERMINATION\n"
                     + BODY),
        text_page(3, fax_line.format(3) + "\n" + BODY + "\nElectronically signed by Dr. Cho"),
        text_page(4, fax_line.format(4) + "\nAPPLICATION FOR INDEPENDENT MEDICAL REVIEW\n"
                     "DWC Form IMR\n" + BODY),
        text_page(5, fax_line.format(5) + "\n" + BODY),
    ]
    spans = split_pages(pages)
    assert starts(spans) == [(1, 1), (2, 3), (4, 5)]
    assert "fax_cover" in spans[0].signals
    assert "after_fax_cover" in spans[1].signals


def test_report_cover_letter_is_part_of_the_report():
    head = "ANN LEE, M.D.\n100 Main Street, Fresno CA"
    pages = [
        text_page(1, head + "\nApril 3, 2025\nDear Counsel:\nEnclosed please find my "
                     "medical-legal report regarding Ms. Gonzalez.\nSincerely,\nAnn Lee, M.D."),
        text_page(2, head + "\nPANEL QUALIFIED MEDICAL EVALUATION\n" + BODY),
        text_page(3, "Gonzalez, Maria\n" + BODY),
    ]
    spans = split_pages(pages)
    assert starts(spans) == [(1, 3)]
    assert "cover_letter" in spans[0].signals


def test_attorney_transmittal_without_own_report_stays_separate():
    pages = [
        text_page(1, "SMITH & JONES LLP\nAttorneys at Law\nDear Dr. Lee:\nPlease find enclosed "
                     "the records for your review.\nVery truly yours,\nJohn Smith"),
        text_page(2, "VALLEY IMAGING CENTER\nMRI LUMBAR SPINE WITHOUT CONTRAST\n" + BODY),
    ]
    assert starts(split_pages(pages)) == [(1, 1), (2, 2)]


def test_qme_proof_of_service_stays_with_the_report():
    pages = [
        text_page(1, "PANEL QUALIFIED MEDICAL EVALUATION\n" + BODY),
        text_page(2, BODY + "\nI declare under penalty of perjury that the foregoing is true.\n"
                     "Signed this 3rd day of April 2025 at Fresno County\nAnn Lee, M.D."),
        text_page(3, "PROOF OF SERVICE\nI served the foregoing report by mail on the parties "
                     "listed below.\n" + BODY),
    ]
    assert starts(split_pages(pages)) == [(1, 3)]


def test_table_continuing_on_next_page_is_not_a_new_document():
    table = "\n".join(f"{d:02d}/12/2024  Gabapentin 300 mg  1 tab TID  #90" for d in range(1, 13))
    pages = [
        text_page(1, "CENTRAL PHARMACY\nPRESCRIPTION HISTORY\nDate  Drug  Sig  Qty\n" + table),
        text_page(2, table),
        text_page(3, "Date  Drug  Sig  Qty\n" + table),
    ]
    assert starts(split_pages(pages)) == [(1, 3)]


def test_page_chain_beats_a_repeated_title_and_page_one_resets():
    def page(n, k, total, title="PHYSICAL THERAPY DAILY NOTE"):
        return boxed_page(n, [(0.05, "COASTAL PHYSICAL THERAPY"), (0.09, title),
                              (0.4, "Therapeutic exercise 30 minutes, patient tolerated well."),
                              (0.96, f"Page {k} of {total}")])
    pages = [page(1, 1, 2), page(2, 2, 2), page(3, 1, 2), page(4, 2, 2)]
    spans = split_pages(pages)
    assert starts(spans) == [(1, 2), (3, 4)]
    assert "page_1_of_n" in spans[1].signals


def test_ocr_pipe_for_one_in_page_counter():
    pages = [
        boxed_page(1, [(0.05, "OPERATIVE REPORT"), (0.5, "Procedure performed"),
                       (0.96, "Page | of 2")]),
        boxed_page(2, [(0.05, "OPERATIVE REPORT"), (0.5, "Estimated blood loss minimal"),
                       (0.96, "Page 2 of 2")]),
        boxed_page(3, [(0.05, "OPERATIVE REPORT"), (0.5, "Procedure performed"),
                       (0.96, "Page | of 1")]),
    ]
    assert starts(split_pages(pages)) == [(1, 2), (3, 3)]


def test_blank_separator_is_a_document_of_its_own():
    pages = [
        text_page(1, "DOCTOR'S FIRST REPORT OF OCCUPATIONAL INJURY OR ILLNESS\n" + BODY),
        text_page(2, ""),
        text_page(3, ""),
        text_page(4, BODY),                 # no title: the separator alone opens it
        text_page(5, "This page intentionally left blank"),
    ]
    spans = split_pages(pages)
    assert starts(spans) == [(1, 1), (2, 3), (4, 4), (5, 5)]
    assert spans[1].signals == ["blank_separator"]
    assert "after_blank" in spans[2].signals


def test_blank_back_side_inside_a_page_chain_stays_in_the_document():
    pages = [
        boxed_page(1, [(0.05, "OPERATIVE REPORT"), (0.5, "Procedure performed"),
                       (0.96, "Page 1 of 2")]),
        text_page(2, ""),
        boxed_page(3, [(0.5, "Estimated blood loss minimal"), (0.96, "Page 2 of 2")]),
    ]
    assert starts(split_pages(pages)) == [(1, 3)]


def test_leading_blank_page_is_a_separator_too():
    pages = [text_page(1, ""), text_page(2, "WAGE STATEMENT\nGross pay 1,200.00\n" + BODY)]
    spans = split_pages(pages)
    assert starts(spans) == [(1, 1), (2, 2)]
    assert "blank_separator" in spans[0].signals


def test_same_form_twice_in_a_row_splits_on_closing_and_new_date_of_service():
    def pr2(n, dos):
        return text_page(n, "VALLEY ORTHOPEDICS\nPRIMARY TREATING PHYSICIAN'S PROGRESS REPORT\n"
                            f"Date of service: {dos}\n" + BODY + "\nElectronically signed by "
                            "Dr. Patel")
    assert starts(split_pages([pr2(1, "03/01/2025"), pr2(2, "04/15/2025")])) == [(1, 1), (2, 2)]


def test_running_header_with_title_does_not_split_a_report():
    def page(n, extra=""):
        return text_page(n, "AGREED MEDICAL EVALUATION\nRe: Maria Gonzalez  Claim No: 05-123456\n"
                            + BODY + extra)
    assert starts(split_pages([page(1), page(2), page(3)])) == [(1, 3)]


def test_claim_number_change_with_letterhead_splits_misfiled_page():
    pages = [
        text_page(1, "ACME MEDICAL GROUP\nPROGRESS NOTE\nClaim No: 05-123456\n" + BODY),
        text_page(2, "Claim No: 05-123456\n" + BODY + "\nSincerely,\nDr. Wu"),
        text_page(3, "Claim No: 07-999999\n" + BODY),
    ]
    spans = split_pages(pages)
    assert starts(spans) == [(1, 2), (3, 3)]
    assert "claim_number_change" in spans[1].signals


def test_documents_never_span_two_sources_and_ids_are_sequential():
    claim = ClaimFile("c1", as_of=__import__("datetime").date(2025, 1, 1))
    claim.sources = [Source("a.pdf", "/x/a.pdf", "0" * 64, "pdf", 2),
                     Source("b.pdf", "/x/b.pdf", "1" * 64, "pdf", 1)]
    claim.pages = [text_page(1, "OPERATIVE REPORT\n" + BODY, "a.pdf"),
                   text_page(2, BODY, "a.pdf"),
                   text_page(1, BODY, "b.pdf")]
    split_documents(claim)
    assert [(d.id, d.source, d.page_start, d.page_end) for d in claim.documents] == [
        ("D001", "a.pdf", 1, 2), ("D002", "b.pdf", 1, 1)]
    assert claim.documents[1].segmentation == ["source_start"]


def test_dashed_page_counters_chain_and_reset():
    def page(n, k, head=""):
        return text_page(n, f"MARIA GONZALEZ | Claim # 05-1 | DOI 3/12/2024\n- {k} -\n{head}" + BODY)
    pages = [page(1, 1, "ANN LEE, MD\nApril 10, 2026\nDear Counsel:\n"), page(2, 2), page(3, 3),
             page(4, 1, "ROBERT KIM, MD\nMay 1, 2026\nDear Counsel:\n"), page(5, 2)]
    assert starts(split_pages(pages)) == [(1, 3), (4, 5)]


def test_separator_sheet_is_its_own_document_and_what_follows_starts_anew():
    pages = [
        text_page(1, "OPERATIVE REPORT\n" + BODY),
        boxed_page(2, [(0.45, "MEDICAL RECORDS")]),
        text_page(3, BODY),
    ]
    spans = split_pages(pages)
    assert starts(spans) == [(1, 1), (2, 2), (3, 3)]
    assert "slip_sheet" in spans[1].signals


def test_transmittal_letter_after_a_one_page_form_opens_a_document():
    pages = [
        text_page(1, "CURRENT MEDICATION LIST\nPatient: Maria Gonzalez\nGabapentin 300 mg daily\n"
                     "Omeprazole 20 mg daily"),
        text_page(2, "Pacific Risk Administrators\nFresno, California\n1 December 2025\n"
                     "Qualified Medical Evaluator\nClaimant: Maria Gonzalez\nEnclosed please find "
                     "the records listed below for your review in connection with the "
                     "evaluation.\n- MRI report\n- PR-2 progress report\nSincerely,\nR. Ibarra"),
    ]
    spans = split_pages(pages)
    assert starts(spans) == [(1, 1), (2, 2)]
    assert "letter_opening" in spans[1].signals


def test_employer_letter_enclosing_its_own_job_description_is_one_document():
    footer = "Northgate Foods Inc. - Personnel Office - confidential"
    pages = [
        text_page(1, "NORTHGATE FOODS, INC.\n12 Harbor Road, Stockton CA\nJune 2, 2025\n"
                     "Dear Mr. Alvarez:\nAs you asked, enclosed is the job description for the "
                     "warehouse selector position.\nSincerely,\nPat Moreno\n" + footer),
        text_page(2, "JOB DESCRIPTION - WAREHOUSE SELECTOR\nEssential functions\n" + BODY
                     + "\n" + footer),
        text_page(3, "VALLEY ORTHOPEDICS\nPRIMARY TREATING PHYSICIAN'S PROGRESS REPORT\n" + BODY),
    ]
    spans = split_pages(pages)
    assert starts(spans) == [(1, 2), (3, 3)]
    assert "cover_letter" in spans[0].signals


def test_letter_enclosing_someone_elses_record_stays_separate():
    pages = [
        text_page(1, "ACME CLAIMS SERVICES\nJune 2, 2025\nDear Dr. Lee:\nEnclosed is the job "
                     "description the employer sent us.\nSincerely,\nKim Park\nAcme Claims"),
        text_page(2, "JOB DESCRIPTION - WAREHOUSE SELECTOR\nEssential functions\n" + BODY
                     + "\nNorthgate Foods Inc. - Personnel Office - confidential"),
    ]
    assert starts(split_pages(pages)) == [(1, 1), (2, 2)]


def test_fax_stamp_at_the_foot_does_not_chain_the_fax_cover_to_the_form_behind_it():
    stamp = "02/03/2025 11:20 (559) 555-0140 VALLEY ORTHO -> ACME UR (559) 555-0177 P.00{}/003"
    pages = [
        text_page(1, "VALLEY ORTHOPEDICS\nFAX TRANSMITTAL\nTo: Acme UR\nFrom: Authorizations\n"
                     "Pages (incl. cover): 3\n" + stamp.format(1)),
        text_page(2, "REQUEST FOR AUTHORIZATION\nDWC Form RFA\n" + BODY + "\n" + stamp.format(2)),
        text_page(3, BODY + "\n" + stamp.format(3)),
    ]
    spans = split_pages(pages)
    assert starts(spans) == [(1, 1), (2, 3)]


def test_daily_notes_of_successive_visits_split_even_when_the_dates_are_unreadable():
    def note(visit):
        return ("HILLTOP REHAB CLINIC\nDAILY NOTE\nPatient: Ruiz, Ana  DOS: ##/##/##\n"
                f"Visit #: {visit} / 12\n" + BODY + "\nS. Park, PT")
    spans = split_pages([text_page(n, note(n + 2)) for n in (1, 2, 3)])
    assert starts(spans) == [(1, 1), (2, 2), (3, 3)]
