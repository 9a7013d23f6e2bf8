"""DOI_MISMATCH (continuous trauma included) and CLAIMANT_MISMATCH (fuzzy names, OCR numbers)."""

import pytest

from pipeline.analyze.rules.identity import (
    claimant_mismatch,
    doi_matches,
    doi_mismatch,
    matches_claim_number,
    own_claim_numbers,
    same_claim_number,
)
from pipeline.model import DateRange

from .builders import d, make_claim, make_ctx, make_doc

CT = DateRange(d("2023-01-01"), d("2024-02-15"))


def test_ct_period_contains_specific_dates_and_its_end():
    assert doi_matches(d("2023-06-01"), CT)
    assert doi_matches(d("2024-02-15"), CT)
    assert not doi_matches(d("2024-03-12"), CT)
    assert doi_matches(CT, d("2024-02-15"))
    assert doi_matches(DateRange(d("2023-03-01"), d("2024-02-15")), CT)
    assert not doi_matches(DateRange(d("2024-03-01"), d("2024-06-15")), CT)


def test_doi_mismatch_against_the_claim():
    form = make_doc("D1", "claim_form", 1, date=d("2024-03-20"), date_of_injury=d("2024-03-12"))
    good = make_doc("D2", "treating_report", 2, date=d("2024-04-01"),
                    date_of_injury=d("2024-03-12"))
    bad = make_doc("D3", "qme_report", 3, date=d("2025-04-01"), date_of_injury=d("2024-03-21"))
    claim = make_claim(form, good, bad, dates_of_injury=[d("2024-03-12")])
    (finding,) = doi_mismatch(claim, make_ctx(claim))
    assert finding.document == "D3" and finding.related == ["D1"]
    assert finding.details == {"expected": "2024-03-12", "found": "2024-03-21"}


def test_ct_claim_accepts_dates_inside_it():
    doc = make_doc("D1", "treating_report", 1, date=d("2024-04-01"),
                   date_of_injury=d("2024-02-15"))
    claim = make_claim(doc, dates_of_injury=[CT])
    assert doi_mismatch(claim, make_ctx(claim)) == []


def test_claim_numbers_forgive_ocr_confusions_only():
    assert same_claim_number("05-123456", "O5-l23456")
    assert same_claim_number("05-123456", "05123456-001")
    assert not same_claim_number("05-123456", "05-123465")


def test_claimant_mismatch_ignores_order_and_middle_initials():
    docs = [make_doc("D1", "treating_report", 1, claimant_name="GONZALEZ, MARIA L.",
                     claim_number="05-123456"),
            make_doc("D2", "treating_report", 2, claimant_name="Maria Gonzalez"),
            make_doc("D3", "imaging_report", 3, claimant_name="Robert Chen",
                     claim_number="05-123456"),
            make_doc("D4", "rfa", 4, claimant_name="Maria L. Gonzalez",
                     claim_number="07-998877")]
    claim = make_claim(*docs, claimant_name="Maria L. Gonzalez", claim_numbers=["05-123456"])
    findings = {f.document: f for f in claimant_mismatch(claim, make_ctx(claim))}
    assert set(findings) == {"D3", "D4"}
    assert findings["D3"].details["claimant_name"] == "Robert Chen"
    assert findings["D4"].details["claim_number"] == "07-998877"
    assert "Robert Chen" in findings["D3"].message


def test_misfiled_document_gets_no_doi_mismatch():
    doc = make_doc("D1", "imaging_report", 1, claimant_name="Robert Chen",
                   date_of_injury=d("2022-01-01"))
    claim = make_claim(doc, claimant_name="Maria Gonzalez", dates_of_injury=[d("2024-03-12")])
    assert doi_mismatch(claim, make_ctx(claim)) == []


def test_a_number_seen_on_one_record_only_is_another_claims():
    own = {"claim_number": "2677583-001"}
    docs = [make_doc("D1", "claim_form", 1, **own), make_doc("D2", "treating_report", 2, **own),
            make_doc("D3", "treating_report", 3, claim_number="05-555065"),
            make_doc("D4", "rfa", 4, **own), make_doc("D5", "ur_decision", 5, **own)]
    # the consolidated facts list every number seen; the misfiled one must still stand out
    claim = make_claim(*docs, claimant_name="Brian Abernathy",
                       claim_numbers=["2677583-001", "05-555065"])
    (finding,) = claimant_mismatch(claim, make_ctx(claim))
    assert finding.document == "D3"
    assert finding.details["expected_claim_numbers"] == ["2677583-001"]


def test_two_claims_in_one_file_are_both_own():
    docs = [make_doc(f"A{i}", "treating_report", i, claim_number="05-111111") for i in range(3)]
    docs += [make_doc(f"B{i}", "treating_report", 10 + i, claim_number="05-222222")
             for i in range(2)]
    docs.append(make_doc("C1", "claim_form", 20, claim_number="05-222222"))
    claim = make_claim(*docs, claimant_name=None, claim_numbers=["05-111111", "05-222222"])
    assert claimant_mismatch(claim, make_ctx(claim)) == []


@pytest.mark.parametrize("read,own", [
    ("88-702", "88-702915"),          # the scan cut the number short
    ("88-7", "88-702915"),
    ("702915", "88-702915"),          # the prefix lost
    ("88-702.915", "88-702915"),      # a stray mark inside
    ("88-762915", "88-702915"),       # 0 read as 6
    ("WC31-4O17", "WC31-4017"),
])
def test_a_misread_claim_number_is_unreadable_not_another_claims(read, own):
    assert matches_claim_number(read, [own])


@pytest.mark.parametrize("other,own", [
    ("88-702951", "88-702915"),       # digits transposed: another number
    ("41-330872", "88-702915"),
    ("88-702925", "88-702915"),       # 1 and 2 are not confused
    ("12", "88-702915"),
])
def test_a_different_claim_number_still_differs(other, own):
    assert not matches_claim_number(other, [own])


def test_truncated_numbers_raise_no_mismatch_and_are_not_own_numbers():
    own = {"claim_number": "88-702915", "claimant_name": "Teodoro V. Alcala"}
    docs = [make_doc(f"D{i}", "treating_report", i, **own) for i in range(1, 5)]
    docs += [make_doc("D5", "imaging_report", 5, claim_number="88-702",
                      claimant_name="Teodoro V. Alcala"),
             make_doc("D6", "rfa", 6, claim_number="88-70", claimant_name="Teodoro V. Alcala"),
             make_doc("D7", "rfa", 7, claim_number="88-70", claimant_name="Teodoro V. Alcala"),
             make_doc("D8", "treating_report", 8, claim_number="31-004417",
                      claimant_name="Wanda Pruitt")]
    claim = make_claim(*docs, claimant_name="Teodoro V. Alcala", claim_numbers=["88-702915"])
    assert own_claim_numbers(claim) == ["88-702915"]
    (finding,) = claimant_mismatch(claim, make_ctx(claim))
    assert finding.document == "D8"
    assert finding.details["claimant_name"] == "Wanda Pruitt"


@pytest.mark.parametrize("read", ["Teodoro V. A1cala", "Teodor0 Alcala", "ALCALA, TEODORA V.",
                                  "Teodoro V. Alcaia", "Tedoro Alcala"])
def test_an_ocr_misread_name_is_the_claimant(read):
    doc = make_doc("D1", "treating_report", 1, claimant_name=read)
    claim = make_claim(doc, claimant_name="Teodoro V. Alcala")
    assert claimant_mismatch(claim, make_ctx(claim)) == []


@pytest.mark.parametrize("other", ["Wanda Pruitt", "Teodoro Salcido", "Ramon V. Alcala",
                                   "Teresa Alvarez"])
def test_another_person_is_still_another_claimant(other):
    doc = make_doc("D1", "treating_report", 1, claimant_name=other)
    claim = make_claim(doc, claimant_name="Teodoro V. Alcala")
    (finding,) = claimant_mismatch(claim, make_ctx(claim))
    assert finding.details["claimant_name"] == other
