"""The typed objects passed from stage to stage.

One page travels: ``Source`` (ingest) -> ``Page`` (text) -> ``Document`` (segment, classify,
extract) -> ``Finding`` / ``CheckItem`` / ``TimelineEvent`` (analyze) -> report.json.
Everything is a plain, picklable dataclass so pages can cross process boundaries.

Coordinates: a ``Word.box`` is ``(x0, top, x1, bottom)`` as fractions of the (upright) page's
width and height, origin top-left, so text-layer and OCR words compare directly.
Dates are ``datetime.date``; a continuous-trauma period is a ``DateRange``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

Box = tuple[float, float, float, float]

# --- vocabularies of the contract (../shared/spec/report.schema.json) -----------------------

DOCUMENT_TYPES: tuple[str, ...] = (
    "ur_decision", "imr_application", "imr_determination", "imr_notice", "qme_panel_list",
    "qme_report", "ame_report", "rfa", "treating_report", "doctor_first_report",
    "imaging_report", "diagnostic_report", "operative_report", "therapy_note",
    "medication_list", "claim_form", "employer_report", "job_description", "wage_statement",
    "deposition", "peer_to_peer_note", "correspondence", "other",
)
#: plain words for each document type (messages, letters, timeline)
DOCUMENT_TYPE_LABELS: dict[str, str] = {
    "ur_decision": "UR decision", "imr_application": "IMR application",
    "imr_determination": "IMR determination", "imr_notice": "IMR notice",
    "qme_panel_list": "QME panel list", "qme_report": "QME report", "ame_report": "AME report",
    "rfa": "RFA", "treating_report": "treating report",
    "doctor_first_report": "Doctor's First Report", "imaging_report": "imaging report",
    "diagnostic_report": "diagnostic report", "operative_report": "operative report",
    "therapy_note": "therapy note", "medication_list": "medication list",
    "claim_form": "claim form (DWC-1)", "employer_report": "employer's report",
    "job_description": "job description", "wage_statement": "wage statement",
    "deposition": "deposition", "peer_to_peer_note": "peer-to-peer note",
    "correspondence": "correspondence", "other": "document",
}
#: medical records: the kinds a QME must review and a UR/IMR packet may need
MEDICAL_RECORD_TYPES: frozenset[str] = frozenset({
    "treating_report", "doctor_first_report", "imaging_report", "diagnostic_report",
    "operative_report", "therapy_note", "medication_list", "rfa", "ur_decision",
    "imr_determination", "qme_report", "ame_report", "peer_to_peer_note",
})

TextSource = Literal["text_layer", "ocr", "empty", "error"]
SourceStatus = Literal["ok", "partial", "error"]
Decision = Literal["approved", "modified", "denied", "delayed"]

FINDING_CATEGORY: dict[str, str] = {
    "DOI_MISMATCH": "wrong_date",
    "CLAIMANT_MISMATCH": "misfiled",
    "DATE_SEQUENCE": "wrong_date",
    "RECORD_DATE_MISMATCH": "wrong_date",
    "QME_RECORD_OMITTED": "omitted_record",
    "UR_UNTIMELY": "untimely",
    "UR_NOTICE_DEFECT": "procedural",
    "QME_REPORT_LATE": "untimely",
    "WPI_ARITHMETIC": "rating",
    "APPORTIONMENT_DEFECT": "rating",
    "BODY_PART_NOT_ADDRESSED": "rating",
    "DECLARATION_MISSING": "procedural",
    "IMR_DEADLINE": "deadline",
    "PANEL_STRIKE_DEADLINE": "deadline",
    "QME_OBJECTION_DEADLINE": "deadline",
    "MISSING_DOCUMENT": "missing_document",
    "CITED_RECORD_MISSING": "missing_document",
    "DUPLICATE_DOCUMENT": "duplicate",
}

PRE_QME_ITEMS: tuple[str, ...] = (
    "treating_reports", "imaging_reports", "operative_reports", "therapy_notes",
    "medication_list", "prior_imr_decisions", "peer_to_peer_notes", "job_description",
    "accident_report", "wage_statement",
)
IMR_ITEMS: tuple[str, ...] = (
    "ur_decision", "imr_application", "imr_application_signed", "imr_review_type_indicated",
    "imr_jcn_present", "imr_application_timely", "rfa", "supporting_records",
)


# --- ingest and page text --------------------------------------------------------------------

@dataclass
class Source:
    """One input file of a claim file."""

    path: str                      # as given, relative to the claim input (file name or folder/rel)
    abs_path: str
    sha256: str
    kind: str                      # "pdf", "image", "unsupported"
    page_count: int = 0
    status: SourceStatus = "ok"
    error: str | None = None


@dataclass
class Word:
    text: str
    box: Box
    confidence: float | None = None   # 0..100 for OCR words, None for text-layer words


@dataclass
class Page:
    """One page's text, however it was obtained. ``number`` is 1-based within its source."""

    source: str
    number: int
    text: str = ""
    words: list[Word] = field(default_factory=list)
    text_source: TextSource = "empty"
    ocr_confidence: float | None = None
    rotation: int | None = 0          # degrees turned to make the page upright
    width: float = 0.0                   # points (PDF) or pixels (image) of the upright page
    height: float = 0.0
    needs_review: bool = False
    error: str | None = None
    from_cache: bool = False

    @property
    def chars(self) -> int:
        return len(self.text.strip())

    @property
    def key(self) -> tuple[str, int]:
        return (self.source, self.number)


@dataclass
class Evidence:
    """Where a value was read: every value a person may cite has one."""

    source: str
    page: int | None
    quote: str
    document: str | None = None
    box: Box | None = None


# --- dates ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class DateRange:
    """A continuous-trauma period (ISO interval ``START/END``)."""

    start: dt.date
    end: dt.date

    def iso(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


InjuryDate = dt.date | DateRange


def iso(value: InjuryDate | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, DateRange):
        return value.iso()
    return value.isoformat()


# --- per-type blocks ------------------------------------------------------------------------

@dataclass
class Treatment:
    description: str
    decision: str | None = None          # approved / modified / denied / delayed (UR, RFA: None)
    cpt: str | None = None
    quantity: str | None = None          # quantity requested
    quantity_approved: str | None = None
    guidelines: list[str] = field(default_factory=list)
    evidence: Evidence | None = None
    outcome: str | None = None           # IMR: upheld / overturned (decision: denied / approved)


@dataclass
class Record:
    """One entry of a records-reviewed list."""

    date: dt.date | None
    description: str
    author: str | None = None
    kind: str | None = None              # best guess of the document type it names
    pages: str | None = None
    matched_document: str | None = None
    evidence: Evidence | None = None


@dataclass
class UrBlock:
    decision_date: dt.date | None = None
    rfa_received_date: dt.date | None = None
    letter_date: dt.date | None = None
    service_date: dt.date | None = None
    service_method: str | None = None    # mail / fax / email / personal
    notice_kind: str | None = None       # decision / deferral / incomplete_rfa
    review_type: str | None = None       # prospective / concurrent / retrospective
    expedited: bool | None = None
    additional_info_requested: bool | None = None
    requesting_physician: str | None = None
    reviewer_name: str | None = None
    reviewer_specialty: str | None = None
    overall_decision: str | None = None  # approved / modified / denied / delayed / mixed
    treatments: list[Treatment] = field(default_factory=list)
    guidelines_cited: list[str] = field(default_factory=list)
    clinical_rationale: bool | None = None
    imr_rights_notice: bool | None = None
    imr_form_enclosed: bool | None = None
    records_reviewed: list[Record] = field(default_factory=list)
    imr_deadline: dt.date | None = None
    imr_deadline_basis: str | None = None    # service_date / letter_date (no proof of service)
    communication_date: dt.date | None = None  # fax confirmation / "faxed on" to the physician


@dataclass
class RfaBlock:
    requesting_physician: str | None = None
    date_signed: dt.date | None = None
    received_date: dt.date | None = None
    expedited: bool | None = None
    treatments: list[Treatment] = field(default_factory=list)


@dataclass
class ImrBlock:
    kind: str | None = None              # application / notice / determination
    case_number: str | None = None
    decision: str | None = None          # upheld / overturned / partially_overturned
    determination_date: dt.date | None = None
    ur_decision_date: dt.date | None = None
    application_date: dt.date | None = None
    signed: bool | None = None
    review_type_marked: bool | None = None
    jcn: str | None = None
    treatments: list[Treatment] = field(default_factory=list)
    notice_date: dt.date | None = None   # notice of assignment: its date (records clock)


@dataclass
class Section:
    name: str                               # canonical: history, records_review, apportionment, ...
    heading: str
    page_start: int
    page_end: int


@dataclass
class Impairment:
    body_part: str
    wpi: float
    method: str | None = None            # AMA Guides table / method cited
    where: str = "body"                     # "summary" table or "body" text
    evidence: Evidence | None = None


@dataclass
class Apportionment:
    body_part: str | None
    industrial_pct: float | None
    nonindustrial_pct: float | None
    explained: bool | None = None
    evidence: Evidence | None = None


@dataclass
class Diagnosis:
    text: str
    icd10: str | None = None


@dataclass
class QmeBlock:
    evaluator_role: str | None = None    # panel_qme / qme / ame
    evaluator_name: str | None = None
    specialty: str | None = None
    report_kind: str | None = None       # initial / reevaluation / supplemental / record_review
    ml_code: str | None = None
    exam_date: dt.date | None = None
    report_date: dt.date | None = None
    signature_date: dt.date | None = None
    service_date: dt.date | None = None
    service_method: str | None = None
    diagnoses: list[Diagnosis] = field(default_factory=list)
    causation: str | None = None
    mmi_status: str | None = None
    mmi_date: dt.date | None = None
    impairments: list[Impairment] = field(default_factory=list)
    combined_wpi: float | None = None
    apportionment: list[Apportionment] = field(default_factory=list)
    ttd_periods: list[InjuryDate] = field(default_factory=list)
    work_restrictions: str | None = None
    future_medical: str | None = None
    records_reviewed: list[Record] = field(default_factory=list)
    declaration_present: bool | None = None
    declaration_date: dt.date | None = None
    declaration_county: str | None = None
    signature_present: bool | None = None
    extension_noted: bool | None = None
    body_parts_addressed: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


# --- documents -------------------------------------------------------------------------------

@dataclass
class Document:
    """A run of pages of one source that forms one document."""

    id: str
    source: str
    page_start: int
    page_end: int
    type: str = "other"
    confidence: float = 0.0
    title: str | None = None
    segmentation: list[str] = field(default_factory=list)   # signals that opened this document
    needs_review: bool = False
    date: dt.date | None = None
    date_label: str | None = None        # which label the date was read from
    service_date: dt.date | None = None
    author: str | None = None
    author_role: str | None = None
    claimant_name: str | None = None
    claim_number: str | None = None
    adj_number: str | None = None
    date_of_birth: dt.date | None = None
    date_of_injury: InjuryDate | None = None
    employer: str | None = None
    claims_administrator: str | None = None
    body_parts: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    duplicate_detail: str | None = None
    provenance: dict[str, Evidence] = field(default_factory=dict)
    ur: UrBlock | None = None
    qme: QmeBlock | None = None
    imr: ImrBlock | None = None
    rfa: RfaBlock | None = None

    @property
    def page_numbers(self) -> range:
        return range(self.page_start, self.page_end + 1)

    def cite(self, field_path: str, evidence: Evidence | None) -> None:
        """Record where ``field_path`` was read (no-op without evidence)."""
        if evidence is not None:
            evidence.document = self.id
            self.provenance[field_path] = evidence


# --- analysis results ------------------------------------------------------------------------

class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    document: str | None = None
    related: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    details: dict = field(default_factory=dict)
    id: str = ""

    @property
    def category(self) -> str:
        return FINDING_CATEGORY[self.code]


@dataclass
class CheckItem:
    item: str
    status: Literal["present", "missing", "not_applicable"]
    documents: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass
class TimelineEvent:
    date: dt.date
    kind: str
    description: str
    document: str | None = None
    page: int | None = None
    source: str | None = None


@dataclass
class ClaimFacts:
    claimant_name: str | None = None
    claim_numbers: list[str] = field(default_factory=list)
    adj_numbers: list[str] = field(default_factory=list)
    dates_of_injury: list[InjuryDate] = field(default_factory=list)
    employer: str | None = None
    claims_administrator: str | None = None
    body_parts: list[str] = field(default_factory=list)
    date_of_birth: dt.date | None = None
    provenance: dict[str, Evidence] = field(default_factory=dict)


@dataclass
class RunStats:
    """Counters the pipeline reports (tests assert on these, never on timing)."""

    pages: int = 0
    ocr_pages: int = 0          # pages actually sent to Tesseract in this run
    cache_hits: int = 0
    text_layer_pages: int = 0
    seconds: float = 0.0


@dataclass
class ClaimFile:
    """Everything known about one claim file; stages read from it and add to it."""

    claim_id: str
    as_of: dt.date
    sources: list[Source] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    claim: ClaimFacts = field(default_factory=ClaimFacts)
    timeline: list[TimelineEvent] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    checklists: dict[str, list[CheckItem]] = field(
        default_factory=lambda: {"pre_qme": [], "imr": []})
    stats: RunStats = field(default_factory=RunStats)
    errors: list[str] = field(default_factory=list)

    def pages_of(self, doc: Document) -> list[Page]:
        return [p for p in self.pages
                if p.source == doc.source and doc.page_start <= p.number <= doc.page_end]

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def document_at(self, source: str, page: int) -> Document | None:
        return next((d for d in self.documents
                     if d.source == source and d.page_start <= page <= d.page_end), None)

    @property
    def status(self) -> Literal["ok", "partial", "failed"]:
        if not self.sources or all(s.status == "error" for s in self.sources):
            return "failed"
        if any(s.status != "ok" for s in self.sources):
            return "partial"
        return "ok"
