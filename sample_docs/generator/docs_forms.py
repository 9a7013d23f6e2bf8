"""Form-like documents: DWC Form RFA, DWC-1, Form 5020, Form 5021, DWC Form IMR, IMR notice of
assignment, IMR final determination, QME panel list."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from reportlab.lib.units import inch

from .base import Case, GeneratedDoc, Person
from .common import (
    P,
    Styles,
    checkbox,
    common_fields,
    fax_header,
    fax_line,
    grid,
    kv_table,
    letterhead,
    received_stamp,
    signature,
    sp,
)
from .dates import fmt, fmt_doi, iso, pick_style
from .vocab import spell_parts


def rfa(rng: random.Random, case: Case, *, date: dt.date, received: dt.date, physician: Person,
        phys_disp: str, clinic: str, treatments: list[dict], parts: list[str], dx: str,
        expedited: bool = False, received_as: str = "stamp", fax_time: str = "10:42",
        resubmission: bool = False, key: str = "") -> GeneratedDoc:
    """DWC Form RFA with a treatment table. ``received_as``: stamp | fax | both."""
    ds = pick_style(rng)
    st = Styles("a", 9)
    fl: list[Any] = [P("State of California, Division of Workers' Compensation", st.center),
                     P("REQUEST FOR AUTHORIZATION", st.h1), P("DWC Form RFA", st.center),
                     P("Attach the Doctor's First Report of Occupational Injury or Illness, Form DLSR "
                       "5021, a Treating Physician's Progress Report, DWC Form PR-2, or equivalent "
                       "narrative report substantiating the requested treatment.", st.small)]
    boxes = [f"{checkbox(not resubmission)} New Request",
             f"{checkbox(resubmission)} Resubmission - Change in Material Facts",
             f"{checkbox(expedited)} Expedited Review: Check box if employee faces an imminent and "
             f"serious threat to his or her health",
             f"{checkbox(False)} Check box if request is a written confirmation of a prior oral request."]
    fl += [P(b, st.body) for b in boxes]
    fl.append(P("Employee Information", st.h2))
    fl.append(kv_table([("Name (Last, First, Middle):",
                         f"{case.claimant.last}, {case.claimant.first} {case.claimant.middle or ''}".strip()),
                        ("Date of Injury (MM/DD/YYYY):", fmt_doi(case.injury, "mdy")),
                        ("Date of Birth (MM/DD/YYYY):", fmt(case.date_of_birth, "mdy")),
                        ("Claim Number:", case.claim_number), ("Employer:", case.employer)],
                       st, boxed=True))
    fl.append(P("Requesting Physician Information", st.h2))
    fl.append(kv_table([("Name:", phys_disp), ("Practice Name:", clinic),
                        ("Specialty:", physician.specialty or ""),
                        ("NPI Number:", str(rng.randint(1000000000, 1999999999))),
                        ("Phone / Fax:", "(559) 555-0134 / (559) 555-0135")], st, boxed=True))
    fl.append(P("Claims Administrator Information", st.h2))
    fl.append(kv_table([("Company Name:", case.claims_administrator),
                        ("Fax Number:", "(916) 555-0177")], st, boxed=True))
    fl.append(P("Requested Treatment (see instructions for guidance; attach additional pages if "
                "necessary)", st.h2))
    rows = [["Diagnosis (Required)", "ICD-Code (Required)", "Service/Good Requested (Required)",
             "CPT/HCPCS Code", "Other Information (frequency, duration, quantity, etc.)"]]
    icd = {"lumbar spine": "M54.50", "cervical spine": "M54.2", "shoulder": "M75.41", "knee": "M23.221",
           "wrist": "G56.01"}
    for t in treatments:
        base = t.get("part", parts[0]).split(" ")[-1] if t.get("part") else parts[0].split(" ")[-1]
        code = icd.get(t.get("part", parts[0]), icd.get(base, "M79.1"))
        rows.append([dx, code, t["description"], t["cpt"], t["quantity"]])
    fl.append(grid(rows, st, widths=[1.4 * inch, 0.9 * inch, 2.2 * inch, 0.8 * inch, 1.6 * inch]))
    fl.append(sp(8))
    fl.append(P(f"Requesting Physician Signature: /s/ {phys_disp}      Date: {fmt(date, ds)}", st.body))
    fl.append(P("Claims Administrator/Utilization Review Organization (URO) Response", st.h2))
    fl.append(P(f"{checkbox(False)} Approved  {checkbox(False)} Denied or Modified (See separate decision "
                f"letter)  {checkbox(False)} Delay (See separate notification of delay)", st.small))
    decos = []
    if received_as in ("stamp", "both"):
        decos.append(received_stamp(["RECEIVED", fmt(received, rng.choice(["mdy", "abbr_ord", "long"])).upper(),
                                     case.claims_administrator.upper()[:26]],
                                    x=5.4 * inch, y=rng.choice([1.0, 1.3]) * inch, angle=rng.choice([0, -4, 3])))
    if received_as in ("fax", "both"):
        decos.append(fax_header(fax_line(received, fax_time, "5595550135", clinic.upper())))
    doc = GeneratedDoc("rfa", fl, decorations=decos, key=key)
    f = common_fields(case, date, author=phys_disp, parts=parts)
    f["rfa.requesting_physician"] = phys_disp
    f["rfa.expedited"] = expedited
    doc.fields = f
    return doc


def claim_form(rng: random.Random, case: Case, *, date: dt.date, employer_received: dt.date,
               parts: list[str], description: str, key: str = "") -> GeneratedDoc:
    """DWC 1, Employee's Claim for Workers' Compensation Benefits."""
    ds = pick_style(rng)
    st = Styles("a", 9)
    fl: list[Any] = [P("State of California - Department of Industrial Relations - DIVISION OF WORKERS' "
                       "COMPENSATION", st.center),
                     P("WORKERS' COMPENSATION CLAIM FORM (DWC 1)", st.h1),
                     P("Employee's Claim for Workers' Compensation Benefits", st.center),
                     P("If you are injured or become ill, either physically or mentally, because of your "
                       "job, including injuries resulting from a workplace crime, you may be entitled "
                       "to workers' compensation benefits. Complete the Employee section and give the "
                       "form to your employer. Keep a copy for your records.", st.small),
                     P("Employee: complete this section and see note above.", st.h2)]
    fl.append(kv_table([
        ("1. Name:", case.claimant.name),
        ("   Today's Date:", fmt(date, ds)),
        ("2. Home Address:", f"{rng.randint(100, 9999)} {rng.choice(['Olive', 'Cedar', 'Main', 'Shaw'])} "
                             f"Ave., Fresno, CA 937{rng.randint(10, 99)}"),
        ("3. Date of Injury:", fmt_doi(case.injury, ds)),
        ("4. Address where injury happened:", f"{case.employer}, job site"),
        ("5. Describe injury and part of body affected:", description),
        ("6. Social Security Number:", "XXX-XX-" + str(rng.randint(1000, 9999))),
        ("7. Signature of employee:", f"/s/ {case.claimant.name}")], st, boxed=True,
        widths=(2.6 * inch, 4.2 * inch)))
    fl.append(P("Employer: complete this section and see note below.", st.h2))
    fl.append(kv_table([
        ("8. Name of employer:", case.employer),
        ("9. Address:", "2100 Industrial Way, Fresno, CA 93725"),
        ("10. Date employer first knew of injury:", fmt(employer_received, ds)),
        ("11. Date claim form was provided to employee:", fmt(employer_received, ds)),
        ("12. Date employer received claim form:", fmt(employer_received, ds)),
        ("13. Name and address of insurance carrier or adjusting agency:", case.claims_administrator),
        ("14. Insurance Policy Number:", f"WC{rng.randint(1000000, 9999999)}"),
        ("15. Signature of employer representative:", "/s/ H. Marquez, HR Manager")], st, boxed=True,
        widths=(2.6 * inch, 4.2 * inch)))
    fl.append(P("Employer: You must give or mail this form to the employee within one working day of "
                "knowledge of the injury. Filing this form is not an admission of liability.", st.small))
    doc = GeneratedDoc("claim_form", fl, key=key, footer="DWC 1 (Rev. 1/2016)    Page {page} of {pages}")
    doc.fields = common_fields(case, date, author=case.claimant.name, parts=parts, claim_number=False)
    return doc


def employer_report(rng: random.Random, case: Case, *, date: dt.date, parts: list[str],
                    description: str, last_worked: dt.date, key: str = "") -> GeneratedDoc:
    """Form 5020, Employer's Report of Occupational Injury or Illness."""
    ds = pick_style(rng)
    st = Styles("a", 9)
    fl: list[Any] = [P("STATE OF CALIFORNIA", st.center),
                     P("EMPLOYER'S REPORT OF OCCUPATIONAL INJURY OR ILLNESS", st.h1),
                     P("Form 5020 (Rev. 7). Any person who makes or causes to be made any knowingly false "
                       "or fraudulent material statement for the purpose of obtaining or denying "
                       "workers' compensation benefits is guilty of a felony.", st.small)]
    inj = case.injury
    pairs = [("1. Firm name:", case.employer), ("2. Mailing address:", "2100 Industrial Way, Fresno, CA"),
             ("5. Nature of business:", rng.choice(["Food processing", "Freight and logistics",
                                                     "Health care", "Public education"])),
             ("7. Insurance carrier / administrator:", case.claims_administrator),
             ("10. Employee name:", case.claimant.name),
             ("12. Date of birth:", fmt(case.date_of_birth, ds)),
             ("16. Occupation:", case.occupation),
             ("19. Date of injury or onset of illness:", fmt_doi(inj, ds)),
             ("20. Date employer knew of injury:", fmt(date - dt.timedelta(days=rng.randint(1, 3)), ds)),
             ("22. Last day worked:", fmt(last_worked, ds)),
             ("28. How did the injury occur?", description),
             ("29. Part of body injured:", spell_parts(rng, parts)),
             ("Completed by:", "Helen Marquez, Human Resources Manager"),
             ("Date:", fmt(date, ds))]
    fl.append(kv_table(pairs, st, boxed=True, widths=(2.6 * inch, 4.2 * inch)))
    doc = GeneratedDoc("employer_report", fl, key=key)
    doc.fields = common_fields(case, date, author="Helen Marquez", parts=parts, claim_number=False)
    return doc


def imr_application(rng: random.Random, case: Case, *, date: dt.date | None, ur_date: dt.date,
                    treatments: list[dict], requesting: str, signed: bool = True,
                    review_type_marked: str | None = "regular", jcn: str | None = None,
                    key: str = "") -> GeneratedDoc:
    """DWC Form IMR, pre-filled by the claims administrator; the employee signs (or not)."""
    ds = "mdy"
    st = Styles("a", 9)
    fl: list[Any] = [P("APPLICATION FOR INDEPENDENT MEDICAL REVIEW", st.h1), P("DWC Form IMR", st.center),
                     P("Complete this form and mail it, with a copy of the Utilization Review decision, "
                       "within 30 days of service of the decision. This application is for disputes "
                       "over the medical necessity of treatment after utilization review.", st.small)]
    fl.append(P("Type of Utilization Review: " + f"{checkbox(review_type_marked == 'regular')} Regular   "
                f"{checkbox(review_type_marked == 'expedited')} Expedited", st.bold))
    fl.append(P("Employee Information", st.h2))
    fl.append(kv_table([("Employee name:", case.claimant.name),
                        ("Date of injury:", fmt_doi(case.injury, ds)),
                        ("Claim number:", case.claim_number),
                        ("EAMS Case Number (if any):", case.adj_number or ""),
                        ("WCIS Jurisdictional Claim Number (JCN):", jcn or "")], st, boxed=True,
                       widths=(2.8 * inch, 4.0 * inch)))
    fl.append(P("Claims Administrator / Employer", st.h2))
    fl.append(kv_table([("Claims Administrator:", case.claims_administrator),
                        ("Employer:", case.employer)], st, boxed=True, widths=(2.8 * inch, 4.0 * inch)))
    fl.append(P("Utilization Review Decision Being Disputed", st.h2))
    fl.append(kv_table([("Date of UR Decision:", fmt(ur_date, ds)),
                        ("Requesting Physician:", requesting)], st, boxed=True,
                       widths=(2.8 * inch, 4.0 * inch)))
    rows = [["Disputed treatment / service", "CPT/HCPCS"]]
    rows += [[t["description"], t["cpt"]] for t in treatments]
    fl.append(grid(rows, st, widths=[5.0 * inch, 1.8 * inch]))
    fl.append(sp(6))
    fl.append(P(f"{checkbox(False)} The treatment was disputed for reasons other than medical necessity.  "
                f"{checkbox(False)} The treatment was delayed or denied because requested medical "
                f"information was not received.", st.small))
    fl.append(P("Employee Signature", st.h2))
    if signed:
        fl.append(P(f"Signature: /s/ {case.claimant.name}       Date: {fmt(date, ds) if date else ''}",
                    st.body))
    else:
        fl.append(P("Signature: ______________________________       Date: ______________", st.body))
    fl.append(P("Mail to: DWC-IMR, c/o Maximus Federal Services, P.O. Box 138009, Sacramento, CA "
                "95813-8009", st.small))
    doc = GeneratedDoc("imr_application", fl, key=key, footer="DWC Form IMR    Page {page} of {pages}")
    f = common_fields(case, date if signed else None, author=case.claimant.name if signed else None,
                      parts=None)
    f["imr.signed"] = signed
    f["imr.ur_decision_date"] = iso(ur_date)
    f["imr.review_type_marked"] = review_type_marked is not None
    f["imr.jcn"] = jcn
    doc.fields = f
    return doc


def imr_notice(rng: random.Random, case: Case, *, date: dt.date, case_number: str, ur_date: dt.date,
               rfa_date: dt.date, treatments: list[dict], requesting: str, expedited: bool = False,
               key: str = "") -> GeneratedDoc:
    """IMR Notice of Assignment and Request for Information (NOARFI)."""
    ds = pick_style(rng, formal=True)
    st = Styles("b", 10)
    fl: list[Any] = letterhead("MAXIMUS FEDERAL SERVICES", ["California Independent Medical Review",
                                                            "P.O. Box 138009, Sacramento, CA 95813-8009"], st)
    fl.append(P(fmt(date, ds), st.body))
    fl.append(P("NOTICE OF ASSIGNMENT AND REQUEST FOR INFORMATION", st.h1))
    fl.append(kv_table([("IMR Case Number:", case_number), ("Employee:", case.claimant.name),
                        ("Claim Number:", case.claim_number), ("Date of Injury:", fmt_doi(case.injury, ds)),
                        ("Review Type:", "Expedited" if expedited else "Regular"),
                        ("Date of UR Decision:", fmt(ur_date, ds)),
                        ("Date of Request for Authorization:", fmt(rfa_date, ds)),
                        ("Requesting Provider:", requesting)], st))
    fl.append(P("The Administrative Director of the Division of Workers' Compensation has found the "
                "application for Independent Medical Review eligible and assigned it to Maximus "
                "Federal Services. The treatment in dispute is:", st.body))
    for t in treatments:
        fl.append(P(f"- {t['description']}", st.body))
    fl.append(P("The claims administrator must provide the records required by 8 CCR 9792.10.5 so that "
                "they are received within 15 days of the date of this notice (12 days if this notice "
                "was sent electronically). The records include the treating physician's reports from "
                "the six months before the request, the application that accompanied the UR decision, "
                "and all correspondence regarding the UR decision.", st.body))
    fl.append(P("The employee and the treating physician may also submit documents supporting the "
                "request.", st.body))
    fl += signature("IMR Intake Unit", ["Maximus Federal Services"], st, signed=False)
    doc = GeneratedDoc("imr_notice", fl, key=key, footer=f"{case_number} - Page {{page}} of {{pages}}")
    f = common_fields(case, date, author=None, parts=None)
    f["imr.case_number"] = case_number
    f["imr.ur_decision_date"] = iso(ur_date)
    doc.fields = f
    return doc


def imr_determination(rng: random.Random, case: Case, *, date: dt.date, case_number: str,
                      ur_date: dt.date, treatments: list[dict], reviewer_specialty: str,
                      records: list[dict], key: str = "") -> GeneratedDoc:
    """Final determination letter; ``treatments`` carry ``imr`` = upheld | overturned."""
    ds = pick_style(rng, formal=True)
    st = Styles("b", 10)
    fl: list[Any] = letterhead("MAXIMUS FEDERAL SERVICES", ["California Independent Medical Review",
                                                            "P.O. Box 138009, Sacramento, CA 95813-8009"], st)
    fl.append(P(fmt(date, ds), st.body))
    fl.append(P("Notice of Independent Medical Review Determination", st.h1))
    fl.append(kv_table([("IMR Case Number:", case_number), ("Employee:", case.claimant.name),
                        ("Claim Number:", case.claim_number), ("Date of Injury:", fmt_doi(case.injury, ds)),
                        ("UR Denial Date:", fmt(ur_date, ds))], st))
    fl.append(P("Maximus Federal Services has completed the Independent Medical Review of the treatment "
                "in dispute. The review was performed by a physician expert reviewer who is board "
                "certified in " + reviewer_specialty + ".", st.body))
    fl.append(P("INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE", st.h2))
    outs = []
    for t in treatments:
        if t["imr"] == "upheld":
            fl.append(P(f"The request for {t['description']} is not medically necessary and "
                        f"appropriate. The Utilization Review determination is upheld.", st.bold))
            outs.append("denied")
        else:
            fl.append(P(f"The request for {t['description']} is medically necessary and appropriate. "
                        f"The Utilization Review determination is overturned.", st.bold))
            outs.append("approved")
        fl.append(P("The expert reviewer found that the records " +
                    ("do not document failed conservative care meeting the guideline criteria."
                     if t["imr"] == "upheld" else
                     "document persistent objective deficits after an adequate trial of conservative "
                     "care, which meets the guideline criteria."), st.body))
    fl.append(P("Documents reviewed", st.h2))
    for r in records:
        fl.append(P(f"- {r['description']}, {fmt(r['date'], ds)}", st.body))
    fl.append(P("Medical Qualifications of the Expert Reviewer: the reviewer is licensed in California, "
                "board certified, and in active practice.", st.small))
    fl.append(P("This determination is final and binding. It may be appealed to the Workers' "
                "Compensation Appeals Board by a verified petition filed within 30 days of service "
                "of this determination.", st.small))
    doc = GeneratedDoc("imr_determination", fl, key=key)
    decs = {t["imr"] for t in treatments}
    f = common_fields(case, date, author=None, parts=None)
    f["imr.case_number"] = case_number
    f["imr.decision"] = decs.pop() if len(decs) == 1 else "partially_overturned"
    f["imr.determination_date"] = iso(date)
    f["imr.ur_decision_date"] = iso(ur_date)
    f["imr.treatments"] = [{"description": t["description"], "cpt": t.get("cpt"), "decision": o}
                           for t, o in zip(treatments, outs)]
    doc.fields = f
    return doc


def qme_panel_list(rng: random.Random, case: Case, *, date: dt.date, panel_no: int, specialty: str,
                   physicians: list[Person], represented: bool, key: str = "") -> GeneratedDoc:
    ds = pick_style(rng)
    st = Styles("a", 9.5)
    fl: list[Any] = [P("STATE OF CALIFORNIA - DIVISION OF WORKERS' COMPENSATION - MEDICAL UNIT", st.center),
                     P("QUALIFIED MEDICAL EVALUATOR PANEL LIST", st.h1)]
    fl.append(kv_table([("Panel Number:", str(panel_no)), ("Date Panel Issued:", fmt(date, ds)),
                        ("Specialty:", specialty),
                        ("Employee:", case.claimant.name), ("Claim Number:", case.claim_number),
                        ("Date of Injury:", fmt_doi(case.injury, ds)),
                        ("Represented:", "Yes" if represented else "No")], st, boxed=True))
    fl.append(sp(8))
    rows = [["", "QME name", "Specialty", "Address", "Phone"]]
    for i, p in enumerate(physicians, 1):
        rows.append([str(i), f"{p.first} {p.last}, {p.degree}", specialty,
                     f"{rng.randint(100, 9000)} {rng.choice(['W. Shaw Ave', 'N. Blackstone', 'E. Herndon'])}, "
                     f"Fresno, CA", f"(559) 555-{rng.randint(1000, 1999)}"])
    fl.append(grid(rows, st, widths=[0.3 * inch, 1.8 * inch, 1.6 * inch, 2.0 * inch, 1.1 * inch]))
    fl.append(sp(8))
    if represented:
        fl.append(P("Each party may strike one name from this panel within 10 days of the panel's "
                    "assignment (plus 5 days if served by mail). If a party fails to strike, the other "
                    "party may select any QME remaining on the panel.", st.body))
    else:
        fl.append(P("You have 10 days from the date this panel was issued to choose a QME, make an "
                    "appointment and tell the claims administrator. If you do not, the claims "
                    "administrator may select the QME.", st.body))
    fl.append(P("This panel list was served by mail on the parties on the date of issue.", st.small))
    doc = GeneratedDoc("qme_panel_list", fl, key=key, footer="QME Form 31.5/106 panel - Page {page} of {pages}")
    doc.fields = common_fields(case, date, author=None, parts=None)
    return doc
