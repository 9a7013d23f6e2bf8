"""One settings object: processing options and the legal conventions the rules depend on.

Conventions the domain reference marks unconfirmed ([U]/[R] in
``../shared/domain/california-ur-imr-qme.md``) are fields here with a documented default, never
constants buried in a rule. Override any of them with a TOML file (``--config FILE``)::

    [legal]
    mail_extension_days = 5
    juneteenth_state_holiday = false
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimdocs" / "pages"


@dataclass
class OcrSettings:
    mode: str = "auto"                 # auto | force | off
    dpi: int = 300
    language: str = "eng"
    #: a text layer with fewer printable characters than this is treated as absent
    min_text_chars: int = 25
    #: share of "word-like" tokens below which a text layer is treated as garbage
    min_wordlike_ratio: float = 0.5
    #: mean word confidence under which an OCR page is flagged needs_review
    review_confidence: float = 60.0
    #: pages with fewer characters than this are flagged needs_review (unless blank)
    review_min_chars: int = 15
    deskew: bool = True
    max_image_pixels: int = 200_000_000   # decompression-bomb guard (about 14k x 14k)


@dataclass
class LegalSettings:
    """Legal conventions. Each says where it comes from and whether it is confirmed."""

    #: CCP 1013 / 8 CCR 10605: +5 calendar days for service by mail to a California address [C]
    mail_extension_days: int = 5
    #: 8 CCR 10605 extends time after service by fax or e-mail too [C S91]; the contract's
    #: IMR_DEADLINE names mail only, so off by default
    extend_for_fax_and_email: bool = False
    #: method assumed when a UR letter shows no service method (contract: mail is the default)
    default_service_method: str = "mail"
    #: IMR application: 30 days after service of the UR decision (LC 4610.5(h)(1)) [C]
    imr_filing_days: int = 30
    #: UR decision, prospective/concurrent: 5 normal business days from receipt [C]
    ur_business_days: int = 5
    #: with a request for more information: 14 calendar days from receipt [C S13]
    ur_info_request_days: int = 14
    #: expedited: 72 hours [C]
    ur_expedited_hours: int = 72
    #: retrospective: 30 calendar days [C S117]
    ur_retrospective_days: int = 30
    #: written notice after the decision, prospective: 2 business days [R, unconfirmed]
    ur_written_notice_business_days: int = 2
    #: QME report: 30 days after the exam (8 CCR 38(a)) [C]
    qme_report_days: int = 30
    #: factual correction / objection window after a QME report is served (8 CCR 37) [C for
    #: unrepresented; represented cases have no fixed deadline, so this is a reminder]
    qme_objection_days: int = 30
    qme_objection_mail_extension: bool = True
    #: represented panel strike: 10 days from panel assignment (+5 by mail, Messele) [C]
    panel_strike_days: int = 10
    panel_strike_mail_extension: bool = True
    #: Juneteenth as a California state holiday: sources conflict (domain §7, §11.12) [U]
    juneteenth_state_holiday: bool = False
    #: Gov. Code 6700 extra holidays (Lincoln Day, Native American Day, ...) [U]
    gov_code_6700_extras: bool = False
    #: a cited record "a few days away" from a record of the same kind (RECORD_DATE_MISMATCH)
    record_date_window_days: int = 10
    #: Combined Values Chart: round .5 up at each step; the chart's .5 handling is [U §11.10]
    cvc_round_half_up: bool = True


@dataclass
class Settings:
    ocr: OcrSettings = field(default_factory=OcrSettings)
    legal: LegalSettings = field(default_factory=LegalSettings)
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    cache_dir: Path | None = field(default_factory=default_cache_dir)
    use_cache: bool = True
    #: a PDF with more pages than this is refused as "huge" (a claim file runs to ~2,000)
    max_pages_per_file: int = 5000
    #: a file larger than this (bytes) is refused as "huge"
    max_file_bytes: int = 2_000_000_000

    @classmethod
    def from_toml(cls, path: Path) -> Settings:
        data = tomllib.loads(Path(path).read_text())
        settings = cls()
        for section_name in ("ocr", "legal"):
            section = getattr(settings, section_name)
            for key, value in data.get(section_name, {}).items():
                if not hasattr(section, key):
                    raise ValueError(f"{path}: unknown setting [{section_name}] {key}")
                setattr(section, key, value)
        for key, value in data.items():
            if key in ("ocr", "legal"):
                continue
            if key not in {f.name for f in dataclasses.fields(cls)}:
                raise ValueError(f"{path}: unknown setting {key}")
            setattr(settings, key, value)
        return settings
