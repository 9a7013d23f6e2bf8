"""Styles and building blocks shared by the document generators (letterheads, tables,
signatures, proofs of service, stamps, fax headers)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from .base import Case
from .dates import fmt, fmt_doi, iso, iso_doi
from .render import PAGE_H, PAGE_W

FONTS = {"a": ("Helvetica", "Helvetica-Bold"), "b": ("Times-Roman", "Times-Bold"),
         "c": ("Courier", "Courier-Bold")}


class Styles:
    """A small stylesheet in one font family ("a" sans, "b" serif, "c" typewriter)."""

    def __init__(self, family: str = "a", size: float = 10):
        reg, bold = FONTS[family]
        self.body = ParagraphStyle("body", fontName=reg, fontSize=size, leading=size * 1.3,
                                   spaceAfter=size * 0.5)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=size - 2,
                                    leading=(size - 2) * 1.25)
        self.bold = ParagraphStyle("bold", parent=self.body, fontName=bold)
        self.h1 = ParagraphStyle("h1", parent=self.body, fontName=bold, fontSize=size + 4,
                                 leading=(size + 4) * 1.25, alignment=TA_CENTER, spaceAfter=8)
        self.h2 = ParagraphStyle("h2", parent=self.body, fontName=bold, fontSize=size + 1,
                                 spaceBefore=6, spaceAfter=4)
        self.center = ParagraphStyle("center", parent=self.body, alignment=TA_CENTER)
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=size - 1,
                                   leading=(size - 1) * 1.2, spaceAfter=0)
        self.cellb = ParagraphStyle("cellb", parent=self.cell, fontName=bold)
        self.font, self.font_bold = reg, bold


def P(text: str, style) -> Paragraph:
    """A paragraph from plain text (escaped); ``**x**`` is not interpreted."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def PM(markup: str, style) -> Paragraph:
    """A paragraph from reportlab mini-markup the caller has already escaped."""
    return Paragraph(markup, style)


def esc(text: str) -> str:
    return escape(text)


def sp(h: float = 8) -> Spacer:
    return Spacer(1, h)


def page_break() -> PageBreak:
    return PageBreak()


def grid(rows: list[list[Any]], st: Styles, widths: list[float] | None = None,
         header: bool = True, boxed: bool = True) -> Table:
    data = []
    for i, row in enumerate(rows):
        data.append([c if not isinstance(c, str) else
                     P(c, st.cellb if (header and i == 0) else st.cell) for c in row])
    t = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    cmds = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if boxed:
        cmds += [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    if header:
        cmds += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD"))]
    t.setStyle(TableStyle(cmds))
    return t


def kv_table(pairs: list[tuple[str, str]], st: Styles, boxed: bool = False,
             widths=(1.9 * inch, 4.9 * inch)) -> Table:
    rows = [[P(k, st.cellb), P(v, st.cell)] for k, v in pairs]
    t = Table(rows, colWidths=list(widths))
    cmds = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if boxed:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    t.setStyle(TableStyle(cmds))
    return t


def letterhead(name: str, lines: list[str], st: Styles, align: str = "center") -> list[Any]:
    style = st.center if align == "center" else st.body
    big = ParagraphStyle("lh", parent=style, fontName=st.font_bold, fontSize=15, leading=18)
    out: list[Any] = [P(name, big)]
    out.append(P("\n".join(lines), ParagraphStyle("lh2", parent=style, fontSize=8.5, leading=10.5)))
    out.append(hr())
    return out


def hr() -> Table:
    t = Table([[""]], colWidths=[6.9 * inch], rowHeights=[4])
    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1, colors.black)]))
    return t


def re_block(case: Case, st: Styles, ds: str, *, claimant: str | None = None,
             claim_number: str | None = None, doi: Any = "case", employer: bool = True,
             adj: bool = False, extra: list[tuple[str, str]] | None = None,
             labels: int = 0) -> Any:
    """The "RE:" block of a letter. ``doi`` may be a date/tuple to state a different DOI, or
    None to omit it."""
    name = claimant or case.claimant.name
    lab = [("Injured Worker:", "Claim No.:", "Date of Injury:", "Employer:", "ADJ No.:"),
           ("Employee:", "Claim Number:", "DOI:", "Employer:", "WCAB Case No.:"),
           ("Claimant:", "Claim #:", "D/I:", "Insured:", "EAMS ADJ:")][labels % 3]
    pairs = [(lab[0], name), (lab[1], claim_number or case.claim_number)]
    injury = case.injury if doi == "case" else doi
    if injury is not None:
        pairs.append((lab[2], fmt_doi(injury, ds)))
    if employer:
        pairs.append((lab[3], case.employer))
    if adj and case.adj_number:
        pairs.append((lab[4], case.adj_number))
    pairs += extra or []
    return kv_table(pairs, st, widths=(1.5 * inch, 5.2 * inch))


def common_fields(case: Case, date: dt.date | None, *, author: str | None,
                  parts: list[str] | None, claim_number: bool = True, doi: Any = "case",
                  claimant: str | None = None, claim_no_value: str | None = None) -> dict:
    f: dict[str, Any] = {"date": iso(date), "author": author,
                         "claimant_name": claimant or case.claimant.name}
    if claim_number:
        f["claim_number"] = claim_no_value or case.claim_number
    injury = case.injury if doi == "case" else doi
    if injury is not None:
        f["date_of_injury"] = iso_doi(injury)
    if parts is not None:
        f["body_parts"] = sorted(parts)
    f["duplicate_of"] = None
    return f


def signature(name_line: str, title_lines: list[str], st: Styles, signed: bool = True,
              closing: str = "Sincerely,") -> list[Any]:
    out: list[Any] = [sp(6), P(closing, st.body)]
    if signed:
        sig = ParagraphStyle("sig", parent=st.body, fontName="Times-Italic", fontSize=15, leading=18)
        out.append(P("/s/ " + name_line.split(",")[0], sig))
    else:
        out.append(sp(20))
    out.append(P(name_line, st.body))
    for t in title_lines:
        out.append(P(t, st.small))
    return out


def proof_of_service(rng: random.Random, st: Styles, served: dt.date, method: str, ds: str,
                     parties: list[str], server: str, county: str = "Sacramento") -> list[Any]:
    how = {
        "mail": "by placing a true copy in a sealed envelope with first-class postage fully prepaid "
                "and depositing it in the United States mail",
        "fax": "by facsimile transmission to the fax number(s) listed below; the transmission was "
               "reported as complete and without error",
        "email": "by electronic mail (e-service) to the email address(es) listed below",
    }[method]
    title = rng.choice(["PROOF OF SERVICE", "DECLARATION OF SERVICE", "PROOF OF SERVICE BY "
                        + {"mail": "MAIL", "fax": "FACSIMILE", "email": "ELECTRONIC MAIL"}[method]])
    out: list[Any] = [sp(10), P(title, st.h2)]
    out.append(P(f"I am over the age of eighteen and not a party to this action. On {fmt(served, ds)}, "
                 f"I served the foregoing document on the parties listed below {how}.", st.body))
    out += [P("- " + p, st.small) for p in parties]
    out.append(P(f"I declare under penalty of perjury under the laws of the State of California that "
                 f"the foregoing is true and correct. Executed on {fmt(served, ds)} at {county}, California.",
                 st.body))
    out.append(P(f"{server}", st.body))
    return out


# ---- page decorations ---------------------------------------------------------------------

def received_stamp(text_lines: list[str], page: int = 1, x: float = 4.6 * inch,
                   y: float = PAGE_H - 1.9 * inch, angle: float = 0):
    def deco(canvas, n, count):
        if n != page:
            return
        canvas.translate(x, y)
        canvas.rotate(angle)
        w = 2.3 * inch
        h = 0.22 * inch * (len(text_lines) + 0.6)
        canvas.setStrokeColor(colors.HexColor("#333333"))
        canvas.setLineWidth(1.5)
        canvas.rect(0, 0, w, h)
        canvas.setFont("Helvetica-Bold", 10)
        for i, line in enumerate(text_lines):
            canvas.drawCentredString(w / 2, h - 0.25 * inch * (i + 1), line)
    return deco


def fax_header(line_fmt: str, pages_total: int | None = None, first_page_no: int = 1):
    """A fax machine's header line on every page; ``line_fmt`` may use {p} and {t}."""
    def deco(canvas, n, count):
        canvas.setFont("Courier", 8)
        t = pages_total or count
        canvas.drawString(0.4 * inch, PAGE_H - 0.25 * inch,
                          line_fmt.format(p=first_page_no + n - 1, t=t))
    return deco


def fax_line(when: dt.date, hhmm: str, fax_from: str, sender: str) -> str:
    return f"{when.strftime('%m/%d/%Y')} {hhmm}  FAX {fax_from}  {sender:<34.34} P.{{p:03d}}/{{t:03d}}"


def checkbox(on: bool) -> str:
    return "[X]" if on else "[ ]"


def footer_text(rng: random.Random, case: Case) -> str | None:
    return rng.choice([
        "Page {page} of {pages}",
        "Page {page} of {pages}",
        f"{case.claimant.last.upper()}, {case.claimant.first.upper()} - Claim {case.claim_number} - Page {{page}}",
        "- {page} -",
        None,
    ])


def page_width() -> float:
    return PAGE_W
