from pipeline.classify.patterns import Hit
from pipeline.classify.scoring import REVIEW_BELOW, DocumentEvidence, decide, score_types


def hit(type_, kind="cue", weight=1.0, text=None):
    return Hit(type_, kind, weight, None, 0, 3, text or f"{type_}-{kind}")


def test_title_at_top_outweighs_many_mentions_later():
    evidence = DocumentEvidence(
        top_titles=[hit("qme_report", "title", 1.5, "PANEL QUALIFIED MEDICAL EVALUATION")],
        page_hits=[[hit("qme_report", "title", 1.5, "PANEL QUALIFIED MEDICAL EVALUATION")],
                   [hit("imaging_report", "title", 1.4, "MRI of the"),
                    hit("operative_report", "title", 1.6, "operative report"),
                    hit("ur_decision", "title", 1.1, "utilization review decision")]])
    verdict = decide(evidence)
    assert verdict.type == "qme_report"
    assert verdict.title == "PANEL QUALIFIED MEDICAL EVALUATION"
    assert not verdict.needs_review


def test_heading_hit_is_not_counted_twice():
    title = hit("rfa", "title", 1.2, "REQUEST FOR AUTHORIZATION")
    once = score_types(DocumentEvidence([title], [[]]))
    twice = score_types(DocumentEvidence([title], [[title]]))
    assert once == twice


def test_cues_are_capped_per_pattern():
    cue = hit("therapy_note", "cue", 1.0, "therapeutic exercise")
    scores = score_types(DocumentEvidence([], [[cue] * 10]))
    assert scores["therapy_note"] == 2.0


def test_no_evidence_is_other_and_needs_review():
    verdict = decide(DocumentEvidence())
    assert verdict.type == "other" and verdict.needs_review and verdict.confidence < REVIEW_BELOW


def test_close_call_has_low_confidence():
    evidence = DocumentEvidence([], [[hit("job_description"), hit("wage_statement")]])
    verdict = decide(evidence)
    assert verdict.needs_review
    assert 0.0 <= verdict.confidence < REVIEW_BELOW


def test_confidence_grows_with_agreeing_evidence():
    weak = decide(DocumentEvidence([], [[hit("wage_statement")]]))
    strong = decide(DocumentEvidence([hit("wage_statement", "title", 1.6, "WAGE STATEMENT")],
                                     [[hit("wage_statement", text="gross pay"),
                                       hit("wage_statement", text="pay period")]]))
    assert strong.confidence > weak.confidence
    assert 0 < strong.confidence <= 1


def test_letter_without_heading_is_correspondence_but_a_heading_wins():
    listed = [hit("treating_report", "title", 1.6, "progress report"),
              hit("imaging_report", "title", 1.4, "MRI report")]
    letter = decide(DocumentEvidence([], [listed], letter=True))
    assert letter.type == "correspondence"
    titled = decide(DocumentEvidence([hit("qme_report", "title", 1.5, "QME")], [listed],
                                     letter=True))
    assert titled.type == "qme_report"


def test_reference_title_names_a_letter_style_report():
    ref = hit("ame_report", "title", 1.6, "Agreed Medical Evaluation")
    verdict = decide(DocumentEvidence([], [[hit("qme_report")]], letter=True,
                                      reference_titles=[ref]))
    assert verdict.type == "ame_report"


def test_medical_legal_role_phrases_decide_ame_over_generic_report_cues():
    # generic medical-legal cues (apportionment, WPI, ML code) score for qme_report; the report
    # names its evaluator an Agreed Medical Examiner twice, a letterhead names "QME" once
    generic = [hit("qme_report", text=t) for t in ("apportionment", "ml203",
                                                    "whole person impairment", "causation")]
    evidence = DocumentEvidence(page_hits=[
        generic + [hit("ame_report", text="agreed medical examiner", weight=2.0),
                   hit("qme_report", text="qualified medical evaluator")],
        [hit("ame_report", text="as the AME", weight=1.5)],
    ])
    assert decide(evidence).type == "ame_report"


def test_a_panel_qme_title_keeps_qme_whatever_the_ame_mentions():
    evidence = DocumentEvidence(
        top_titles=[hit("qme_report", "title", 1.2, "panel qualified medical evaluator")],
        page_hits=[[hit("ame_report", text="agreed medical evaluator", weight=2.0)] * 2])
    assert decide(evidence).type == "qme_report"
