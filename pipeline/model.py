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
from enum import Enum
from typing import Literal, Optional

Box = tuple[float, float, float, float]

# --- vocabularies of the contract (../shared/spec/report.schema.json) -----------------------

DOCUMENT_TYPES: tuple[str, ...] = (
    "ur_decision", "imr_application", "imr_determination", "imr_notice", "qme_panel_list",
    "qme_report", "ame_report", "rfa", "treating_report", "doctor_first_report",
    "imaging_report", "diagnostic_report", "operative_report", "therapy_note",
    "medication_list", "claim_form", "employer_report", "job_description", "wage_statement",
    "deposition", "peer_to_peer_note", "correspondence", "other",
)
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
    error: Optional[str] = None


@dataclass
class Word:
    text: str
    box: Box
    confidence: Optional[float] = None   # 0..100 for OCR words, None for text-layer words


@dataclass
class Page:
    """One page's text, however it was obtained. ``number`` is 1-based within its source."""

    source: str
    number: int
    text: str = ""
    words: list[Word] = field(default_factory=list)
    text_source: TextSource = "empty"
    ocr_confidence: Optional[float] = None
    rotation: Optional[int] = 0          # degrees turned to make the page upright
    width: float = 0.0                   # points (PDF) or pixels (image) of the upright page
    height: float = 0.0
    needs_review: bool = False
    error: Optional[str] = None
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
    page: Optional[int]
    quote: str
    document: Optional[str] = None
    box: Optional[Box] = None


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


def iso(value: InjuryDate | None) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, DateRange):
        return value.iso()
    return value.isoformat()


# --- per-type blocks ------------------------------------------------------------------------

@dataclass
class Treatment:
    description: str
    decision: Optional[str] = None          # approved / modified / denied / delayed (UR, RFA: None)
    cpt: Optional[str] = None
    quantity: Optional[str] = None          # quantity requested
    quantity_approved: Optional[str] = None
    guidelines: list[str] = field(default_factory=list)
    evidence: Optional[Evidence] = None
    outcome: Optional[str] = None           # IMR: upheld / overturned (decision: denied / approved)


@dataclass
class Record:
    """One entry of a records-reviewed list."""

    date: Optional[dt.date]
    description: str
    author: Optional[str] = None
    kind: Optional[str] = None              # best guess of the document type it names
    pages: Optional[str] = None
    matched_document: Optional[str] = None
    evidence: Optional[Evidence] = None


@dataclass
class UrBlock:
    decision_date: Optional[dt.date] = None
    rfa_received_date: Optional[dt.date] = None
    letter_date: Optional[dt.date] = None
    service_date: Optional[dt.date] = None
    service_method: Optional[str] = None    # mail / fax / email / personal
    notice_kind: Optional[str] = None       # decision / deferral / incomplete_rfa
    review_type: Optional[str] = None       # prospective / concurrent / retrospective
    expedited: Optional[bool] = None
    additional_info_requested: Optional[bool] = None
    requesting_physician: Optional[str] = None
    reviewer_name: Optional[str] = None
    reviewer_specialty: Optional[str] = None
    overall_decision: Optional[str] = None  # approved / modified / denied / delayed / mixed
    treatments: list[Treatment] = field(default_factory=list)
    guidelines_cited: list[str] = field(default_factory=list)
    clinical_rationale: Optional[bool] = None
    imr_rights_notice: Optional[bool] = None
    imr_form_enclosed: Optional[bool] = None
    records_reviewed: list[Record] = field(default_factory=list)
    imr_deadline: Optional[dt.date] = None
    imr_deadline_basis: Optional[str] = None    # service_date / letter_date (no proof of service)
    communication_date: Optional[dt.date] = None  # fax confirmation / "faxed on" to the physician


@dataclass
class RfaBlock:
    requesting_physician: Optional[str] = None
    date_signed: Optional[dt.date] = None
    received_date: Optional[dt.date] = None
    expedited: Optional[bool] = None
    treatments: list[Treatment] = field(default_factory=list)


@dataclass
class ImrBlock:
    kind: Optional[str] = None              # application / notice / determination
    case_number: Optional[str] = None
    decision: Optional[str] = None          # upheld / overturned / partially_overturned
    determination_date: Optional[dt.date] = None
    ur_decision_date: Optional[dt.date] = None
    application_date: Optional[dt.date] = None
    signed: Optional[bool] = None
    review_type_marked: Optional[bool] = None
    jcn: Optional[str] = None
    treatments: list[Treatment] = field(default_factory=list)
    notice_date: Optional[dt.date] = None   # notice of assignment: its date (records clock)


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
    method: Optional[str] = None            # AMA Guides table / method cited
    where: str = "body"                     # "summary" table or "body" text
    evidence: Optional[Evidence] = None


@dataclass
class Apportionment:
    body_part: Optional[str]
    industrial_pct: Optional[float]
    nonindustrial_pct: Optional[float]
    explained: Optional[bool] = None
    evidence: Optional[Evidence] = None


@dataclass
class Diagnosis:
    text: str
    icd10: Optional[str] = None


@dataclass
class QmeBlock:
    evaluator_role: Optional[str] = None    # panel_qme / qme / ame
    evaluator_name: Optional[str] = None
    specialty: Optional[str] = None
    report_kind: Optional[str] = None       # initial / reevaluation / supplemental / record_review
    ml_code: Optional[str] = None
    exam_date: Optional[dt.date] = None
    report_date: Optional[dt.date] = None
    signature_date: Optional[dt.date] = None
    service_date: Optional[dt.date] = None
    service_method: Optional[str] = None
    diagnoses: list[Diagnosis] = field(default_factory=list)
    causation: Optional[str] = None
    mmi_status: Optional[str] = None
    mmi_date: Optional[dt.date] = None
    impairments: list[Impairment] = field(default_factory=list)
    combined_wpi: Optional[float] = None
    apportionment: list[Apportionment] = field(default_factory=list)
    ttd_periods: list[InjuryDate] = field(default_factory=list)
    work_restrictions: Optional[str] = None
    future_medical: Optional[str] = None
    records_reviewed: list[Record] = field(default_factory=list)
    declaration_present: Optional[bool] = None
    declaration_date: Optional[dt.date] = None
    declaration_county: Optional[str] = None
    signature_present: Optional[bool] = None
    extension_noted: Optional[bool] = None
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
    title: Optional[str] = None
    segmentation: list[str] = field(default_factory=list)   # signals that opened this document
    needs_review: bool = False
    date: Optional[dt.date] = None
    date_label: Optional[str] = None        # which label the date was read from
    service_date: Optional[dt.date] = None
    author: Optional[str] = None
    author_role: Optional[str] = None
    claimant_name: Optional[str] = None
    claim_number: Optional[str] = None
    adj_number: Optional[str] = None
    date_of_birth: Optional[dt.date] = None
    date_of_injury: Optional[InjuryDate] = None
    employer: Optional[str] = None
    claims_administrator: Optional[str] = None
    body_parts: list[str] = field(default_factory=list)
    duplicate_of: Optional[str] = None
    duplicate_detail: Optional[str] = None
    provenance: dict[str, Evidence] = field(default_factory=dict)
    ur: Optional[UrBlock] = None
    qme: Optional[QmeBlock] = None
    imr: Optional[ImrBlock] = None
    rfa: Optional[RfaBlock] = None

    @property
    def page_numbers(self) -> range:
        return range(self.page_start, self.page_end + 1)

    def cite(self, field_path: str, evidence: Optional[Evidence]) -> None:
        """Record where ``field_path`` was read (no-op without evidence)."""
        if evidence is not None:
            evidence.document = self.id
            self.provenance[field_path] = evidence


# --- analysis results ------------------------------------------------------------------------

class Severity(str, Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    document: Optional[str] = None
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
    note: Optional[str] = None


@dataclass
class TimelineEvent:
    date: dt.date
    kind: str
    description: str
    document: Optional[str] = None
    page: Optional[int] = None
    source: Optional[str] = None


@dataclass
class ClaimFacts:
    claimant_name: Optional[str] = None
    claim_numbers: list[str] = field(default_factory=list)
    adj_numbers: list[str] = field(default_factory=list)
    dates_of_injury: list[InjuryDate] = field(default_factory=list)
    employer: Optional[str] = None
    claims_administrator: Optional[str] = None
    body_parts: list[str] = field(default_factory=list)
    date_of_birth: Optional[dt.date] = None
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

    def document(self, doc_id: str) -> Optional[Document]:
        return next((d for d in self.documents if d.id == doc_id), None)

    def document_at(self, source: str, page: int) -> Optional[Document]:
        return next((d for d in self.documents
                     if d.source == source and d.page_start <= page <= d.page_end), None)

    @property
    def status(self) -> Literal["ok", "partial", "failed"]:
        if not self.sources or all(s.status == "error" for s in self.sources):
            return "failed"
        if any(s.status != "ok" for s in self.sources):
            return "partial"
        return "ok"
