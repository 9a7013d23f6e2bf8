"""QME/AME report rules."""

from pipeline.analyze.cvc import combine_wpi
from pipeline.analyze.rules.qme import (
    apportionment_defect,
    apportionment_problems,
    body_part_not_addressed,
    declaration_missing,
    part_covered,
    qme_report_late,
    wpi_arithmetic,
    wpi_problems,
)
from pipeline.model import Apportionment, Impairment, QmeBlock

from .builders import d, make_claim, make_ctx, make_doc


def _qme(**fields):
    return make_doc("D1", "qme_report", 1, 3, date=fields.get("report_date"),
                    qme=QmeBlock(evaluator_name="Dr. Susan Lee", **fields))


def test_report_late_after_thirty_days_without_extension():
    doc = _qme(exam_date=d("2025-04-10"), report_date=d("2025-05-20"))
    (finding,) = qme_report_late(make_claim(doc), make_ctx(make_claim(doc)))
    assert finding.details["due"] == "2025-05-12"     # 05/10 is a Saturday
    assert finding.details["days"] == 40 and finding.severity == "high"
    doc.qme.extension_noted = True
    assert qme_report_late(make_claim(doc), make_ctx(make_claim(doc))) == []


def test_report_on_the_rolled_last_day_is_timely():
    doc = _qme(exam_date=d("2025-04-10"), report_date=d("2025-05-12"))
    assert qme_report_late(make_claim(doc), make_ctx(make_claim(doc))) == []


def test_supplemental_is_not_judged_by_the_exam_clock():
    doc = _qme(exam_date=d("2025-01-10"), report_date=d("2025-05-20"),
               report_kind="supplemental")
    assert qme_report_late(make_claim(doc), make_ctx(make_claim(doc))) == []


def test_wpi_arithmetic_recomputes_the_chart():
    qme = QmeBlock(impairments=[Impairment("lumbar spine", 8, where="summary"),
                                Impairment("right shoulder", 5, where="summary"),
                                Impairment("right knee", 3, where="summary")],
                   combined_wpi=16)
    assert wpi_problems(qme, combine_wpi) == {}
    qme.combined_wpi = 15
    assert wpi_problems(qme, combine_wpi) == {"stated": 15, "computed": 16,
                                              "values": [8.0, 5.0, 3.0]}


def test_summary_and_body_ratings_differ():
    doc = _qme(report_date=d("2025-05-01"),
               impairments=[Impairment("lumbar spine", 8, where="summary"),
                            Impairment("lumbar spine", 10, where="body")], combined_wpi=8)
    (finding,) = wpi_arithmetic(make_claim(doc), make_ctx(make_claim(doc)))
    assert finding.details["summary_body_differ"] == {"lumbar spine": {"summary": 8.0,
                                                                       "body": 10.0}}
    assert "computed" not in finding.details


def test_apportionment_total_and_explanation():
    qme = QmeBlock(apportionment=[Apportionment("lumbar spine", 80, 30, True),
                                  Apportionment("right shoulder", 70, 30, False),
                                  Apportionment("right knee", 90, 10, True)])
    problems = apportionment_problems(qme)
    assert [(p["body_part"], p["kind"]) for p in problems] == [
        ("lumbar spine", "total"), ("right shoulder", "unexplained")]
    doc = _qme(report_date=d("2025-05-01"), apportionment=qme.apportionment)
    (finding,) = apportionment_defect(make_claim(doc), make_ctx(make_claim(doc)))
    assert finding.details["total"] == 110


def test_wholly_industrial_share_needs_no_how_and_why():
    # nothing goes to other factors, so there is no apportioned share to justify
    qme = QmeBlock(apportionment=[Apportionment("left elbow", 100, 0, False),
                                  Apportionment("right hip", 100, None, False),
                                  Apportionment("lumbar spine", 85, 15, False),
                                  Apportionment("right knee", None, 25, False)])
    problems = apportionment_problems(qme)
    assert [(p["body_part"], p["kind"]) for p in problems] == [
        ("lumbar spine", "unexplained"), ("right knee", "unexplained")]


def test_body_parts_not_addressed():
    assert part_covered("right shoulder", {"bilateral shoulder"})
    assert part_covered("bilateral knee", {"left knee"})
    assert not part_covered("right knee", {"right shoulder"})
    doc = _qme(report_date=d("2025-05-01"), body_parts_addressed=["lumbar spine"],
               impairments=[Impairment("right shoulder", 5)])
    form = make_doc("C1", "claim_form", 5, date=d("2025-01-10"),
                    body_parts=["lumbar spine", "right shoulder", "left knee"])
    claim = make_claim(doc, form)
    (finding,) = body_part_not_addressed(claim, make_ctx(claim))
    assert finding.details["missing"] == ["left knee"]
    assert "left knee" in finding.message
    assert finding.related == ["C1"]


def test_unclaimed_parts_are_judged_only_against_claim_documents():
    """Without a claim form, employer's report or first report the file does not say what was
    claimed: parts gathered from letters and progress notes are not claims."""
    doc = _qme(report_date=d("2025-05-01"), body_parts_addressed=["cervical spine"])
    claim = make_claim(doc, body_parts=["cervical spine", "left hand"])
    assert body_part_not_addressed(claim, make_ctx(claim)) == []


def test_related_names_every_earlier_document_claiming_the_missing_part():
    doc = _qme(report_date=d("2025-05-01"), body_parts_addressed=["lumbar spine"])
    form = make_doc("C1", "claim_form", 5, date=d("2025-01-10"),
                    body_parts=["lumbar spine", "psyche"])
    first = make_doc("F1", "doctor_first_report", 6, date=d("2025-01-12"),
                     body_parts=["lumbar spine"])
    progress = make_doc("P1", "treating_report", 7, date=d("2025-02-20"),
                        body_parts=["psyche", "lumbar spine"])
    later = make_doc("P2", "treating_report", 8, date=d("2025-06-20"), body_parts=["psyche"])
    claim = make_claim(doc, form, first, progress, later)
    (finding,) = body_part_not_addressed(claim, make_ctx(claim))
    assert finding.details["missing"] == ["psyche"]
    assert finding.related == ["C1", "P1"]


def test_unread_body_parts_are_not_a_finding():
    """Nothing rated, apportioned, addressed or named: the report cannot be judged."""
    doc = _qme(report_date=d("2025-05-01"))
    claim = make_claim(doc, body_parts=["left knee"])
    assert body_part_not_addressed(claim, make_ctx(claim)) == []


def test_declaration_missing_only_when_known_absent():
    doc = _qme(report_date=d("2025-05-01"), declaration_present=False, signature_present=True)
    (finding,) = declaration_missing(make_claim(doc), make_ctx(make_claim(doc)))
    assert finding.details == {"missing": ["declaration"]}
    unknown = _qme(report_date=d("2025-05-01"))
    assert declaration_missing(make_claim(unknown), make_ctx(make_claim(unknown))) == []


def test_stated_combined_above_the_sum_means_ratings_were_not_read():
    qme = QmeBlock(impairments=[Impairment("lumbar spine", 6)], combined_wpi=14,
                   body_parts_addressed=["lumbar spine", "left knee"])
    assert wpi_problems(qme, combine_wpi) == {}
    qme.body_parts_addressed = ["lumbar spine"]
    assert wpi_problems(qme, combine_wpi)["computed"] == 6
    qme.combined_wpi = 5
    assert wpi_problems(qme, combine_wpi)["computed"] == 6


def test_report_rating_nothing_is_judged_by_the_parts_it_names():
    doc = _qme(report_date=d("2025-05-01"))
    doc.body_parts = ["cervical spine"]
    form = make_doc("E1", "employer_report", 5, body_parts=["cervical spine", "left shoulder"])
    claim = make_claim(doc, form)
    (finding,) = body_part_not_addressed(claim, make_ctx(claim))
    assert finding.details["missing"] == ["left shoulder"]


def test_two_body_statements_of_one_part_disagree():
    qme = QmeBlock(impairments=[Impairment("right shoulder", 7), Impairment("cervical spine", 6,
                                                                              where="summary"),
                                Impairment("right shoulder", 5)], combined_wpi=11)
    problems = wpi_problems(qme, combine_wpi)
    assert problems["summary_body_differ"] == {"right shoulder": {"body": [7.0, 5.0]}}
    doc = _qme(report_date=d("2025-05-01"), impairments=qme.impairments, combined_wpi=11)
    (finding,) = wpi_arithmetic(make_claim(doc), make_ctx(make_claim(doc)))
    assert "right shoulder 7% and 5% in the body of the report" in finding.message


def test_a_figure_far_above_the_combined_rating_is_not_a_rating():
    """46 read from "Figs. 16-40/43/46" next to a 6% shoulder and a stated 14% combined."""
    qme = QmeBlock(impairments=[Impairment("cervical spine", 8, where="summary"),
                                Impairment("left shoulder", 46, where="summary"),
                                Impairment("left shoulder", 6, where="body")], combined_wpi=14)
    assert wpi_problems(qme, combine_wpi) == {}


def test_a_summary_a_few_points_off_is_still_reported():
    qme = QmeBlock(impairments=[Impairment("right knee", 4, where="summary"),
                                Impairment("right knee", 2, where="body")], combined_wpi=2)
    problems = wpi_problems(qme, combine_wpi)
    assert problems["summary_body_differ"] == {"right knee": {"summary": 4.0, "body": 2.0}}
    single = QmeBlock(impairments=[Impairment("lumbar spine", 8)], combined_wpi=6)
    assert wpi_problems(single, combine_wpi)["computed"] == 8


def test_a_declaration_with_its_date_left_blank():
    signed_blank = ("I declare under penalty of perjury that this report is true and correct.\n"
                    "Signed in Fresno County, California, this ____ day of __________, 20___.\n"
                    "Dr. Susan Lee")
    doc = _qme(report_date=d("2025-05-01"), declaration_present=True)
    claim = make_claim(doc, texts={"D1": signed_blank})
    (finding,) = declaration_missing(claim, make_ctx(claim))
    assert finding.details == {"missing": ["signature_date"]}
    # the same declaration dated: nothing; a date merely not read: nothing either
    claim = make_claim(doc, texts={"D1": signed_blank.replace("____ day of __________, 20___",
                                                              "2nd day of May, 2025")})
    assert declaration_missing(claim, make_ctx(claim)) == []
    doc.qme.declaration_date = d("2025-05-02")
    claim = make_claim(doc, texts={"D1": signed_blank})
    assert declaration_missing(claim, make_ctx(claim)) == []


def test_a_blank_declaration_date_after_ocr_dropped_the_lines():
    # a scan loses the underscores: only the words around the blanks survive
    scanned = ("I declare under penalty of perjury that the foregoing is true, and as to matters "
               "told to me I declare under penalty of perjury that I believe them to be true. "
               + "Further attestation text. " * 18 +
               "\nSigned at Fresno, County of Fresno, California, on the day of , 20\n"
               "Dr. Susan Lee")
    doc = _qme(report_date=d("2025-05-01"), declaration_present=True)
    claim = make_claim(doc, texts={"D1": scanned})
    (finding,) = declaration_missing(claim, make_ctx(claim))
    assert finding.details == {"missing": ["signature_date"]}
    # a filled-in date, or a phrase that merely mentions "the day of" something: nothing
    for text in (scanned.replace("on the day of , 20", "on the 3rd day of May, 2025"),
                 scanned.replace("on the day of , 20", "on the day of the examination.")):
        claim = make_claim(doc, texts={"D1": text})
        assert declaration_missing(claim, make_ctx(claim)) == []
