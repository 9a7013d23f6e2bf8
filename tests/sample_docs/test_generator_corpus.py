"""The corpus generator end to end: real reportlab PDFs, real pypdfium2 page counts."""

import ast
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from generator import scenarios
from generator.assemble import render_claim, write_folder, write_single
from generator.claim import IMR_ITEMS, PRE_QME_ITEMS, is_adverse_decision
from generator.story import Story

REPO = Path(__file__).resolve().parents[2]
GENERATOR = REPO / "sample_docs"
SCHEMA_PATHS = [REPO.parent / "shared" / "spec" / "report.schema.json",
                REPO / "pipeline" / "report" / "report.schema.json"]
DEADLINE_CODES = {"IMR_DEADLINE", "PANEL_STRIKE_DEADLINE", "QME_OBJECTION_DEADLINE"}
SIDES = ("right", "left", "bilateral")
SIDED = ("shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "foot")
CANONICAL = {"cervical spine", "thoracic spine", "lumbar spine", "head", "psyche", "internal"} | {
    f"{s} {p}" for s in SIDES for p in SIDED}


@pytest.fixture(scope="module")
def schema():
    path = next(p for p in SCHEMA_PATHS if p.exists())
    return json.loads(path.read_text())


@pytest.fixture(scope="module")
def claims():
    """Every corpus claim file built (documents, findings, checklists), without PDFs."""
    return {sc.claim_id: Story(sc).build() for sc in scenarios.corpus()}


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """Two claim files written for real: text PDFs, a low-dpi scan and a folder variant."""
    out = tmp_path_factory.mktemp("corpus")
    truths = []
    for cid in ("cf04_ur_before_rfa", "cf11_clean_approval"):
        sc = next(s for s in scenarios.corpus() if s.claim_id == cid)
        claim = Story(sc).build()
        rendered = render_claim(claim)
        truths.append(write_single(claim, rendered, out / "text" / f"{cid}.pdf", variant="text",
                                   claim_id=cid, input_rel=f"text/{cid}.pdf"))
        if cid == "cf04_ur_before_rfa":
            truths.append(write_single(claim, rendered, out / "scan" / f"{cid}_scan.pdf",
                                       variant="scan200", claim_id=f"{cid}_scan",
                                       input_rel=f"scan/{cid}_scan.pdf", dpi=40, seed=1))
            truths.append(write_folder(claim, rendered, out / "folder" / f"{cid}_folder",
                                       claim_id=f"{cid}_folder", input_rel=f"folder/{cid}_folder",
                                       seed=1))
    return out, truths


def _pages_of(path: Path) -> int:
    if path.suffix == ".pdf":
        doc = pdfium.PdfDocument(path)
        n = len(doc)
        doc.close()
        return n
    from PIL import Image
    with Image.open(path) as im:
        return getattr(im, "n_frames", 1)


def test_truth_page_ranges_cover_every_page_exactly_once(small_corpus):
    out, truths = small_corpus
    assert {t["variant"] for t in truths} == {"text", "scan200", "folder"}
    for t in truths:
        root = out / t["input"]
        files = [root] if root.is_file() else sorted(root.iterdir())
        by_source = {}
        for d in t["documents"]:
            assert 1 <= d["page_start"] <= d["page_end"]
            by_source.setdefault(d["source"], []).extend(range(d["page_start"], d["page_end"] + 1))
        assert set(by_source) == {f.name for f in files}
        for f in files:
            pages = sorted(by_source[f.name])
            assert pages == list(range(1, _pages_of(f) + 1)), (t["claim_id"], f.name)


def test_scan_variant_is_image_only_with_a_turned_page(small_corpus):
    out, truths = small_corpus
    t = next(t for t in truths if t["variant"] == "scan200")
    doc = pdfium.PdfDocument(out / t["input"])
    texts = [doc[i].get_textpage().get_text_range().strip() for i in range(len(doc))]
    sizes = [doc[i].get_size() for i in range(len(doc))]
    doc.close()
    assert all(not s for s in texts)
    assert sum(1 for w, h in sizes if w > h) == 1


def test_folder_variant_mixes_pdfs_and_images(small_corpus):
    out, truths = small_corpus
    t = next(t for t in truths if t["variant"] == "folder")
    names = {p.suffix for p in (out / t["input"]).iterdir()}
    assert {".pdf", ".png", ".tiff"} <= names


def test_text_layer_carries_the_planted_dates(small_corpus):
    """The UR letter's text states the RFA received date the truth gives (in some format)."""
    out, truths = small_corpus
    t = next(t for t in truths if t["claim_id"] == "cf04_ur_before_rfa")
    ur = next(d for d in t["documents"] if d["type"] == "ur_decision")
    doc = pdfium.PdfDocument(out / t["input"])
    text = " ".join(doc[i].get_textpage().get_text_range() for i in
                    range(ur["page_start"] - 1, ur["page_end"]))
    doc.close()
    y, m, d = (int(x) for x in ur["fields"]["ur.rfa_received_date"].split("-"))
    import datetime as dt

    from generator.dates import STYLES, fmt
    assert any(fmt(dt.date(y, m, d), s) in text for s in STYLES)


def test_determinism_same_truth_twice(tmp_path):
    sc = next(s for s in scenarios.corpus() if s.claim_id == "cf11_clean_approval")
    outs = []
    for run in ("a", "b"):
        claim = Story(sc).build()
        t = write_single(claim, render_claim(claim), tmp_path / run / "x.pdf", variant="text",
                         claim_id=sc.claim_id, input_rel="text/x.pdf")
        outs.append(json.dumps(t, sort_keys=True))
    assert outs[0] == outs[1]


def test_every_finding_code_planted_at_least_twice(claims, schema):
    codes = Counter(f["code"] for c in claims.values() for f in c.findings)
    enum = schema["$defs"]["finding"]["properties"]["code"]["enum"]
    assert {c: codes[c] for c in enum if codes[c] < 2} == {}


def test_truth_vocabulary_matches_the_schema(claims, schema):
    defs = schema["$defs"]
    doc_types = set(defs["document"]["properties"]["type"]["enum"])
    codes = set(defs["finding"]["properties"]["code"]["enum"])
    ur_dec = set(defs["ur"]["properties"]["overall_decision"]["enum"])
    tr_dec = set(defs["treatment"]["properties"]["decision"]["enum"])
    review = set(defs["ur"]["properties"]["review_type"]["enum"])
    roles = set(defs["qme"]["properties"]["evaluator_role"]["enum"])
    kinds = set(defs["qme"]["properties"]["report_kind"]["enum"])
    imr_dec = set(defs["imr"]["properties"]["decision"]["enum"])
    statuses = set(defs["checkItem"]["properties"]["status"]["enum"])
    import re
    iso = re.compile(defs["dateOrInterval"]["pattern"])
    for cid, c in claims.items():
        ids = {e.key: f"T{i:02d}" for i, e in enumerate(c.entries, 1)}
        pages = {e.key: ("x.pdf", i, i) for i, e in enumerate(c.entries, 1)}
        t = c.truth(ids, pages, "text", "x.pdf", cid)
        for b in t["claim"]["body_parts"]:
            assert b in CANONICAL
        for d in t["documents"]:
            f = d["fields"]
            assert d["type"] in doc_types
            for k in ("date", "service_date", "date_of_injury", "ur.decision_date",
                      "ur.rfa_received_date", "qme.exam_date", "qme.report_date"):
                if f.get(k) is not None:
                    assert iso.match(f[k]), (cid, d["id"], k, f[k])
            assert set(f.get("body_parts", [])) <= CANONICAL, (cid, d["id"], f.get("body_parts"))
            if d["type"] == "ur_decision":
                assert f["ur.overall_decision"] in ur_dec
                assert f["ur.notice_kind"] in ("decision", "deferral", "incomplete_rfa")
                assert f.get("ur.review_type") in review
                assert all(x["decision"] in tr_dec for x in f.get("ur.treatments", []))
            if "qme.evaluator_role" in f:
                assert f["qme.evaluator_role"] in roles and f["qme.report_kind"] in kinds
            if f.get("imr.decision") is not None:
                assert f["imr.decision"] in imr_dec
            assert not any(k.startswith("_") for k in f)
        for fd in t["findings"]:
            assert fd["code"] in codes and fd["why"]
            assert fd["document"] is None or fd["document"] in {d["id"] for d in t["documents"]}
            if fd["code"] == "MISSING_DOCUMENT":
                assert fd["details"]["checklist"] in ("pre_qme", "imr")
        assert [r["item"] for r in t["checklists"]["pre_qme"]] == PRE_QME_ITEMS
        assert [r["item"] for r in t["checklists"]["imr"]] == IMR_ITEMS
        assert all(r["status"] in statuses for rows in t["checklists"].values() for r in rows)


def test_deadline_alert_for_every_adverse_ur_qme_report_and_panel(claims):
    for c in claims.values():
        alerted = {(f["code"], f["document"]) for f in c.findings if f["code"] in DEADLINE_CODES}
        for e in c.own():
            if e.type == "ur_decision" and is_adverse_decision(e.doc.fields):
                assert ("IMR_DEADLINE", e.key) in alerted
            if e.type in ("qme_report", "ame_report"):
                assert ("QME_OBJECTION_DEADLINE", e.key) in alerted
            if e.type == "qme_panel_list":
                assert ("PANEL_STRIKE_DEADLINE", e.key) in alerted


def test_missing_document_findings_mirror_missing_checklist_rows(claims):
    for c in claims.values():
        missing = {(n, r["item"]) for n, rows in c.checklists.items() for r in rows
                   if r["status"] == "missing"}
        found = {(f["details"]["checklist"], f["details"]["item"]) for f in c.findings
                 if f["code"] == "MISSING_DOCUMENT"}
        assert missing == found


def test_clean_files_have_only_deadline_alerts(claims):
    clean = [c for cid, c in claims.items() if "clean" in cid]
    assert len(clean) >= 2
    for c in clean:
        assert {f["code"] for f in c.findings} <= DEADLINE_CODES
        assert any(f["code"] in DEADLINE_CODES for f in c.findings)


def test_every_document_type_of_the_contract_appears(claims, schema):
    seen = {e.type for c in claims.values() for e in c.entries}
    assert set(schema["$defs"]["document"]["properties"]["type"]["enum"]) <= seen


def test_qme_lists_every_earlier_record_except_the_planted_omissions(claims):
    for c in claims.values():
        for e in c.own():
            if e.type not in ("qme_report", "ame_report"):
                continue
            omitted = {k for f in c.findings if f["code"] == "QME_RECORD_OMITTED"
                       and f["document"] == e.key for k in f["related"]}
            f = e.doc.fields
            day = f["qme.exam_date"] or f["qme.report_date"]
            listed = {(r["date"], r["description"]) for r in f["qme.records_reviewed"]}
            for r in c.records_before(__import__("datetime").date.fromisoformat(day)):
                if r is e:
                    continue
                if r.key in omitted:
                    assert (r.record["date"].isoformat(), r.record["description"]) not in listed
                elif not any(x["code"] == "RECORD_DATE_MISMATCH" and r.key in x["related"]
                             for x in c.findings if x["document"] == e.key):
                    assert (r.record["date"].isoformat(), r.record["description"]) in listed


def test_generator_never_imports_pipeline():
    for path in list((GENERATOR / "generator").glob("*.py")) + [GENERATOR / "generate.py"]:
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            assert not any(n == "pipeline" or n.startswith("pipeline.") for n in names), path
    code = (f"import sys; sys.path.insert(0, {str(GENERATOR)!r}); import generate, generator.story; "
            "print(any(m == 'pipeline' or m.startswith('pipeline.') for m in sys.modules))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "False"


def test_duplicates_come_after_their_original(claims):
    dups = 0
    for c in claims.values():
        order = [e.key for e in c.entries]
        for e in c.entries:
            if e.duplicate_of:
                dups += 1
                assert order.index(e.duplicate_of) < order.index(e.key)
    assert dups >= 2
