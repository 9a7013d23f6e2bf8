"""UR_UNTIMELY and UR_NOTICE_DEFECT on typed documents, with the real California calendar."""

from pipeline.analyze.calendar import CaliforniaCalendar
from pipeline.analyze.rules.ur import (
    notice_missing,
    ur_decision_due,
    ur_notice_defect,
    ur_timeliness,
    ur_untimely,
)
from pipeline.model import RfaBlock, Treatment, UrBlock
from pipeline.settings import LegalSettings

from .builders import d, make_claim, make_ctx, make_doc

LEGAL = LegalSettings()
CAL = CaliforniaCalendar(LEGAL)


def test_five_business_days_skip_the_weekend():
    ur = UrBlock(rfa_received_date=d("2025-03-20"), decision_date=d("2025-03-27"))
    assert ur_decision_due(ur, CAL, LEGAL)[0] == d("2025-03-27")   # Thu -> next Thu
    assert ur_timeliness(ur, CAL, LEGAL) is None
    ur.decision_date = d("2025-03-28")
    details = ur_timeliness(ur, CAL, LEGAL)
    assert details["kind"] == "decision"
    assert details["due"] == d("2025-03-27") and details["actual"] == d("2025-03-28")


def test_cesar_chavez_day_is_not_a_business_day():
    # received Thu 2025-03-27: Fri 28 (1), Mon 31 is a state holiday, Tue 1 .. Fri 4 (5)
    ur = UrBlock(rfa_received_date=d("2025-03-27"), decision_date=d("2025-04-04"))
    assert ur_decision_due(ur, CAL, LEGAL)[0] == d("2025-04-04")
    assert ur_timeliness(ur, CAL, LEGAL) is None
    ur.decision_date = d("2025-04-07")
    assert ur_timeliness(ur, CAL, LEGAL)["due"] == d("2025-04-04")


def test_information_request_expedited_and_retrospective_clocks():
    received = d("2025-03-03")
    info = UrBlock(rfa_received_date=received, additional_info_requested=True)
    assert ur_decision_due(info, CAL, LEGAL)[0] == d("2025-03-17")
    expedited = UrBlock(rfa_received_date=received, expedited=True, decision_date=d("2025-03-07"))
    assert ur_decision_due(expedited, CAL, LEGAL)[0] == d("2025-03-06")
    assert ur_timeliness(expedited, CAL, LEGAL)["kind"] == "decision"
    retro = UrBlock(rfa_received_date=received, review_type="retrospective")
    # 30 days after 03/03 is Wed 04/02
    assert ur_decision_due(retro, CAL, LEGAL)[0] == d("2025-04-02")


def test_calendar_period_ending_on_a_weekend_rolls_forward():
    # 14 days after Sat 2025-03-08 is Sat 03/22 -> Mon 03/24
    info = UrBlock(rfa_received_date=d("2025-03-08"), additional_info_requested=True,
                   decision_date=d("2025-03-24"))
    assert ur_decision_due(info, CAL, LEGAL)[0] == d("2025-03-24")
    assert ur_timeliness(info, CAL, LEGAL) is None


def test_late_written_communication_is_untimely():
    ur = UrBlock(rfa_received_date=d("2025-03-20"), decision_date=d("2025-03-25"),
                 service_date=d("2025-04-01"))
    details = ur_timeliness(ur, CAL, LEGAL)
    assert details["kind"] == "communication"
    assert details["due"] == d("2025-03-27") and details["actual"] == d("2025-04-01")
    ur.service_date = d("2025-03-27")
    assert ur_timeliness(ur, CAL, LEGAL) is None


def test_no_receipt_date_no_finding():
    assert ur_timeliness(UrBlock(decision_date=d("2025-04-02")), CAL, LEGAL) is None


def _rfa_and_ur(decided: str):
    rfa = make_doc("D1", "rfa", 1, date=d("2025-03-18"),
                   rfa=RfaBlock(requesting_physician="Dr. Ravi Patel",
                                date_signed=d("2025-03-18"), received_date=d("2025-03-20"),
                                treatments=[Treatment("MRI lumbar spine", cpt="72148"),
                                            Treatment("Physical therapy 2x6")]))
    ur = make_doc("D2", "ur_decision", 2, 2, date=d(decided),
                  ur=UrBlock(decision_date=d(decided), rfa_received_date=d("2025-03-20"),
                             overall_decision="mixed", reviewer_name="Dr. Alan Cho",
                             reviewer_specialty="Orthopedic Surgery", guidelines_cited=["MTUS"],
                             treatments=[Treatment("MRI lumbar spine", "denied", cpt="72148"),
                                         Treatment("Physical therapy 2x6", "approved")]))
    return rfa, ur


def test_untimely_finding_disputes_the_letter_and_relates_the_rfa():
    rfa, ur = _rfa_and_ur("2025-04-02")
    claim = make_claim(rfa, ur)
    (finding,) = ur_untimely(claim, make_ctx(claim))
    assert finding.code == "UR_UNTIMELY" and finding.severity == "high"
    assert finding.document == "D2" and finding.related == ["D1"]
    assert finding.details == {"kind": "decision", "due": "2025-03-27", "actual": "2025-04-02",
                               "received": "2025-03-20", "basis": "5 business days"}
    assert "03/27/2025" in finding.message and finding.evidence[0].page == 2


def test_timely_letter_has_no_finding():
    rfa, ur = _rfa_and_ur("2025-03-26")
    claim = make_claim(rfa, ur)
    assert ur_untimely(claim, make_ctx(claim)) == []


def test_notice_defect_lists_what_is_missing():
    ur = UrBlock(overall_decision="denied", reviewer_name="Dr. Alan Cho",
                 clinical_rationale=True, imr_rights_notice=False, imr_form_enclosed=None)
    assert notice_missing(ur) == ["reviewer_specialty", "guideline", "imr_rights_notice"]
    doc = make_doc("D1", "ur_decision", 1, date=d("2025-04-02"), ur=ur)
    (finding,) = ur_notice_defect(make_claim(doc), make_ctx(make_claim(doc)))
    assert finding.severity == "medium"
    assert finding.details["missing"] == ["reviewer_specialty", "guideline", "imr_rights_notice"]


def test_approval_letter_owes_no_notice_content():
    ur = UrBlock(overall_decision="approved",
                 treatments=[Treatment("MRI lumbar spine", "approved")])
    doc = make_doc("D1", "ur_decision", 1, date=d("2025-04-02"), ur=ur)
    claim = make_claim(doc)
    assert ur_notice_defect(claim, make_ctx(claim)) == []


def test_deferral_and_incomplete_request_notices_have_no_decision_clock():
    """A notice that defers review (liability disputed) or sends back an incomplete request
    decides nothing; its dates are not a late decision nor a late communication."""
    for kind in ("deferral", "incomplete_rfa"):
        notice = make_doc("N1", "ur_decision", 1, date=d("2025-03-31"),
                          ur=UrBlock(notice_kind=kind, overall_decision="delayed",
                                     rfa_received_date=d("2025-03-20"),
                                     decision_date=d("2025-03-31"),
                                     service_date=d("2025-04-08")))
        claim = make_claim(notice)
        assert ur_untimely(claim, make_ctx(claim)) == []
    notice.ur.notice_kind = "decision"
    assert [f.code for f in ur_untimely(claim, make_ctx(claim))] == ["UR_UNTIMELY"]
