"""QME/AME report rules: QME_REPORT_LATE, WPI_ARITHMETIC, APPORTIONMENT_DEFECT,
BODY_PART_NOT_ADDRESSED, DECLARATION_MISSING (domain §5.3-§5.4, §6, §8: all high).

Decisions:
- QME_REPORT_LATE applies to reports with an exam date (not supplementals or record reviews,
  whose 60-day clock runs from a request date the file rarely shows); the last timely day is
  exam + ``qme_report_days`` calendar days, moved past a weekend or holiday.
- WPI_ARITHMETIC recomputes the Combined Values Chart from one rating per body part (the
  summary table's where it rates the part, else the body's) (``pipeline.analyze.cvc``); a body part
  given different ratings (summary against body, or two statements in the body) is reported in
  the same finding (``details.summary_body_differ``). A stated
  combined figure above the plain sum of the ratings read, from a report that addresses a body
  part whose rating was not read, means ratings are missing from the extraction (adding is the
  worst error a report makes): no arithmetic finding then. A "rating" more than twice the stated
  combined figure (and 10 points above it) cannot be a whole person rating of the report
  (combining never lowers the largest) and is set aside as a misread number.
- APPORTIONMENT_DEFECT: industrial + non-industrial shares that do not add to 100 (when both are
  stated), or a share stated with ``explained`` False.
- BODY_PART_NOT_ADDRESSED compares the claimed body parts (claim form, employer report and
  Doctor's First Report; none when the file has none of them) with the parts the report rates,
  apportions, lists as addressed or names at all (a part it names is taken as addressed, at
  least in part: the finding is for parts the report ignores);
  a "bilateral" part and a sided part of the same joint cover each other. Skipped for
  supplementals and when the report's parts could not be read at all. ``related``: the claim
  documents and treating reports before the report that name the missing part.
- DECLARATION_MISSING: declaration or signature known to be absent (False, not None), or a
  declaration whose date line was left blank (``declaration_undated``: read in the text, not
  inferred from a date the extractor did not find).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from pipeline.analyze.cvc import combine_wpi
from pipeline.analyze.findings import cap, doc_label, evidence_for, make_finding, us_date
from pipeline.analyze.rules.context import RuleContext, live_documents
from pipeline.model import ClaimFile, Document, Finding, QmeBlock

QME_TYPES = ("qme_report", "ame_report")
NO_EXAM_KINDS = ("supplemental", "record_review")


def report_day(doc: Document) -> dt.date | None:
    return (doc.qme.report_date if doc.qme else None) or doc.date


def qme_report_late(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    out = []
    for doc in live_documents(claim, *QME_TYPES):
        qme = doc.qme
        if qme is None or qme.exam_date is None or qme.report_kind in NO_EXAM_KINDS:
            continue
        reported = report_day(doc)
        if reported is None or qme.extension_noted:
            continue
        if ctx.calendar is not None:
            due = ctx.calendar.add_days(qme.exam_date, ctx.legal.qme_report_days)
        else:
            due = qme.exam_date + dt.timedelta(days=ctx.legal.qme_report_days)
        if reported <= due:
            continue
        days = (reported - qme.exam_date).days
        message = (f"{cap(doc_label(doc))} was issued {days} days after the "
                   f"examination on {us_date(qme.exam_date)}, past the {us_date(due)} deadline "
                   "of 8 CCR 38(a), and notes no extension.")
        out.append(make_finding(
            "QME_REPORT_LATE", "high", message, document=doc,
            evidence=evidence_for(doc, "qme.exam_date", "qme.report_date", "date"),
            details={"exam_date": qme.exam_date, "due": due, "actual": reported,
                     "days": days}))
    return out


#: a rating this far above the stated combined figure is no slip of arithmetic or of copying
IMPLAUSIBLE_FACTOR, IMPLAUSIBLE_MARGIN = 2.0, 10.0


def plausible_impairments(qme: QmeBlock) -> list:
    """The ratings that can be whole person ratings of this report. Combining never lowers the
    largest rating, so a report may err by a few points around its combined figure, but a
    "rating" more than twice the combined figure it states (and 10 points above it) is some
    other number read as a rating - an upper-extremity percentage, a figure or table number."""
    if qme.combined_wpi is None:
        return list(qme.impairments)
    stated = float(qme.combined_wpi)
    return [imp for imp in qme.impairments
            if not (float(imp.wpi) > IMPLAUSIBLE_FACTOR * stated
                    and float(imp.wpi) - stated >= IMPLAUSIBLE_MARGIN)]


def _ratings(impairments: list, where: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for imp in impairments:
        if imp.where == where and imp.body_part not in out:
            out[imp.body_part] = float(imp.wpi)
    return out


def wpi_problems(qme: QmeBlock, combine: Callable[[Sequence[float]], int] | None) -> dict:
    impairments = plausible_impairments(qme)
    summary, body = _ratings(impairments, "summary"), _ratings(impairments, "body")
    problems: dict = {}
    stated: dict[str, dict[str, list[float]]] = {}
    for imp in impairments:
        values = stated.setdefault(imp.body_part, {}).setdefault(imp.where, [])
        if float(imp.wpi) not in values:
            values.append(float(imp.wpi))
    differing = {}
    for part, by_place in stated.items():
        values = {v for vs in by_place.values() for v in vs}
        if max(values) - min(values) >= 0.5:
            differing[part] = {place: vs[0] if len(vs) == 1 else vs
                               for place, vs in sorted(by_place.items(), reverse=True)}
    if differing:
        problems["summary_body_differ"] = differing
    ratings = {**body, **summary}          # the summary's figure where it gives one
    if combine is not None and ratings and qme.combined_wpi is not None:
        values = sorted(ratings.values(), reverse=True)
        computed = combine(values)
        # more than even the plain sum of the ratings read, and a part addressed without a
        # rating read: some ratings were not read
        unrated = set(qme.body_parts_addressed) - set(ratings)
        unreadable = float(qme.combined_wpi) > sum(values) + 0.5 and bool(unrated)
        if abs(float(qme.combined_wpi) - computed) >= 1 and not unreadable:
            problems.update({"stated": qme.combined_wpi, "computed": computed,
                             "values": values})
    return problems


def _fmt(value: float) -> str:
    return f"{value:g}%"


def _where(value, place: str) -> str:
    values = value if isinstance(value, list) else [value]
    place_words = "in the summary" if place == "summary" else "in the body of the report"
    return f"{' and '.join(_fmt(v) for v in values)} {place_words}"


def wpi_arithmetic(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    def combine(values: Sequence[float]) -> int:
        return combine_wpi(values, half_up=ctx.legal.cvc_round_half_up)

    out = []
    for doc in live_documents(claim, *QME_TYPES):
        if doc.qme is None:
            continue
        problems = wpi_problems(doc.qme, combine)
        if not problems:
            continue
        clauses = []
        if "computed" in problems:
            listed = ", ".join(_fmt(v) for v in problems["values"])
            clauses.append(f"states a combined whole person impairment of "
                           f"{_fmt(problems['stated'])}, but its own ratings ({listed}) combine "
                           f"to {problems['computed']}% on the Combined Values Chart")
        if "summary_body_differ" in problems:
            clauses.append("rates " + "; ".join(
                f"{part} " + " and ".join(_where(value, place) for place, value in v.items())
                for part, v in problems["summary_body_differ"].items()))
        message = f"{cap(doc_label(doc))} {', and '.join(clauses)}."
        out.append(make_finding("WPI_ARITHMETIC", "high", message, document=doc,
                                evidence=evidence_for(doc, "qme.combined_wpi",
                                                      "qme.impairments"),
                                details=problems))
    return out


def _wholly_industrial(industrial: float | None, nonindustrial: float | None) -> bool:
    """100% industrial / 0% to other factors: nothing is apportioned away, so there is no
    share whose "how and why" Escobedo asks the evaluator to explain."""
    if nonindustrial is not None:
        return nonindustrial == 0
    return industrial is not None and industrial >= 100


def apportionment_problems(qme: QmeBlock) -> list[dict]:
    problems = []
    for ap in qme.apportionment:
        shares = [ap.industrial_pct, ap.nonindustrial_pct]
        if all(s is not None for s in shares) and abs(sum(shares) - 100) >= 0.5:
            problems.append({"body_part": ap.body_part, "kind": "total",
                             "industrial_pct": ap.industrial_pct,
                             "nonindustrial_pct": ap.nonindustrial_pct,
                             "total": sum(shares)})
        elif ap.explained is False and any(s is not None for s in shares) and not _wholly_industrial(
                ap.industrial_pct, ap.nonindustrial_pct):
            problems.append({"body_part": ap.body_part, "kind": "unexplained",
                             "industrial_pct": ap.industrial_pct,
                             "nonindustrial_pct": ap.nonindustrial_pct})
    return problems


def apportionment_defect(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    out = []
    for doc in live_documents(claim, *QME_TYPES):
        if doc.qme is None:
            continue
        problems = apportionment_problems(doc.qme)
        if not problems:
            continue
        clauses = []
        for p in problems:
            part = p["body_part"] or "the injury"
            if p["kind"] == "total":
                clauses.append(f"apportions {part} {p['industrial_pct']:g}% industrial and "
                               f"{p['nonindustrial_pct']:g}% non-industrial, which totals "
                               f"{p['total']:g}%, not 100%")
            else:
                clauses.append(f"apportions {part} without explaining how and why")
        message = (f"{cap(doc_label(doc))} {'; it also '.join(clauses)}, so the "
                   "apportionment is not substantial evidence (LC 4663, Escobedo).")
        first = problems[0]
        details = {k: first[k] for k in ("body_part", "industrial_pct", "nonindustrial_pct")}
        details["total"] = first.get("total")
        details["problems"] = problems
        out.append(make_finding("APPORTIONMENT_DEFECT", "high", message, document=doc,
                                evidence=evidence_for(doc, "qme.apportionment"),
                                details=details))
    return out


_SIDES = ("right", "left", "bilateral")


def _split(part: str) -> tuple[str | None, str]:
    words = part.split(" ", 1)
    if len(words) == 2 and words[0] in _SIDES:
        return words[0], words[1]
    return None, part


def part_covered(claimed: str, addressed: set[str]) -> bool:
    side, joint = _split(claimed)
    for other in addressed:
        other_side, other_joint = _split(other)
        if other_joint != joint:
            continue
        if side == other_side or "bilateral" in (side, other_side) or None in (side,
                                                                                other_side):
            return True
    return False


CLAIM_TYPES = ("claim_form", "employer_report", "doctor_first_report")


def claimed_parts(claim: ClaimFile) -> list[str]:
    """The body parts claimed: those the claim form, employer's report and Doctor's First Report
    name. Without any of them the file does not show what was claimed (the parts treating
    reports and letters mention include complaints in passing - "tingling in the hand" - that
    are no claim), so nothing is."""
    parts: list[str] = []
    for doc in live_documents(claim, *CLAIM_TYPES):
        parts += [p for p in doc.body_parts if p not in parts]
    return parts


CLAIMING_TYPES = CLAIM_TYPES + ("treating_report",)


def claiming_documents(claim: ClaimFile, parts: list[str]) -> list[Document]:
    """The claimant's claim documents and treating reports that name any of ``parts``: where a
    paralegal shows the part is in the claim."""
    return [doc for doc in live_documents(claim, *CLAIMING_TYPES)
            if any(part_covered(part, set(doc.body_parts)) for part in parts)]


def addressed_parts(doc: Document) -> set[str]:
    qme = doc.qme
    if qme is None:
        return set()
    parts = set(qme.body_parts_addressed) | set(doc.body_parts)
    parts |= {imp.body_part for imp in qme.impairments if imp.body_part}
    parts |= {ap.body_part for ap in qme.apportionment if ap.body_part}
    return parts


def body_part_not_addressed(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    claimed = claimed_parts(claim)
    if not claimed:
        return []
    out = []
    for doc in live_documents(claim, *QME_TYPES):
        if doc.qme is None or doc.qme.report_kind == "supplemental":
            continue
        addressed = addressed_parts(doc)
        if not addressed:
            continue
        missing = [p for p in claimed if not part_covered(p, addressed)]
        if not missing:
            continue
        listed = ", ".join(missing)
        message = (f"{cap(doc_label(doc))} does not address the claimed "
                   f"{'body part' if len(missing) == 1 else 'body parts'} {listed}, so it does "
                   "not completely address the issues (8 CCR 10682(b)).")
        out.append(make_finding(
            "BODY_PART_NOT_ADDRESSED", "high", message, document=doc,
            related=[d for d in claiming_documents(claim, missing)
                     if d.date is None or report_day(doc) is None or d.date <= report_day(doc)],
            evidence=evidence_for(doc, "qme.body_parts_addressed", "body_parts",
                                  "qme.impairments"),
            details={"missing": missing, "claimed": claimed, "addressed": sorted(addressed)}))
    return out


_PERJURY = re.compile(r"declare\s+under\s+penalty\s+of\s+perjury", re.IGNORECASE)
#: a date line left blank: "on the _____ day of ________, 20___", "Dated: ______"
_BLANK_DATE = re.compile(r"\bday\s+of\s*_{3,}|_{3,}\s*day\s+of\b|\b(?:dated?|executed\s+on)"
                         r"\s*:?\s*_{3,}"
                         # OCR drops the blank lines themselves: "on the day of , 20" keeps only
                         # the words around them (no ordinal, no month, a bare century)
                         r"|\bthe\s+day\s+of\s*,\s*(?:19|20)?\s*(?:[.,]|$)"
                         r"|\bthe\s+day\s+of\s*(?:19|20)\s*(?:[.,]|$)",
                         re.IGNORECASE | re.MULTILINE)
_SIGNATURE_WINDOW = 600


def declaration_undated(claim: ClaimFile, doc: Document) -> bool:
    """The report's declaration is there but its date was left blank: no declaration or
    signature date was read, and the text after the (first) declaration shows an unfilled date
    line. Absence alone proves nothing; the blank line is what was read."""
    qme = doc.qme
    if qme is None or not qme.declaration_present or qme.declaration_date or qme.signature_date:
        return False
    seen = False
    for page in claim.pages_of(doc):
        # a report may recite "under penalty of perjury" more than once (a 4628 statement, then
        # the declaration itself); the date line follows whichever comes last on that page
        matches = list(_PERJURY.finditer(page.text))
        if matches:
            seen = True
            if any(_BLANK_DATE.search(page.text[m.end():m.end() + _SIGNATURE_WINDOW])
                   for m in matches):
                return True
        elif seen:
            break
    return False


def declaration_missing(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    out = []
    for doc in live_documents(claim, *QME_TYPES):
        qme = doc.qme
        if qme is None:
            continue
        missing = []
        if qme.declaration_present is False:
            missing.append("declaration")
        if qme.signature_present is False:
            missing.append("signature")
        elif declaration_undated(claim, doc):
            missing.append("signature_date")
        if not missing:
            continue
        words = {"declaration": "the declaration under penalty of perjury (LC 4628(j))",
                 "signature": "the evaluator's signature and date",
                 "signature_date": "the date of its declaration (left blank; LC 4628(j))"}
        message = (f"{cap(doc_label(doc))} lacks "
                   f"{' and '.join(words[m] for m in missing)}.")
        out.append(make_finding("DECLARATION_MISSING", "high", message, document=doc,
                                evidence=evidence_for(doc, "qme.declaration_present",
                                                      "qme.signature_present"),
                                details={"missing": missing}))
    return out
