"""Whole-person impairment ratings (AMA Guides 5th ed.) stated by a medical-legal report.

Reads two shapes, wherever they appear in the span it is given:

- summary tables: a header row naming the body part and WPI columns, then one row per body part
  ("Lumbar spine | DRE Category II, Table 15-3 | 7%") and a "Combined" / "Total" row;
- body text: sentences tying a percentage to the whole person ("7% whole person impairment",
  "WPI of 7%", "12% UEI, which converts to 7% WPI") with the body part named in the sentence or
  in the sub-heading above it.

A range ("5-8% WPI", "5% to 8%") is the Guides' range, not the rating, and is skipped; an upper-
or lower-extremity figure is skipped in favour of its whole-person conversion. Ratings the report
attributes to another physician ("Dr. Patel rated 10% WPI") are not the evaluator's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.bodyparts import find_body_parts
from pipeline.extract.evidence import word_spans
from pipeline.extract.sections import Line, ReportText
from pipeline.model import Impairment

__all__ = ["CombinedWpi", "find_combined_wpi", "find_impairments", "method_cited"]

#: no sentence ends after these ("Rt. shoulder", "Dr. Lee", "Figs. 16-40", "p. 604")
ABBREV = "".join(f"(?<!\\b{a})" for a in ("Dr", "No", "Rt", "Lt", "R", "L", "Fig", "Figs", "vs",
                                          "pp", "p", "approx", "Bil", "Bilat", "St", "Mr",
                                          "Ms", "Mrs", "e.g", "i.e", "[A-Z]", "Jan", "Feb",
                                          "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                                          "Nov", "Dec", "Inc", "Co"))
_NUM = r"(?P<n>[0-9O]{1,2}(?:\.[0-9])?)"
_WPI_WORDS = r"(?:WPI|W\.P\.I\.?|whole[\s-]*person(?:\s+impairment)?|of\s+the\s+whole\s+person)"
_WPI_AFTER = re.compile(_NUM + r"\s*(?:%|percent|per\s*cent)\s*\)?\s*(?:\(\s*)?" + _WPI_WORDS,
                        re.IGNORECASE)
_WPI_BEFORE = re.compile(
    r"(?:WPI|whole[\s-]*person\s+impairment(?:\s+rating)?)\s*(?:rating\s*)?(?:of|=|:|is|equals|"
    r"equal\s+to|at|totals?)?\s*" + _NUM + r"\s*(?:%|percent)", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"[0-9]\s*%?\s*(?:-|\u2013|to|through)\s*$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"^\s*%?\s*(?:-|\u2013|to)\s*[0-9]", re.IGNORECASE)
_COMBINED = re.compile(r"combin|\btotal\b|\boverall\b|\bsum\b|\badd(?:ed|ing)?\b", re.IGNORECASE)
_OTHER_RATER = re.compile(
    r"\b(?:Dr\.?\s+[A-Z][a-z]+|PTP|primary treating|treating physician|previous(?:ly)?|prior"
    r"\s+(?:award|rating|QME|AME)|PR-4)\b[^.]{0,60}\b(?:rated|assigned|found|gave|provided"
    r"|awarded|opined)", re.IGNORECASE)
_METHOD = re.compile(
    r"Tables?\s+[0-9]{1,2}\s*[-\u2013]\s*[0-9]{1,2}[a-z]?|Fig(?:ure|s)?\.?\s+[0-9]{1,2}\s*[-\u2013]"
    r"\s*[0-9]{1,2}"
    r"|DRE\s+(?:(?:lumbar|lumbosacral|cervical|cervicothoracic|thoracic|thoracolumbar)\s+)?"
    r"(?:category|cat\.?)\s*[IVX0-9]+|\b(?:range[\s-]+of[\s-]+motion|ROM)\s+(?:method|model)"
    r"|diagnosis[\s-]+related\s+estimate|\bGAF\s+(?:of\s+)?[0-9]{2}|Chapter\s+[0-9]{1,2}"
    r"|Almaraz[/\s-]+Guzman|\bGuzman\b", re.IGNORECASE)
_TABLE_HEADER_PART = re.compile(r"body\s*part|region|body\s*system|impairment|diagnosis|part",
                                re.IGNORECASE)
_TABLE_HEADER_WPI = re.compile(r"\bWPI\b|whole\s*person|%", re.IGNORECASE)
_SUMMARY_HINT = re.compile(r"summary|table", re.IGNORECASE)
_PCT = re.compile(r"(?<![0-9.\-])(?P<n>[0-9O]{1,2}(?:\.[0-9])?)\s*(?:%|percent)", re.IGNORECASE)
_NUMBER_CELL = re.compile(r"(?<![0-9.\-/])(?P<n>[0-9]{1,2}(?:\.[0-9])?)(?![0-9.\-/])")


def _number(text: str) -> float:
    value = float(text.replace("O", "0"))
    return int(value) if value.is_integer() else value


def method_cited(text: str) -> str | None:
    """The AMA Guides tables / methods cited in ``text``, joined with "; "."""
    found: list[str] = []
    for match in _METHOD.finditer(text):
        value = re.sub(r"\s+", " ", match.group(0)).strip()
        if value.lower() not in (f.lower() for f in found):
            found.append(value)
    return "; ".join(found) if found else None


@dataclass
class CombinedWpi:
    value: float
    start: int
    end: int
    where: str


def sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) spans of sentences/bullets in text (global offsets)."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    pattern = re.compile(ABBREV + r"(?<![0-9]\.[0-9])[.;](?=\s)|\n\s*\n"
                         r"|\n(?=\s*(?:[-\u2022*]|[0-9]{1,2}[.)]|[A-Z][A-Za-z ]{2,40}:))")
    for match in pattern.finditer(text):
        spans.append((start + cursor, start + match.end()))
        cursor = match.end()
    if cursor < len(text):
        spans.append((start + cursor, start + len(text)))
    return [(a, b) for a, b in spans if text[a - start:b - start].strip()]


def _wpi_values(sentence: str) -> list[tuple[float, int, int]]:
    """(value, start, end) of whole-person percentages in one sentence, ranges skipped."""
    out: list[tuple[float, int, int]] = []
    for pattern in (_WPI_AFTER, _WPI_BEFORE):
        for match in pattern.finditer(sentence):
            n_start, n_end = match.span("n")
            if _RANGE_BEFORE.search(sentence[max(0, n_start - 8):n_start]):
                continue
            if pattern is _WPI_BEFORE and _RANGE_AFTER.match(sentence[n_end:n_end + 8]):
                continue
            if any(s <= n_start < e for _, s, e in out):
                continue
            value = _number(match.group("n"))
            if 0 <= value <= 100:
                out.append((value, n_start, match.end()))
    out.sort(key=lambda item: item[1])
    return out


#: a sentence that sums ratings: "adding ...", "the sum of ...", "8% + 7%", "combining ..."
_TOTAL_STATEMENT = re.compile(
    r"\badd(?:s|ed|ing)?\b|\bsum(?:s|med|ming)?\b|\bcombin\w*"
    r"|[0-9]\s*%\s*(?:WPI\s*)?(?:\+|plus|and)\s*[0-9]{1,2}\s*%\s*(?:WPI\s*)?\)?\s*"
    r"(?:,|=|gives|is|yields)",
    re.IGNORECASE)
#: a leading label of a summary item ("Ratings: right knee 3% WPI")
_ITEM_LABEL = re.compile(r"^\s*[A-Za-z][A-Za-z /]{0,30}:\s*")


def _listed(sentence: str, parts: list[tuple[str, int, int]]) -> bool:
    """A short list item that starts with its body part ("right knee 3% WPI;", after an
    optional label "Ratings:"), as a summary lists its ratings."""
    label = _ITEM_LABEL.match(sentence)
    skip = label.end() if label and not find_body_parts(label.group(0)) else 0
    lead = len(sentence) - len(sentence.lstrip())
    return (len(sentence[skip:].split()) <= 8 and bool(parts)
            and parts[0][1] <= max(skip, lead) + 3)


def _heading_part(line: Line) -> str | None:
    """A sub-heading that is just a body part ("Lumbar Spine:", "B. RIGHT SHOULDER")."""
    text = line.stripped
    if len(text) > 50:
        return None
    stripped = re.sub(r"^\s*(?:[0-9IVX]{1,3}|[A-Za-z])[.)]\s+", "", text).strip(" :.-")
    parts = find_body_parts(stripped)
    if len(parts) == 1 and parts[0][1] <= 2 and len(stripped) - parts[0][2] <= 14:
        return parts[0][0]
    return None


#: a 0% row that only points at another rating ("included in the cervical rating") rates nothing
_NOT_RATED = re.compile(r"\bincluded\b|\bno\s+separate|not\s+(?:separately\s+)?rated"
                        r"|\bsee\s+(?:above|below|the)\b|\bduplicat", re.IGNORECASE)
#: where a row's own text begins: table rules and bullets before its first cell
_ROW_LEAD = re.compile(r"^[\s|*\-\u2022]*")


#: how far left of its header a figure of the WPI column may start (page-width fraction)
COLUMN_SLACK = 0.04


@dataclass
class _Cell:
    """A figure of a table row: the match and where it sits (global offsets, left edge)."""

    number: float
    start: int
    end: int
    x0: float | None


def _cells(report: ReportText, line: Line) -> list[_Cell]:
    """Every figure on a row line: percentages, else bare numbers outside method citations."""
    text = line.text
    found = list(_PCT.finditer(text)) or list(_NUMBER_CELL.finditer(_METHOD.sub(
        lambda m: " " * len(m.group(0)), text)))
    page = report.pages[line.page_index]
    base = report.page_offsets[line.page_index]
    spans = word_spans(page) if page.words else []
    out = []
    for match in found:
        a, b = line.start + match.start(), line.start + match.end()
        x0 = next((w.box[0] for ws, we, w in spans if ws <= a - base < we), None)
        out.append(_Cell(_number(match.group("n")), a, b, x0))
    return out


def _wpi_column(report: ReportText, header: Line) -> float | None:
    """Left edge of the header's WPI column ("WPI", "Whole person ...", "%"), if words say."""
    page = report.pages[header.page_index]
    if not page.words:
        return None
    base = report.page_offsets[header.page_index]
    xs = [w.box[0] for a, b, w in word_spans(page)
          if header.start <= base + a and base + b <= header.end
          and re.fullmatch(r"\(?(?:WPI|W\.P\.I\.?|whole|%)\)?:?", w.text, re.IGNORECASE)]
    return xs[-1] if xs else None


def _table_rows(report: ReportText, start: int, end: int) -> tuple[list[Impairment],
                                                                   list[CombinedWpi], set[int]]:
    """Impairment-table rows (header with a body-part and a WPI column).

    A row opens with its body part (or "Combined" / "Total") at the start of a line; cells
    that wrap onto the following lines ("DRE Lumbar Category II, Table" / "15-3" / "7%") stay
    in the row until its WPI cell is read. When the page has word positions, the WPI cell is
    the figure under the header's WPI column; otherwise the row's last figure.
    """
    impairments: list[Impairment] = []
    combined: list[CombinedWpi] = []
    used: set[int] = set()
    lines = report.lines_between(start, end)
    in_table = False
    misses = 0
    column: float | None = None
    row: list[Line] = []

    def value(lines_: list[Line]) -> _Cell | None:
        cells = [c for ln in lines_ for c in _cells(report, ln)]
        if column is not None and any(c.x0 is not None for c in cells):
            cells = [c for c in cells if c.x0 is not None and c.x0 >= column - COLUMN_SLACK]
        elif not any(_PCT.search(ln.text) for ln in lines_):
            # no positions: a bare number counts only as the row's last cell ("| 15-3 | 8")
            last = lines_[-1].text
            if not re.search(r"(?:^|[\s|])[0-9]{1,2}(?:\.[0-9])?[\s|]*$", last):
                cells = []
        return cells[-1] if cells else None

    def close() -> None:
        if not row:
            return
        text = " ".join(ln.stripped for ln in row)
        cell = value(row)
        if cell is not None:
            parts = find_body_parts(text)
            total = _COMBINED.search(text)
            if total and not (parts and parts[0][1] < total.start()):
                combined.append(CombinedWpi(cell.number, cell.start, cell.end, "summary"))
            elif parts and 0 <= cell.number <= 100 and not (
                    cell.number == 0 and _NOT_RATED.search(text)):
                impairments.append(Impairment(parts[0][0], cell.number, method_cited(text),
                                              "summary",
                                              report.evidence(row[0].start, row[0].end)))
            used.update(ln.index for ln in row)
        row.clear()

    for line in lines:
        text = line.stripped
        if (_TABLE_HEADER_PART.search(text) and _TABLE_HEADER_WPI.search(text)
                and not re.search(r"[0-9]", text) and len(text.split()) <= 9
                and not text.rstrip().endswith((".", ","))):
            close()
            in_table, misses = True, 0
            column = _wpi_column(report, line)
            used.add(line.index)
            continue
        if not in_table:
            continue
        if len(text.split()) > 14 or re.search(r"industrial|apportion", text, re.I):
            close()
            in_table = False
            continue
        lead = _ROW_LEAD.match(text).end()
        parts = find_body_parts(text)
        opens = (bool(parts) and parts[0][1] <= lead + 2) or bool(
            re.match(r"(?:combined|total|overall)\b", text[lead:], re.IGNORECASE))
        # a one-line row whose part is a little way in ("Impairment of the lumbar spine | 7%")
        opens = opens or (bool(parts) and parts[0][1] < 40 and value([line]) is not None
                          and (not row or value(row) is not None))
        if opens:
            close()
            row.append(line)
            misses = 0
        elif row and value(row) is None and len(row) < 4:
            row.append(line)          # a wrapped cell of the open row
            misses = 0
        else:
            close()
            misses += 1
            if misses >= 2:
                in_table = False
                continue
        first = row[0].stripped if row else ""
        if row and re.match(r"(?:combined|total|overall)\b", first[_ROW_LEAD.match(first).end():],
                            re.IGNORECASE) and value(row) is not None:
            close()                   # the combined row ends the table
            in_table = False
    close()
    return impairments, combined, used


def _join_methods(*methods: str | None) -> str | None:
    found: list[str] = []
    for method in methods:
        for item in (method or "").split("; "):
            if item and item.lower() not in (f.lower() for f in found):
                found.append(item)
    return "; ".join(found) or None


def _blank(report: ReportText, text: str, start: int, used: set[int]) -> str:
    """``text`` (starting at global ``start``) with the table rows already read blanked."""
    chars = list(text)
    for index in used:
        line = report.lines[index]
        for i in range(max(line.start, start), min(line.end, start + len(text))):
            chars[i - start] = " "
    return "".join(chars)


def find_impairments(report: ReportText, start: int = 0, end: int | None = None,
                     where: str = "body") -> list[Impairment]:
    """Per-body-part WPI ratings between two global offsets, in reading order.

    Table rows are ``where="summary"``; sentences take ``where`` unless a "summary" sub-heading
    rules them. The same rating stated twice in the same place is kept once; a summary and a
    body rating for the same part are both kept when they differ, one when they agree.
    """
    end = len(report.text) if end is None else end
    table, _, used = _table_rows(report, start, end)
    text = _blank(report, report.clean_text(start, end), start, used)
    body: list[Impairment] = []
    context_part: str | None = None
    context_where = where
    recent_method: str | None = None
    heading_by_start = {ln.start: ln for ln in report.lines_between(start, end)}
    for a, b in sentences(text, start):
        # sub-headings inside the sentence span move the body-part context
        for ln_start, ln in heading_by_start.items():
            if a <= ln_start < b or (ln.start <= a < ln.end):
                part = _heading_part(ln)
                if part:
                    if part != context_part:
                        recent_method = None
                    context_part = part
                elif ln.stripped and len(ln.stripped) < 60 and _SUMMARY_HINT.search(ln.stripped) \
                        and not _wpi_values(ln.stripped):
                    context_where = "summary"
        sentence = text[a - start:b - start]
        values = _wpi_values(sentence)
        parts = find_body_parts(sentence)
        if parts and {p[0] for p in parts} != {context_part}:
            recent_method = None
        if not values:
            recent_method = method_cited(sentence) or recent_method
        if parts and not values:
            context_part = parts[-1][0] if len({p[0] for p in parts}) == 1 else context_part
        if not values or _OTHER_RATER.search(sentence):
            continue
        for value, v_start, v_end in values:
            prefix = sentence[max(0, v_start - 60):v_start]
            if _COMBINED.search(prefix) or _COMBINED.search(sentence[v_end:v_end + 25]):
                continue
            if _TOTAL_STATEMENT.search(sentence[:v_start]):
                continue          # "Adding the two ratings, 8% + 7%, the impairment is 15%"
            if re.search(r"[=+]\s*$", sentence[max(0, v_start - 4):v_start]) or re.match(
                    r"\s*%?\s*(?:WPI\s*)?[+=]", sentence[v_start:v_end + 6][v_end - v_start:]):
                continue          # arithmetic ("13% + 7% + 5% = 25% WPI") is a total
            before = [p for p in parts if p[2] <= v_start]
            after = [p for p in parts if p[1] >= v_end]
            if before:
                part = before[-1][0]
            elif after:
                part = after[0][0]
            else:
                part = context_part
            if part is None:
                continue
            context_part = part
            method = _join_methods(recent_method, method_cited(sentence))
            listed = _listed(sentence, parts)
            place = context_where if listed else "body"
            body.append(Impairment(part, value, method, place,
                                   report.evidence(a + v_start, a + v_end)))
    return _merge(table + body)


def _merge(items: list[Impairment]) -> list[Impairment]:
    """Drop restatements of a rating already kept (same part and value)."""
    out: list[Impairment] = []
    for item in items:
        same = next((o for o in out if o.body_part == item.body_part and o.wpi == item.wpi), None)
        if same is not None:
            same.method = same.method or item.method
            continue
        out.append(item)
    return out


def find_combined_wpi(report: ReportText, start: int = 0,
                      end: int | None = None) -> CombinedWpi | None:
    """The combined whole-person impairment the report states (its last statement wins)."""
    end = len(report.text) if end is None else end
    _, table_combined, used = _table_rows(report, start, end)
    text = _blank(report, report.clean_text(start, end), start, used)
    found: list[CombinedWpi] = list(table_combined)
    for a, b in sentences(text, start):
        sentence = text[a - start:b - start]
        if not re.search(r"combin|total\s+(?:whole|WPI|impairment)|overall", sentence, re.I) \
                and not _TOTAL_STATEMENT.search(sentence):
            continue
        if _OTHER_RATER.search(sentence):
            continue
        candidates = [m for m in _PCT.finditer(sentence)
                      if not _RANGE_BEFORE.search(sentence[max(0, m.start() - 8):m.start()])]
        if not candidates:
            continue
        anchor = (re.search(r"combin|total|overall", sentence, re.I)
                  or _TOTAL_STATEMENT.search(sentence))
        after = [m for m in candidates if anchor and m.start() > anchor.start()]
        match = (after or candidates)[-1]
        value = _number(match.group("n"))
        if 0 <= value <= 100:
            found.append(CombinedWpi(value, a + match.start(), a + match.end(), "body"))
    if not found:
        return None
    found.sort(key=lambda c: c.start)
    return found[-1]
