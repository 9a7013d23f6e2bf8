"""The evaluator scored on its own: perfect = 1.0, empty = 0, one wrong date = that field only."""

import copy
import json

import pytest

from pipeline.evaluate import evaluate_dirs, run_evaluation, summarize
from pipeline.evaluate.metrics import norm_name, score_claim, values_equal

TRUTH = {
    "claim_id": "cf_test",
    "as_of": "2025-09-30",
    "variant": "text",
    "documents": [
        {"id": "T01", "source": "a.pdf", "page_start": 1, "page_end": 2, "type": "rfa",
         "fields": {"date": "2025-03-10", "rfa.requesting_physician": "Dr. Ravi Patel"}},
        {"id": "T02", "source": "a.pdf", "page_start": 3, "page_end": 5, "type": "ur_decision",
         "fields": {"date": "2025-04-02", "ur.decision_date": "2025-04-02",
                    "ur.rfa_received_date": "2025-03-20", "ur.overall_decision": "mixed",
                    "body_parts": ["lumbar spine", "right shoulder"],
                    "ur.treatments": [
                        {"description": "MRI lumbar spine", "cpt": "72148", "decision": "denied"},
                        {"description": "Physical therapy 12 sessions", "cpt": None,
                         "decision": "modified"}],
                    "ur.records_reviewed": [
                        {"date": "2025-03-10", "description": "RFA", "author": "Dr. Patel"},
                        {"date": "2025-03-01", "description": "PR-2 progress report",
                         "author": "Dr. Patel"}]}},
        {"id": "T03", "source": "a.pdf", "page_start": 6, "page_end": 6, "type": "rfa",
         "fields": {"duplicate_of": "T01"}},
    ],
    "findings": [
        {"code": "UR_UNTIMELY", "document": "T02", "related": ["T01"],
         "details": {"kind": "decision"}, "why": "late"},
        {"code": "MISSING_DOCUMENT", "document": None, "related": [],
         "details": {"checklist": "imr", "item": "imr_application"}, "why": "no form"},
    ],
    "checklists": {"imr": [{"item": "imr_application", "status": "missing"},
                           {"item": "ur_decision", "status": "present"}]},
}


def perfect_report(truth: dict) -> dict:
    """A report that says exactly what the truth says (predicted ids differ from truth ids)."""
    ids = {d["id"]: f"D{n:03d}" for n, d in enumerate(truth["documents"], 1)}
    documents = []
    for tdoc in truth["documents"]:
        doc = {"id": ids[tdoc["id"]], "source": tdoc["source"], "page_start": tdoc["page_start"],
               "page_end": tdoc["page_end"], "type": tdoc["type"]}
        for key, value in tdoc["fields"].items():
            if key == "duplicate_of":
                value = ids[value]
            target = doc
            *parents, leaf = key.split(".")
            for part in parents:
                target = target.setdefault(part, {})
            target[leaf] = copy.deepcopy(value)
        documents.append(doc)
    findings = [dict(f, document=ids.get(f["document"]), related=[ids[r] for r in f["related"]])
                for f in truth["findings"]]
    return {"documents": documents, "findings": findings,
            "checklists": copy.deepcopy(truth["checklists"])}


def test_perfect_report_scores_one():
    s = summarize(score_claim(TRUTH, perfect_report(TRUTH)))
    assert s["boundary_f1"] == 1.0
    assert s["exact_split_share"] == 1.0
    assert s["type_accuracy"] == 1.0
    assert all(v == 1.0 for v in s["field_accuracy"].values())
    assert s["treatment_decision_accuracy"] == 1.0
    assert s["records_reviewed"]["ur"]["recall"] == 1.0
    assert s["records_reviewed"]["ur"]["precision"] == 1.0
    assert s["findings_overall"]["f1"] == 1.0
    assert s["checklist_accuracy"] == 1.0


def test_empty_report_scores_zero():
    s = summarize(score_claim(TRUTH, None))
    assert s["boundary_f1"] == 0.0
    assert s["exact_split_share"] == 0.0
    assert s["type_accuracy"] == 0.0
    assert all(v == 0.0 for v in s["field_accuracy"].values())
    assert s["findings_overall"]["recall"] == 0.0
    assert s["checklist_accuracy"] == 0.0
    assert s["records_reviewed"]["ur"]["recall"] == 0.0


def test_one_wrong_date_loses_exactly_that_field():
    report = perfect_report(TRUTH)
    report["documents"][1]["ur"]["decision_date"] = "2025-04-03"
    tally = score_claim(TRUTH, report)
    wrong = {k for k, (c, t) in tally.fields.items() if c != t}
    assert wrong == {"ur.decision_date"}
    assert sum(t for _, t in tally.fields.values()) - sum(c for c, _ in tally.fields.values()) == 1
    s = summarize(tally)
    assert s["boundary_f1"] == 1.0 and s["findings_overall"]["f1"] == 1.0


def test_a_split_page_breaks_the_boundary_score_and_exact_split():
    report = perfect_report(TRUTH)
    doc = report["documents"][1]
    tail = dict(doc, id="D099", page_start=5, page_end=5)
    doc["page_end"] = 4
    report["documents"].insert(2, tail)
    s = summarize(score_claim(TRUTH, report))
    assert s["exact_split_share"] == 0.0
    assert s["boundary_f1"] == pytest.approx(2 * 1.0 * 0.75 / 1.75, abs=1e-4)
    assert s["type_accuracy"] == 1.0          # the big part still maps to the UR letter


def test_finding_on_the_wrong_document_is_a_miss_and_a_false_alarm():
    report = perfect_report(TRUTH)
    report["findings"][0]["document"] = "D001"
    s = summarize(score_claim(TRUTH, report))
    assert s["findings"]["UR_UNTIMELY"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                             "tp": 0, "fp": 1, "fn": 1}


def test_missing_document_matches_on_checklist_item():
    report = perfect_report(TRUTH)
    report["findings"][1]["details"] = {"checklist": "imr", "item": "rfa"}
    s = summarize(score_claim(TRUTH, report))
    assert s["findings"]["MISSING_DOCUMENT"]["fn"] == 1


@pytest.mark.parametrize("a,b", [("Dr. Ravi Patel", "Ravi Patel, MD"),
                                 ("PATEL, RAVI", "Ravi Patel"),
                                 ("Maria L. Gonzalez", "Maria Gonzalez")])
def test_names_compare_without_honorifics_degrees_or_initials(a, b):
    assert values_equal("author", a, b)


def test_names_that_differ_do_not_match():
    assert not values_equal("author", "Ravi Patel", "Alan Cho")
    assert norm_name("Dr. Alan Cho, M.D.") == "alan cho"


def test_body_parts_compare_as_sets():
    assert values_equal("body_parts", ["right shoulder", "lumbar spine"],
                        ["lumbar spine", "right shoulder"])
    assert not values_equal("body_parts", ["right shoulder"], ["left shoulder"])


def test_evaluate_command_writes_json(tmp_path, capsys):
    truth_dir, reports = tmp_path / "truth", tmp_path / "out"
    truth_dir.mkdir()
    (truth_dir / "cf_test.json").write_text(json.dumps(TRUTH))
    (reports / "cf_test").mkdir(parents=True)
    (reports / "cf_test" / "report.json").write_text(json.dumps(perfect_report(TRUTH)))
    assert run_evaluation(truth_dir, reports) == 0
    result = json.loads((reports / "evaluation.json").read_text())
    assert result["overall"]["type_accuracy"] == 1.0
    assert "OVERALL" in capsys.readouterr().out
    assert evaluate_dirs(truth_dir, reports)["claim_files"]["cf_test"]["report_found"]


def test_evaluate_without_truth_is_a_usage_error(tmp_path):
    assert run_evaluation(tmp_path, tmp_path) == 2


def test_impairments_compare_the_summary_rows_when_the_report_has_both():
    truth = [{"body_part": "lumbar spine", "wpi": 8}]
    both = [{"body_part": "lumbar spine", "wpi": 8, "where": "summary"},
            {"body_part": "lumbar spine", "wpi": 7, "where": "body"}]
    assert values_equal("qme.impairments", truth, both)
    assert not values_equal("qme.impairments", truth, [{"body_part": "lumbar spine", "wpi": 7,
                                                        "where": "body"}])


def test_therapy_credentials_after_a_name_are_not_a_first_name():
    assert norm_name("Brenna Solis, OTR/L, CHT") == "brenna solis"
    assert values_equal("author", "Brenna Solis, OTR/L, CHT", "Brenna Solis")
    assert norm_name("Solis, Brenna") == "brenna solis"
