"""A claim file under construction: its documents in file order, the findings planted in it,
and the truth rules that follow from its contents (deadline alerts, checklists, omitted records)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .base import Case, GeneratedDoc
from .dates import iso
from .deadlines import IMR_FILING_DAYS, PANEL_STRIKE_DAYS, QME_OBJECTION_DAYS, service_deadline

#: records whose absence from a QME/AME records-reviewed list is a QME_RECORD_OMITTED finding
MEDICAL_TYPES = ("treating_report", "doctor_first_report", "imaging_report", "diagnostic_report",
                 "operative_report", "therapy_note")
ADVERSE = ("denied", "modified", "delayed", "mixed")

PRE_QME_ITEMS = ["treating_reports", "imaging_reports", "operative_reports", "therapy_notes",
                 "medication_list", "prior_imr_decisions", "peer_to_peer_notes", "job_description",
                 "accident_report", "wage_statement"]
IMR_ITEMS = ["ur_decision", "imr_application", "imr_application_signed", "imr_review_type_indicated",
             "imr_jcn_present", "imr_application_timely", "rfa", "supporting_records"]


@dataclass
class Entry:
    doc: GeneratedDoc
    key: str
    misfiled: bool = False
    duplicate_of: str | None = None
    scan: bool = False                         # demo only: the pages become image-only
    record: dict | None = None              # how other documents cite it
    meta: dict[str, Any] = field(default_factory=dict)
    tid: str = ""

    @property
    def type(self) -> str:
        return self.doc.type

    @property
    def date(self) -> dt.date | None:
        d = self.doc.fields.get("date")
        return dt.date.fromisoformat(d) if d else None


class Claim:
    def __init__(self, claim_id: str, case: Case, as_of: dt.date, title: str = ""):
        self.claim_id = claim_id
        self.case = case
        self.as_of = as_of
        self.title = title
        self.entries: list[Entry] = []
        self.findings: list[dict] = []
        self.bates: str | None = None
        self.fax_bundles: list[tuple[str, list[str], dict]] = []   # cover key, doc keys, fax info
        self._n = 0

    # -- building ---------------------------------------------------------------------------
    def add(self, doc: GeneratedDoc, *, record: dict | None = None, **kw) -> Entry:
        self._n += 1
        key = f"{doc.type}#{self._n}"
        doc.key = key
        e = Entry(doc, key, record=record, **kw)
        self.entries.append(e)
        return e

    def plant(self, code: str, document: Entry | None, why: str, related=(), **details) -> None:
        self.findings.append({"code": code, "document": document.key if document else None,
                              "related": [r.key for r in related], "details": details, "why": why})

    def by_key(self, key: str) -> Entry:
        return next(e for e in self.entries if e.key == key)

    def own(self) -> list[Entry]:
        """Entries of this claimant (not misfiled), not duplicates."""
        return [e for e in self.entries if not e.misfiled and e.duplicate_of is None]

    # -- derived truth ----------------------------------------------------------------------
    def derive(self) -> None:
        """Add the findings that follow from the file's contents: deadline alerts, missing
        checklist items. Called once, after every document is added."""
        for e in self.own():
            f = e.doc.fields
            if e.type == "ur_decision" and is_adverse_decision(f):
                served = f.get("service_date") or f.get("ur.decision_date") or f.get("date")
                method = e.meta.get("service_method") or "mail"
                deadline = service_deadline(dt.date.fromisoformat(served), IMR_FILING_DAYS, method)
                e.meta["imr_deadline"] = deadline
                self.plant("IMR_DEADLINE", e,
                           f"UR {f['ur.overall_decision']} served {served} by {method}: IMR application "
                           f"due {deadline.isoformat()}",
                           deadline=deadline.isoformat(), days_left=(deadline - self.as_of).days)
            if e.type in ("qme_report", "ame_report"):
                served = f.get("service_date") or f.get("date")
                method = e.meta.get("service_method") or "mail"
                deadline = service_deadline(dt.date.fromisoformat(served), QME_OBJECTION_DAYS,
                                            "mail" if method == "mail" else "other")
                self.plant("QME_OBJECTION_DEADLINE", e,
                           f"{e.type} served {served} by {method}: objection / factual correction due "
                           f"{deadline.isoformat()} (represented cases have no fixed deadline)",
                           deadline=deadline.isoformat(), days_left=(deadline - self.as_of).days)
            if e.type == "qme_panel_list":
                issued = dt.date.fromisoformat(f["date"])
                deadline = service_deadline(issued, PANEL_STRIKE_DAYS, "mail")
                self.plant("PANEL_STRIKE_DEADLINE", e,
                           f"panel issued {issued.isoformat()} and served by mail: strike due "
                           f"{deadline.isoformat()}",
                           deadline=deadline.isoformat(), days_left=(deadline - self.as_of).days)
        self.checklists = {"pre_qme": self._pre_qme(), "imr": self._imr()}
        for name, rows in self.checklists.items():
            for row in rows:
                if row["status"] == "missing":
                    self.plant("MISSING_DOCUMENT", None, f"checklist {name}: {row['item']} is missing"
                               + (f" ({row['note']})" if row.get("note") else ""),
                               checklist=name, item=row["item"])

    def _types(self, *types: str) -> list[Entry]:
        return [e for e in self.own() if e.type in types]

    def _pre_qme(self) -> list[dict]:
        rows = []

        def row(item, docs, status=None, note=None):
            st = status or ("present" if docs else "missing")
            rows.append({"item": item, "status": st, "documents": [d.key for d in docs] if st == "present" else [],
                         "note": note})

        row("treating_reports", self._types("treating_report", "doctor_first_report"))
        row("imaging_reports", self._types("imaging_report"))
        ops = self._types("operative_report")
        surgery = any(e.meta.get("mentions_surgery") for e in self.own())
        row("operative_reports", ops, None if (ops or surgery) else "not_applicable",
            "a report mentions surgery" if surgery and not ops else None)
        row("therapy_notes", self._types("therapy_note"))
        row("medication_list", self._types("medication_list"))
        fdl = self._types("imr_determination")
        imr_cited = any(e.meta.get("cites_imr") for e in self.own())
        row("prior_imr_decisions", fdl, None if (fdl or imr_cited) else "not_applicable")
        p2p = self._types("peer_to_peer_note")
        p2p_held = any(e.meta.get("peer_to_peer") == "held" for e in self.own())
        row("peer_to_peer_notes", p2p, None if (p2p or p2p_held) else "not_applicable",
            "a UR letter reports a peer-to-peer call" if p2p_held and not p2p else None)
        row("job_description", self._types("job_description"))
        row("accident_report", self._types("employer_report", "claim_form"))
        row("wage_statement", self._types("wage_statement"))
        return rows

    def last_adverse_ur(self) -> Entry | None:
        urs = [e for e in self._types("ur_decision") if is_adverse_decision(e.doc.fields)]
        if not urs:
            return None
        return max(urs, key=lambda e: (e.doc.fields["ur.decision_date"], self.entries.index(e)))

    def _imr(self) -> list[dict]:
        ur = self.last_adverse_ur()
        if ur is None:
            return [{"item": i, "status": "not_applicable", "documents": [], "note": None}
                    for i in IMR_ITEMS]
        udate = ur.doc.fields["ur.decision_date"]
        apps = [e for e in self._types("imr_application") if e.doc.fields.get("imr.ur_decision_date") == udate]
        app = apps[-1] if apps else None
        rows = []

        def row(item, ok: bool | None, docs=(), note=None):
            st = "not_applicable" if ok is None else ("present" if ok else "missing")
            rows.append({"item": item, "status": st, "documents": [d.key for d in docs] if ok else [],
                         "note": note})

        row("ur_decision", True, [ur])
        row("imr_application", app is not None, [app] if app else [])
        if app is None:
            for item in ("imr_application_signed", "imr_review_type_indicated", "imr_jcn_present",
                         "imr_application_timely"):
                row(item, None, note="no IMR application in the file")
        else:
            m = app.meta
            row("imr_application_signed", bool(app.doc.fields.get("imr.signed")), [app])
            row("imr_review_type_indicated", bool(m.get("review_type_marked")), [app])
            row("imr_jcn_present", bool(m.get("jcn")), [app])
            if app.doc.fields.get("imr.signed") and app.date:
                row("imr_application_timely", app.date <= ur.meta["imr_deadline"], [app],
                    f"due {ur.meta['imr_deadline'].isoformat()}")
            else:
                row("imr_application_timely", None, note="the application is not signed and dated")
        rfa_received = ur.doc.fields.get("ur.rfa_received_date")
        rfas = [e for e in self._types("rfa") if e.meta.get("received") and
                e.meta["received"].isoformat() == rfa_received]
        row("rfa", bool(rfas), rfas[:1])
        rfa_date = rfas[0].date if rfas else (dt.date.fromisoformat(rfa_received) if rfa_received else None)
        support = [e for e in self._types("treating_report", "doctor_first_report")
                   if rfa_date and e.date and e.date <= rfa_date]
        row("supporting_records", bool(support), support[-1:])
        return rows

    # -- records -----------------------------------------------------------------------------
    def records_before(self, day: dt.date, types: tuple[str, ...] | None = None) -> list[Entry]:
        return [e for e in self.own() if e.record and e.date and e.date < day
                and (types is None or e.type in types)]

    def truth(self, ids: dict[str, str], pages: dict[str, tuple[str, int, int]], variant: str,
              input_path: str, claim_id: str) -> dict:
        """The truth JSON; ``ids`` maps entry keys to truth ids, ``pages`` keys to
        (source, page_start, page_end)."""
        c = self.case
        docs = []
        for e in self.entries:
            src, a, b = pages[e.key]
            f = {k: v for k, v in e.doc.fields.items() if not k.startswith("_")}
            f["duplicate_of"] = ids[e.duplicate_of] if e.duplicate_of else None
            docs.append({"id": ids[e.key], "source": src, "page_start": a, "page_end": b,
                         "type": e.type, "fields": f})
        findings = []
        for fd in self.findings:
            findings.append({"code": fd["code"], "document": ids[fd["document"]] if fd["document"] else None,
                             "related": [ids[k] for k in fd["related"]], "details": fd["details"],
                             "why": fd["why"]})
        checklists = {name: [{"item": r["item"], "status": r["status"],
                              "documents": [ids[k] for k in r["documents"]]}
                             for r in rows] for name, rows in self.checklists.items()}
        from .dates import iso_doi
        return {
            "claim_id": claim_id, "as_of": self.as_of.isoformat(), "variant": variant,
            "input": input_path, "title": self.title,
            "claim": {"claimant_name": c.claimant.name, "claim_numbers": [c.claim_number],
                      "adj_numbers": [c.adj_number] if c.adj_number else [],
                      "dates_of_injury": [iso_doi(c.injury)], "employer": c.employer,
                      "claims_administrator": c.claims_administrator,
                      "body_parts": sorted(c.body_parts)},
            "documents": docs, "findings": findings, "checklists": checklists,
        }


def is_adverse_decision(fields: dict) -> bool:
    """A UR decision letter that denies, modifies or delays; deferral and incomplete-RFA
    notices ("delayed" by the contract's wording) decide nothing and are not IMR-eligible."""
    return (fields.get("ur.notice_kind", "decision") == "decision"
            and fields.get("ur.overall_decision") in ADVERSE)


def record_of(e_type: str, date: dt.date, description: str, author: str | None) -> dict:
    return {"date": date, "description": description, "author": author, "type": e_type}


__all__ = ["Claim", "Entry", "record_of", "MEDICAL_TYPES", "iso"]
