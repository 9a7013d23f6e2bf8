"""Requested-treatment lines of UR letters, RFAs and IMR documents.

Three readers, tried in this order by the callers:

- ``read_table(page)``: a treatment table found by its header row (a description column plus a
  code, quantity or decision column). Columns come from the header words' x positions in
  ``Page.words``; text-layer and OCR pages have the same normalized boxes, so one reader serves
  both. Wrapped cells are joined; the table ends at prose, a heading or a large gap.
- ``read_item_blocks(text)``: "Requested treatment: ... / CPT: ... / Decision: ..." blocks and
  numbered lists with a decision on the same or the following lines.
- ``read_prose(text)``: sentences such as "The request for 12 sessions of physical therapy is
  modified to 6 sessions" or "... is not medically necessary".

Shared helpers: ``normalize_decision`` (certified/non-certified/modified/deferred wording to the
contract's approved/modified/denied/delayed), ``find_codes`` (CPT/HCPCS), ``quantities``.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from pipeline.extract.guidelines import find_guidelines
from pipeline.model import Evidence, Page, Treatment, Word

# --- decisions --------------------------------------------------------------------------------

_OCR_LETTERS = str.maketrans({"0": "o", "1": "l", "|": "l", "5": "s"})


def repair_words(text: str) -> str:
    """Digits OCR read inside words turned back into letters ("Decisi0n", "N0TICE",
    "Certif1ed"), keeping every offset: the result has the same length as ``text``."""
    return re.sub(r"(?<=[A-Za-z])[01|](?=[A-Za-z])",
                  lambda m: {"0": "o", "1": "l", "|": "l"}[m.group(0)]
                  if m.string[m.start() - 1].islower() else {"0": "O", "1": "I", "|": "I"}[
                      m.group(0)], text)


def _clean_words(text: str) -> str:
    """Lower-case, unify dashes, repair digits read inside words ("N0N-CERT1FIED")."""
    text = text.replace("\u2011", "-").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"(?<=[A-Za-z])[01|5](?=[A-Za-z])|(?<=\b[A-Za-z])[01|](?=[A-Za-z])|"
                  r"(?<=[A-Za-z])[01|](?=[A-Za-z]*\b)", lambda m: m.group(0).translate(_OCR_LETTERS),
                  text)
    return re.sub(r"\s+", " ", text.lower()).strip()


_DECISION_RULES: list[tuple[str, re.Pattern[str]]] = [
    # order matters: the first rule that matches wins
    ("modified", re.compile(
        r"\bmodifi(?:ed|cation)\b|\bmodify\b|partial(?:ly)?[\s-]+(?:certif|approv|authori)|"
        r"certified\s+in\s+part|approved\s+in\s+part|\bpartial\s+certification")),
    # an explicit non-certification stays a denial even when it asks for information (CNC)
    ("denied", re.compile(
        r"\bnon[\s-]*cert|\bnoncert|\bnot[\s-]+cert|\buncertif|\bdenied\b|\bdeny\b|\bcnc\b|"
        r"conditionally\s+non|\bnon[\s-]*(?:authori[sz]|approv)|\badverse\s+determination|"
        r"\bdeclined\b|\b(?:unable|not\s+able)\s+to\s+(?:certif|approv|authori[sz])|"
        r"\bcan\s*not\s+(?:be\s+)?(?:certif|approv|authori[sz])")),
    ("delayed", re.compile(
        r"\bdelay(?:ed)?\b|\bdefer(?:red|ral)?\b|\bpending\b|\bon\s+hold\b|"
        r"incomplete|not\s+complete|additional\s+information\s+(?:is\s+)?(?:needed|required)")),
    ("denied", re.compile(
        r"\bnon[\s-]*cert|\bnoncert|\bnot[\s-]+cert|\buncertif|\bdenied\b|\bdeny\b|"
        r"\bdenial\b|\bnot\s+(?:medically\s+)?(?:necessary|approved|authori[sz]ed|recommended|"
        r"supported|indicated)|\bdisapprov|\bcnc\b|conditionally\s+non|\breject")),
    ("approved", re.compile(
        r"\bcertif|\bapprov(?:ed|e|al)\b|\bauthori[sz]ed\b|"
        r"\bmedically\s+necessary\b|\brecommended\b|\ballowed\b|\bgranted\b")),
]


def normalize_decision(text: str) -> str | None:
    """Map UR decision wording to approved / modified / denied / delayed (None: no decision)."""
    if not text or not text.strip():
        return None
    clean = _clean_words(text)
    for decision, rx in _DECISION_RULES:
        if rx.search(clean):
            return decision
    if re.fullmatch(r"(?:yes|y)\W*", clean):
        return "approved"
    if re.fullmatch(r"(?:no|n)\W*", clean):
        return "denied"
    return None


# --- codes and quantities -----------------------------------------------------------------------

_DIGITISH = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5"})
_CODE_TOKEN = re.compile(r"(?<![\w/.-])([0-9OlI|]{5}|[0-9OlI|]{4}[FTU]|[A-VX-Z][0-9OlI|]{4})(?![\w/.-])")
_CODE_LABEL = re.compile(r"\b(?:CPT|HCPCS|procedure\s+code|code)s?\s*[#:.]?\s*$", re.I)


def _as_code(token: str) -> str | None:
    if token[0].isalpha() and token[0] not in "OlI":
        fixed = token[0] + token[1:].translate(_DIGITISH)
    else:
        fixed = token.translate(_DIGITISH)
    if re.fullmatch(r"\d{5}|\d{4}[FTU]|[A-Z]\d{4}", fixed):
        return fixed
    return None


def find_codes(text: str, labelled_only: bool = False) -> list[tuple[str, int, int]]:
    """CPT/HCPCS codes with spans. Outside a code cell, a bare 5-digit number counts only when
    a "CPT"/"HCPCS"/"code" label precedes it or it stands in parentheses."""
    out = []
    for m in _CODE_TOKEN.finditer(text):
        code = _as_code(m.group(1))
        if code is None:
            continue
        before = text[max(0, m.start() - 25):m.start()]
        labelled = bool(_CODE_LABEL.search(before)) or bool(
            re.search(r"\b(?:CPT|HCPCS)\b[^.\n]{0,20}$", before, re.I))
        in_parens = before.rstrip().endswith("(") or (
            m.start() > 0 and text[m.start() - 1] in "([")
        if labelled_only and not (labelled or in_parens):
            continue
        out.append((code, m.start(1), m.end(1)))
    return out


_NUM = r"([0-9OlI|]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|thirty|sixty|ninety)"
_WORDNUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18, "twenty": 20, "thirty": 30,
            "sixty": 60, "ninety": 90}
_UNITS = (r"(?:sessions?|visits?|treatments?|units?|tablets?|tabs?|capsules?|caps?|pills?|"
          r"injections?|days?|weeks?|months?|patch(?:es)?|refills?|bottles?|hours?)")


def _num(token: str) -> str | None:
    low = token.lower()
    if low in _WORDNUM:
        return str(_WORDNUM[low])
    fixed = token.translate(_DIGITISH)
    return str(int(fixed)) if fixed.isdigit() else None


_FREQ = re.compile(r"\b([0-9OlI|]{1,2})\s*[xX×]\s*([0-9OlI|]{1,2})\b(?:\s*(?:weeks?|wks?))?")
_COUNT = re.compile(r"(?:#|\bqty\.?:?|\bquantity:?|\bx)\s*" + _NUM + r"\b|\b" + _NUM + r"\s+" + _UNITS,
                    re.I)


def quantities(text: str) -> tuple[str | None, str | None]:
    """(requested, approved) quantities named in a line or sentence.

    "12 sessions requested, 6 certified" -> ("12", "6"); "x12 visits" -> ("12", None);
    "2x6" -> ("12", None); "modified to 6 sessions" -> (None, "6").
    """
    requested = approved = None
    m = re.search(_NUM + r"\s*(?:" + _UNITS + r"\s+)?(?:were\s+|was\s+)?requested", text, re.I)
    if m:
        requested = _num(m.group(1))
    m = re.search(r"(?:modified\s+to|certif(?:ied|ying)|approv(?:ed|ing)|authori[sz](?:ed|ing)|"
                  r"allow(?:ed|ing))\s*(?:for|to|of|only)?\s*(?:a\s+total\s+of\s+)?" + _NUM + r"\b",
                  text, re.I)
    if not m:
        m = re.search(_NUM + r"\s*(?:" + _UNITS + r"\s+)?(?:were\s+|are\s+|is\s+)?"
                      r"(?:certified|approved|authori[sz]ed|allowed)\b", text, re.I)
    if m:
        approved = _num(m.group(1))
    if requested is None:
        f = _FREQ.search(text)
        if f:
            a, b = _num(f.group(1)), _num(f.group(2))
            if a and b:
                requested = str(int(a) * int(b))
    if requested is None:
        for c in _COUNT.finditer(text):
            value = _num(c.group(1) or c.group(2))
            if value and (approved is None or c.start() < (m.start() if m else 0) or not m):
                requested = value
                break
    if requested is not None and approved == requested and m and not re.search(
            r"requested", text, re.I):
        # "certify 12 sessions" alone: one number, it is what was approved
        pass
    return requested, approved


# --- word geometry -----------------------------------------------------------------------------

@dataclass
class Line:
    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.box[1] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.box[3] for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def page_lines(page: Page) -> list[Line]:
    """Words grouped into visual lines, top to bottom, each left to right."""
    words = [w for w in page.words if w.text.strip()]
    words.sort(key=lambda w: ((w.box[1] + w.box[3]) / 2, w.box[0]))
    lines: list[Line] = []
    for w in words:
        mid = (w.box[1] + w.box[3]) / 2
        if lines:
            last = lines[-1]
            height = max(last.bottom - last.top, 1e-6)
            last_mid = (last.top + last.bottom) / 2
            if abs(mid - last_mid) < height * 0.5:
                last.words.append(w)
                continue
        lines.append(Line([w]))
    for line in lines:
        line.words.sort(key=lambda w: w.box[0])
    return lines


def _union_box(words: list[Word]) -> tuple[float, float, float, float]:
    return (min(w.box[0] for w in words), min(w.box[1] for w in words),
            max(w.box[2] for w in words), max(w.box[3] for w in words))


# --- tables -------------------------------------------------------------------------------------

_ROLE_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("decision", re.compile(r"^(?:decision|determination|outcome|status|result|disposition|"
                            r"certification|ur|response|recommendation|answer|ruling|reply|"
                            r"action|finding)s?$", re.I)),
    ("guideline", re.compile(r"^(?:guidelines?|criteria|basis|references?|cited)$", re.I)),
    ("icd", re.compile(r"^(?:icd|icd-?10|icd-?9|diagnosis|diagnoses|dx)$", re.I)),
    ("code", re.compile(r"^(?:cpt|hcpcs?|cpt/hcpcs?|code|codes|ndc)$", re.I)),
    ("qty", re.compile(r"^(?:qty|quantity|quantities|units?|frequency|freq|duration|number|"
                       r"sessions|visits|other|information|amount)$", re.I)),
    ("approved", re.compile(r"^(?:approved|certified|authori[sz]ed|allowed|modified)$", re.I)),
    ("desc", re.compile(r"^(?:treatment|treatments|service|services|procedure|procedures|request|"
                        r"requested|requests|item|items|description|good|goods|medication|"
                        r"medications|therapy|dme)$", re.I)),
    ("num", re.compile(r"^(?:no\.?|line|#)$", re.I)),
]


def _word_role(text: str) -> str | None:
    token = text.strip(":.,()[]*").replace("\u2011", "-")
    if token.lower() in ("required", "optional"):
        return None
    for role, rx in _ROLE_WORDS:
        if rx.match(token):
            return role
    for part in re.split(r"[/-]", token):         # "Service/Good", "CPT/HCPC", "ICD-Code"
        for role, rx in _ROLE_WORDS:
            if part and rx.match(part):
                return role
    return None


def _column_role(words: list[str]) -> str | None:
    roles = {r for r in (_word_role(w) for w in words) if r}
    if not roles:
        return None
    if "decision" in roles and not ({"qty", "code"} & roles):
        return "decision"
    if "approved" in roles and ("qty" in roles or len(roles) == 1):
        return "approved"
    if "approved" in roles and "desc" in roles:        # "Approved Service" / "Treatment Certified"
        return "approved" if words[0].lower().startswith(("approv", "certif", "authori")) else "desc"
    for role in ("code", "icd", "qty", "guideline", "desc", "decision", "num"):
        if role in roles:
            return role
    return None


@dataclass
class Column:
    role: str
    x0: float
    x1: float
    words: list[str] = field(default_factory=list)


@dataclass
class TableRow:
    cells: dict[str, list[Word]] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)

    def text(self, role: str) -> str:
        return " ".join(w.text for w in self.cells.get(role, [])).strip()

    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line.words]


_COLUMN_GAP = 0.018      # a gap wider than this (fraction of page width) separates two header cells
_ALIGN_TOL = 0.02        # cells may start a little left of their header (centred text)


_HEADER_FILLERS = ("of", "per", "/", "&", "and")


def _paren_depths(words: list[Word], depth: int = 0) -> tuple[list[int], int]:
    """For each word, how deep inside parentheses it stands (counting a word that opens or
    closes one as inside), and the depth after the last word."""
    out = []
    for w in words:
        opens, closes = w.text.count("("), w.text.count(")")
        out.append(max(depth, depth + opens, 1 if closes else 0))
        depth = max(0, depth + opens - closes)
    return out, depth


def header_continuation(lines: list[Line], index: int) -> int:
    """How many lines (0-2) below the header line ``lines[index]`` still belong to it: header
    cells wrap ("Service/Good" / "Requested (Required)") and carry notes in parentheses
    ("(If known)", "(Frequency, Duration, Quantity, etc.)"). Such a line sits tight under the
    header and holds only column words, fillers and parenthesised notes."""
    header = lines[index]
    height = max(header.bottom - header.top, 1e-6)
    _, depth = _paren_depths(header.words)
    count = 0
    previous = header
    for line in lines[index + 1:index + 3]:
        if line.top - previous.bottom >= height * 0.8:
            break
        depths, after = _paren_depths(line.words, depth)
        if not all(d > 0 or _word_role(w.text) or w.text.lower() in _HEADER_FILLERS
                   for w, d in zip(line.words, depths)):
            break
        if re.search(r"\d{3}", line.text):
            break                                     # a code or a date: a body row
        count += 1
        depth, previous = after, line
    return count


def _header_columns(line: Line, below: Line | list[Line] | None) -> list[Column] | None:
    # OCR reads table rules as "|" / "_" tokens: they are no header words
    words = [w for w in line.words if not re.fullmatch(r"[|_¦]+", w.text)]
    extra = below if isinstance(below, list) else ([below] if below is not None and (
        below.top - line.bottom < (line.bottom - line.top) * 0.8 and all(
            _word_role(w.text) or w.text.lower() in _HEADER_FILLERS for w in below.words))
        else [])
    for more in extra:
        words += [w for w in more.words if not re.fullmatch(r"[|_¦]+", w.text)]
    words.sort(key=lambda w: w.box[0])
    groups: list[list[Word]] = []
    for w in words:
        for g in groups:
            gx0, _, gx1, _ = _union_box(g)
            if w.box[0] <= gx1 + _COLUMN_GAP and w.box[2] >= gx0 - _COLUMN_GAP:
                g.append(w)
                break
        else:
            groups.append([w])
    columns = []
    for g in sorted(groups, key=lambda g: _union_box(g)[0]):
        g.sort(key=lambda w: (w.box[1], w.box[0]))
        role = _column_role([w.text for w in g])
        box = _union_box(g)
        columns.append(Column(role or "other", box[0], box[2], [w.text for w in g]))
    # a header cell naming nothing we read ("Body Part", or OCR noise such as "Sere") is no
    # column of its own: its words belong to the column on its left
    columns = [c for c in columns if c.role != "other"]
    roles = [c.role for c in columns]
    if "desc" not in roles or len(columns) < 2:
        return None
    if not ({"code", "decision", "qty", "approved"} & set(roles)):
        return None
    # one column per role: later duplicates become "other" (except desc: keep the first
    # service-like one, the RFA's "Diagnosis" column is "icd")
    seen: set[str] = set()
    for c in columns:
        if c.role in seen and c.role != "other":
            c.role = "other"
        seen.add(c.role)
    return columns


def _assign(columns: list[Column], word: Word) -> int:
    index = 0
    for i, col in enumerate(columns):
        if word.box[0] >= col.x0 - _ALIGN_TOL:
            index = i
    return index


def _is_prose(line: Line, columns: list[Column]) -> bool:
    """A line whose words run on across a column boundary is running text, not a table row.

    A token of one or two characters (a table rule read as "|", a check mark read as "ak", a
    quantity "6") says nothing: running text crosses a boundary between real words.
    """
    pairs = list(zip(line.words, line.words[1:]))
    crosses = False
    for a, b in pairs:
        if _assign(columns, a) == _assign(columns, b):
            continue
        crosses = True
        if b.box[0] - a.box[2] < _space_limit(a, b) and min(
                len(a.text.strip("|_¦")), len(b.text.strip("|_¦"))) > 2:
            return True
    # a sentence running across the columns: every gap of the line is a plain word space
    return crosses and len(line.words) >= 5 and all(
        b.box[0] - a.box[2] < _space_limit(a, b) for a, b in pairs)


def _space_limit(a: Word, b: Word) -> float:
    """The widest gap that is still a word space between ``a`` and ``b``: a fixed share of the
    page width, or a little more than one character where the font is wide (a typewriter
    face's space is a full character wide)."""
    chars = len(a.text) + len(b.text)
    width = (a.box[2] - a.box[0]) + (b.box[2] - b.box[0])
    return max(0.008, 1.25 * width / chars if chars else 0.0)


_FIELD_LINE = re.compile(r"^[A-Z][A-Za-z'/&-]*(?: [A-Za-z'/&-]+){0,3}:(?!\d)\s+\S")
_STOP_LINE = re.compile(r"^(?:[A-Z][A-Za-z /&-]{2,40}:|[A-Z][A-Z /&-]{4,}|page\s+\S+\s+of\s+\S+)$")


def find_table_header(lines: list[Line], start: int = 0) -> tuple[int, list[Column]] | None:
    for i in range(start, len(lines)):
        line = lines[i]
        if len(line.words) < 2 or len(line.words) > 14:
            continue
        if sum(1 for w in line.words if _word_role(w.text)) < 2:
            continue
        columns = _header_columns(line, lines[i + 1:i + 1 + header_continuation(lines, i)])
        if columns:
            return i, columns
    return None


def table_rows(lines: list[Line], header_index: int, columns: list[Column],
               body_start: int | None = None) -> list[TableRow]:
    """The rows under a header, wrapped cells joined, until prose / a heading / a big gap.
    ``body_start``: where rows begin when the header is on an earlier page (``header_index``
    is then ignored)."""
    if body_start is not None:
        return _rows_from(lines, body_start, columns, None)
    body_start = header_index + 1 + header_continuation(lines, header_index)
    return _rows_from(lines, body_start, columns, lines[body_start - 1].bottom)


def _rows_from(lines: list[Line], body_start: int, columns: list[Column],
               previous_bottom: float | None) -> list[TableRow]:
    heights = [ln.bottom - ln.top for ln in lines[body_start:body_start + 20]] or [0.012]
    height = statistics.median(heights)
    rows: list[TableRow] = []
    current: TableRow | None = None
    if previous_bottom is None and body_start < len(lines):
        previous_bottom = lines[body_start].top
    single = {"code", "decision", "qty", "approved", "num", "icd"}
    wrap_gap = _wrap_gap(lines, body_start, columns, previous_bottom, height)
    for line in lines[body_start:]:
        gap = line.top - previous_bottom
        if gap > height * 3.2:
            break
        text = line.text.strip()
        if re.match(r"(?i:page)\s+\S{1,3}\s+of\s+\S{1,3}$|\S*\d{5,}\S*$", text):
            continue                       # a running footer or a Bates number
        if _is_prose(line, columns):
            break
        cells: dict[str, list[Word]] = {}
        for w in line.words:
            cells.setdefault(columns[_assign(columns, w)].role, []).append(w)
        if current is not None and gap < wrap_gap:
            # rows set apart by padding: a line set tight under the one above is its wrapped
            # cells ("R carpal tunnel" / "syndrome"), whatever columns it touches
            for role, ws in cells.items():
                current.cells.setdefault(role, []).extend(ws)
            current.lines.append(line)
            previous_bottom = line.bottom
            continue
        if current is not None and _FIELD_LINE.match(text) and not (
                set(cells) & {"code", "decision", "approved"}):
            break                 # a form field under the table ("Physician Signature: ...")
        only_first = set(cells) <= {columns[0].role, "desc"}
        if only_first and current is not None and (_STOP_LINE.match(text) or (
                set(current.cells) & {"decision", "code", "approved"} and text[:1].isupper()
                and len(text.split()) <= 4 and not re.search(r"\d|[,.;]$", text)
                and not re.search(r"(?:\b(?:for|of|the|and|with|to|in|at|on|x)|[,/&-])$",
                                  current.text("desc"), re.I))):
            break                 # a heading after the table ("Clinical rationale")
        # a new row shows in the columns that name it (description, number or code); a line with
        # words only in decision/quantity columns continues the row above ("CONDITIONALLY" /
        # "NON-CERTIFIED")
        names_row = bool({"desc", "num", "code", columns[0].role} & set(cells))
        starts_new = current is None or (names_row and any(
            role in single and role in current.cells for role in cells))
        if not starts_new and only_first and current is not None and gap > height * 1.1 and (
                single & set(current.cells)):
            starts_new = True
        if starts_new:
            current = TableRow()
            rows.append(current)
        assert current is not None
        for role, ws in cells.items():
            current.cells.setdefault(role, []).extend(ws)
        current.lines.append(line)
        previous_bottom = line.bottom
    return [r for r in rows if r.text("desc") or r.text("code")]


def _wrap_gap(lines: list[Line], body_start: int, columns: list[Column],
              previous_bottom: float | None, height: float) -> float:
    """The vertical gap below which a line continues the row above: positive only for a table
    whose rows are set apart by padding, i.e. every line that opens a row by its code or number
    cell stands clearly lower (more than half a line) than a wrapped line would."""
    opening: list[float] = []
    bottom = previous_bottom if previous_bottom is not None else (
        lines[body_start].top if body_start < len(lines) else 0.0)
    for i, line in enumerate(lines[body_start:body_start + 40]):
        gap = line.top - bottom
        if gap > height * 3.2 or _is_prose(line, columns):
            break
        roles = {columns[_assign(columns, w)].role for w in line.words}
        if i > 0 and roles & {"code", "num"}:
            opening.append(gap)
        bottom = line.bottom
    if not opening or min(opening) < height * 0.55:
        return 0.0
    return min(height * 0.4, min(opening) / 2)


def _row_treatment(page: Page, row: TableRow) -> Treatment:
    desc = row.text("desc")
    code_text = row.text("code")
    codes = find_codes(code_text) if code_text else find_codes(desc, labelled_only=True)
    if not codes:                 # a code column the header did not name ("CPT/HCPC / S Code")
        codes = find_codes(" ".join(row.text(r) for r in row.cells if r not in ("desc", "icd")))
    decision_text = row.text("decision")
    approved_text = row.text("approved")
    decision = normalize_decision(decision_text)
    qty_text = row.text("qty")
    q_req = quantities(qty_text)[0] if qty_text else None
    if q_req is None and qty_text and re.fullmatch(r"[0-9OlI|]{1,3}", qty_text.strip()):
        q_req = _num(qty_text.strip())
    if q_req is None and qty_text:
        q_req = qty_text or None
    q_app = None
    if approved_text:
        number = re.search(r"[0-9OlI|]{1,3}", approved_text)
        if number and _num(number.group(0)):
            q_app = _num(number.group(0))
        if decision is None:
            decision = normalize_decision(approved_text)
    if q_req is None:
        q_req = quantities(desc)[0]
    if decision is None and (d2 := normalize_decision(desc)) and re.search(
            r"non[\s-]?cert|certified|denied|approved|modified|deferred", desc, re.I):
        decision = d2
    if decision_text and q_app is None:
        q_app = quantities(decision_text)[1]
    guidelines = find_guidelines(row.text("guideline") or " ".join(
        w.text for w in row.words()))
    words = row.words()
    return Treatment(
        description=tidy_description(desc, codes),
        decision=decision,
        cpt=codes[0][0] if codes else None,
        quantity=q_req,
        quantity_approved=q_app,
        guidelines=guidelines,
        evidence=Evidence(source=page.source, page=page.number,
                          quote=" ".join(w.text for w in words)[:300], box=_union_box(words)),
    )


def tidy_description(desc: str, codes: list[tuple[str, int, int]]) -> str:
    text = desc
    for code, _, _ in codes:
        text = re.sub(r"\([^()]*" + re.escape(code) + r"[^()]*\)", " ", text)
    text = re.sub(r"[,;]?\s*\b(?:quantity|qty)\b[^,;()]*$", "", text, flags=re.I)
    for code, _, _ in codes:
        text = re.sub(r"\(?\s*(?:CPT|HCPCS)?\s*[#:]?\s*" + re.escape(code) + r"\s*\)?", " ", text,
                      flags=re.I)
    text = re.sub(r"^\s*(?:\d{1,2}[.)]|[-•*])\s+", "", text)
    text = re.sub(r"(?:^|\s)[|¦_]+(?=\s|$)", " ", text)        # table rules OCR read as "|"
    return re.sub(r"\s+", " ", text).strip(" ,;:-")


def _page_tables(page: Page, carry: list[Column] | None
                 ) -> tuple[list[Treatment], list[Column] | None]:
    """The tables of one page, and the columns of a table that runs on to the next page."""
    lines = page_lines(page)
    out: list[Treatment] = []
    start = 0
    open_columns: list[Column] | None = None
    first_header = find_table_header(lines, 0)
    if carry is not None:
        # rows continued from the previous page come before any header of this page, after the
        # running header ("Page 2 of 3", Bates numbers): from the first line with a code or
        # decision cell (a description fragment above it may end the previous page's row, so
        # it is left to neither)
        limit = first_header[0] if first_header else min(len(lines), 12)
        for i in range(min(limit, 12)):
            cells = {carry[_assign(carry, w)].role for w in lines[i].words}
            if cells & {"code", "decision", "approved"} and not _is_prose(lines[i], carry):
                begin = i
                rows = table_rows(lines, 0, carry, body_start=begin)
                out.extend(_row_treatment(page, row) for row in rows)
                start = begin + sum(len(r.lines) for r in rows)
                if rows and start >= len(lines) - 3:
                    open_columns = carry
                break
    while True:
        found = find_table_header(lines, start)
        if not found:
            break
        index, columns = found
        rows = table_rows(lines, index, columns)
        out.extend(_row_treatment(page, row) for row in rows)
        consumed = sum(len(r.lines) for r in rows)
        start = index + 1 + max(consumed, 1)
        # the table ran to the foot of the page (only a footer line or two below it)
        open_columns = columns if rows and start >= len(lines) - 3 else None
    return out, open_columns


def read_table(page: Page) -> list[Treatment]:
    """Every treatment table on a page (a page may hold more than one)."""
    return _page_tables(page, None)[0]


def read_tables(pages: list[Page]) -> list[Treatment]:
    """Every treatment table of a document, a table broken across pages read as one."""
    out: list[Treatment] = []
    carry: list[Column] | None = None
    for page in pages:
        rows, carry = _page_tables(page, carry)
        out.extend(rows)
    return out


# --- text readers ---------------------------------------------------------------------------------

@dataclass
class TextItem:
    """A treatment read from running text, with its span in that text."""

    treatment: Treatment
    start: int
    end: int


_ITEM_LABEL = re.compile(
    r"^[ \t]*(?:(?:\d{1,2}|[A-Za-z])[.)]\s*)?(?:requested\s+(?:treatment|service|item|procedure)s?|"
    r"treatment\s+requested|service\s+requested|request(?:ed)?|item\s*(?:#?\s*\d+)?|"
    r"treatment|service|procedure|medication|disputed\s+(?:treatment|item|service))\s*"
    r"(?:#?\s*\d+)?\s*[:\-–]\s*(?P<desc>\S.*)$", re.I | re.M)
_KEY_LINE = re.compile(
    r"^[ \t]*(?P<key>cpt(?:/hcpcs)?(?:\s+code)?|hcpcs(?:\s+code)?|code|quantity(?:\s+requested)?|"
    r"qty(?:\s+requested)?|(?:quantity|qty)\s+(?:certified|approved|authori[sz]ed)|"
    r"(?:decision|determination|outcome|ur\s+decision|status|certification|"
    r"(?:ur\s+|reviewer\s+)?recommendation|result|disposition)|"
    r"guidelines?(?:\s+(?:cited|used|applied))?|criteria(?:\s+used)?)\s*[:\-–]\s*(?P<value>.*)$",
    re.I | re.M)
_NUMBERED = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[•*-])\s+(?P<desc>\S.*)$", re.M)


def _apply_key(t: Treatment, key: str, value: str) -> None:
    key = key.lower()
    if key.startswith(("cpt", "hcpcs", "code")):
        codes = find_codes(value)
        if codes and t.cpt is None:
            t.cpt = codes[0][0]
    elif re.match(r"(?:quantity|qty)\s+(?:certified|approved|authori)", key):
        t.quantity_approved = _num(value.split()[0]) if value.split() else None
    elif key.startswith(("quantity", "qty")):
        req, app = quantities(value)
        first = value.split()[0] if value.split() else ""
        t.quantity = req or _num(first)
        if app:
            t.quantity_approved = app
    elif key.startswith(("decision", "determination", "outcome", "ur ", "status",
                         "certification", "recommendation", "reviewer", "result",
                         "disposition")):
        decision = normalize_decision(value)
        if decision:
            t.decision = decision
        req, app = quantities(value)
        if app and t.quantity_approved is None:
            t.quantity_approved = app
        if req and t.quantity is None:
            t.quantity = req
    elif key.startswith(("guideline", "criteria")):
        for g in find_guidelines(value):
            if g not in t.guidelines:
                t.guidelines.append(g)


_INLINE_KEY = re.compile(
    r"(?<![A-Za-z])(?P<key>CPT(?:/HCPCS)?(?:\s+code)?|HCPCS(?:\s+code)?|"
    r"(?:quantity|qty)(?:\s+(?:requested|certified|approved|authori[sz]ed))?|"
    r"(?:UR\s+)?decision|determination|outcome|status|guidelines?)\s*:", re.I)


def _new_text_treatment(desc_line: str) -> Treatment:
    """A treatment from one item's text: description, code, quantity, inline "Decision: ..."
    or a trailing decision word ("MRI lumbar spine (72148) - NON-CERTIFIED")."""
    desc = re.sub(r"\s+", " ", desc_line).strip()
    keys = list(_INLINE_KEY.finditer(desc))
    t = Treatment(description="")
    if keys:
        head = desc[:keys[0].start()]
        for k, nxt in zip(keys, keys[1:] + [None]):
            value = desc[k.end():nxt.start() if nxt else len(desc)].strip(" .;,")
            _apply_key(t, k.group("key"), value)
        desc = head.strip()
    if t.decision is None:
        tail = re.search(r"(?:\s[-–—:|]\s*|\s{2,}|\.\s+)(?P<dec>(?:is\s+|was\s+|has\s+been\s+)?"
                         r"[A-Za-z0-9| -]{4,40})\s*\.?$", desc)
        if tail and (d := normalize_decision(tail.group("dec"))):
            t.decision = d
            desc = desc[:tail.start()].strip()
    codes = find_codes(desc, labelled_only=True) or [c for c in find_codes(desc)
                                                      if not re.search(r"\d", desc[:c[1]][-3:])]
    req, app = quantities(desc_line)
    t.description = tidy_description(desc, codes)
    t.cpt = t.cpt or (codes[0][0] if codes else None)
    t.quantity = t.quantity or req
    t.quantity_approved = t.quantity_approved or app
    for g in find_guidelines(desc_line):
        if g not in t.guidelines:
            t.guidelines.append(g)
    return t


_LIST_HEADING = re.compile(
    r"^[ \t]*(?:the\s+following\s+)?(?:requested\s+)?(?:treatments?|services?|items?|requests?|"
    r"procedures?|medications?)(?:\s+(?:requested|reviewed|under\s+review|in\s+dispute|"
    r"disputed))?(?:\s*/\s*\w+)?\s*:?\s*$", re.I)


def _with_continuation(text: str, first: str, end: int) -> tuple[str, int]:
    """An item line plus the lines it wraps onto (up to two): a line that does not end a
    sentence continues on the next one unless that one is a label, key, list item or heading."""
    joined = first
    for _ in range(2):
        ends_key = re.search(r"(?:" + _INLINE_KEY.pattern + r")\s*$", joined, re.I)
        if (re.search(r"[.:)]\s*$", joined) and not ends_key) or end >= len(text):
            break
        nxt_end = text.find("\n", end + 1)
        nxt_end = len(text) if nxt_end == -1 else nxt_end
        nxt = text[end + 1:nxt_end]
        if not nxt.strip() or _ITEM_LABEL.match(nxt) or _KEY_LINE.match(nxt) or \
                _NUMBERED.match(nxt) or re.match(r"^\s*[A-Z][A-Za-z /]{2,40}:", nxt) or \
                (len(nxt.split()) <= 3 and nxt.strip()[0].isupper()
                 and not nxt.rstrip().endswith(".")):
            break
        joined += " " + nxt.strip()
        end = nxt_end
    return joined, end


def read_item_blocks(text: str) -> list[TextItem]:
    """Treatments written as labelled blocks ("Requested treatment: ..." then "CPT: ...",
    "Decision: ...") or as a numbered list under a "Requested services" heading."""
    items: list[TextItem] = []
    current: TextItem | None = None
    in_list = False
    skip_until = -1
    for m in re.finditer(r"[^\n]*", text):
        line = m.group(0)
        if not line.strip() or m.start() < skip_until:
            continue
        label = _ITEM_LABEL.match(line)
        key = _KEY_LINE.match(line)
        numbered = _NUMBERED.match(line)
        if _LIST_HEADING.match(line):
            in_list, current = True, None
            continue
        if label and not key:
            desc = label.group("desc")
            desc, m_end = _with_continuation(text, desc, m.end())
            if len(desc) < 3 or re.match(r"(?:for\s+authori[sz]ation|received|date)\b", desc,
                                         re.I):
                current = None
                continue
            current = TextItem(_new_text_treatment(desc), m.start(), m_end)
            items.append(current)
            skip_until = m_end
        elif numbered and in_list and not key:
            current = TextItem(_new_text_treatment(numbered.group("desc")), m.start(), m.end())
            items.append(current)
        elif key and current is not None:
            _apply_key(current.treatment, key.group("key"), key.group("value"))
            current.end = m.end()
        else:
            current = None
            in_list = in_list and bool(numbered)
    return [it for it in items if it.treatment.description]


_PROSE = re.compile(
    r"(?:the\s+)?(?:request(?:ed)?|requests?\s+for|prescription)\s*(?:for\s+)?"
    r"(?P<desc>[^.;\n]{3,160}?)\s+(?:is|are|was|were|has\s+been|have\s+been|will\s+be)\s+"
    r"(?:hereby\s+|therefore\s+|being\s+|not\s+being\s+)?"
    r"(?P<dec>(?:not\s+|non[\s-]?)?(?:certified|approved|authori[sz]ed|denied|modified|deferred|"
    r"delayed|medically\s+necessary|recommended|partially\s+certified|conditionally\s+non[\s-]?"
    r"certified|non[\s-]?certified|uncertified)(?:\s+(?:to|for|as)\s+[^.;\n]{1,60})?)",
    re.I)


def read_prose(text: str) -> list[TextItem]:
    """Treatments named in decision sentences ("The request for X is non-certified.")."""
    items = []
    flat = text.replace("\n", " ")
    for m in _PROSE.finditer(flat):
        decision = normalize_decision(m.group("dec"))
        if decision is None:
            continue
        desc = m.group("desc").strip(" ,:")
        if re.match(r"(?:authori[sz]ation|information|review|it|this|that|treatment)\W*$", desc, re.I):
            continue
        codes = find_codes(desc, labelled_only=True)
        req, app = quantities(m.group(0))
        items.append(TextItem(Treatment(
            description=tidy_description(desc, codes), decision=decision,
            cpt=codes[0][0] if codes else None, quantity=req, quantity_approved=app),
            m.start(), m.end()))
    return items


def reconcile_quantities(t: Treatment) -> None:
    """An "approval" of fewer units than requested is a modification ("certify 6 of the 12
    requested sessions")."""
    if t.decision == "approved" and t.quantity and t.quantity_approved and \
            t.quantity.isdigit() and t.quantity_approved.isdigit() and \
            int(t.quantity_approved) < int(t.quantity):
        t.decision = "modified"


def same_treatment(a: str, b: str) -> bool:
    """Loose match of two descriptions of one treatment (word overlap)."""
    wa = set(re.findall(r"[a-z]{3,}", a.lower()))
    wb = set(re.findall(r"[a-z]{3,}", b.lower()))
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.6
