import datetime as dt

from pipeline.analyze.duplicates import comparable_text, dates_agree, find_duplicates
from pipeline.model import ClaimFile, Document, Page

NOTE = ("PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT\nDate of service: 03/10/2025\n"
        "Patient: Maria Gonzalez  DOI: 03/12/2024\nSubjective: low back pain radiating to the "
        "left leg, worse with lifting. Objective: tenderness at L4-5, straight leg raise "
        "positive on the left. Plan: continue physical therapy, request MRI lumbar spine.\n"
        "Work status: modified duty, no lifting over 20 lbs.")


def claim_with(pages: list[Page], spans: list[tuple[str, int, int]]) -> ClaimFile:
    claim = ClaimFile("c", dt.date(2025, 6, 1))
    claim.pages = pages
    claim.documents = [Document(f"D{i + 1:03d}", src, a, b) for i, (src, a, b) in enumerate(spans)]
    return claim


def page(number, text, source="a.pdf"):
    return Page(source=source, number=number, text=text, text_source="text_layer")


def test_later_copy_is_marked_with_pages_and_similarity():
    pages = [page(1, NOTE), page(2, "RFA form\nRequest for authorization 04/01/2025"),
             page(3, "04/20/2025 14:02 FROM: Valley Ortho FAX 5551234 P. 3/9\n" + NOTE)]
    claim = claim_with(pages, [("a.pdf", 1, 1), ("a.pdf", 2, 2), ("a.pdf", 3, 3)])
    find_duplicates(claim)
    first, other, copy = claim.documents
    assert first.duplicate_of is None and other.duplicate_of is None
    assert copy.duplicate_of == "D001"
    assert copy.duplicate_detail.startswith("page 3 match page 1, ")
    assert copy.duplicate_detail.endswith("% text similarity")


def test_ocr_noise_still_matches_across_sources():
    noisy = NOTE.replace("1", "l", 2).replace("o", "0", 3)
    pages = [page(1, NOTE), page(1, noisy, "b.pdf")]
    claim = claim_with(pages, [("a.pdf", 1, 1), ("b.pdf", 1, 1)])
    find_duplicates(claim)
    assert claim.documents[1].duplicate_of == "D001"
    assert "of a.pdf" in claim.documents[1].duplicate_detail


def test_cloned_note_with_another_date_of_service_is_not_a_duplicate():
    later = NOTE.replace("03/10/2025", "04/21/2025")
    claim = claim_with([page(1, NOTE), page(2, later)], [("a.pdf", 1, 1), ("a.pdf", 2, 2)])
    find_duplicates(claim)
    assert claim.documents[1].duplicate_of is None


def test_different_page_counts_are_not_copies():
    claim = claim_with([page(1, NOTE), page(2, NOTE), page(3, NOTE + " addendum")],
                       [("a.pdf", 1, 1), ("a.pdf", 2, 3)])
    find_duplicates(claim)
    assert claim.documents[1].duplicate_of is None


def test_three_copies_all_point_at_the_first():
    claim = claim_with([page(1, NOTE), page(2, NOTE), page(3, NOTE)],
                       [("a.pdf", 1, 1), ("a.pdf", 2, 2), ("a.pdf", 3, 3)])
    find_duplicates(claim)
    assert [d.duplicate_of for d in claim.documents] == [None, "D001", "D001"]


def test_helpers():
    assert comparable_text(page(1, "Page 2 of 3\nHello  World\nBATES 000123")) == "hello world"
    a = frozenset({dt.date(2025, 1, 1), dt.date(2025, 2, 1)})
    assert dates_agree(a, a)
    assert not dates_agree(a, frozenset({dt.date(2025, 3, 1)}))
    assert dates_agree(frozenset(), frozenset())
