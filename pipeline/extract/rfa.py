"""DWC Form RFA (Request for Authorization): physician, signature date, receipt, expedited box,
requested treatments.

Also home of the small form readers the UR and IMR extractors share: ``checkbox`` (is the box
before/after a label marked?), ``label_value`` (the text a label introduces) and
``received_dates`` (received stamps and fax headers).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.extract.dates import DATE_LABELS, DateMention, find_dates, labelled_dates
from pipeline.extract.evidence import quote_at
from pipeline.extract.treatments import read_item_blocks, read_tables, repair_words
from pipeline.model import Document, Evidence, Page, RfaBlock, Treatment
from pipeline.settings import Settings

# --- check boxes ----------------------------------------------------------------------------------

#: marks that read as a ticked box, in text layers and in Tesseract output
_CHECKED = r"(?:\[\s*[xX✓✔√/]\s*\]|\(\s*[xX✓✔√]\s*\)|[☒☑■▣✓✔✗✘]|(?<![A-Za-z])[xX](?![A-Za-z]))"
#: marks that read as an empty box ("[ ]", "☐", OCR "[]", "O", "0", "D", "□", "__")
_EMPTY = r"(?:\[\s*\]|\(\s*\)|[☐□○◯❑❒]|(?<![A-Za-z0-9])[O0D](?![A-Za-z0-9])|_{1,6}|\|_\|)"
_YES = re.compile(r"^\s*[:\-–]?\s*(?:yes|y|true|checked)\b", re.I)
_NO = re.compile(r"^\s*[:\-–]?\s*(?:no|n|false|unchecked|none)\b", re.I)


def checkbox(text: str, label: str) -> bool | None:
    """Whether the box of ``label`` (a regex) is marked: True, False, or None when no box is seen.

    Reads "[X] Expedited", "☒ Expedited", "X Expedited Review", "Expedited [X]",
    "Expedited: Yes"; "[ ] Expedited", "☐ Expedited", "Expedited: No" read as False.
    """
    label_rx = re.compile(label, re.I)
    result: bool | None = None
    for m in label_rx.finditer(text):
        before = text[max(0, m.start() - 8):m.start()]
        after = text[m.end():m.end() + 8]
        if re.search(_CHECKED + r"[ \t]*[:.]?[ \t]*$", before):
            return True
        if re.search(_EMPTY + r"[ \t]*[:.]?[ \t]*$", before):
            result = False
            continue
        if re.match(r"[ \t]*[:\-–]?[ \t]*" + _CHECKED, after):
            return True
        if re.match(r"[ \t]*[:\-–]?[ \t]*" + _EMPTY, after):
            result = False
            continue
        if _YES.match(after):
            return True
        if _NO.match(after):
            result = False
    return result


# --- label values ---------------------------------------------------------------------------------

def label_value(text: str, labels: Sequence[str]) -> tuple[str, int, int] | None:
    """The value a label introduces ("Requesting Physician: Dr. Ravi Patel   NPI: ..."): the rest
    of the line up to a wide gap or the next "Label:", else the next line when the label ends
    its line. Returns (value, start, end) in ``text``."""
    for label in labels:
        rx = re.compile(r"(?<![A-Za-z])(?:" + label + r")(?![A-Za-z])[ \t]*[:#\-–]?[ \t]*", re.I)
        for m in rx.finditer(text):
            if re.match(r"[)(;,.]", text[m.end():m.end() + 1]):
                continue                      # "Dr. X (requesting physician); ..." is no label
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end == -1 else line_end
            start, end = m.end(), line_end
            segment = text[start:end]
            if not segment.strip():                       # value on the next line
                start = line_end + 1
                while start < len(text) and text[start] == "\n" and start - line_end <= 2:
                    start += 1                            # OCR puts blank lines in between
                nxt = text.find("\n", start)
                end = len(text) if nxt == -1 else nxt
                segment = text[start:end]
                if re.search(r"[A-Za-z][A-Za-z ]{1,30}:", segment[:40]) and not re.match(
                        r"\s*(?:Dr|Mr|Ms|Mrs)[.:,]?\s", segment):
                    continue                              # the next line is another label
            stop = _next_label(segment)
            if stop is not None:
                segment = segment[:stop]
            value = re.sub(r"^[^A-Za-z0-9/]+", "", segment).strip(" \t:;,_-–|")
            if value and re.search(r"[A-Za-z0-9]", value):
                offset = text.find(value, start)
                return value, offset, offset + len(value)
    return None


_LABEL_AHEAD = re.compile(r"(?=(?<=\S) ([A-Z][A-Za-z/.#']*(?: [A-Za-z/.#']+){0,3}):(?!\d))")
_DEGREE_WORD = re.compile(r"^(?:M\.D\.?|MD|D\.O\.?|DO|D\.C\.?|DC|Ph\.?D\.?|Psy\.?D\.?|DPM|"
                          r"D\.P\.M\.?|PA-C|NP|FACS|QME)$")


def _next_label(segment: str) -> int | None:
    """Where the next field starts on a line: a wide gap, a tab, or a "Label:" of up to four
    words. A label holds no degree: in "Vikram S. Raghunathan M.D. Practice Name:" the label is
    "Practice Name", not "Raghunathan M.D. Practice Name"."""
    gap = re.search(r"\s{3,}|\t", segment)
    end = gap.start() if gap else None
    for m in _LABEL_AHEAD.finditer(segment):
        if end is not None and m.start() >= end:
            break
        if any(_DEGREE_WORD.match(w.strip(",")) for w in m.group(1).split()):
            continue
        return m.start()
    return end


_DEGREES = r"(?:M\.?D|D\.?O|D\.?C|Ph\.?D|Psy\.?D|P\.?A(?:-C)?|N\.?P|R\.?N|D\.?P\.?M|M\.?S|FACS|FAAOS|QME)"


def clean_name(value: str) -> str | None:
    """A person's name from a label value: keep "Dr." and degrees, drop what follows them."""
    value = re.sub(r"\s+", " ", value).strip(" ,;:-")
    value = re.sub(r"^/s/\s*", "", value, flags=re.I)
    value = re.sub(r"^(Dr|Mr|Ms|Mrs)[:,]\s", r"\1. ", value)     # OCR "Dr:" for "Dr."
    m = re.match(r"((?:(?:Dr|Doctor)\.?\s+)?[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*\.?){0,3})"
                 r"((?:,?\s*" + _DEGREES + r"\.?)*)", value)
    if not m:
        return None
    name = (m.group(1) + m.group(2)).strip(" ,")
    words = re.findall(r"[A-Za-z]{2,}", m.group(1))
    words = [w for w in words if w.lower() not in ("dr", "doctor")]
    if not words:
        return None
    if words[0].lower() in ("the", "none", "n", "na", "unknown", "not", "date", "signature",
                            "information", "name", "specialty", "practice", "address", "npi"):
        return None
    return name


# --- receipt: stamps and fax headers -----------------------------------------------------------------

_TIME = re.compile(r"\b[0-2]?\d:[0-5]\d(?::[0-5]\d)?\s*(?:[AaPp]\.?[Mm]\.?)?")
_FAX_CUE = re.compile(r"\bfrom\b|\bfax\b|\bto:|\bp\.?\s?\d+/\d+|\bpage\s+\d+|\bpg\s*\d|#\s*\d{3}|"
                      r"\(\d{3}\)\s*\d{3}|\d{3}[-.]\d{3}[-.]\d{4}", re.I)
_STAMP_LABELS = {"received_date": ("Received", "Rec'd", "Recd", "Date Received", "Received on",
                                   "Date RFA Received", "RFA Received", "Date of Receipt",
                                   "Receipt Date", "Date Request Received", "Request Received",
                                   "Date/Time Received", "Date and Time Received")}


@dataclass(frozen=True)
class DateOnPage:
    value: dt.date
    page: Page
    start: int
    end: int
    kind: str                        # "label" / "stamp" / "fax_header" / ...

    def evidence(self, document: str | None = None) -> Evidence:
        return quote_at(self.page, self.start, self.end, document)


def fax_header_dates(page: Page) -> list[DateOnPage]:
    """Dates of fax transmission lines ("03/20/2025 14:32 FROM ... P.1/3") at a page's top or
    bottom: a date, a clock time and a fax cue on one short line."""
    out = []
    lines = [m for m in re.finditer(r"[^\n]+", page.text)]
    edge = lines[:3] + lines[-2:] if len(lines) > 5 else lines
    for m in edge:
        line = m.group(0)
        if len(line) > 160 or not _TIME.search(line) or not _FAX_CUE.search(line):
            continue
        for d in find_dates(line):
            if isinstance(d.value, dt.date):
                out.append(DateOnPage(d.value, page, m.start() + d.start, m.start() + d.end,
                                      "fax_header"))
                break
    return out


def received_dates(pages: list[Page]) -> list[DateOnPage]:
    """Receipt dates: labelled / stamped "RECEIVED MAR 20 2025" first, then fax headers."""
    out: list[DateOnPage] = []
    for page in pages:
        for d in labelled_dates(repair_words(page.text), _STAMP_LABELS, ranges=False):
            if d.label == "received_date" and isinstance(d.value, dt.date):
                kind = "stamp" if (d.label_text or "").isupper() else "label"
                out.append(DateOnPage(d.value, page, d.start, d.end, kind))
    for page in pages:
        out.extend(fax_header_dates(page))
    return out


# --- the RFA itself ---------------------------------------------------------------------------------

_PHYSICIAN_LABELS = (r"Requesting\s+Physician(?:\s+Name)?(?!\s+(?:Information|Signature))", r"Requesting\s+Provider(?:\s+Name)?",
                     r"Physician(?:'s)?\s+Name", r"Provider\s+Name", r"Treating\s+Physician",
                     r"Primary\s+Treating\s+Physician", r"Requested\s+by",
                     r"Requesting\s+Physician(?:'s)?\s+Signature")
_EXPEDITED = r"expedited(?:\s+review)?"
_RFA_LABELS = {"signed_date": DATE_LABELS["signed_date"] + ("Date:",)}


def _physician(pages: list[Page]) -> tuple[str, Evidence] | None:
    for page in pages:
        text = page.text
        section = re.search(r"requesting\s+physician\s+information|physician\s+information",
                            text, re.I)
        scopes = [(section.end(), min(len(text), section.end() + 600))] if section else []
        scopes.append((0, len(text)))
        for a, b in scopes:
            labels = (("Name",) if section and a else ()) + _PHYSICIAN_LABELS
            found = label_value(text[a:b], labels)
            if found:
                name = clean_name(found[0])
                if name:
                    return name, quote_at(page, a + found[1], a + found[2])
    return None


def _signed_date(pages: list[Page]) -> DateOnPage | None:
    """The physician's signature date: "Date Signed", or the "Date:" beside the signature."""
    for page in reversed(pages):
        text = page.text
        signatures = list(re.finditer(r"signature", text, re.I))
        sig = signatures[-1] if signatures else None
        for d in labelled_dates(repair_words(text), _RFA_LABELS, ranges=False):
            if not isinstance(d.value, dt.date) or d.label != "signed_date":
                continue
            if (d.label_text or "").lower().startswith("date:") or d.label_text == "Date":
                if sig is None or abs(d.start - sig.start()) > 300:
                    continue
            return DateOnPage(d.value, page, d.start, d.end, "label")
    return None


def extract_rfa(doc: Document, pages: list[Page], settings: Settings) -> RfaBlock:
    block = RfaBlock()
    text = "\n".join(p.text for p in pages)
    physician = _physician(pages)
    if physician:
        block.requesting_physician = physician[0]
        doc.cite("rfa.requesting_physician", physician[1])
    signed = _signed_date(pages)
    if signed:
        block.date_signed = signed.value
        doc.cite("rfa.date_signed", signed.evidence())
    received = received_dates(pages)
    if received:
        block.received_date = received[0].value
        doc.cite("rfa.received_date", received[0].evidence())
    for page in pages:
        state = checkbox(page.text, _EXPEDITED)
        if state is not None:
            block.expedited = state
            m = re.search(_EXPEDITED, page.text, re.I)
            if m:
                doc.cite("rfa.expedited", quote_at(page, m.start(), m.end()))
            if state:
                break
    if block.expedited is None and re.search(r"\b(?:standard|regular|routine)\s+review\b", text,
                                             re.I):
        block.expedited = False
    block.treatments = rfa_treatments(pages)
    if block.treatments:
        first = block.treatments[0]
        doc.cite("rfa.treatments", first.evidence)
    return block


def rfa_treatments(pages: list[Page]) -> list[Treatment]:
    treatments = read_tables(pages)
    if not treatments:
        for page in pages:
            for item in read_item_blocks(page.text):
                item.treatment.evidence = quote_at(page, item.start, item.end)
                treatments.append(item.treatment)
    for t in treatments:                  # an RFA asks; a decision is the UR letter's
        t.decision = None
    return treatments


__all__ = ["DateMention", "checkbox", "clean_name", "extract_rfa", "label_value",
           "received_dates", "fax_header_dates", "DateOnPage"]
