"""The QME/AME report generator: clean reports are right, defects appear exactly when asked."""

from __future__ import annotations

import ast
import datetime as dt
import io
import json
import random
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from sample_docs.generator.base import Case, Person
from sample_docs.generator.qme import combine_wpi, qme_report
from sample_docs.generator.render import render

ROOT = Path(__file__).resolve().parents[2]
QME_PY = ROOT / "sample_docs" / "generator" / "qme.py"

ALL_DEFECTS = ["wpi_arithmetic", "summary_body_mismatch", "apportionment_sum",
               "apportionment_unexplained", "no_declaration", "late_no_extension",
               "body_part_missing", "report_before_exam"]
CODE_OF = {"wpi_arithmetic": "WPI_ARITHMETIC", "summary_body_mismatch": "WPI_ARITHMETIC",
           "apportionment_sum": "APPORTIONMENT_DEFECT",
           "apportionment_unexplained": "APPORTIONMENT_DEFECT",
           "no_declaration": "DECLARATION_MISSING", "late_no_extension": "QME_REPORT_LATE",
           "body_part_missing": "BODY_PART_NOT_ADDRESSED", "report_before_exam": "DATE_SEQUENCE"}


# ------------------------------------------------------------------------------------------
# An independent Combined Values Chart (exact fractions, not the generator's integer trick)
# ------------------------------------------------------------------------------------------

def cvc(values: list[int]) -> int:
    acc = None
    for v in sorted(values, reverse=True):
        if acc is None:
            acc = v
            continue
        exact = Fraction(acc) + Fraction(v) * (1 - Fraction(acc, 100))
        acc = int(exact + Fraction(1, 2))          # half up; exact is never negative
    return acc if acc is not None else 0


def test_independent_cvc_matches_the_domain_reference_examples():
    assert cvc([30, 20]) == 44
    assert cvc([25, 15, 10]) == 42
    assert cvc([3, 5, 8]) == 16


@pytest.mark.parametrize("values", [[30, 20], [25, 15, 10], [8, 5, 3], [5], [], [1, 1, 1, 1],
                                    [50, 50], [7, 13, 2, 9], [12, 12, 12]])
def test_generator_cvc_agrees_with_independent_cvc(values):
    assert combine_wpi(values) == cvc(values)


def test_generator_cvc_agrees_on_random_lists():
    rng = random.Random(7)
    for _ in range(500):
        vals = [rng.randint(0, 40) for _ in range(rng.randint(1, 6))]
        assert combine_wpi(vals) == cvc(vals), vals


# ------------------------------------------------------------------------------------------
# Fixtures
# ------------------------------------------------------------------------------------------

def make_case(parts: list[str], injury=dt.date(2024, 3, 12)) -> Case:
    return Case(claimant=Person("Maria", "Gonzalez", middle="L"), date_of_birth=dt.date(1978, 4, 2),
                claim_number="05-123456", adj_number="ADJ11223344", injury=injury,
                employer="Valley Packing Co.", claims_administrator="Golden State Claims Services",
                body_parts=parts, occupation="forklift operator",
                applicant_attorney="Law Offices of Rivera & Stone")


RECORD_TYPES = ["treating_report", "imaging_report", "therapy_note", "ur_decision",
                "operative_report", "claim_form", "job_description", "diagnostic_report"]


def make_records(rng: random.Random, n: int, start: dt.date, end: dt.date) -> list[dict]:
    span = (end - start).days
    out = []
    for i in range(n):
        t = rng.choice(RECORD_TYPES)
        out.append({"date": start + dt.timedelta(days=rng.randint(0, span)),
                    "description": f"{t.replace('_', ' ').title()} no. {i + 1}",
                    "author": rng.choice([None, "Dr. Ravi Patel", "Dr. Helen Marsh"]),
                    "type": t, "key": f"r{i}"})
    return out


def build(seed: int, *, parts=("lumbar spine", "right shoulder"), kind="initial", style="a",
          role="panel_qme", n_records=12, exam=dt.date(2025, 5, 1), report_after=18,
          defects=frozenset(), injury=dt.date(2024, 3, 12), method="mail", body_parts=None):
    rng = random.Random(seed)
    case = make_case(list(parts), injury)
    first = (injury[0] if isinstance(injury, tuple) else injury) + dt.timedelta(days=1)
    records = make_records(rng, n_records, first, exam - dt.timedelta(days=3))
    report = exam + dt.timedelta(days=report_after)
    doc = qme_report(rng, case, role=role, kind=kind, style=style,
                     exam_date=exam if kind in ("initial", "reevaluation") else None,
                     report_date=report, service_date=report + dt.timedelta(days=2),
                     service_method=method, records=records, defects=set(defects),
                     body_parts=body_parts)
    return case, records, doc


def pdf_text(doc) -> tuple[str, int]:
    data, pages = render(doc)
    pdf = pdfium.PdfDocument(io.BytesIO(data))
    try:
        assert len(pdf) == pages
        text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    return text.replace("\r", ""), pages


def before_service(text: str) -> str:
    """The report's own text, without the proof-of-service page."""
    cut = text.find("I am over eighteen years of age")
    return text if cut < 0 else text[:cut]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# ------------------------------------------------------------------------------------------
# Clean reports
# ------------------------------------------------------------------------------------------

CLEAN_GRID = [
    # seed, parts, kind, style, role, records
    (1, ("lumbar spine", "right shoulder"), "initial", "a", "panel_qme", 12),
    (2, ("cervical spine", "left knee", "bilateral wrist"), "initial", "b", "ame", 30),
    (3, ("lumbar spine",), "reevaluation", "a", "qme", 4),
    (4, ("right shoulder", "right elbow", "psyche", "internal"), "reevaluation", "b", "ame", 60),
    (5, ("lumbar spine", "left hip"), "supplemental", "a", "panel_qme", 0),
    (6, ("thoracic spine", "head", "right ankle"), "supplemental", "b", "ame", 8),
    (7, ("lumbar spine", "bilateral knee"), "record_review", "a", "qme", 40),
    (8, ("cervical spine", "right hand", "left foot"), "record_review", "b", "panel_qme", 3),
]


@pytest.fixture(scope="module")
def clean_docs():
    out = []
    for seed, parts, kind, style, role, n in CLEAN_GRID:
        case, records, doc = build(seed, parts=parts, kind=kind, style=style, role=role,
                                   n_records=n)
        text, pages = pdf_text(doc)
        out.append((case, records, doc, text, pages))
    return out


def test_clean_reports_have_no_defects_and_right_types(clean_docs):
    for _case, _records, doc, _text, _pages in clean_docs:
        assert doc.fields["_defects"] == []
        role = doc.fields["qme.evaluator_role"]
        assert doc.type == ("ame_report" if role == "ame" else "qme_report")


def test_clean_combined_wpi_is_the_cvc_of_the_stated_parts(clean_docs):
    rated = 0
    for _case, _records, doc, text, _pages in clean_docs:
        f = doc.fields
        imps = f["qme.impairments"]
        if f["qme.mmi_status"] != "mmi":
            assert imps == [] and f["qme.combined_wpi"] is None
            continue
        rated += 1
        assert f["qme.combined_wpi"] == cvc([i["wpi"] for i in imps])
        body = flat(before_service(text))
        assert f"{f['qme.combined_wpi']}%" in body
        for imp in imps:
            assert f"{imp['wpi']}%" in body
    assert rated >= 5


def test_clean_apportionment_adds_to_100_and_is_explained(clean_docs):
    for _case, _records, doc, text, _pages in clean_docs:
        f = doc.fields
        assert [a["body_part"] for a in f["qme.apportionment"]] == \
            [i["body_part"] for i in f["qme.impairments"]]
        for a in f["qme.apportionment"]:
            assert a["industrial_pct"] + a["nonindustrial_pct"] == 100
            assert a["explained"] is True
        if f["qme.apportionment"]:
            assert "apportion" in text.lower()


def test_clean_reports_declare_sign_and_address_every_claimed_part(clean_docs):
    for case, _records, doc, text, _pages in clean_docs:
        f = doc.fields
        own = flat(before_service(text))
        assert f["qme.declaration_present"] is True
        assert f["qme.signature_date"] == f["qme.report_date"]
        assert "penalty of perjury" in own
        assert "County" in own
        assert set(f["body_parts"]) == set(case.body_parts)
        if f["qme.mmi_status"] == "mmi":
            assert {i["body_part"] for i in f["qme.impairments"]} == set(case.body_parts)
        assert "ICD-10" in own


def test_clean_reports_list_every_record_given(clean_docs):
    for _case, records, doc, text, _pages in clean_docs:
        listed = doc.fields["qme.records_reviewed"]
        assert len(listed) == len(records)
        assert {(r["date"], r["description"]) for r in listed} == \
            {(r["date"].isoformat(), r["description"]) for r in records}
        body = flat(text)
        for r in records:
            assert r["description"] in body


def test_fields_describe_the_report(clean_docs):
    for case, _records, doc, text, _pages in clean_docs:
        f = doc.fields
        assert f["claimant_name"] == case.claimant.name
        assert f["claim_number"] == case.claim_number
        assert f["date_of_injury"] == "2024-03-12"
        assert f["date"] == f["qme.report_date"]
        assert f["author"] == f["qme.evaluator_name"]
        assert f["qme.evaluator_name"].split()[-1] in text
        assert f["qme.ml_code"] in text
        assert f["qme.causation"] == "industrial"
        if f["qme.report_kind"] in ("supplemental", "record_review"):
            assert f["qme.exam_date"] is None
            assert f["qme.ml_code"] == "ML203"
        else:
            assert f["qme.exam_date"] == "2025-05-01"
            assert f["qme.ml_code"] in ("ML201", "ML202")
        assert f["service_date"] is not None
        assert "Date of service" in text


def test_page_counts_of_clean_reports_are_5_to_30(clean_docs):
    for *_rest, pages in clean_docs:
        assert 5 <= pages <= 30


@pytest.mark.parametrize("seed,parts,kind,style,n", [
    (11, ("lumbar spine",), "supplemental", "a", 0),
    (12, ("lumbar spine",), "supplemental", "b", 0),
    (13, ("psyche",), "record_review", "b", 1),
    (14, ("cervical spine", "thoracic spine", "lumbar spine", "right shoulder", "left shoulder",
          "bilateral knee"), "initial", "a", 150),
    (15, ("cervical spine", "thoracic spine", "lumbar spine", "right shoulder", "left shoulder",
          "bilateral knee"), "initial", "b", 150),
    (16, ("lumbar spine", "right knee"), "reevaluation", "b", 90),
])
def test_page_counts_stay_in_range_at_the_extremes(seed, parts, kind, style, n):
    _case, _records, doc = build(seed, parts=parts, kind=kind, style=style, n_records=n)
    _data, pages = render(doc)
    assert 5 <= pages <= 30, pages


def test_two_styles_look_different(clean_docs):
    a = [t for _c, _r, doc, t, _p in clean_docs if doc.header.startswith("Re:")]
    b = [t for _c, _r, doc, t, _p in clean_docs if not doc.header.startswith("Re:")]
    assert len(a) == len(b) == 4
    for text in a:
        assert re.search(r"^\d+\. REVIEW OF MEDICAL RECORDS", text, re.M)
        assert "Date Provider Type Summary" not in flat(text)
    for text in b:
        assert "Date Provider Type Summary" in flat(text)
        assert not re.search(r"^\d+\. [A-Z ]{6,}$", text, re.M)
    rated_a = [t for t in a if "IMPAIRMENT RATING" in t]
    assert rated_a and all(re.search(r"Table 1[5-7]-\d+", t) for t in rated_a)


def test_kinds_have_their_own_titles_and_sections(clean_docs):
    for _case, _records, doc, text, _pages in clean_docs:
        kind = doc.fields["qme.report_kind"]
        low = flat(text).lower()
        if kind == "reevaluation":
            assert "re-evaluation" in low and "physical examination" in low
        elif kind == "supplemental":
            assert "supplemental" in low and "physical examination" not in low
        elif kind == "record_review":
            assert "review of records" in low or "record review" in low
            assert "physical examination" not in low
        else:
            assert "comprehensive" in low and "physical examination" in low


VARIANT_SPELLINGS = [
    r"L/S", r"\bC-spine\b", r"\bT-spine\b", r"\blow back\b", r"\bneck\b", r"\bmid back\b",
    r"\blumbosacral spine\b",
    r"(?:\brt|\blt|\bRt\.|\bLt\.|\bR|\bL|B/L|\bboth) (?:shoulder|knee|wrist|hand|hip|ankle|foot|elbow|"
    r"shoulders|knees|wrists|hands|hips|ankles|feet|elbows)\b",
]


def test_body_parts_are_written_in_varied_ways_but_named_canonically(clean_docs):
    spellings = set()
    for case, _records, doc, text, _pages in clean_docs:
        assert set(doc.fields["body_parts"]) <= set(case.body_parts)
        for p in doc.fields["body_parts"]:
            assert p == p.lower() and "  " not in p
        for pat in VARIANT_SPELLINGS:
            spellings |= set(re.findall(pat, text))
    assert len(spellings) >= 3


def test_unserved_report_has_no_proof_of_service():
    rng = random.Random(61)
    case = make_case(["lumbar spine", "left knee"])
    doc = qme_report(rng, case, role="qme", kind="initial", style="a",
                     exam_date=dt.date(2025, 5, 1), report_date=dt.date(2025, 5, 20),
                     service_date=None, service_method="mail", records=[])
    text, _ = pdf_text(doc)
    assert doc.fields["service_date"] is None
    assert "PROOF OF SERVICE" not in text and "Date of service" not in text


def test_the_evaluator_named_by_the_case_signs_the_report():
    rng = random.Random(62)
    case = make_case(["lumbar spine"])
    case.extra["panel_qme_evaluator"] = Person("Grace", "Lindgren", title="Dr.", degree="MD",
                                               specialty="Orthopedic Surgery")
    doc = qme_report(rng, case, role="panel_qme", kind="initial", style="b",
                     exam_date=dt.date(2025, 5, 1), report_date=dt.date(2025, 5, 20),
                     service_date=dt.date(2025, 5, 21), service_method="email", records=[])
    assert doc.fields["qme.evaluator_name"] == "Grace Lindgren"
    assert doc.fields["qme.specialty"] == "Orthopedic Surgery"
    text, _ = pdf_text(doc)
    assert "Grace Lindgren, MD" in flat(text) and "E-mail" in text


def test_generation_is_deterministic():
    _c1, _r1, d1 = build(21, style="b", defects={"wpi_arithmetic"})
    _c2, _r2, d2 = build(21, style="b", defects={"wpi_arithmetic"})
    assert d1.fields == d2.fields
    assert render(d1)[0] == render(d2)[0]


def test_old_exams_use_the_legacy_ml_codes():
    _c, _r, doc = build(22, exam=dt.date(2020, 6, 1), injury=dt.date(2019, 2, 1), n_records=5)
    assert doc.fields["qme.ml_code"] in ("ML102", "ML103", "ML104")
    _c, _r, doc = build(23, kind="reevaluation", exam=dt.date(2020, 6, 1),
                        injury=dt.date(2019, 2, 1), n_records=5)
    assert doc.fields["qme.ml_code"] == "ML101"


def test_continuous_trauma_date_of_injury():
    ct = (dt.date(2022, 1, 1), dt.date(2024, 2, 15))
    _c, _r, doc = build(24, injury=ct)
    assert doc.fields["date_of_injury"] == "2022-01-01/2024-02-15"


def test_a_clean_late_report_notes_its_extension():
    _c, _r, doc = build(25, report_after=45)
    assert doc.fields["_defects"] == []
    text, _ = pdf_text(doc)
    assert "extension of time" in flat(text).lower()


# ------------------------------------------------------------------------------------------
# Defects
# ------------------------------------------------------------------------------------------

def build_with(defect: str, seed: int, style: str):
    kw = {}
    if defect == "late_no_extension":
        kw["report_after"] = 52
    if defect == "report_before_exam":
        kw["report_after"] = -6
    parts = ("lumbar spine", "right shoulder", "left knee")
    return build(seed, parts=parts, style=style, defects={defect}, **kw)


@pytest.mark.parametrize("style", ["a", "b"])
@pytest.mark.parametrize("defect", ALL_DEFECTS)
def test_each_defect_appears_exactly_when_asked(defect, style):
    seed = 100 + ALL_DEFECTS.index(defect) + (50 if style == "b" else 0)
    case, _records, doc = build_with(defect, seed, style)
    f = doc.fields
    codes = [d["code"] for d in f["_defects"]]
    assert codes == [CODE_OF[defect]]
    details = f["_defects"][0]["details"]
    text, pages = pdf_text(doc)
    assert 5 <= pages <= 30
    own = flat(before_service(text))

    if defect == "wpi_arithmetic":
        computed = cvc([i["wpi"] for i in f["qme.impairments"]])
        assert details == {"stated": f["qme.combined_wpi"], "computed": computed}
        assert abs(details["stated"] - computed) >= 1
        assert f"{details['stated']}%" in own
    elif defect == "summary_body_mismatch":
        part = details["body_part"]
        shown = {i["body_part"]: i["wpi"] for i in f["qme.impairments"]}
        assert shown[part] == details["summary"] != details["body"]
        assert f"{details['summary']}% WPI" in own or f"{details['summary']}%" in own
        assert f"{details['body']}%" in own
        # the stated combined figure is the CVC of the body ratings, not of the summary
        body_vals = [details["body"] if k == part else v for k, v in shown.items()]
        assert f["qme.combined_wpi"] == cvc(body_vals)
    elif defect == "apportionment_sum":
        bad = [a for a in f["qme.apportionment"]
               if a["industrial_pct"] + a["nonindustrial_pct"] != 100]
        assert [a["body_part"] for a in bad] == [details["body_part"]]
        assert f"{bad[0]['industrial_pct']}%" in own and f"{bad[0]['nonindustrial_pct']}%" in own
    elif defect == "apportionment_unexplained":
        bad = [a for a in f["qme.apportionment"] if not a["explained"]]
        assert [a["body_part"] for a in bad] == [details["body_part"]]
        assert bad[0]["nonindustrial_pct"] > 0
        assert own.lower().count("how and why") == sum(
            1 for a in f["qme.apportionment"] if a["explained"] and a["nonindustrial_pct"] > 0)
    elif defect == "no_declaration":
        assert f["qme.declaration_present"] is False
        assert f["qme.signature_date"] is None
        assert "penalty of perjury" not in own
        assert "penalty of perjury" in flat(text)      # the proof of service still has one
    elif defect == "late_no_extension":
        assert details == {"exam_date": f["qme.exam_date"], "report_date": f["qme.report_date"]}
        exam = dt.date.fromisoformat(f["qme.exam_date"])
        report = dt.date.fromisoformat(f["qme.report_date"])
        assert (report - exam).days > 30
        assert "extension of time" not in own.lower()
    elif defect == "body_part_missing":
        part = details["body_part"]
        assert part in case.body_parts
        assert part not in f["body_parts"]
        assert part not in [i["body_part"] for i in f["qme.impairments"]]
        assert "knee" not in own.lower() if part == "left knee" else True
        assert "shoulder" not in own.lower() if part == "right shoulder" else True
    elif defect == "report_before_exam":
        assert f["qme.report_date"] < f["qme.exam_date"]
        assert details == {"exam_date": f["qme.exam_date"], "report_date": f["qme.report_date"]}

    # nothing else is broken
    if defect not in ("wpi_arithmetic",):
        if defect == "summary_body_mismatch":
            pass
        elif f["qme.impairments"]:
            assert f["qme.combined_wpi"] == cvc([i["wpi"] for i in f["qme.impairments"]])
    if defect != "no_declaration":
        assert f["qme.declaration_present"] is True
    if defect != "body_part_missing":
        assert set(f["body_parts"]) == set(case.body_parts)


def test_several_defects_at_once():
    defects = {"wpi_arithmetic", "apportionment_sum", "no_declaration", "body_part_missing",
               "late_no_extension"}
    _case, _records, doc = build(31, parts=("lumbar spine", "right shoulder", "left knee"),
                                 defects=defects, report_after=40)
    codes = sorted(d["code"] for d in doc.fields["_defects"])
    assert codes == sorted(["WPI_ARITHMETIC", "APPORTIONMENT_DEFECT", "DECLARATION_MISSING",
                            "BODY_PART_NOT_ADDRESSED", "QME_REPORT_LATE"])


def test_inconsistent_requests_are_refused():
    with pytest.raises(ValueError):
        build(41, defects={"late_no_extension"}, report_after=10)
    with pytest.raises(ValueError):
        build(42, report_after=-3)                       # report before exam, not asked for
    with pytest.raises(ValueError):
        build(43, kind="supplemental", defects={"report_before_exam"})
    with pytest.raises(ValueError):
        build(44, parts=("lumbar spine",), defects={"body_part_missing"})
    with pytest.raises(ValueError):
        build(45, defects={"no_such_defect"})
    with pytest.raises(ValueError):
        build(46, parts=("lumbar spine", "right knee"), body_parts=["lumbar spine"])


# ------------------------------------------------------------------------------------------
# Independence from the pipeline
# ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [QME_PY, ROOT / "sample_docs" / "handwritten" / "render.py"])
def test_generator_source_does_not_import_pipeline(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            assert not any(a.name.split(".")[0] == "pipeline" for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level > 0 or (node.module or "").split(".")[0] != "pipeline"


def test_importing_and_running_the_generator_loads_no_pipeline_module():
    code = (
        "import sys, random, datetime as dt\n"
        "from sample_docs.generator.base import Case, Person\n"
        "from sample_docs.generator.qme import qme_report\n"
        "c = Case(Person('A','B'), dt.date(1980,1,1), '1', None, dt.date(2024,1,1), 'E', 'X',"
        " ['lumbar spine'])\n"
        "qme_report(random.Random(1), c, role='qme', kind='initial', style='a',"
        " exam_date=dt.date(2025,1,1), report_date=dt.date(2025,1,20), service_date=None,"
        " service_method='mail', records=[])\n"
        "bad = [m for m in sys.modules if m == 'pipeline' or m.startswith('pipeline.')]\n"
        "print('LOADED', bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert "LOADED []" in out.stdout


# ------------------------------------------------------------------------------------------
# The hand-written claim file (sample_docs/handwritten)
# ------------------------------------------------------------------------------------------

HW = ROOT / "sample_docs" / "handwritten"
# the shared contract when it sits beside the clone, else the package's copy of it
SCHEMA = next(p for p in (ROOT.parent / "shared" / "spec" / "report.schema.json",
                          ROOT / "pipeline" / "report" / "report.schema.json") if p.exists())


def _hw_render():
    sys.path.insert(0, str(HW))
    try:
        import render as hw_render
    finally:
        sys.path.remove(str(HW))
    return hw_render


@pytest.fixture(scope="module")
def handwritten(tmp_path_factory):
    hw_render = _hw_render()
    out = tmp_path_factory.mktemp("hw")
    paths = hw_render.build(out, only=["hw01_handwritten"], scans=False)
    truth = json.loads((out / "truth" / "hw01_handwritten.json").read_text())
    pdf = pdfium.PdfDocument(str(out / "handwritten" / "hw01_handwritten.pdf"))
    pages = [pdf[i].get_textpage().get_text_range().replace("\r", "") for i in range(len(pdf))]
    pdf.close()
    return paths, truth, pages


def test_handwritten_build_writes_pdf_and_truth(handwritten):
    paths, truth, pages = handwritten
    assert [p.name for p in paths] == ["hw01_handwritten.pdf", "hw01_handwritten.json"]
    assert truth["claim_id"] == "hw01_handwritten" and truth["as_of"] == "2025-12-01"
    assert truth["input"] == "handwritten/hw01_handwritten.pdf"
    assert 4 <= len(truth["documents"]) <= 6
    assert truth["documents"][-1]["page_end"] == len(pages)
    starts = [d["page_start"] for d in truth["documents"]]
    ends = [d["page_end"] for d in truth["documents"]]
    assert starts[0] == 1 and all(b + 1 == a for a, b in zip(starts[1:], ends[:-1]))


def test_handwritten_truth_uses_the_contract_vocabulary(handwritten):
    _paths, truth, _pages = handwritten
    schema = json.loads(SCHEMA.read_text())
    defs = schema["$defs"]
    types = set(defs["document"]["properties"]["type"]["enum"])
    codes = set(defs["finding"]["properties"]["code"]["enum"])
    assert {d["type"] for d in truth["documents"]} <= types
    found = {f["code"] for f in truth["findings"]}
    assert found <= codes and len(found - {"MISSING_DOCUMENT"}) >= 2
    ids = {d["id"] for d in truth["documents"]}
    for f in truth["findings"]:
        assert f["document"] is None or f["document"] in ids
        assert set(f["related"]) <= ids
    missing = {(f["details"]["checklist"], f["details"]["item"]) for f in truth["findings"]
               if f["code"] == "MISSING_DOCUMENT"}
    rows = {(name, r["item"]) for name, rs in truth["checklists"].items() for r in rs
            if r["status"] == "missing"}
    assert missing == rows


def _doc_text(truth, pages, doc_id):
    d = next(d for d in truth["documents"] if d["id"] == doc_id)
    return flat(" ".join(pages[d["page_start"] - 1:d["page_end"]]))


def test_handwritten_documents_state_their_truth(handwritten):
    _paths, truth, pages = handwritten
    claim = truth["claim"]
    for d in truth["documents"]:
        text = _doc_text(truth, pages, d["id"])
        assert claim["claimant_name"].split()[-1].lower() in text.lower()
        if "claim_number" in d["fields"]:
            assert d["fields"]["claim_number"] in text
    ur = _doc_text(truth, pages, "T04")
    assert "unable to certify" in ur and "October 28, 2024" in ur
    assert "10/17/2024" in ur and "October 29, 2024" in ur
    ame = _doc_text(truth, pages, "T06")
    f = next(d for d in truth["documents"] if d["id"] == "T06")["fields"]
    wpis = [i["wpi"] for i in f["qme.impairments"]]
    assert f"{wpis[0]}% + {wpis[1]}%" in ame and f"{f['qme.combined_wpi']}%" in ame
    assert cvc(wpis) != f["qme.combined_wpi"]
    wpi_finding = next(x for x in truth["findings"] if x["code"] == "WPI_ARITHMETIC")
    assert wpi_finding["details"] == {"stated": f["qme.combined_wpi"], "computed": cvc(wpis)}
    for a in f["qme.apportionment"]:
        assert a["industrial_pct"] + a["nonindustrial_pct"] == 100
    assert "penalty of perjury" in ame and "ML203" in ame
    fdl = _doc_text(truth, pages, "T05")
    assert "CM24-1022873" in fdl and "upheld" in fdl


def test_handwritten_ur_is_late_by_its_own_dates(handwritten):
    _paths, truth, _pages = handwritten
    ur = next(d for d in truth["documents"] if d["id"] == "T04")["fields"]
    received = dt.date.fromisoformat(ur["ur.rfa_received_date"])
    day, n = received, 0
    while n < 5:                        # no California state holiday falls in this window
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n += 1
    late = next(x for x in truth["findings"] if x["code"] == "UR_UNTIMELY")
    assert late["details"]["due"] == day.isoformat()
    assert dt.date.fromisoformat(ur["ur.decision_date"]) > day
