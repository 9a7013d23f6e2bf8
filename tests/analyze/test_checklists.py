"""Pre-QME and IMR checklists and their MISSING_DOCUMENT findings."""

from rules.builders import d, make_claim, make_ctx, make_doc

from pipeline.analyze.checklists import (
    build_checklists,
    imr_checklist,
    missing_document_findings,
    pre_qme_checklist,
)
from pipeline.model import (
    IMR_ITEMS,
    PRE_QME_ITEMS,
    ImrBlock,
    QmeBlock,
    Record,
    RfaBlock,
    Treatment,
    UrBlock,
)


def _status(rows):
    return {row.item: row.status for row in rows}


def _ur(decision="denied"):
    return make_doc("U1", "ur_decision", 10, date=d("2025-04-02"),
                    ur=UrBlock(decision_date=d("2025-04-02"), rfa_received_date=d("2025-03-20"),
                               service_date=d("2025-04-03"), service_method="mail",
                               overall_decision=decision,
                               treatments=[Treatment("MRI lumbar spine", decision)]))


def test_imr_list_not_applicable_without_a_disputed_ur():
    rows = imr_checklist(make_claim(_ur("approved")))
    assert [r.item for r in rows] == list(IMR_ITEMS)
    assert set(_status(rows).values()) == {"not_applicable"}


def test_imr_without_application():
    pr2 = make_doc("T1", "treating_report", 1, date=d("2025-03-10"))
    claim = make_claim(pr2, _ur())
    status = _status(imr_checklist(claim, make_ctx(claim)))
    assert status == {"ur_decision": "present", "imr_application": "missing",
                      "imr_application_signed": "not_applicable",
                      "imr_review_type_indicated": "not_applicable",
                      "imr_jcn_present": "not_applicable",
                      "imr_application_timely": "not_applicable",
                      "rfa": "missing", "supporting_records": "present"}


def test_imr_application_contents_and_timeliness():
    app = make_doc("A1", "imr_application", 12, date=d("2025-05-20"),
                   imr=ImrBlock(kind="application", signed=False, review_type_marked=True,
                                jcn="ABC123", application_date=d("2025-05-20"),
                                ur_decision_date=d("2025-04-02")))
    claim = make_claim(_ur(), app)
    status = _status(imr_checklist(claim, make_ctx(claim)))
    assert status["imr_application"] == "present"
    assert status["imr_application_signed"] == "missing"
    assert status["imr_review_type_indicated"] == "present"
    assert status["imr_jcn_present"] == "present"
    assert status["imr_application_timely"] == "not_applicable"     # unsigned: not filed
    app.imr.signed = True
    # served by mail 04/03: deadline 05/08; filed 05/20
    assert _status(imr_checklist(claim, make_ctx(claim)))["imr_application_timely"] == "missing"
    app.imr.application_date = d("2025-05-08")
    assert _status(imr_checklist(claim, make_ctx(claim)))["imr_application_timely"] == "present"


def test_application_for_an_earlier_ur_letter_does_not_count():
    app = make_doc("A1", "imr_application", 12, date=d("2025-02-01"),
                   imr=ImrBlock(kind="application", signed=True,
                                ur_decision_date=d("2025-01-15")))
    claim = make_claim(_ur(), app)
    assert _status(imr_checklist(claim, make_ctx(claim)))["imr_application"] == "missing"


def test_pre_qme_rows_in_contract_order():
    rows = pre_qme_checklist(make_claim(make_doc("T1", "treating_report", 1)))
    assert [r.item for r in rows] == list(PRE_QME_ITEMS)
    assert _status(rows)["treating_reports"] == "present"
    assert rows[0].documents == ["T1"]
    assert _status(rows)["wage_statement"] == "missing"


def test_pre_qme_items_owed_only_when_the_file_shows_them():
    pr2 = make_doc("T1", "treating_report", 1, date=d("2025-03-10"))
    rfa = make_doc("R1", "rfa", 2, date=d("2025-03-18"))
    ur = make_doc("U1", "ur_decision", 3, date=d("2025-03-25"))
    texts = {"T1": "Patient is status post right knee arthroscopy in 2019. No prior surgery "
                   "on the back.",
             "R1": "Request: lumbar fusion surgery.",
             "U1": "Peer-to-peer: attempted, unable to reach Dr. Patel."}
    status = _status(pre_qme_checklist(make_claim(pr2, rfa, ur, texts=texts)))
    assert status["operative_reports"] == "missing"         # surgery happened
    assert status["peer_to_peer_notes"] == "not_applicable"  # the call never took place
    assert status["prior_imr_decisions"] == "not_applicable"
    texts["T1"] = "Patient denies prior surgery."
    texts["U1"] = "A peer-to-peer discussion was held with Dr. Patel on 03/24/2025."
    status = _status(pre_qme_checklist(make_claim(pr2, rfa, ur, texts=texts)))
    assert status["operative_reports"] == "not_applicable"   # only requested in the RFA
    assert status["peer_to_peer_notes"] == "missing"


def test_missing_rows_become_findings():
    pr2 = make_doc("T1", "treating_report", 1, date=d("2025-03-10"))
    claim = make_claim(pr2, _ur())
    build_checklists(claim, make_ctx(claim))
    findings = missing_document_findings(claim)
    imr = sorted(f.details["item"] for f in findings if f.details["checklist"] == "imr")
    assert imr == ["imr_application", "rfa"]
    pre_qme = {f.details["item"] for f in findings if f.details["checklist"] == "pre_qme"}
    assert pre_qme == {r.item for r in claim.checklists["pre_qme"] if r.status == "missing"}
    assert "treating_reports" not in pre_qme
    assert all(f.code == "MISSING_DOCUMENT" and f.document is None for f in findings)


def _owed(texts, *extra):
    pr2 = make_doc("T1", "treating_report", 1, date=d("2025-03-10"))
    letter = make_doc("U1", "ur_decision", 3, date=d("2025-03-25"))
    other = make_doc("X1", "correspondence", 4, date=d("2025-03-26"))
    return _status(pre_qme_checklist(make_claim(pr2, letter, other, *extra, texts=texts)))


def test_a_requested_post_surgical_service_is_no_surgery():
    status = _owed({"T1": "Plan: release of the left thumb; post-operative hand therapy "
                          "to follow if approved.",
                    "X1": "Enclosed: request for post-op therapy, 8 sessions."})
    assert status["operative_reports"] == "not_applicable"
    status = _owed({"T1": "She underwent a left thumb release on 01/05/2025."})
    assert status["operative_reports"] == "missing"


def test_a_peer_call_that_never_connected_owes_no_note():
    headed = ("PEER REVIEW CONTACT\n\nPeer-to-peer\n\nThe reviewer tried twice and was never "
              "called back; the physician did not respond before the due date.")
    assert _owed({"U1": headed})["peer_to_peer_notes"] == "not_applicable"
    assert _owed({"U1": "Peer-to-peer: not required for a retrospective request."})[
        "peer_to_peer_notes"] == "not_applicable"
    assert _owed({"U1": "PEER TO PEER: the reviewer attempted to call the office twice."})[
        "peer_to_peer_notes"] == "not_applicable"
    held = ("Peer-to-peer: the reviewer spoke with the requesting physician on 03/24/2025; "
            "what was discussed did not change the outcome.")
    assert _owed({"U1": held})["peer_to_peer_notes"] == "missing"


def test_the_right_to_ask_for_an_imr_is_no_imr_determination():
    status = _owed({"U1": "To dispute it, sign the enclosed Application for Independent "
                          "Medical Review and mail it with a copy of this decision.",
                    "X1": "You may request an IMR of the utilization review decision."})
    assert status["prior_imr_decisions"] == "not_applicable"
    status = _owed({"X1": "The IMR reviewer overturned the denial of the MRI."})
    assert status["prior_imr_decisions"] == "missing"


def test_an_application_listed_among_the_records_does_not_show_a_determination():
    qme = make_doc("Q1", "qme_report", 6, date=d("2025-06-01"),
                   qme=QmeBlock(records_reviewed=[
                       Record(d("2025-04-01"), "Application for Independent Medical Review",
                              kind="imr_determination")]))
    assert _owed({}, qme)["prior_imr_decisions"] == "not_applicable"
    qme.qme.records_reviewed.append(Record(d("2025-05-02"), "IMR final determination letter"))
    assert _owed({}, qme)["prior_imr_decisions"] == "missing"


def test_a_title_or_an_initial_does_not_end_the_sentence_that_undoes_the_call():
    text = ("A peer-to-peer call to Dr. J. K. Olsen was tried; the office took a message and "
            "nobody called back.")
    assert _owed({"U1": text})["peer_to_peer_notes"] == "not_applicable"


def test_supporting_reports_count_up_to_the_day_the_request_was_received():
    # the request's own date reads months early (a misread scan); the progress report that went
    # out with it, dated before the reviewer received it, still supports it
    rfa = make_doc("R1", "rfa", 8, date=d("2024-12-18"),
                   rfa=RfaBlock(date_signed=d("2024-12-18"),
                                treatments=[Treatment("MRI lumbar spine")]))
    pr2 = make_doc("T1", "treating_report", 1, date=d("2025-03-18"))
    claim = make_claim(pr2, rfa, _ur())
    assert _status(imr_checklist(claim, make_ctx(claim)))["supporting_records"] == "present"
    # a report written after the reviewer received the request does not
    late = make_doc("T1", "treating_report", 1, date=d("2025-03-25"))
    claim = make_claim(late, rfa, _ur())
    assert _status(imr_checklist(claim, make_ctx(claim)))["supporting_records"] == "missing"
