"""The corpus: which claim files exist, what each plants, and which variants are written."""

from __future__ import annotations

import datetime as dt

from .story import QMESpec, Scenario, URSpec

AS_OF = dt.date(2026, 11, 23)
FULL = frozenset({"imaging", "therapy", "medlist", "job", "wage", "dfr", "claim_form",
                  "employer_report"})


def corpus() -> list[Scenario]:
    fs = frozenset
    return [
        Scenario("cf01_ur_untimely", "UR decision made late; two misfiled records; clean panel QME",
                 seed=101, as_of=AS_OF, age_days=430, parts=["lumbar spine", "right shoulder"],
                 urs=[URSpec(style="letter", decisions=("denied",), late=True,
                             imr={"signed": True, "jcn": "JCN2025118841", "type": "regular"})],
                 qme=QMESpec(style="a"), misfiled=2, bates="GSC"),
        Scenario("cf02_ur_mixed_table", "table-style UR with mixed decisions, records date shifted, "
                 "no reviewer specialty; QME without declaration; unsigned IMR form",
                 seed=102, as_of=AS_OF, age_days=380, parts=["right knee", "lumbar spine"],
                 urs=[URSpec(style="brief", decisions=("approved",), received_as="fax"),
                      URSpec(style="table", decisions=("approved", "denied", "modified"),
                             defects=fs({"no_specialty"}), shift_record=True, service_method="fax",
                             imr={"signed": False, "jcn": None, "type": None})],
                 qme=QMESpec(style="b", defects=fs({"no_declaration"})), fax_bundle=True),
        Scenario("cf03_qme_omissions", "QME omits records and a body part; PR-2 with wrong DOI; "
                 "a PR-2 faxed twice",
                 seed=103, as_of=AS_OF, age_days=400, parts=["cervical spine", "left shoulder"],
                 n_pr2=4, include=FULL | {"emg", "op"},
                 urs=[URSpec(style="letter", decisions=("modified",), service_method="email",
                             peer_to_peer="held", p2p_note=True,
                             imr={"signed": True, "jcn": "JCN2025220071", "type": "regular"},
                             noarfi=True, fdl=("upheld",))],
                 qme=QMESpec(style="a", omit=2, defects=fs({"body_part_missing"})),
                 doi_mismatch=True, duplicate=True, bates="WCF"),
        Scenario("cf04_ur_before_rfa", "UR dated before the RFA arrived, missing guideline and IMR "
                 "notice; late QME report",
                 seed=104, as_of=AS_OF, age_days=460, parts=["left knee"], ct=True,
                 include=FULL - {"wage"},
                 urs=[URSpec(style="letter", decisions=("denied",), before_rfa=True,
                             defects=fs({"no_guideline", "no_imr_notice"}), service_method=None)],
                 qme=QMESpec(style="b", defects=fs({"late_no_extension"}))),
        Scenario("cf05_wpi_misfiled", "QME combined WPI wrong and a record date shifted; one misfiled "
                 "record; expedited UR approval",
                 seed=105, as_of=AS_OF, age_days=500, parts=["lumbar spine", "right knee", "left shoulder"],
                 urs=[URSpec(style="brief", decisions=("approved", "approved"), expedited=True),
                      URSpec(style="letter", decisions=("delayed",), info_requested=True,
                             imr={"signed": True, "jcn": "JCN2025301145", "type": "regular", "late": True})],
                 qme=QMESpec(style="a", defects=fs({"wpi_arithmetic"}), shift_record=True),
                 misfiled=1, include=FULL | {"depo"}),
        Scenario("cf06_cited_missing", "UR cites a record not in the file and is untimely; a note "
                 "dated in the future; apportionment does not add up",
                 seed=106, as_of=AS_OF, age_days=390, parts=["lumbar spine", "psyche"],
                 urs=[URSpec(style="table", decisions=("denied", "denied"), late=True, cite_missing=True,
                             review_type="concurrent", imr={"signed": True, "jcn": "JCN2026004418",
                                                            "type": "expedited"}, noarfi=True)],
                 qme=QMESpec(style="b", defects=fs({"apportionment_sum"})), future_date=True,
                 deferral=True, separators=True),
        Scenario("cf07_ame_summary", "AME summary and body disagree; UR letter with wrong DOI",
                 seed=107, as_of=AS_OF, age_days=440, parts=["right shoulder", "cervical spine"],
                 panel=False,
                 urs=[URSpec(style="letter", decisions=("denied",), doi_mismatch=True,
                             imr={"signed": True, "jcn": "JCN2025510077", "type": "regular"},
                             noarfi=True, fdl=("overturned",))],
                 qme=QMESpec(role="ame", style="b", defects=fs({"summary_body_mismatch"}),
                             cover_first=True, service_method="email")),
        Scenario("cf08_report_before_exam", "QME report dated before its exam, a body part left out; "
                 "an imaging report faxed twice; incomplete RFA returned",
                 seed=108, as_of=AS_OF, age_days=410, parts=["bilateral wrist", "cervical spine"],
                 include=FULL | {"emg"}, incomplete_rfa=True,
                 urs=[URSpec(style="table", decisions=("approved", "modified"), service_method="mail",
                             received_as="both", imr={"signed": True, "jcn": "JCN2025778120", "type": "regular"})],
                 qme=QMESpec(style="a", defects=fs({"report_before_exam", "body_part_missing"})),
                 duplicate=True),
        Scenario("cf09_unexplained_apportionment", "QME apportionment unexplained, omits a record and "
                 "cites a missing one; retrospective UR denial",
                 seed=109, as_of=AS_OF, age_days=300, parts=["right knee"], include=FULL | {"op"},
                 urs=[URSpec(style="letter", decisions=("denied",), review_type="retrospective",
                             peer_to_peer="attempted",
                             imr={"signed": True, "jcn": "JCN2026011902", "type": "regular"})],
                 qme=QMESpec(style="a", defects=fs({"apportionment_unexplained"}), omit=1, cite_missing=True),
                 bates="PRA"),
        Scenario("cf10_late_qme_no_declaration", "late QME report without declaration; untimely "
                 "retrospective UR; surgery mentioned without an operative report",
                 seed=110, as_of=AS_OF, age_days=360, parts=["lumbar spine", "left knee"],
                 include=FULL - {"job"}, surgery_without_op=True,
                 urs=[URSpec(style="table", decisions=("denied",), review_type="retrospective", late=True,
                            cnc=True,
                             imr={"signed": True, "jcn": "JCN2026020334", "type": "regular"})],
                 qme=QMESpec(style="b", defects=fs({"late_no_extension", "no_declaration"}),
                             service_method="personal")),
        Scenario("cf11_clean_approval", "clean file: approvals only, complete records, clean QME",
                 seed=111, as_of=AS_OF, age_days=330, parts=["right shoulder"],
                 urs=[URSpec(style="brief", decisions=("approved",)),
                      URSpec(style="table", decisions=("approved", "approved"))],
                 qme=QMESpec(style="a")),
        Scenario("cf12_clean_denial", "clean file: a complete, timely UR denial with a complete IMR "
                 "packet and determination; clean QME",
                 seed=112, as_of=AS_OF, age_days=350, parts=["lumbar spine", "left knee"],
                 include=FULL,
                 urs=[URSpec(style="letter", decisions=("denied", "modified"), service_method="mail",
                             peer_to_peer="held", p2p_note=True,
                             imr={"signed": True, "jcn": "JCN2026040876", "type": "regular"},
                             noarfi=True, fdl=("upheld", "overturned"))],
                 qme=QMESpec(style="b", service_method="mail")),
        Scenario("cf13_long_supplemental", "a long file: eight progress reports, three UR cycles, "
                 "an initial panel QME report and a supplemental report that omits a record",
                 seed=113, as_of=AS_OF, age_days=520, parts=["lumbar spine", "right hip"], n_pr2=8,
                 include=FULL | {"depo", "emg", "op"}, separators=True, bates="SCIF",
                 urs=[URSpec(style="letter", decisions=("approved",), vendor=2),
                      URSpec(style="table", decisions=("denied", "approved"), service_method="email",
                             imr={"signed": True, "jcn": "JCN2025660310", "type": "expedited"},
                             noarfi=True, fdl=("overturned",)),
                      URSpec(style="letter", decisions=("modified",), expedited=True, service_method="fax",
                             peer_to_peer="held")],
                 qme=QMESpec(style="a"),
                 qme2=QMESpec(kind="supplemental", style="a", omit=1, records_letter=False,
                              service_method="email")),
        Scenario("cf14_unrepresented_qme", "unrepresented worker: non-panel QME record review, "
                 "continuous trauma, concurrent UR decided late, fax bundle",
                 seed=114, as_of=AS_OF, age_days=380, parts=["bilateral wrist", "right elbow"],
                 ct=True, represented=False, n_pr2=3, include=FULL | {"emg"}, fax_bundle=True,
                 urs=[URSpec(style="letter", decisions=("denied", "denied"), review_type="concurrent",
                             late=True, received_as="fax",
                             imr={"signed": True, "jcn": None, "type": "regular"})],
                 qme=QMESpec(role="qme", kind="record_review", style="b", records_letter=False)),
        Scenario("cf15_expedited_late_notice", "expedited UR decided late; a denial served in "
                 "writing a week after the decision; non-panel QME re-evaluation; two misfiled records",
                 seed=115, as_of=AS_OF, age_days=300, parts=["left shoulder", "lumbar spine"], n_pr2=4,
                 include=FULL | {"op"}, misfiled=2,
                 urs=[URSpec(style="table", decisions=("modified",), expedited=True, late=True,
                             service_method="fax", received_as="fax",
                             imr={"signed": True, "jcn": "JCN2026113390", "type": "expedited"}),
                      URSpec(style="letter", decisions=("denied",), comm_late=True, vendor=2,
                             imr={"signed": True, "jcn": "JCN2026113390", "type": "regular"})],
                 qme=QMESpec(role="qme", kind="reevaluation", style="a", service_method="fax")),
    ]


#: claim ids written as scanned / folder variants (kept small: OCR costs about 1.2 s a page)
SCAN300 = ["cf11_clean_approval", "cf04_ur_before_rfa"]
SCAN200 = ["cf07_ame_summary", "cf10_late_qme_no_declaration"]
FOLDER = ["cf06_cited_missing"]


def demo() -> Scenario:
    fs = frozenset
    return Scenario("demo_claim", "demo: UR denial decided late, QME report with rating errors",
                    seed=2026, as_of=AS_OF, age_days=440, parts=["lumbar spine", "right shoulder"],
                    n_pr2=7, include=FULL | {"depo", "emg", "op"}, fax_bundle=True, duplicate=True,
                    separators=True,
                    urs=[URSpec(style="brief", decisions=("approved",)),
                         URSpec(style="letter", decisions=("denied", "modified"), late=True,
                                shift_record=True,
                                imr={"signed": True, "jcn": "JCN2026031187", "type": "regular"},
                                noarfi=True),
                         URSpec(style="table", decisions=("approved", "approved", "modified"),
                                service_method="fax", received_as="fax"),
                         URSpec(style="letter", decisions=("delayed",), info_requested=True,
                                peer_to_peer="held", p2p_note=True, service_method="email",
                                imr={"signed": False, "jcn": None, "type": None})],
                    qme=QMESpec(style="a", defects=fs({"wpi_arithmetic", "apportionment_unexplained"}),
                                omit=1),
                    misfiled=1, bates="DEMO",
                    scan_types=("claim_form", "employer_report", "imaging_report"))
