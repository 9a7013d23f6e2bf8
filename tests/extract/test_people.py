"""Tests of pipeline/extract/people.py: claimant and author names."""

import pytest

from pipeline.extract.people import (
    find_author,
    find_claimant,
    full_spelling,
    is_person_name,
    normalize_name,
)


@pytest.mark.parametrize("written,name", [
    ("GONZALEZ, MARIA L.", "Maria L. Gonzalez"), ("Gonzalez, Maria", "Maria Gonzalez"),
    ("Dr. Alan Cho", "Alan Cho"), ("Alan Cho, MD", "Alan Cho"), ("Alan Cho, M.D.", "Alan Cho"),
    ("Ravi Patel, M.D., QME", "Ravi Patel"), ("/s/ Alan Cho", "Alan Cho"),
    ("JOHN SMITH", "John Smith"), ("Sarah O'Neil-Brown, PsyD", "Sarah O'Neil-Brown"),
    ("Lisa Wong, PA-C", "Lisa Wong"), ("Mark Diaz, D.C.", "Mark Diaz"),
    ("Maria L. Gonzalez", "Maria L. Gonzalez"),
    ("O'NEIL-BROWN, SARAH", "Sarah O'Neil-Brown"), ("MCDONALD, JAMES T.", "James T. McDonald"),
])
def test_normalize_name(written, name):
    assert normalize_name(written) == name


@pytest.mark.parametrize("written", ["UR Intake Department", "Maximus Federal Services",
                                     "Request for Authorization", "Golden State Claims",
                                     "Alan", "", "12345"])
def test_offices_and_fragments_are_not_names(written):
    assert normalize_name(written) is None


def test_is_person_name_needs_two_real_words():
    assert is_person_name("Maria Gonzalez")
    assert not is_person_name("M. G.")


@pytest.mark.parametrize("text,name,label", [
    ("Injured Worker:  Maria L. Gonzalez\nClaim No.: 05-1", "Maria L. Gonzalez",
     "Injured Worker"),
    ("Patient: GONZALEZ, MARIA    DOB: 1/1/1970", "Maria Gonzalez", "Patient"),
    ("Patient: GONZALEZ, MARIA DOB: 1/1/1970", "Maria Gonzalez", "Patient"),
    ("RE: Request for Authorization\nApplicant: Tom Reyes", "Tom Reyes", "Applicant"),
    ("Employee: Ana Ruiz   Claim #: 123", "Ana Ruiz", "Employee"),
    ("Claimant: DOE, JANE", "Jane Doe", "Claimant"),
])
def test_find_claimant(text, name, label):
    person = find_claimant(text)
    assert person is not None
    assert (person.name, person.role) == (name, label)
    assert text[person.start:person.end] == person.text


def test_find_claimant_none_without_a_label():
    assert find_claimant("Dear Maria Gonzalez, your request was received.") is None


def test_author_from_the_signature_block_not_the_requesting_physician():
    text = ("Date: April 2, 2025\nRequesting physician: Dr. Ravi Patel\n"
            "The request is non-certified.\nSincerely,\n\n/s/ Alan Cho\nAlan Cho, MD\n"
            "Orthopedic Surgery\n")
    person = find_author(text)
    assert person.name == "Alan Cho" and person.clinician
    assert text[person.start:person.end] == "Alan Cho"


def test_author_electronically_signed_and_letterhead():
    assert find_author("Electronically signed by: Lisa Wong, MD on 03/03/2025").name == \
        "Lisa Wong"
    text = ("RAVI PATEL, M.D.\nOrthopaedic Surgery\n123 Main St\nPR-2 report\n"
            + "".join(f"Finding {i}: stable.\n" for i in range(8)))
    person = find_author(text)
    assert person.name == "Ravi Patel" and person.role == "letterhead"


def test_a_clinician_name_closing_the_report():
    text = "IMPRESSION\nMild carpal tunnel syndrome.\nNo radiculopathy.\nDr. Priya R. Ashby\n"
    assert find_author(text).name == "Priya R. Ashby"


def test_full_spelling_and_title_lines_are_not_flipped():
    from pipeline.extract.people import full_spelling

    assert full_spelling("Ravi Marsh", "Ravi R. Marsh, MD | Orthopedics\nRavi Marsh, MD") == \
        "Ravi R. Marsh"
    assert full_spelling("Ravi Marsh", "no other spelling") == "Ravi Marsh"
    assert find_author("Completed by: Helen Marquez, Human Resources Manager").name == \
        "Helen Marquez"


def test_an_office_signer_is_no_author():
    text = "Please resubmit.\nSincerely,\nUR Intake Department\nBlue Ridge Review Services\n"
    assert find_author(text) is None


@pytest.mark.parametrize("text,name", [
    ("Patient (Last, First): Ferreira, Daniel K.\nDate of Injury: 3/3/2024", "Daniel K. Ferreira"),
    ("Employee (print name): Olga Brandt\nSSN: xxx", "Olga Brandt"),
    ("Injured Worker (Last, First, MI):   VOSS, HELENA R.   DOB: 2/2/1980", "Helena R. Voss"),
    ("\u2018Employee: : Tomas J.. Weller\"\nClaim number: 7-22", "Tomas J. Weller"),
    ("Member; Patient: Ines Q; Corado\n", "Ines Q. Corado"),
])
def test_claimant_label_variants_and_ocr_marks(text, name):
    person = find_claimant(text)
    assert person is not None and person.name == name
    written = text[person.start:person.end]
    assert name.split()[0] in written.title() and name.split()[-1] in written.title()


def test_a_bare_name_field_in_the_employees_section():
    text = ("Employee: fill in this part and hand the form to your employer.\n"
            "1. Name: ; : Rosa M; Delgado Today's Date: 5/5/2025\n")
    person = find_claimant(text)
    assert person is not None and person.name == "Rosa M. Delgado"


def test_a_bare_name_field_in_the_physicians_section_is_not_the_claimant():
    text = ("Patient information on page 2.\nTreating physician information\n"
            "Name: Dr. Omar Haddad\nLicense: A12345\n")
    assert find_claimant(text) is None


def test_a_running_header_names_the_claimant():
    text = ("DELGADO, ROSA M. | Claim No. 88-1234 | DOI 4/1/2024\n\nRe: Supplemental report\n"
            "Applicant:\nDate of Birth:\n")
    person = find_claimant(text)
    assert person is not None and person.name == "Rosa M. Delgado"


# --- claimant layouts and signer spellings (held-out fixes) -----------------------------------

@pytest.mark.parametrize("text,name", [
    ("Pt: NAKASHIMA, Ellen   DOB: 01.02.1970", "Ellen Nakashima"),
    ("Pt. Name: Tomas Ruiz\nVisit 2", "Tomas Ruiz"),
    ("PATIENT DOB MRN ORDER\nOKAFOR, BENEDICT J 1975-04-09 X-1 A-2\n", "Benedict J Okafor"),
    ("Patient\nLast: FENWICK First / M.I.: Harold B\nSex: M", "Harold B. Fenwick"),
    ("Employee Information\nEmployee First Name / MI: Iris K Employee Last Name: Whitlow\n",
     "Iris K. Whitlow"),
    ("Employee Information\nEmployee First Name: Iris MI: K Employee Last Name: Whitlow\n",
     "Iris K. Whitlow"),
    ("EMPLOYEE ........ WHITLOW, IRIS K.\nCLAIM NO. ...... AB-1", "Iris K. Whitlow"),
    ("EMPLOYEE: IRIS K WHITLOW CLAIM NUMBER: AB-12345", "Iris K Whitlow"),
    ("Re: Employee: Iris K. Whitlow Your file no.: AB-12345", "Iris K. Whitlow"),
    ("Employee: Iris K. Whitlow Employee ID: 77-1", "Iris K. Whitlow"),
    ("PATIENT / FILE #: Iris K. Whitlow - AB-12345", "Iris K. Whitlow"),
    ("IRIS K. WHITLOW, )\n)\nApplicant, ) Case No. ADJ1", "Iris K. Whitlow"),
])
def test_find_claimant_in_more_layouts(text, name):
    person = find_claimant(text)
    assert person is not None and person.name == name


def test_split_name_fields_of_another_section_are_not_the_claimant():
    text = "Provider Information\nPhysician First Name: Omar Physician Last Name: Vance\n"
    assert find_claimant(text) is None


def test_initial_and_surname_signer_needs_a_credential_and_is_spelled_out():
    text = ("Physician Name: Odette R. Lindgren, MD\n...\n"
            "Requesting Physician Signature: O. Lindgren MD Date: 01/02/2025\n")
    person = find_author(text)
    assert person is not None and person.name == "O. Lindgren"
    assert full_spelling(person.name, text) == "Odette R. Lindgren"
    assert find_author("Signature of employer representative: B. Tolliver\n") is None


def test_declaration_closing_and_printed_name_line():
    text = ("I declare under penalty of perjury that the above is true.\n"
            "Executed at Fresno, California, on June 3, 2025.\n"
            "O. R. Lindgren, MD\nOdette R. Lindgren, M.D.\nFamily Medicine\n")
    person = find_author(text)
    assert person is not None and full_spelling(person.name, text) == "Odette R. Lindgren"
    form = ("Signature: ORLindgren MD Cal. Lic. 123\nExecuted at: Fresno, CA Date: 06/03/2025\n"
            "Name: Odette R. Lindgren, M.D. Specialty: Family Medicine\n")
    person = find_author(form)
    assert person is not None and person.name == "Odette R. Lindgren"


def test_initials_written_before_a_printed_name_are_dropped():
    person = find_author("Signature: ORL Odette R. Lindgren, M.D.\n")
    assert person is not None and person.name == "Odette R. Lindgren"


def test_therapist_signing_the_last_line_is_the_author():
    text = "A: tolerated well.\nP: continue plan.\nBrenna Solis, PT, DPT Lic PT 1234 3/3/25\n"
    person = find_author(text)
    assert person is not None and person.name == "Brenna Solis"
    assert normalize_name("Brenna Solis, OTR/L, CHT") == "Brenna Solis"


def test_signed_field_with_a_scrawl_then_the_printed_name():
    text = "Signed: O. Lindgren DC Odette Lindgren, D.C. Date: 02/03/2024\n"
    person = find_author(text)
    assert person is not None
    assert full_spelling(person.name, text) == "Odette Lindgren"


def test_sender_of_a_fax_cover():
    from pipeline.extract.people import find_sender
    assert find_sender("FAX\nTo: claims desk\nFrom: Noor Haddad, billing office\n").name == \
        "Noor Haddad"
    assert find_sender("From: Noor H. -- authorizations\n").name == "Noor H."
    assert find_sender("03/04/2025 10:00 FROM: NORTH VALLEY CLINIC TO: 5551234\n") is None


def test_a_firm_in_the_from_field_is_not_a_sender():
    from pipeline.extract.people import find_sender
    assert find_sender("From: Valley Bone & Joint Group\nTo: adjuster\n") is None
