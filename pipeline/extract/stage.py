"""Extract stage: the common facts of every document, then its type-specific block.

For each document: ``common.extract_common`` (dates, people, claim numbers, DOI, body parts),
then the extractor of its type (``ur``, ``rfa``, ``imr``, ``qme``). An
exception inside an extractor is logged by type name only (logs never carry document text),
recorded in ``claim.errors`` and marks the document ``needs_review``: it never loses the claim
file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from pipeline.extract.common import extract_common
from pipeline.extract.imr import extract_imr
from pipeline.extract.qme import extract_qme
from pipeline.extract.rfa import extract_rfa
from pipeline.extract.ur import extract_ur
from pipeline.model import ClaimFile, Document, Page
from pipeline.settings import Settings

log = logging.getLogger(__name__)

#: document type -> (extractor, Document attribute that holds its block)
TYPE_EXTRACTORS: dict[str, tuple[Callable[..., Any], str]] = {
    "ur_decision": (extract_ur, "ur"),
    "rfa": (extract_rfa, "rfa"),
    "imr_application": (extract_imr, "imr"),
    "imr_notice": (extract_imr, "imr"),
    "imr_determination": (extract_imr, "imr"),
    "qme_report": (extract_qme, "qme"),
    "ame_report": (extract_qme, "qme"),
}


def _record_error(claim: ClaimFile, doc: Document, step: str, exc: BaseException) -> None:
    log.warning("extract %s failed on document %s: %s", step, doc.id, type(exc).__name__)
    claim.errors.append(f"extract {step} failed on document {doc.id} "
                        f"({doc.source} pages {doc.page_start}-{doc.page_end}): "
                        f"{type(exc).__name__}")
    doc.needs_review = True


def extract_document(claim: ClaimFile, doc: Document, pages: list[Page],
                     settings: Settings) -> None:
    """Common facts, then the block of the document's type, for one document."""
    try:
        extract_common(doc, pages)
    except Exception as exc:  # one document's failure must not lose the claim file
        _record_error(claim, doc, "common", exc)
    spec = TYPE_EXTRACTORS.get(doc.type)
    if spec is None:
        return
    extractor, attribute = spec
    try:
        block = extractor(doc, pages, settings)
        if block is not None:
            setattr(doc, attribute, block)
    except Exception as exc:
        _record_error(claim, doc, attribute, exc)


def extract_documents(claim: ClaimFile, settings: Settings) -> None:
    """Fill the common facts and the type blocks of every document of ``claim``."""
    for doc in claim.documents:
        extract_document(claim, doc, claim.pages_of(doc), settings)
