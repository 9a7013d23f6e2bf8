"""Finding rules: one module per family of codes, each rule a function
``(claim, RuleContext) -> list[Finding]`` that reads typed documents and changes nothing.

Adding a code: write the function in its family's module and register it in ``RULES``.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.analyze.rules.context import RuleContext
from pipeline.analyze.rules.deadlines import (
    imr_deadline_findings,
    panel_strike_findings,
    qme_objection_findings,
)
from pipeline.analyze.rules.identity import claimant_mismatch, doi_mismatch
from pipeline.analyze.rules.qme import (
    apportionment_defect,
    body_part_not_addressed,
    declaration_missing,
    qme_report_late,
    wpi_arithmetic,
)
from pipeline.analyze.rules.records import (
    cited_record_missing,
    duplicate_document,
    qme_record_omitted,
    record_date_mismatch,
)
from pipeline.analyze.rules.sequence import date_sequence
from pipeline.analyze.rules.ur import ur_notice_defect, ur_untimely
from pipeline.model import ClaimFile, Finding

Rule = Callable[[ClaimFile, RuleContext], list[Finding]]

#: every rule, by the code it raises (MISSING_DOCUMENT comes from pipeline.analyze.checklists)
RULES: dict[str, Rule] = {
    "DOI_MISMATCH": doi_mismatch,
    "CLAIMANT_MISMATCH": claimant_mismatch,
    "DATE_SEQUENCE": date_sequence,
    "RECORD_DATE_MISMATCH": record_date_mismatch,
    "QME_RECORD_OMITTED": qme_record_omitted,
    "UR_UNTIMELY": ur_untimely,
    "UR_NOTICE_DEFECT": ur_notice_defect,
    "QME_REPORT_LATE": qme_report_late,
    "WPI_ARITHMETIC": wpi_arithmetic,
    "APPORTIONMENT_DEFECT": apportionment_defect,
    "BODY_PART_NOT_ADDRESSED": body_part_not_addressed,
    "DECLARATION_MISSING": declaration_missing,
    "IMR_DEADLINE": imr_deadline_findings,
    "PANEL_STRIKE_DEADLINE": panel_strike_findings,
    "QME_OBJECTION_DEADLINE": qme_objection_findings,
    "CITED_RECORD_MISSING": cited_record_missing,
    "DUPLICATE_DOCUMENT": duplicate_document,
}

__all__ = ["RULES", "Rule", "RuleContext"]
