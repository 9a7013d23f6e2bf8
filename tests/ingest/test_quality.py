from __future__ import annotations

from benchmarks.pages import claim_lines
from pipeline.ingest.quality import clean_text, is_garbage, text_quality

PROSE = ("The patient reports persistent pain in the lumbar spine. Date of injury 03/14/2024. "
         "Claim No. 05-123456. MTUS guidelines were applied by the reviewer.")


def test_prose_is_wordlike():
    quality = text_quality(PROSE)
    assert quality.wordlike_ratio > 0.9
    assert quality.bad_char_ratio == 0.0
    assert quality.chars == len(PROSE.replace(" ", ""))


def _shift(text: str) -> str:
    return "".join(chr((ord(c) - 97 + 3) % 26 + 97) if "a" <= c <= "z" else c for c in text)


def test_shifted_alphabet_font_encoding_is_garbage_on_a_real_page():
    page = "\n".join(claim_lines(5, 12))
    assert not is_garbage(text_quality(page), 0.5)
    assert is_garbage(text_quality(_shift(page)), 0.5)


def test_a_short_table_without_prose_is_not_garbage():
    table = "CPT Units Charge\n97110 4 $200.00\n97140 2 $96.00\nTotal $296.00"
    assert not is_garbage(text_quality(table), 0.5)


def test_unmapped_glyphs_and_cid_codes_are_bad_characters():
    assert text_quality("\ufffd\ufffd\ufffd \ue001\ue002 ab").bad_char_ratio > 0.5
    assert text_quality("(cid:12)(cid:40)(cid:7) (cid:3)(cid:9)").bad_char_ratio > 0.5


def test_symbol_soup_is_not_wordlike():
    assert text_quality("#$%& '()* +,-. /0:; <=>? @[\\] ^_`{").wordlike_ratio < 0.2


def test_acronyms_and_numbers_count_as_words():
    assert text_quality("MMPI CPT 97110 $1,833.00 12/01/2025 (6/10)").wordlike_ratio == 1.0


def test_clean_text_normalises_line_ends_and_controls():
    assert clean_text("a \r\nb\x02c\rd  \n") == "a\nbc\nd"
