"""IMR_DEADLINE, PANEL_STRIKE_DEADLINE and QME_OBJECTION_DEADLINE relative to as_of."""

from pipeline.analyze.rules.deadlines import (
    imr_deadline_findings,
    panel_strike_findings,
    qme_objection_findings,
)
from pipeline.model import QmeBlock, Treatment, UrBlock

from .builders import d, make_claim, make_ctx, make_doc


def _ur(method=None, served="2025-04-03", decision="denied"):
    return make_doc("D1", "ur_decision", 1, date=d("2025-04-02"),
                    ur=UrBlock(decision_date=d("2025-04-02"), service_date=d(served),
                               service_method=method, overall_decision=decision,
                               treatments=[Treatment("MRI", decision)]))


def test_mail_service_adds_five_days():
    claim = make_claim(_ur("mail"), as_of="2025-04-20")
    (finding,) = imr_deadline_findings(claim, make_ctx(claim))
    # 04/03 + 35 = 05/08 (Thu)
    assert finding.details["deadline"] == "2025-05-08"
    assert finding.details["days_left"] == 18
    assert finding.severity == "low" and finding.category == "deadline"


def test_fax_service_has_no_extension_and_weekend_rolls_forward():
    claim = make_claim(_ur("fax", served="2025-04-05"), as_of="2025-05-06")
    (finding,) = imr_deadline_findings(claim, make_ctx(claim))
    # 04/05 + 30 = Mon 05/05
    assert finding.details["deadline"] == "2025-05-05"
    assert finding.details["days_left"] == -1
    assert finding.severity == "info" and "passed" in finding.message


def test_no_method_shown_defaults_to_mail():
    claim = make_claim(_ur(None), as_of="2025-05-05")
    (finding,) = imr_deadline_findings(claim, make_ctx(claim))
    assert finding.details["deadline"] == "2025-05-08"
    assert finding.details["method_assumed"] is True
    assert finding.severity == "high"          # 3 days left


def test_approval_gets_no_imr_deadline():
    claim = make_claim(_ur("mail", decision="approved"))
    assert imr_deadline_findings(claim, make_ctx(claim)) == []


def test_panel_strike_deadline():
    panel = make_doc("D1", "qme_panel_list", 1, date=d("2025-06-02"))
    claim = make_claim(panel, as_of="2025-06-10")
    (finding,) = panel_strike_findings(claim, make_ctx(claim))
    assert finding.details["deadline"] == "2025-06-17"     # 10 + 5 by mail
    assert finding.details["days_left"] == 7


def test_qme_objection_deadline_from_service_with_mail_extension():
    report = make_doc("D1", "qme_report", 1, date=d("2025-05-20"),
                      qme=QmeBlock(report_date=d("2025-05-20"), service_date=d("2025-05-22")))
    claim = make_claim(report, as_of="2025-06-01")
    (finding,) = qme_objection_findings(claim, make_ctx(claim))
    # 05/22 + 35 = Thu 06/26
    assert finding.details["deadline"] == "2025-06-26"
    assert finding.details["days_left"] == 25
    assert "represented cases have no fixed deadline" in finding.message


def test_misfiled_letter_raises_no_deadline():
    ur = _ur("mail")
    ur.claimant_name = "Robert Chen"
    claim = make_claim(ur, claimant_name="Maria Gonzalez")
    assert imr_deadline_findings(claim, make_ctx(claim)) == []


def test_deferral_notice_is_not_an_imr_decision():
    ur = _ur("mail", decision="delayed")
    ur.ur.notice_kind = "deferral"
    claim = make_claim(ur)
    assert imr_deadline_findings(claim, make_ctx(claim)) == []


def test_mixed_letter_with_one_denial_gets_a_deadline():
    ur = _ur("fax", decision="approved")
    ur.ur.overall_decision = "mixed"
    ur.ur.treatments.append(Treatment("Lumbar ESI", "denied"))
    claim = make_claim(ur, as_of="2025-04-20")
    (finding,) = imr_deadline_findings(claim, make_ctx(claim))
    assert finding.details["deadline"] == "2025-05-05"     # 04/03 + 30 = Sat 05/03 -> Mon
