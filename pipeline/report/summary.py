"""The terminal summary printed to stderr at the end of a claim file's run (rich).

Documents found by type, findings by severity and code, and the deadlines still ahead. It shows
counts, codes, dates and document ids only: no document text, no names.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import TextIO

from rich.console import Console
from rich.table import Table

from pipeline.model import ClaimFile

SEVERITIES = ("high", "medium", "low", "info")
_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "info": "dim"}


def upcoming_deadlines(claim: ClaimFile) -> list[tuple[str, str, int, str | None, str]]:
    """(deadline, code, days_left, document, finding id) not yet passed, soonest first."""
    out = []
    for finding in claim.findings:
        if finding.category != "deadline":
            continue
        left = finding.details.get("days_left")
        deadline = finding.details.get("deadline")
        if isinstance(left, int) and deadline and left >= 0:
            out.append((deadline, finding.code, left, finding.document, finding.id))
    return sorted(out)


def summary_tables(claim: ClaimFile) -> list[Table]:
    docs = Table(title="Documents", title_justify="left")
    docs.add_column("type")
    docs.add_column("count", justify="right")
    for doc_type, count in sorted(Counter(d.type for d in claim.documents).items()):
        docs.add_row(doc_type, str(count))

    findings = Table(title="Findings", title_justify="left")
    findings.add_column("severity")
    findings.add_column("count", justify="right")
    findings.add_column("codes")
    for severity in SEVERITIES:
        group = [f for f in claim.findings if f.severity == severity]
        if group:
            codes = Counter(f.code for f in group)
            findings.add_row(f"[{_STYLE[severity]}]{severity}[/]", str(len(group)),
                             ", ".join(f"{code} x{n}" if n > 1 else code
                                       for code, n in sorted(codes.items())))

    deadlines = Table(title="Deadlines ahead", title_justify="left")
    for column in ("date", "days left", "code", "document", "finding"):
        deadlines.add_column(column)
    for deadline, code, left, document, fid in upcoming_deadlines(claim):
        style = "bold red" if left <= 7 else ""
        deadlines.add_row(deadline, f"[{style}]{left}[/]" if style else str(left), code,
                          document or "-", fid)
    tables = [docs, findings]
    if deadlines.row_count:
        tables.append(deadlines)
    return tables


def print_summary(claim: ClaimFile, stream: TextIO | None = None) -> None:
    stream = stream or sys.stderr
    console = Console(file=stream, highlight=False, soft_wrap=False)
    console.print(f"[bold]{claim.claim_id}[/]: {len(claim.documents)} documents, "
                  f"{len(claim.pages)} pages, {len(claim.findings)} findings")
    for table in summary_tables(claim):
        console.print(table)
    if claim.errors:
        console.print(f"[yellow]{len(claim.errors)} problem(s) while processing; see report.json"
                      "[/]")
