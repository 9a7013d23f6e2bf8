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


def test_body_parts_not_addressed():
    assert part_covered("right shoulder", {"bilateral shoulder"})
    assert part_covered("bilateral knee", {"left knee"})
    assert not part_covered("right knee", {"right shoulder"})
    doc = _qme(report_date=d("2025-05-01"), body_parts_addressed=["lumbar spine"],
               impairments=[Impairment("right shoulder", 5)])
    claim = make_claim(doc, body_parts=["lumbar spine", "right shoulder", "left knee"])
    (finding,) = body_part_not_addressed(claim, make_ctx(claim))
    assert finding.details["missing"] == ["left knee"]
    assert "left knee" in finding.message


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
    claim = make_claim(doc, body_parts=["cervical spine", "left shoulder"])
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
