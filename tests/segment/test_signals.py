"""Each signal on its own, from hand-built PageFeatures."""

from pipeline.classify.patterns import Hit
from pipeline.segment import signals as sig
from pipeline.segment.features import PageFeatures


def feats(**kw) -> PageFeatures:
    base = dict(source="a.pdf", number=1, blank=False)
    base.update(kw)
    return PageFeatures(**base)


def title(kind_type: str) -> Hit:
    return Hit(kind_type, "title", 1.0, None, 0, 5, "TITLE")


def ctx(page, prev=None, blank=False):
    return sig.Context(page, prev, blank)


def test_title_counts_fully_when_new_and_less_when_repeated():
    rfa, ur = title("rfa"), title("ur_decision")
    assert sig.title_at_top(ctx(feats(titles=[rfa]), feats(titles=[ur]))) == 1.0
    assert sig.title_at_top(ctx(feats(titles=[rfa]), feats(titles=[rfa]))) == 0.6
    assert sig.title_at_top(ctx(feats())) == 0.0
    assert sig.title_at_top(ctx(feats(titles=[rfa], service_page=True))) == 0.0


def test_page_counter_signals():
    assert sig.page_one(ctx(feats(page_of=(1, 3)))) == 1.0
    assert sig.page_one(ctx(feats(page_of=(2, 3)))) == 0.0
    assert sig.page_chain(ctx(feats(page_of=(2, 3)), feats(page_of=(1, 3)))) == -3.0
    assert sig.page_chain(ctx(feats(page_of=(2, 3)), feats(page_of=(1, 4)))) == -0.5
    assert sig.page_chain(ctx(feats(page_of=(1, 3)), feats(page_of=(3, 3)))) == 0.0
    assert sig.chain_complete(ctx(feats(), feats(page_of=(3, 3)))) == 0.5
    assert sig.chain_complete(ctx(feats(), feats(page_of=(2, 3)))) == 0.0


def test_fax_signals():
    assert sig.prev_fax_cover(ctx(feats(), feats(fax_cover=True))) > 3.0
    assert sig.fax_cover(ctx(feats(fax_cover=True))) >= sig.START_THRESHOLD
    assert sig.fax_sender_change(ctx(feats(fax_sender="valley ortho"),
                                     feats(fax_sender="golden claims"))) == 0.5
    assert sig.fax_sender_change(ctx(feats(fax_sender="valley ortho"),
                                     feats(fax_sender="valley orth"))) == 0.0
    assert sig.fax_sender_change(ctx(feats(fax_sender="valley ortho"), feats())) == 0.5
    assert sig.fax_sender_change(ctx(feats(), feats(fax_sender="x"))) == 0.0


def test_identity_and_service_date_changes():
    assert sig.claim_number_change(ctx(feats(claim_number="1"), feats(claim_number="2"))) > 0
    assert sig.claim_number_change(ctx(feats(claim_number="1"), feats(claim_number="1"))) == 0
    assert sig.claim_number_change(ctx(feats(claim_number="1"), feats())) == 0
    assert sig.service_date_change(ctx(feats(dos="030125"), feats(dos="041525"))) > 0
    assert sig.service_date_change(ctx(feats(dos="030125"), feats(dos="030125"))) == 0


def test_closing_blank_and_service_page():
    assert sig.prev_closing(ctx(feats(), feats(closing=True))) == 0.4
    assert sig.prev_closing(ctx(feats(), feats())) == 0.0
    assert sig.after_blank(ctx(feats(), feats(), blank=True)) == 0.3
    assert sig.service_page(ctx(feats(service_page=True))) < 0


def test_letterhead_similarity():
    head = "valley orthopedic medical group fresno california"
    assert sig.letterhead_change(ctx(feats(top_text=head), feats(top_text=head))) < 0
    other = "golden state utilization review services sacramento"
    assert sig.letterhead_change(ctx(feats(top_text=other, titles=[title("ur_decision")]),
                                     feats(top_text=head))) > 0


def test_evaluate_reports_only_fired_signals():
    fired = sig.evaluate(ctx(feats(page_of=(1, 2)), feats(closing=True)))
    assert fired == {"page_1_of_n": 1.0, "previous_page_closed": 0.4}


def test_reference_title_counts_only_without_a_heading_and_when_new():
    qme = Hit("qme_report", "title", 1.5, None, 4, 30, "Panel Qualified Medical Evaluation")
    assert sig.reference_title(ctx(feats(reference_titles=[qme]), feats())) == 0.6
    assert sig.reference_title(ctx(feats(reference_titles=[qme]),
                                   feats(reference_titles=[qme]))) == 0.0
    assert sig.reference_title(ctx(feats(reference_titles=[qme], titles=[title("rfa")]))) == 0


def test_letter_opening_is_stronger_with_a_date_line():
    assert sig.letter_opening(ctx(feats(salutation=True))) == 0.6
    assert sig.letter_opening(ctx(feats(salutation=True, date_line=True))) == 1.0
    assert sig.letter_opening(ctx(feats(date_line=True))) == 0.0


def test_slip_sheet_stands_alone():
    assert sig.slip_sheet(ctx(feats(slip_sheet=True), feats())) >= sig.START_THRESHOLD
    assert sig.slip_sheet(ctx(feats(), feats(slip_sheet=True))) >= sig.START_THRESHOLD
    assert sig.slip_sheet(ctx(feats(), feats())) == 0.0


def test_counter_without_total_is_weaker_but_chains():
    assert sig.page_one(ctx(feats(page_of=(1, 0)))) == 0.7
    assert sig.page_chain(ctx(feats(page_of=(3, 0)), feats(page_of=(2, 0)))) == -3.0
    assert sig.chain_complete(ctx(feats(), feats(page_of=(2, 0)))) == 0.0


def test_visit_change_marks_the_note_of_another_visit():
    assert sig.visit_change(ctx(feats(visit=5), feats(visit=4))) == 0.5
    assert sig.visit_change(ctx(feats(visit=4), feats(visit=4))) == 0.0
    assert sig.visit_change(ctx(feats(visit=4), feats())) == 0.0
