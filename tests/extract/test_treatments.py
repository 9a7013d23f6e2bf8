"""Treatment lines: decision wording, codes, quantities, tables read by word columns, labelled
blocks and decision sentences."""


import pytest
from page_builder import CW, PITCH, make_page  # noqa: E402,F401  (tests/extract helper)

from pipeline.extract.treatments import (
    find_codes,
    normalize_decision,
    page_lines,
    quantities,
    read_item_blocks,
    read_prose,
    read_table,
)
from pipeline.model import Page, Word


@pytest.mark.parametrize("text, expected", [
    ("Certified", "approved"), ("APPROVED", "approved"), ("Authorized", "approved"),
    ("Non-Certified", "denied"), ("NON-CERTIFIED", "denied"), ("Noncertified", "denied"),
    ("Not certified", "denied"), ("Denied", "denied"), ("Not medically necessary", "denied"),
    ("Conditionally Non-Certified", "denied"), ("CNC", "denied"),
    ("Modified", "modified"), ("Partially certified", "modified"),
    ("Certified in part", "modified"), ("Modified to 6 sessions", "modified"),
    ("Deferred", "delayed"), ("Delayed - pending information", "delayed"),
    ("Pending", "delayed"),
    ("N0N-CERTIFIED", "denied"), ("Certif1ed", "approved"), ("Non—certified", "denied"),
    ("", None), ("see below", None),
])
def test_normalize_decision(text, expected):
    assert normalize_decision(text) == expected


def test_codes_cpt_hcpcs_and_ocr_digits():
    assert [c for c, _, _ in find_codes("CPT 72148, HCPCS J1885 and 9711O")] == [
        "72148", "J1885", "97110"]
    assert [c for c, _, _ in find_codes("zip 95814 and CPT: 97140", labelled_only=True)] == [
        "97140"]
    assert [c for c, _, _ in find_codes("MRI (72148)", labelled_only=True)] == ["72148"]


@pytest.mark.parametrize("text, expected", [
    ("12 sessions requested, 6 certified", ("12", "6")),
    ("Physical therapy x12 visits", ("12", None)),
    ("Physical therapy 2x6 weeks", ("12", None)),
    ("modified to 6 sessions", (None, "6")),
    ("Norco 10/325 #60", ("60", None)),
    ("Acupuncture six sessions", ("6", None)),
])
def test_quantities(text, expected):
    assert quantities(text) == expected


TABLE = """Golden State UR - Notice of Decision

Requested Service                     CPT/HCPCS   Qty   Decision
Physical therapy for the lumbar       97110       12    Modified to 6
spine, 2 times a week for 6 weeks
MRI lumbar spine without contrast     72148       1     Non-Certified
Norco 10/325 mg                       J3490       60    Certified

The reviewer considered the records listed below and the MTUS guidelines in reaching this decision.
"""


def test_table_rows_wrapped_cells_and_end_at_prose():
    rows = read_table(make_page(TABLE))
    assert [t.decision for t in rows] == ["modified", "denied", "approved"]
    assert [t.cpt for t in rows] == ["97110", "72148", "J3490"]
    assert rows[0].description == ("Physical therapy for the lumbar spine, 2 times a week "
                                   "for 6 weeks")
    assert rows[0].quantity == "12"
    assert rows[0].quantity_approved == "6"
    assert rows[1].evidence.page == 1 and "72148" in rows[1].evidence.quote


def test_two_line_header_and_quantity_certified_column():
    text = """Item                         Code     Qty         Qty         UR
                                      Requested   Certified   Decision
Chiropractic manipulation    98941    12          6           Partially certified
Lumbar brace                 L0637    1           0           Non-cert
"""
    rows = read_table(make_page(text))
    assert [(t.cpt, t.quantity, t.quantity_approved, t.decision) for t in rows] == [
        ("98941", "12", "6", "modified"), ("L0637", "1", "0", "denied")]


def test_table_with_ocr_noise():
    text = """Treatment Requested              CPT      Determination
Acupuncture x 6 sessions         97810    N0N-CERTIFIED
EMG/NCV bilateral upper          9588S    Certifed
"""
    rows = read_table(make_page(text))
    assert [t.decision for t in rows] == ["denied", "approved"]
    assert rows[0].cpt == "97810"
    assert rows[0].quantity == "6"


def test_no_table_in_prose():
    text = ("The request for treatment was reviewed by the physician and the decision is set out\n"
            "below with the records reviewed and the guideline criteria applied to the request.\n")
    assert read_table(make_page(text)) == []


def test_lines_group_words_by_height():
    page = make_page("Alpha   Beta\nGamma")
    assert [line.text for line in page_lines(page)] == ["Alpha Beta", "Gamma"]


def test_item_blocks():
    text = """Requested Treatment: Physical therapy, lumbar spine
CPT: 97110
Quantity Requested: 12
Quantity Certified: 6
Decision: MODIFIED
Rationale: see below.

Requested Treatment: Lumbar MRI (72148)
Determination: Non-Certified
"""
    items = [it.treatment for it in read_item_blocks(text)]
    assert [(t.description, t.cpt, t.quantity, t.quantity_approved, t.decision)
            for t in items] == [
        ("Physical therapy, lumbar spine", "97110", "12", "6", "modified"),
        ("Lumbar MRI", "72148", None, None, "denied"),
    ]


def test_numbered_list_with_trailing_decisions():
    text = """Services requested:
1. Cervical epidural steroid injection C5-6 (CPT 62321) - NON-CERTIFIED
2. Follow-up visit with pain management (99214) - Certified
"""
    items = [it.treatment for it in read_item_blocks(text)]
    assert [(t.cpt, t.decision) for t in items] == [("62321", "denied"), ("99214", "approved")]
    assert items[0].description.startswith("Cervical epidural steroid injection")


@pytest.mark.parametrize("sentence, decision", [
    ("The request for 12 sessions of physical therapy is modified to 6 sessions.", "modified"),
    ("The request for an MRI of the lumbar spine is non-certified.", "denied"),
    ("Your request for Norco 10/325 #60 has been certified.", "approved"),
    ("The requested lumbar fusion is not medically necessary.", "denied"),
    ("The request for a TENS unit was deferred pending receipt of records.", "delayed"),
])
def test_decision_sentences(sentence, decision):
    items = read_prose("Some text.\n" + sentence + "\nMore text.")
    assert len(items) == 1
    assert items[0].treatment.decision == decision


def test_prose_quantities():
    item = read_prose("The request for 12 sessions of physical therapy is modified to 6 sessions.")[0]
    assert (item.treatment.quantity, item.treatment.quantity_approved) == ("12", "6")


def test_wrapped_decision_cell_continues_its_row():
    text = """Requested service                                  CPT/HCPCS   Qty   Decision
Left knee arthroscopy with partial meniscectomy    29881       1     CONDITIONALLY
                                                                     NON-CERTIFIED
Clinical rationale
"""
    rows = read_table(make_page(text))
    assert [(t.description, t.cpt, t.decision) for t in rows] == [
        ("Left knee arthroscopy with partial meniscectomy", "29881", "denied")]


@pytest.mark.parametrize("text, expected", [
    ("Adverse determination", "denied"), ("Non-authorized", "denied"), ("Declined", "denied"),
    ("Approved with modification", "modified"), ("Recommend certification", "approved"),
    ("Non-certify", "denied"), ("Not recommended", "denied"),
])
def test_more_vendor_wording(text, expected):
    assert normalize_decision(text) == expected


def test_fewer_units_approved_is_a_modification():
    from pipeline.extract.treatments import reconcile_quantities
    from pipeline.model import Treatment

    t = Treatment("Physical therapy", decision="approved", quantity="12", quantity_approved="6")
    reconcile_quantities(t)
    assert t.decision == "modified"
    t = Treatment("Physical therapy", decision="approved", quantity="12", quantity_approved="12")
    reconcile_quantities(t)
    assert t.decision == "approved"


def test_table_broken_across_pages():
    from pipeline.extract.treatments import read_tables

    first = "\n".join(["Notice of decision"] + ["filler line of the letter text"] * 3 + [
        "Requested Service                  CPT      Decision",
        "Physical therapy lumbar spine      97110    Certified",
        "MRI lumbar spine without           72148    Non-certified",
        "Page 1 of 2"])
    second = "\n".join([
        "Claim 05-123456  Page 2 of 2",
        "contrast",
        "Lumbar epidural steroid            62323    Modified",
        "injection L4-5",
        "",
        "",
        "",
        "The reviewer relied on the guidelines named below for each of the decisions above."])
    rows = read_tables([make_page(first, 1), make_page(second, 2)])
    assert [(t.cpt, t.decision) for t in rows] == [
        ("97110", "approved"), ("72148", "denied"), ("62323", "modified")]
    assert rows[2].description == "Lumbar epidural steroid injection L4-5"
    assert rows[1].description == "MRI lumbar spine without"     # its tail is not misplaced
    assert rows[2].evidence.page == 2
    # a page that does not continue a table is not read as one
    assert read_tables([make_page(second, 2)]) == []


def test_noise_word_in_header_is_no_column():
    # OCR read a table rule as "Sere" and "|": the description runs on under it
    text = """Requested service  _   Sere         CPT/HCPCS | Qty _ Decision
Left knee arthroscopy with partial    29881       1     CONDITIONALLY
                                                        NON-CERTIFIED
"""
    rows = read_table(make_page(text))
    assert [(t.description, t.cpt, t.decision) for t in rows] == [
        ("Left knee arthroscopy with partial", "29881", "denied")]


@pytest.mark.parametrize("wording", ["We are unable to certify", "not able to approve this request",
                                     "The request cannot be certified", "can not authorize"])
def test_small_vendor_refusals_are_denials(wording):
    assert normalize_decision(wording) == "denied"


def test_scanned_row_with_rule_and_check_mark_tokens_is_no_prose():
    # OCR read the table's rules as "|" and a check box as "vx"; they sit hard against the next
    # column's words, which must not make the row look like running text
    page = make_page("""Service requested                CPT     Units       Outcome
Physical therapy, cervical       97110  |8 visits vxDENIED |
Trigger point injections |       20552  |2         Approved
""")
    rows = read_table(Page(source="s.tif", number=1, text=page.text, words=_glued(page.words)))
    assert [(t.description, t.cpt, t.decision) for t in rows] == [
        ("Physical therapy, cervical", "97110", "denied"),
        ("Trigger point injections", "20552", "approved")]


def _glued(words: list[Word]) -> list[Word]:
    """Split "|8" into "|" + "8" and "vxDENIED" into "vx" + "DENIED" with no gap between them."""
    out = []
    for w in words:
        x0, top, x1, bottom = w.box
        for head in ("|", "vx"):
            if w.text.startswith(head) and len(w.text) > len(head):
                cut = x0 + len(head) * CW
                out.append(Word(head, (x0, top, cut, bottom)))
                out.append(Word(w.text[len(head):], (cut + 0.001, top, x1, bottom)))
                break
        else:
            out.append(w)
    return out


# --- issue #5: row-number columns, padded tables with wrapped cells, typewriter prose ------------

def test_hash_column_numbers_rows_and_is_no_quantity():
    page = make_page(
        "#   Service under review          CPT     Units asked   Units certified   Result\n"
        "1   Lumbar epidural injection     62323   2             1                 MODIFIED\n"
        "2   Aquatic therapy               97113   8             8                 CERTIFIED\n")
    rows = read_table(page)
    assert [(r.quantity, r.quantity_approved, r.decision) for r in rows] == [
        ("2", "1", "modified"), ("8", "8", "approved")]


PADDED_FORM = """Diagnosis (Required)   ICD-10 (Required)   Service/Good        CPT/HCPCS Code (If   Other Information
                                           Requested           known)               (Frequency, Duration)

Left knee medial       M23.222             Knee arthroscopy    29881                x1, outpatient
meniscus tear                              with partial
                                           meniscectomy

Left knee medial       M23.222             Crutches, pair      E0114                x1
meniscus tear

Refer to the progress note of 02/27/2026, p. 3 (plan) for the findings behind each item.

Attending Physician Signature: J Ramos DO        Date: 03/02/2026
"""


def test_padded_rows_keep_their_wrapped_cells_and_the_form_goes_on_below():
    """Rows set apart by padding: lines set tight under a row are its wrapped cells, the
    parenthesised notes under the header belong to it, and the sentence and the signature field
    under the table are no rows."""
    rows = read_table(make_page(PADDED_FORM))
    assert [r.cpt for r in rows] == ["29881", "E0114"]
    assert rows[0].description == "Knee arthroscopy with partial meniscectomy"
    assert rows[1].description == "Crutches, pair"


def test_unpadded_rows_with_a_short_cell_still_open_new_rows():
    page = make_page(
        "Item requested                 Code     Quantity\n"
        "Home exercise kit              E1399    1\n"
        "Ibuprofen 800 mg                        #60\n"
        "Cold pack                      A9273    2\n")
    assert [r.description for r in read_table(page)] == [
        "Home exercise kit", "Ibuprofen 800 mg", "Cold pack"]


def _wide(page):
    """The same page set in a wide typewriter face: a space is a full character wide."""
    for w in page.words:
        x0, top, x1, bottom = w.box
        w.box = (x0 * 1.3, top, x1 * 1.3, bottom)
    return page


def test_typewriter_paragraph_under_a_table_is_no_row():
    page = _wide(make_page(
        "SERVICE                    CODE     UNITS   OUTCOME\n"
        "Cervical traction unit     E0849    1       NOT CERTIFIED\n"
        "Chiropractic care          98940    6       CERTIFIED\n"
        "HISTORY: the employee is a 52 year old driver with neck pain since the collision\n"
        "and has completed a home program without lasting relief of the arm symptoms.\n"))
    rows = read_table(page)
    assert [(r.cpt, r.decision) for r in rows] == [("E0849", "denied"), ("98940", "approved")]


def test_a_row_whose_description_has_a_colon_is_still_a_row():
    page = make_page(
        "Service requested              CPT      Decision\n"
        "Lumbar MRI without contrast    72148    Denied\n"
        "PT: lumbar spine, 8 visits     97110    Certified\n")
    assert [r.decision for r in read_table(page)] == ["denied", "approved"]
