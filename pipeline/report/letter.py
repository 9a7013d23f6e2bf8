"""dispute_letter.md: a draft error list drawn only from findings (issue 7 completes it)."""

from __future__ import annotations

from pathlib import Path

from pipeline.model import ClaimFile
from pipeline.report.atomic import write_text_atomic


def render_letter(claim: ClaimFile) -> str:
    facts = claim.claim
    lines = [
        "# Draft dispute letter",
        "",
        f"**Claimant:** {facts.claimant_name or '[claimant]'}  ",
        f"**Claim number:** {', '.join(facts.claim_numbers) or '[claim number]'}  ",
        f"**Claims administrator:** {facts.claims_administrator or '[claims administrator]'}  ",
        f"**Date:** {claim.as_of.isoformat()}",
        "",
    ]
    disputable = [f for f in claim.findings if f.category != "deadline"]
    if not disputable:
        lines.append("No dispute grounds were found in this claim file.")
    else:
        lines.append("## Errors found")
        lines.append("")
        for n, finding in enumerate(disputable, 1):
            pages = ", ".join(f"{e.source} p. {e.page}" for e in finding.evidence if e.page)
            lines.append(f"{n}. {finding.message}" + (f" (see {pages})" if pages else ""))
    return "\n".join(lines) + "\n"


def write_letter(claim: ClaimFile, out_dir: Path) -> None:
    write_text_atomic(Path(out_dir) / "dispute_letter.md", render_letter(claim))
