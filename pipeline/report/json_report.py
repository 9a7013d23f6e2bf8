"""report.json: the contract of ../shared/spec/README.md, built only by reading a ClaimFile."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, fields, is_dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pipeline.model import (
    ClaimFile,
    DateRange,
    Document,
    Evidence,
    Finding,
    Record,
    Treatment,
    iso,
)
from pipeline.report.atomic import write_text_atomic

SCHEMA_VERSION = "1"


def _value(value: Any) -> Any:
    """Dates to ISO strings, DateRange to intervals, dataclasses to dicts (recursively)."""
    if isinstance(value, DateRange):
        return value.iso()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Evidence):
        return evidence_dict(value)
    if is_dataclass(value):
        return {f.name: _value(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    return value


def evidence_dict(ev: Evidence) -> dict:
    out = {"document": ev.document, "source": ev.source, "page": ev.page, "quote": ev.quote}
    if ev.box is not None:
        out["box"] = [round(c, 4) for c in ev.box]
    return out


def _treatment(t: Treatment) -> dict:
    out = {
        "description": t.description, "cpt": t.cpt, "quantity": t.quantity,
        "quantity_approved": t.quantity_approved, "decision": t.decision,
        "outcome": t.outcome,
        "guidelines": list(t.guidelines),
    }
    if t.evidence:
        out["evidence"] = evidence_dict(t.evidence)
    return out


def _record(r: Record) -> dict:
    out = {"date": iso(r.date), "description": r.description, "author": r.author,
           "kind": r.kind, "pages": r.pages, "matched_document": r.matched_document}
    if r.evidence:
        out["evidence"] = evidence_dict(r.evidence)
    return out


def _block(block: Any) -> dict:
    out: dict[str, Any] = {}
    for f in fields(block):
        value = getattr(block, f.name)
        if f.name in ("treatments",):
            out[f.name] = [_treatment(t) for t in value]
        elif f.name == "records_reviewed":
            out[f.name] = [_record(r) for r in value]
        else:
            out[f.name] = _value(value)
    return out


def document_dict(doc: Document) -> dict:
    out: dict[str, Any] = {
        "id": doc.id, "type": doc.type, "source": doc.source,
        "page_start": doc.page_start, "page_end": doc.page_end, "title": doc.title,
        "date": iso(doc.date), "date_label": doc.date_label,
        "service_date": iso(doc.service_date), "author": doc.author,
        "author_role": doc.author_role, "claimant_name": doc.claimant_name,
        "claim_number": doc.claim_number, "adj_number": doc.adj_number,
        "date_of_birth": iso(doc.date_of_birth), "date_of_injury": iso(doc.date_of_injury),
        "employer": doc.employer, "claims_administrator": doc.claims_administrator,
        "body_parts": list(doc.body_parts), "confidence": round(float(doc.confidence), 3),
        "needs_review": doc.needs_review, "duplicate_of": doc.duplicate_of,
        "duplicate_detail": doc.duplicate_detail, "segmentation": list(doc.segmentation),
        "provenance": {k: evidence_dict(v) for k, v in doc.provenance.items()},
    }
    for name in ("ur", "qme", "imr", "rfa"):
        block = getattr(doc, name)
        if block is not None:
            out[name] = _block(block)
    return out


def finding_dict(f: Finding) -> dict:
    return {
        "id": f.id, "code": f.code, "category": f.category, "severity": f.severity,
        "document": f.document, "related": list(f.related), "message": f.message,
        "evidence": [evidence_dict(e) for e in f.evidence], "details": _value(f.details),
    }


def build_report(claim: ClaimFile) -> dict:
    page_doc = {}
    for doc in claim.documents:
        for n in doc.page_numbers:
            page_doc[(doc.source, n)] = doc.id
    return {
        "schema_version": SCHEMA_VERSION,
        "claim_id": claim.claim_id,
        "generated_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "as_of": claim.as_of.isoformat(),
        "status": claim.status,
        "sources": [
            {"path": s.path, "sha256": s.sha256, "page_count": s.page_count,
             "status": s.status, "error": s.error, "kind": s.kind}
            for s in claim.sources
        ],
        "pages": [
            {"source": p.source, "page": p.number, "text_source": p.text_source,
             "ocr_confidence": None if p.ocr_confidence is None else round(p.ocr_confidence, 1),
             "rotation": p.rotation, "chars": p.chars,
             "document": page_doc.get((p.source, p.number)),
             "needs_review": p.needs_review, "error": p.error}
            for p in claim.pages
        ],
        "claim": {
            "claimant_name": claim.claim.claimant_name,
            "claim_numbers": list(claim.claim.claim_numbers),
            "adj_numbers": list(claim.claim.adj_numbers),
            "dates_of_injury": [iso(d) for d in claim.claim.dates_of_injury],
            "employer": claim.claim.employer,
            "claims_administrator": claim.claim.claims_administrator,
            "body_parts": list(claim.claim.body_parts),
            "date_of_birth": iso(claim.claim.date_of_birth),
            "provenance": {k: evidence_dict(v) for k, v in claim.claim.provenance.items()},
        },
        "documents": [document_dict(d) for d in claim.documents],
        "timeline": [
            {"date": e.date.isoformat(), "kind": e.kind, "description": e.description,
             "document": e.document, "page": e.page, "source": e.source}
            for e in sorted(claim.timeline, key=lambda e: (e.date, e.kind))
        ],
        "findings": [finding_dict(f) for f in claim.findings],
        "checklists": {
            name: [asdict(item) for item in claim.checklists.get(name, [])]
            for name in ("pre_qme", "imr")
        },
        "stats": _value(claim.stats),
    }


@lru_cache(maxsize=1)
def load_schema() -> dict:
    """The contract's JSON Schema, shipped inside the package (a copy of ../shared/spec)."""
    text = resources.files("pipeline.report").joinpath("report.schema.json").read_text()
    return json.loads(text)


def validate_report(report: dict) -> None:
    """Raise jsonschema.ValidationError when ``report`` breaks the contract."""
    import jsonschema

    jsonschema.Draft202012Validator(load_schema()).validate(report)


def write_report(claim: ClaimFile, out_dir: Path) -> Path:
    report = build_report(claim)
    validate_report(report)
    path = Path(out_dir) / "report.json"
    write_text_atomic(path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return path
