"""documents.csv, timeline.csv, findings.csv (and report.xlsx) through pandas."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from pipeline.model import ClaimFile, iso
from pipeline.report.atomic import write_bytes_atomic, write_text_atomic


def tables(claim: ClaimFile) -> dict[str, pd.DataFrame]:
    documents = pd.DataFrame([
        {"id": d.id, "type": d.type, "source": d.source, "page_start": d.page_start,
         "page_end": d.page_end, "date": iso(d.date), "service_date": iso(d.service_date),
         "title": d.title, "author": d.author, "claimant_name": d.claimant_name,
         "claim_number": d.claim_number, "date_of_injury": iso(d.date_of_injury),
         "body_parts": "; ".join(d.body_parts), "confidence": round(d.confidence, 3),
         "needs_review": d.needs_review, "duplicate_of": d.duplicate_of}
        for d in claim.documents
    ], columns=["id", "type", "source", "page_start", "page_end", "date", "service_date",
                "title", "author", "claimant_name", "claim_number", "date_of_injury",
                "body_parts", "confidence", "needs_review", "duplicate_of"])
    timeline = pd.DataFrame([
        {"date": iso(e.date), "kind": e.kind, "description": e.description,
         "document": e.document, "source": e.source, "page": e.page}
        for e in sorted(claim.timeline, key=lambda e: (e.date, e.kind))
    ], columns=["date", "kind", "description", "document", "source", "page"])
    findings = pd.DataFrame([
        {"id": f.id, "code": f.code, "category": f.category, "severity": f.severity,
         "document": f.document, "related": "; ".join(f.related), "message": f.message,
         "pages": "; ".join(dict.fromkeys(f"{e.source} p.{e.page}"
                                          for e in f.evidence if e.page)),
         "details": json.dumps(f.details, sort_keys=True, default=str)}
        for f in claim.findings
    ], columns=["id", "code", "category", "severity", "document", "related", "message", "pages",
                "details"])
    return {"documents": documents, "timeline": timeline, "findings": findings}


def write_tables(claim: ClaimFile, out_dir: Path, xlsx: bool = False) -> None:
    frames = tables(claim)
    for name, frame in frames.items():
        write_text_atomic(out_dir / f"{name}.csv", frame.to_csv(index=False))
    if xlsx:
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            for name, frame in frames.items():
                frame.to_excel(writer, sheet_name=name, index=False)
        write_bytes_atomic(out_dir / "report.xlsx", buffer.getvalue())
