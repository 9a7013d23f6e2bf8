"""Non-medical documents: job description, wage statement, deposition excerpt, cover letters,
fax cover sheets and blank separator pages."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from reportlab.lib.units import inch

from .base import Case, GeneratedDoc
from .common import P, Styles, common_fields, grid, kv_table, letterhead, re_block, signature, sp
from .dates import fmt, fmt_doi, pick_style
from .vocab import ATTORNEYS


def job_description(rng: random.Random, case: Case, *, date: dt.date, key: str = "") -> GeneratedDoc:
    ds = pick_style(rng)
    st = Styles("a", 10)
    fl: list[Any] = [P(case.employer, st.h2), P("JOB DESCRIPTION AND PHYSICAL DEMANDS", st.h1)]
    fl.append(kv_table([("Position:", case.occupation.title()), ("Employee:", case.claimant.name),
                        ("Department:", rng.choice(["Operations", "Facilities", "Patient Care", "Logistics"])),
                        ("Revised:", fmt(date, ds))], st))
    fl.append(P("ESSENTIAL FUNCTIONS", st.h2))
    for line in ["Performs assigned duties safely and according to company procedures.",
                 "Moves materials and equipment between work areas; loads and unloads carts and vehicles.",
                 "Keeps the work area clean and reports unsafe conditions to the supervisor.",
                 "Works overtime and weekend shifts as scheduled."]:
        fl.append(P("- " + line, st.body))
    fl.append(P("PHYSICAL DEMANDS", st.h2))
    rows = [["Activity", "Frequency", "Weight"], ["Lifting", "Frequent (34-66%)", "up to 50 lbs"],
            ["Carrying", "Frequent", "up to 35 lbs"], ["Bending / stooping", "Frequent", "-"],
            ["Reaching overhead", "Occasional (1-33%)", "-"], ["Standing / walking", "Constant (67-100%)", "-"]]
    fl.append(grid(rows, st, widths=[2.5 * inch, 2.3 * inch, 1.8 * inch]))
    doc = GeneratedDoc("job_description", fl, key=key)
    doc.fields = common_fields(case, date, author=None, parts=None, claim_number=False, doi=None)
    return doc


def wage_statement(rng: random.Random, case: Case, *, date: dt.date, key: str = "") -> GeneratedDoc:
    ds = pick_style(rng)
    st = Styles("a", 10)
    fl: list[Any] = [P(case.employer + " - Payroll Department", st.h2), P("WAGE STATEMENT", st.h1)]
    fl.append(kv_table([("Employee:", case.claimant.name), ("Claim number:", case.claim_number),
                        ("Date of injury:", fmt_doi(case.injury, ds)), ("Prepared:", fmt(date, ds))], st))
    rate = rng.choice([18.5, 21.25, 24.0, 27.75, 32.1])
    rows = [["Pay period ending", "Regular hours", "Overtime hours", "Gross pay"]]
    start = date - dt.timedelta(days=7 * 52)
    for i in range(13):
        end = start + dt.timedelta(days=28 * i + 27)
        reg, ot = 80, rng.choice([0, 0, 4, 6.5, 10])
        rows.append([fmt(end, ds), f"{reg:.2f}", f"{ot:.2f}", f"${reg * rate + ot * rate * 1.5:,.2f}"])
    fl.append(grid(rows, st, widths=[1.8 * inch, 1.5 * inch, 1.5 * inch, 1.8 * inch]))
    fl.append(P(f"Hourly rate: ${rate:.2f}. The figures above are taken from the payroll records for the "
                f"52 weeks before the date of injury.", st.body))
    fl += signature("Denise Carver, Payroll Supervisor", [case.employer], st, closing="Certified by:")
    doc = GeneratedDoc("wage_statement", fl, key=key, footer="Page {page} of {pages}")
    doc.fields = common_fields(case, date, author="Denise Carver", parts=None)
    return doc


def deposition(rng: random.Random, case: Case, *, date: dt.date, parts: list[str],
               key: str = "") -> GeneratedDoc:
    ds = pick_style(rng, formal=True)
    st = Styles("c", 10)
    fl: list[Any] = [P("WORKERS' COMPENSATION APPEALS BOARD", st.center), P("STATE OF CALIFORNIA", st.center),
                     sp(10), P(f"{case.claimant.name.upper()}, Applicant,", st.body),
                     P(f"vs. {case.employer.upper()}; {case.claims_administrator.upper()}, Defendants.", st.body),
                     P(f"Case No. {case.adj_number or case.claim_number}", st.body), sp(10),
                     P(f"DEPOSITION OF {case.claimant.name.upper()}", st.h1),
                     P(f"Taken on {fmt(date, ds)}, at 10:00 a.m., Fresno, California", st.center),
                     P("Reported by: Lisa Ortega, CSR No. 12877", st.center)]
    fl.append(P("EXCERPT - pages 14 through 19", st.h2))
    qa = [("Q. What were you doing when you first felt the pain?",
           f"A. I was {rng.choice(['lifting a case of product onto the pallet', 'moving a patient to the bed', 'pulling a hose across the yard'])}."),
          ("Q. Where did you feel it?", f"A. In my {parts[0].replace('lumbar spine', 'low back')}."),
          ("Q. Did you report it that day?", "A. Yes, I told my supervisor before the end of the shift."),
          ("Q. Have you had any injury to that part of your body before?", "A. No, never."),
          ("Q. Are you working now?", "A. Modified duty, four hours a day.")]
    for i, (q, a) in enumerate(qa * 3):
        fl.append(P(f"{i + 1:>2}  {q}", st.body))
        fl.append(P(f"    {a}", st.body))
    fl.append(P("REPORTER'S CERTIFICATE", st.h2))
    fl.append(P("I certify that the witness was duly sworn and that the foregoing is a true record of the "
                "testimony given.", st.body))
    doc = GeneratedDoc("deposition", fl, key=key, footer="Page {page}")
    doc.fields = common_fields(case, date, author=None, parts=parts, claim_number=False, doi=None)
    return doc


def cover_letter(rng: random.Random, case: Case, *, date: dt.date, sender: str, recipient: str,
                 enclosures: list[str], purpose: str = "records", parts: list[str] | None = None,
                 key: str = "") -> GeneratedDoc:
    """Correspondence: a cover letter (records to the QME, a report's transmittal, etc.)."""
    ds = pick_style(rng, formal=True)
    st = Styles(rng.choice(["a", "b"]), 10)
    fl: list[Any] = letterhead(sender, ["Workers' Compensation Department", "Fresno, California"], st,
                               align=rng.choice(["center", "left"]))
    fl.append(P(fmt(date, ds), st.body))
    fl.append(P(recipient, st.body))
    fl.append(re_block(case, st, ds, adj=True, labels=rng.randrange(3)))
    fl.append(sp(6))
    text = {
        "records": "Enclosed please find the records listed below for your review in connection with "
                   "the evaluation of the above injured worker. These records were served on all "
                   "parties with this letter.",
        "report": "Please find enclosed the medical-legal report in the above matter, together with the "
                  "proof of service.",
        "request": "Please provide copies of the records listed below at your earliest convenience. "
                   "They are needed to complete the file before the medical-legal evaluation.",
    }[purpose]
    fl.append(P(text, st.body))
    for e in enclosures:
        fl.append(P("- " + e, st.body))
    signer = rng.choice(["Karen Hollis", "Rafael Ibarra", "Joan Petrakis"])
    fl += signature(signer, ["Claims Examiner" if "Claims" in sender else "Paralegal", sender], st)
    doc = GeneratedDoc("correspondence", fl, key=key)
    doc.fields = common_fields(case, date, author=signer, parts=parts)
    return doc


def fax_cover(rng: random.Random, case: Case, *, date: dt.date, sender: str, to: str, pages: int,
              key: str = "") -> GeneratedDoc:
    ds = pick_style(rng)
    st = Styles(rng.choice(["a", "c"]), 11)
    fl: list[Any] = [P("FAX", st.h1), P("TRANSMITTAL COVER SHEET", st.center), sp(12)]
    fl.append(kv_table([("Date:", fmt(date, ds)), ("To:", to), ("From:", sender),
                        ("Pages (including cover):", str(pages)),
                        ("RE:", f"{case.claimant.name} / Claim {case.claim_number}")], st, boxed=True))
    fl.append(sp(12))
    fl.append(P(rng.choice(["Please see attached records.", "Attached: RFA and supporting report.",
                            "Documents for your file - please confirm receipt."]), st.body))
    fl.append(sp(20))
    fl.append(P("CONFIDENTIALITY NOTICE: This facsimile contains confidential medical information. If "
                "you received it in error, notify the sender and destroy all copies.", st.small))
    doc = GeneratedDoc("correspondence", fl, key=key)
    doc.fields = common_fields(case, date, author=None, parts=None, claim_number=True, doi=None)
    return doc


def separator(rng: random.Random, label: str | None = None, key: str = "") -> GeneratedDoc:
    st = Styles("a", 12)
    fl: list[Any] = [sp(200)]
    if label:
        fl.append(P(label, st.h1))
    else:
        fl.append(P(" ", st.body))
    doc = GeneratedDoc("other", fl, key=key)
    doc.fields = {"date": None}
    return doc


def attorney(rng: random.Random) -> str:
    return rng.choice(ATTORNEYS)
