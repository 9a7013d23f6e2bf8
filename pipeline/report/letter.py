"""dispute_letter.md and dispute_letter.docx: a draft dispute letter drawn only from findings.

Shape (contract): header block (claimant, claim number, claims administrator, date); a paragraph
naming the disputed report (author, specialty, date); a numbered list of the errors found, each
with its finding id, page citations and evidence quotes; the records to attach; the records to
request; the deadlines; the corrective action requested; a closing asking for written
acknowledgement. With no findings the letter says so. Both files come from one
:class:`LetterContent`, so they always say the same thing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.analyze.findings import doc_label, type_label
from pipeline.model import ClaimFile, Document, Evidence, Finding
from pipeline.report.atomic import write_bytes_atomic, write_text_atomic

#: categories that are not errors of a report: alerts and housekeeping
NOT_ERRORS = frozenset({"deadline", "missing_document", "duplicate"})
DISPUTED_PREFERENCE = ("qme_report", "ame_report", "ur_decision", "imr_determination")

_CORRECTIONS: dict[str, str] = {
    "QME_RECORD_OMITTED": "Serve the omitted records on the evaluator and obtain a supplemental "
                          "report that reviews them.",
    "RECORD_DATE_MISMATCH": "Correct the dates of the records cited in the records-reviewed list.",
    "CITED_RECORD_MISSING": "Produce the cited records that are not in the claim file.",
    "WPI_ARITHMETIC": "Recalculate the combined whole person impairment with the Combined "
                      "Values Chart and reconcile the summary with the body of the report.",
    "APPORTIONMENT_DEFECT": "Restate apportionment so that each body part totals 100% and "
                            "explain how and why each factor contributes.",
    "BODY_PART_NOT_ADDRESSED": "Address every claimed body part, with diagnosis, causation and "
                               "impairment.",
    "DECLARATION_MISSING": "Provide a signed and dated declaration under penalty of perjury "
                           "naming the county where it was signed.",
    "QME_REPORT_LATE": "Confirm whether an extension was approved; absent one, we reserve the "
                       "right to a replacement panel under 8 CCR 38(b).",
    "DATE_SEQUENCE": "Correct the impossible dates identified above.",
    "DOI_MISMATCH": "Correct the date of injury to match the claim.",
    "CLAIMANT_MISMATCH": "Remove the misfiled record from this claim file or confirm it belongs "
                         "to this claimant.",
    "UR_UNTIMELY": "Withdraw the untimely utilization review decision; the treatment request "
                   "is no longer subject to utilization review.",
    "UR_NOTICE_DEFECT": "Issue a utilization review notice with all content required by "
                        "8 CCR 9792.9.1.",
}


@dataclass
class LetterError:
    finding: Finding
    citations: list[str] = field(default_factory=list)   # "claim.pdf p. 3"
    quotes: list[str] = field(default_factory=list)


@dataclass
class LetterContent:
    header: list[tuple[str, str]]
    subject: str
    opening: str
    errors: list[LetterError]
    attach: list[str]
    request: list[str]
    deadlines: list[str]
    corrections: list[str]
    closing: str


def _pages(doc: Document) -> str:
    if doc.page_start == doc.page_end:
        return f"{doc.source} p. {doc.page_start}"
    return f"{doc.source} pp. {doc.page_start}-{doc.page_end}"


def _citation(ev: Evidence) -> str | None:
    return f"{ev.source} p. {ev.page}" if ev.page else None


def _author(doc: Document) -> str | None:
    if doc.qme and doc.qme.evaluator_name:
        return doc.qme.evaluator_name
    if doc.ur and doc.ur.reviewer_name:
        return doc.ur.reviewer_name
    return doc.author


def _specialty(doc: Document) -> str | None:
    if doc.qme and doc.qme.specialty:
        return doc.qme.specialty
    if doc.ur and doc.ur.reviewer_specialty:
        return doc.ur.reviewer_specialty
    return None


def _label(doc: Document) -> str:
    return doc_label(doc)


def disputed_document(claim: ClaimFile, errors: list[Finding]) -> Document | None:
    """The document most errors are about (QME/AME reports first on a tie)."""
    counts: dict[str, int] = {}
    for finding in errors:
        if finding.document:
            counts[finding.document] = counts.get(finding.document, 0) + 1
    if not counts:
        return None

    def rank(doc_id: str):
        doc = claim.document(doc_id)
        kind = doc.type if doc else "other"
        preference = (DISPUTED_PREFERENCE.index(kind) if kind in DISPUTED_PREFERENCE
                      else len(DISPUTED_PREFERENCE))
        return (-counts[doc_id], preference, doc_id)

    return claim.document(min(counts, key=rank))


def letter_content(claim: ClaimFile) -> LetterContent:
    facts = claim.claim
    header = [
        ("Claimant", facts.claimant_name or "[claimant]"),
        ("Claim number", ", ".join(facts.claim_numbers) or "[claim number]"),
        ("Claims administrator", facts.claims_administrator or "[claims administrator]"),
        ("Date", claim.as_of.strftime("%B %d, %Y").replace(" 0", " ")),
    ]
    if facts.adj_numbers:
        header.insert(2, ("WCAB case number", ", ".join(facts.adj_numbers)))
    errors = [f for f in claim.findings if f.category not in NOT_ERRORS]
    disputed = disputed_document(claim, errors)
    if disputed is not None:
        author = _author(disputed) or "[author]"
        specialty = _specialty(disputed)
        date = disputed.date.strftime("%m/%d/%Y") if disputed.date else "[date]"
        subject = f"Re: dispute of the {_type(disputed)} of {author} dated {date}"
        opening = (f"We have reviewed the {_type(disputed)} of {author}"
                   f"{f' ({specialty})' if specialty else ''} dated {date} "
                   f"({_pages(disputed)}) and the claim file, and dispute it on the grounds "
                   "listed below.")
    elif errors:
        subject = "Re: errors found in the claim file"
        opening = "We have reviewed the claim file and dispute the errors listed below."
    else:
        subject = "Re: claim file review"
        opening = ("We have reviewed the claim file and found no errors to dispute: no finding "
                   "of this review is a ground for dispute.")
    letter_errors = []
    for finding in errors:
        citations: list[str] = []
        quotes: list[str] = []
        for ev in finding.evidence:
            cite = _citation(ev)
            if cite and cite not in citations:
                citations.append(cite)
            if ev.quote and ev.quote not in quotes:
                quotes.append(ev.quote)
        letter_errors.append(LetterError(finding, citations, quotes))

    attach: list[str] = []
    for finding in claim.findings:
        if finding.code in ("QME_RECORD_OMITTED", "RECORD_DATE_MISMATCH"):
            for rid in finding.related:
                doc = claim.document(rid)
                line = f"{_label(doc)} ({_pages(doc)})" if doc else rid
                if line not in attach:
                    attach.append(line)
    request = [f"{f.message} [{f.id}]" for f in claim.findings
               if f.code in ("CITED_RECORD_MISSING", "MISSING_DOCUMENT")]
    deadlines = [f"{f.message} [{f.id}]" for f in claim.findings if f.category == "deadline"]
    corrections = []
    for finding in errors:
        text = _CORRECTIONS.get(finding.code)
        if text and text not in corrections:
            corrections.append(text)
    closing = ("Please acknowledge receipt of this letter in writing and tell us, within 15 "
               "days, what action will be taken on each item above.")
    return LetterContent(header, subject, opening, letter_errors, attach, request, deadlines,
                         corrections, closing)


def _type(doc: Document) -> str:
    return type_label(doc.type)


def _error_line(error: LetterError) -> str:
    finding = error.finding
    text = f"{finding.message} [{finding.id}]"
    if error.citations:
        text += f" (see {'; '.join(error.citations)})"
    if error.quotes:
        text += " Evidence: " + "; ".join(f"\u201c{q}\u201d" for q in error.quotes[:3]) + "."
    return text


def render_letter(claim: ClaimFile) -> str:
    content = letter_content(claim)
    lines = ["# Draft dispute letter", ""]
    lines += [f"**{label}:** {value}  " for label, value in content.header]
    lines += ["", f"**{content.subject}**", "", content.opening, ""]
    if content.errors:
        lines += ["## Errors found", ""]
        lines += [f"{n}. {_error_line(e)}" for n, e in enumerate(content.errors, 1)]
        lines.append("")
    else:
        lines += ["No errors were found in this claim file.", ""]
    for title, items in (("Records to attach", content.attach),
                         ("Records to request", content.request),
                         ("Deadlines", content.deadlines),
                         ("Corrective action requested", content.corrections)):
        if items:
            lines += [f"## {title}", ""] + [f"- {item}" for item in items] + [""]
    lines += [content.closing, "", "Sincerely,", "", "[name]", ""]
    return "\n".join(lines)


def render_docx(claim: ClaimFile) -> bytes:
    from docx import Document as DocxDocument

    content = letter_content(claim)
    docx = DocxDocument()
    docx.add_heading("Draft dispute letter", level=1)
    for label, value in content.header:
        para = docx.add_paragraph()
        para.add_run(f"{label}: ").bold = True
        para.add_run(value)
    docx.add_paragraph().add_run(content.subject).bold = True
    docx.add_paragraph(content.opening)
    if content.errors:
        docx.add_heading("Errors found", level=2)
        for n, error in enumerate(content.errors, 1):
            docx.add_paragraph(f"{n}. {_error_line(error)}")
    else:
        docx.add_paragraph("No errors were found in this claim file.")
    for title, items in (("Records to attach", content.attach),
                         ("Records to request", content.request),
                         ("Deadlines", content.deadlines),
                         ("Corrective action requested", content.corrections)):
        if items:
            docx.add_heading(title, level=2)
            for item in items:
                docx.add_paragraph(item, style="List Bullet")
    docx.add_paragraph(content.closing)
    docx.add_paragraph("Sincerely,")
    docx.add_paragraph("[name]")
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def write_letter(claim: ClaimFile, out_dir: Path) -> None:
    out_dir = Path(out_dir)
    write_text_atomic(out_dir / "dispute_letter.md", render_letter(claim))
    write_bytes_atomic(out_dir / "dispute_letter.docx", render_docx(claim))
