"""What every document generator returns, and the claim facts they share.

A document generator is a function ``(rng, case, **options) -> GeneratedDoc``. It builds its
pages from reportlab platypus flowables (Paragraph, Table, Spacer, PageBreak, ...) and says in
``fields`` what the truth for that document is (keys as in TRUTH_FORMAT.md: "date",
"ur.decision_date", "qme.impairments", ...). The assembler renders each document, counts its
pages, concatenates them into claim files and writes the truth.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Person:
    first: str
    last: str
    middle: str | None = None
    title: str = ""            # "Dr." / "" ; degrees go in ``degree``
    degree: str = ""           # "MD", "DO", "DC", "PhD"
    specialty: str | None = None

    @property
    def name(self) -> str:
        mid = f" {self.middle}." if self.middle else ""
        return f"{self.first}{mid} {self.last}"


@dataclass
class Case:
    """The facts of one injured worker's claim, shared by every document of a claim file."""

    claimant: Person
    date_of_birth: dt.date
    claim_number: str
    adj_number: str | None
    injury: dt.date | tuple[dt.date, dt.date]     # a tuple is a continuous-trauma period
    employer: str
    claims_administrator: str
    body_parts: list[str]                         # canonical names (TRUTH_FORMAT.md)
    occupation: str = ""
    treating_physician: Person | None = None
    applicant_attorney: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class GeneratedDoc:
    type: str                                     # a document type of the contract
    flowables: list[Any]                          # reportlab platypus flowables
    fields: dict[str, Any] = field(default_factory=dict)
    #: drawn on every page by the renderer (letterhead / running header), may use {page} {pages}
    header: str | None = None
    footer: str | None = None                  # e.g. "Page {page} of {pages}"
    #: callbacks (canvas, page_no, page_count) for stamps, fax headers, Bates numbers
    decorations: list[Callable[..., None]] = field(default_factory=list)
    key: str = ""                                 # a handle other documents / findings use
