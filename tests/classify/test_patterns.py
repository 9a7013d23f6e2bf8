import json

from pipeline.classify.patterns import MODELS_DIR, find_hits, is_title_line, load_specs, title_hits
from pipeline.model import DOCUMENT_TYPES


def test_every_pattern_names_a_contract_type_or_a_role():
    for spec, pattern in load_specs():
        assert spec.type in DOCUMENT_TYPES or (spec.type is None and spec.role), pattern
        assert spec.weight > 0


def test_every_contract_type_but_other_has_a_title_pattern():
    titled = {spec.type for spec, _ in load_specs() if spec.kind == "title"}
    assert set(DOCUMENT_TYPES) - titled == {"other"}


def test_pattern_files_are_valid_jsonl():
    for name in ("doc_types.jsonl", "segment_markers.jsonl"):
        for line in (MODELS_DIR / name).read_text().splitlines():
            assert isinstance(json.loads(line), dict)


def test_longest_match_wins_and_titles_beat_cues_on_the_same_words():
    hits = find_hits(["NOTICE OF UTILIZATION REVIEW DETERMINATION"])[0]
    assert [(h.type, h.kind, h.text) for h in hits] == [
        ("ur_decision", "title", "NOTICE OF UTILIZATION REVIEW DETERMINATION")]
    hits = find_hits(["the request is non-certified"])[0]
    assert [h.text for h in hits if h.type] == ["non-certified"]


def test_typographic_apostrophes_match():
    hits = find_hits(["DOCTOR\u2019S FIRST REPORT OF OCCUPATIONAL INJURY OR ILLNESS"])[0]
    assert hits[0].type == "doctor_first_report"


def test_token_patterns_match_imaging_titles_and_ml_codes():
    assert find_hits(["MRI RIGHT SHOULDER"])[0][0].type == "imaging_report"
    assert any(h.type == "qme_report" for h in find_hits(["billed under ML-201"])[0])


def test_heading_versus_mention():
    [(index, hit)] = title_hits(["ACME IMAGING", "MRI OF THE LUMBAR SPINE"])
    assert index == 1 and hit.type == "imaging_report"
    assert title_hits(["Re: MRI of the lumbar spine"]) == []
    assert title_hits(["We reviewed the operative report and the MRI of the knee."]) == []
    assert title_hits(["03/10/2025 Operative report, Dr. Wong"]) == []
    line = "Golden State Utilization Review Services"
    hit = find_hits([line])[0][0]
    assert is_title_line(line, hit)


def test_fuzzy_titles_read_through_ocr_noise_only_when_asked():
    from pipeline.classify.patterns import fuzzy_title

    noisy = "NOTICE OF UTILlZATION REVIEW DETERMINATlON"
    assert title_hits([noisy]) == []
    [(_, hit)] = title_hits([noisy], fuzzy=True)
    assert hit.type == "ur_decision"
    assert fuzzy_title("EMPLOYER\u2019 Ss REPORT OF OCCUPATIONAL INJURY OR ILLNESS").type == \
        "employer_report"
    assert fuzzy_title("Charles R. Ashby, MD | Diplomate, Orthopedic Surgery") is None
    assert fuzzy_title("Date of Injury: 09/01/2025") is None


def test_delivery_notation_is_not_a_title():
    assert not [hit for _, hit in title_hits(["VIA FACSIMILE"])]
    assert not [hit for _, hit in title_hits(["Sent by fax and first-class mail"])]
    assert [hit.role for _, hit in title_hits(["FACSIMILE TRANSMITTAL"])] == ["fax_cover"]
