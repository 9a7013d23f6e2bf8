"""Tests of pipeline/extract/dates.py: the one date parser."""

import datetime as dt

import pytest

from pipeline.extract.dates import (
    DATE_LABELS,
    date_for,
    find_date_ranges,
    find_dates,
    labelled_dates,
    opens_like_numeric_date,
    parse_date,
    repair_damaged_date,
)
from pipeline.model import DateRange

D = dt.date(2025, 3, 3)


@pytest.mark.parametrize("written", [
    "March 3, 2025", "Mar. 3rd, 2025", "Mar 3 2025", "MARCH 03, 2025", "3 March 2025",
    "3rd of March, 2025", "03/03/2025", "3/3/25", "2025-03-03", "3-3-2025", "03.03.2025",
    "03-MAR-2025", "Mar-03-2025", "2025/03/03", "03 / 03 / 2025", "Monday, March 3, 2025",
    "3rd day of March, 2025",
])
def test_parse_date_common_forms(written):
    assert parse_date(written) == D


@pytest.mark.parametrize("written,expected", [
    ("O3/l2/2O24", dt.date(2024, 3, 12)),       # O for 0, l for 1
    ("03/|2/2024", dt.date(2024, 3, 12)),       # | for 1
    ("March l5, 2O25", dt.date(2025, 3, 15)),
    ("1O/I2/2024", dt.date(2024, 10, 12)),
    ("September 2; 2025", dt.date(2025, 9, 2)),           # ; for ,
])
def test_ocr_confusions_where_digits_are_expected(written, expected):
    assert parse_date(written) == expected


@pytest.mark.parametrize("written", [
    "02/30/2025", "13/13/2025", "00/10/2025", "February 30, 2025", "6/10", "3 of 4", "$1,833.50",
    "72148", "(559) 555-1234", "", "Lorem", "Ill/lO/lOlI", "120/80", "1/2/3", "Page 1 of 3",
    "ICD-10 M54.12", "16.05.02.00",
])
def test_impossible_or_non_dates_are_rejected(written):
    assert parse_date(written) is None


def test_two_digit_year_pivot():
    assert parse_date("5/1/68") == dt.date(1968, 5, 1)
    assert parse_date("5/1/30") == dt.date(2030, 5, 1)
    assert parse_date("5/1/31") == dt.date(1931, 5, 1)


def test_unambiguous_day_month_order_is_swapped():
    assert parse_date("25/03/2025") == dt.date(2025, 3, 25)


def test_dateparser_reads_spellings_the_patterns_do_not():
    assert parse_date("2025 March 3") == D


def test_find_dates_in_order_without_false_dates():
    text = ("Pain 6/10, improved 3 of 4 days. Billed $1,833.50 for CPT 72148 and 97110. "
            "Call (559) 555-1234 or 559-555-1234. Seen 03/03/2025; next visit April 14, 2025. "
            "PDRS 16.05.02.00 - 14 - [1]15. Version 1.5.25.")
    found = find_dates(text)
    assert [m.value for m in found] == [D, dt.date(2025, 4, 14)]
    assert [text[m.start:m.end] for m in found] == ["03/03/2025", "April 14, 2025"]
    assert found[0].text == "03/03/2025"


def test_month_year_only_where_asked():
    assert find_dates("injured in March 2025") == []
    partial = find_dates("injured in March 2025", partial=True)
    assert [m.value for m in partial] == [dt.date(2025, 3, 1)]


@pytest.mark.parametrize("text,start,end", [
    ("CT 01/01/2019 - 03/15/2023", dt.date(2019, 1, 1), dt.date(2023, 3, 15)),
    ("CT: 1/1/19-3/15/23", dt.date(2019, 1, 1), dt.date(2023, 3, 15)),
    ("from 1/2019 through 3/2023", dt.date(2019, 1, 1), dt.date(2023, 3, 31)),
    ("between January 2019 and March 2023", dt.date(2019, 1, 1), dt.date(2023, 3, 31)),
    ("CT 01/01/2019 to 03/15/2023", dt.date(2019, 1, 1), dt.date(2023, 3, 15)),
    ("CT 01/2019–02/2020", dt.date(2019, 1, 1), dt.date(2020, 2, 29)),
])
def test_closed_ranges(text, start, end):
    ranges = find_date_ranges(text)
    assert [r.value for r in ranges] == [DateRange(start, end)]


def test_open_or_backwards_ranges_are_not_ranges():
    assert find_date_ranges("CT 01/01/2019 to present") == []
    assert find_date_ranges("seen 03/15/2023 - 01/01/2019") == []
    # two separate dates joined by "and" without "between"/"from" are not a period
    assert find_date_ranges("seen 01/02/2025 and 01/09/2025") == []


def test_labels_bind_to_the_nearest_preceding_label_on_the_line():
    text = ("Date: April 2, 2025\n"
            "Re: Maria Gonzalez   DOI: 03/12/2024   DOB: 5/1/68\n"
            "Date RFA Received: 03/20/2025   Date of Decision: 04/02/2025\n")
    got = {m.label: m.value for m in labelled_dates(text)}
    assert got == {
        "letter_date": dt.date(2025, 4, 2), "date_of_injury": dt.date(2024, 3, 12),
        "dob": dt.date(1968, 5, 1), "received_date": dt.date(2025, 3, 20),
        "decision_date": dt.date(2025, 4, 2),
    }


def test_label_on_the_line_above_and_table_rows():
    text = ("Date of Injury:\n03/12/2024\n\n"
            "Date of Exam          Date of Report\n"
            "05/01/2025            05/20/2025\n")
    got = [(m.label, m.value) for m in labelled_dates(text)]
    assert got == [("date_of_injury", dt.date(2024, 3, 12)),
                   ("exam_date", dt.date(2025, 5, 1)),
                   ("report_date", dt.date(2025, 5, 20))]


def test_text_between_label_and_an_earlier_date_blocks_binding():
    text = "RFA received on 03/20/2025 and decided on 04/02/2025."
    got = [(m.label, m.value) for m in labelled_dates(text)]
    assert got == [("received_date", dt.date(2025, 3, 20)), (None, dt.date(2025, 4, 2))]


def test_a_list_of_dates_keeps_its_label():
    text = "Dates of Service: 01/02/2025, 01/09/2025 and 01/16/2025\nOther 02/02/2025"
    labels = [m.label for m in labelled_dates(text)]
    assert labels == ["date_of_service"] * 3 + [None]


def test_date_of_service_in_a_proof_of_service_is_the_service_date():
    visit = "PR-2 PROGRESS REPORT\nDate of Service: 03/10/2025\n"
    proof = "PROOF OF SERVICE\nI declare that I served the foregoing.\nDate of Service: 04/03/2025\n"
    assert date_for(visit, "date_of_service").value == dt.date(2025, 3, 10)
    assert date_for(visit, "service_date") is None
    assert date_for(proof, "service_date").value == dt.date(2025, 4, 3)
    assert date_for("DOS: 03/10/2025", "date_of_service").value == dt.date(2025, 3, 10)


def test_ocr_noisy_labels_and_ct_period():
    text = "D.O.I.: O3/12/2O24\nD0B 05/05/1970\nDate of Injury: CT 01/01/2019 - 03/15/2023"
    got = [(m.label, m.value) for m in labelled_dates(text)]
    assert got == [("date_of_injury", dt.date(2024, 3, 12)), ("dob", dt.date(1970, 5, 5)),
                   ("date_of_injury", DateRange(dt.date(2019, 1, 1), dt.date(2023, 3, 15)))]


def test_service_date_labels_for_mail():
    text = "I served the document by U.S. Mail on April 3, 2025 at Fresno, California."
    # "served ... on" is not the literal "served on": no label, but the line is in POS context
    assert labelled_dates(text)[0].value == dt.date(2025, 4, 3)
    assert date_for("Document was served on April 3, 2025", "service_date").value == \
        dt.date(2025, 4, 3)
    assert date_for("Date Mailed: 04/03/2025", "mailed_date").value == dt.date(2025, 4, 3)
    assert date_for("Date Signed: 04/03/2025", "signed_date").value == dt.date(2025, 4, 3)


def test_date_for_returns_the_first_bound_date_only():
    text = "Letter 01/01/2025\nDate of Report: 02/02/2025\nReport Date: 03/03/2025"
    mention = date_for(text, "report_date", "exam_date")
    assert mention.value == dt.date(2025, 2, 2)
    assert mention.label_text == "Date of Report"
    assert date_for(text, "dob") is None


def test_custom_label_vocabulary():
    labels = {"mmi_date": ["P&S Date", "MMI Date"]}
    got = labelled_dates("MMI Date: 06/01/2025, DOI: 01/01/2024", labels)
    assert [(m.label, m.value) for m in got] == [("mmi_date", dt.date(2025, 6, 1)),
                                                  (None, dt.date(2024, 1, 1))]


def test_label_vocabulary_names_are_canonical():
    assert {"letter_date", "report_date", "exam_date", "date_of_service", "date_of_injury",
            "dob", "decision_date", "received_date", "signed_date", "service_date",
            "requested_date", "mailed_date"} <= set(DATE_LABELS)


def test_dated_binds_only_at_a_line_start():
    text = "Dated April 9, 2025\nWe received the RFA dated 03/18/2025 from Dr. Patel."
    got = [(m.label, m.label_text, m.value) for m in labelled_dates(text)]
    assert got == [("letter_date", "Dated", dt.date(2025, 4, 9)), (None, None, dt.date(2025, 3, 18))]


def test_ct_means_an_injury_period_only_right_before_dates():
    assert date_for("CT scan of the head on 03/03/2025", "date_of_injury") is None
    assert date_for("CT scan 03/03/2025", "date_of_injury") is None
    assert date_for("CT: from January 2019 to March 2023", "date_of_injury").value == \
        DateRange(dt.date(2019, 1, 1), dt.date(2023, 3, 31))
    mention = date_for("Injury: CT 01/01/2019 - 03/15/2023", "date_of_injury")
    assert mention.value == DateRange(dt.date(2019, 1, 1), dt.date(2023, 3, 15))


def _formats(d):
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10 if not 10 <= d.day <= 20 else 0, "th")
    name = months[d.month - 1]
    return [
        f"{name} {d.day}, {d.year}", f"{name} {d.day} {d.year}", f"{name[:3]}. {d.day}{suffix}, {d.year}",
        f"{d.day} {name} {d.year}", f"{d.month:02d}/{d.day:02d}/{d.year}",
        f"{d.month}/{d.day}/{d.year}", f"{d.month}/{d.day}/{d.year % 100:02d}", d.isoformat(),
        f"{d.month}-{d.day}-{d.year}", f"{d.month:02d}.{d.day:02d}.{d.year}",
        f"{name.upper()} {d.day}, {d.year}",
    ]


def test_every_format_of_many_dates_in_running_text():
    import random

    rng = random.Random(7)
    for _ in range(300):
        day = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 80))
        for written in _formats(day):
            if written.count("/") == 2 and len(written.rsplit("/", 1)[1]) == 2 and (
                    day.year < 1931 or day.year > 2030):
                continue                                   # two-digit years pivot at 30
            text = f"Seen on {written}, pain 6/10; next visit in 3 of 4 weeks."
            found = find_dates(text)
            assert [m.value for m in found] == [day], (written, found)
            assert text[found[0].start:found[0].end] == written


def test_ocr_letter_for_digit_confusions_in_numeric_dates():
    import random

    rng = random.Random(11)
    swap = {"0": "O", "1": "l"}
    checked = 0
    for _ in range(300):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(365 * 30))
        written = f"{day.month:02d}/{day.day:02d}/{day.year}"
        noisy = "".join(swap[c] if c in swap and rng.random() < 0.3 else c for c in written)
        digits = sum(c.isdigit() for c in noisy)
        if digits < 4:
            continue                                      # mostly letters: not read as a date
        checked += 1
        assert [m.value for m in find_dates(f"DOS: {noisy} follow-up")] == [day], noisy
    assert checked > 200


def test_an_open_period_start_gets_no_label():
    assert date_for("DOI: CT 01/01/2019 to present", "date_of_injury") is None
    assert date_for("DOI: CT 01/01/2019 - Present\nDOB: 05/05/1970", "dob").value == \
        dt.date(1970, 5, 5)


# --- OCR-damaged numeric dates (table date cells) ------------------------------------------------

@pytest.mark.parametrize("cell, expected", [
    ("9/1 1/2025  MRI right shoulder", dt.date(2025, 9, 11)),     # a number split by a space
    ("42/04/2025 PR-2", dt.date(2025, 12, 4)),                    # "1" read as "4" in the month
    ("10/41/25 therapy", dt.date(2025, 10, 11)),                  # ... and in the day
    ("| 03/1 4/2024 | Dr. Lee", dt.date(2024, 3, 14)),             # behind a table rule
])
def test_repair_damaged_date_reads_what_ocr_broke(cell, expected):
    assert expected not in [m.value for m in find_dates(cell)]     # the patterns alone miss it
    mention = repair_damaged_date(cell)
    assert mention is not None and mention.value == expected


@pytest.mark.parametrize("text", ["Page 4 of 12", "6/10 pain", "ADJ1234567", "52/04/2025"])
def test_repair_damaged_date_leaves_non_dates_alone(text):
    assert repair_damaged_date(text) is None


def test_opens_like_numeric_date_is_about_shape_only():
    assert opens_like_numeric_date("42/04/2025 PR-2")
    assert opens_like_numeric_date("| 03/1 4/2024")
    assert not opens_like_numeric_date("MRI 03/14/2024")


def test_abbreviated_evaluation_date_label():
    mention = date_for("Date of eval: 07.08.2025 Visit 1", "exam_date")
    assert mention is not None and mention.value == dt.date(2025, 7, 8)


def test_a_date_glued_to_the_next_sentence_by_ocr_is_still_a_date():
    from pipeline.extract.dates import find_dates as _find
    found = _find("temporarily disabled through 3/8/2025.0n that basis the")
    assert [m.value for m in found] == [dt.date(2025, 3, 8)]
    assert _find("ratio 1/2/2025.75 units") == []
