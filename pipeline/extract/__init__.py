"""Extract stage: the common facts of every document, then its type-specific block.

For each document: ``common.extract_common`` (dates, people, claim numbers, DOI, body parts),
then the extractor of its type when that module exists (``ur``, ``rfa``, ``imr``, ``qme``).
A missing type module is skipped (the pipeline runs before every extractor lands); an
exception inside an extractor is logged by type name only (logs never carry document text),
recorded in ``claim.errors`` and marks the document ``needs_review``: it never loses the claim
file.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from pipeline.model import ClaimFile, Document, Page
from pipeline.settings import Settings

log = logging.getLogger(__name__)

#: document type -> (module of pipeline.extract, function, Document attribute for its block)
TYPE_EXTRACTORS: dict[str, tuple[str, str, str]] = {
    "ur_decision": ("ur", "extract_ur", "ur"),
    "rfa": ("rfa", "extract_rfa", "rfa"),
    "imr_application": ("imr", "extract_imr", "imr"),
    "imr_notice": ("imr", "extract_imr", "imr"),
    "imr_determination": ("imr", "extract_imr", "imr"),
    "qme_report": ("qme", "extract_qme", "qme"),
    "ame_report": ("qme", "extract_qme", "qme"),
}


def _load(module: str, function: str) -> Callable[..., Any] | None:
    """``pipeline.extract.<module>.<function>``, or None while that module does not exist."""
    name = f"{__name__}.{module}"
    try:
        loaded = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise
    return getattr(loaded, function, None)


def _record_error(claim: ClaimFile, doc: Document, step: str, exc: BaseException) -> None:
    log.warning("extract %s failed on document %s: %s", step, doc.id, type(exc).__name__)
    claim.errors.append(f"extract {step} failed on document {doc.id} "
                        f"({doc.source} pages {doc.page_start}-{doc.page_end}): "
                        f"{type(exc).__name__}")
    doc.needs_review = True


def extract_document(claim: ClaimFile, doc: Document, pages: list[Page],
                     settings: Settings) -> None:
    """Common facts, then the block of the document's type, for one document."""
    from pipeline.extract.common import extract_common

    try:
        extract_common(doc, pages)
    except Exception as exc:  # one document's failure must not lose the claim file
        _record_error(claim, doc, "common", exc)
    spec = TYPE_EXTRACTORS.get(doc.type)
    if spec is None:
        return
    module, function, attribute = spec
    try:
        extractor = _load(module, function)
        if extractor is None:
            return
        block = extractor(doc, pages, settings)
        if block is not None:
            setattr(doc, attribute, block)
    except Exception as exc:
        _record_error(claim, doc, module, exc)


def extract_documents(claim: ClaimFile, settings: Settings) -> None:
    """Fill the common facts and the type blocks of every document of ``claim``."""
    for doc in claim.documents:
        extract_document(claim, doc, claim.pages_of(doc), settings)
