import datetime as dt

from generator.dates import fmt, fmt_doi, iso_doi, ordinal

D = dt.date(2025, 3, 3)


def test_every_date_style():
    got = {s: fmt(D, s) for s in ("long", "mdy", "mdy_short", "iso", "dash", "dot", "abbr_ord",
                                  "dmy_long", "mdy_nopad", "long_comma_less")}
    assert got == {"long": "March 3, 2025", "mdy": "03/03/2025", "mdy_short": "3/3/25",
                   "iso": "2025-03-03", "dash": "3-3-2025", "dot": "03.03.2025",
                   "abbr_ord": "Mar. 3rd, 2025", "dmy_long": "3 March 2025", "mdy_nopad": "3/3/2025",
                   "long_comma_less": "March 3 2025"}


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st"]


def test_continuous_trauma_period():
    ct = (dt.date(2019, 1, 1), dt.date(2023, 3, 15))
    assert fmt_doi(ct, "mdy") == "CT 01/01/2019 - 03/15/2023"
    assert iso_doi(ct) == "2019-01-01/2023-03-15"
