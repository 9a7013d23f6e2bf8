from __future__ import annotations

from pathlib import Path

from pipeline.ingest.sources import Discovered, discover, open_source, sniff


def test_sniff_by_magic_bytes_not_extension():
    assert sniff(b"%PDF-1.7\n...")[0] == "pdf"
    assert sniff(b"garbage header\n%PDF-1.4")[0] == "pdf"          # junk before the header
    assert sniff(b"\x89PNG\r\n\x1a\n....") == ("image", "png")
    assert sniff(b"\xff\xd8\xff\xe0....") == ("image", "jpeg")
    assert sniff(b"II*\x00....") == ("image", "tiff")
    assert sniff(b"MM\x00*....") == ("image", "tiff")
    kind, detail = sniff(b"PK\x03\x04....")
    assert kind == "unsupported" and "docx" in detail
    assert sniff(b"MZ\x90\x00")[1] == "a Windows program"
    assert sniff(b"Dear adjuster,\nplease find enclosed...")[1] == "a plain-text file"


def test_discover_folder_in_natural_name_order_skipping_hidden(tmp_path: Path):
    for name in ("scan10.pdf", "scan2.pdf", "B/a.pdf", "a.pdf", ".DS_Store", "Thumbs.db",
                 ".hidden/x.pdf"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1.4")
    assert [d.rel for d in discover(tmp_path)] == ["a.pdf", "B/a.pdf", "scan2.pdf", "scan10.pdf"]


def test_discover_single_file_keeps_its_name(tmp_path: Path):
    path = tmp_path / "claim.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert [(d.rel, d.path) for d in discover(path)] == [("claim.pdf", path)]


def _open(tmp_path: Path, name: str, body: bytes, limit: int = 10**9):
    path = tmp_path / name
    path.write_bytes(body)
    return open_source(Discovered(name, path), limit)


def test_zero_byte_file_is_an_error_that_says_what_to_do(tmp_path: Path):
    source = _open(tmp_path, "empty.pdf", b"")
    assert source.status == "error" and source.kind == "pdf"
    assert "empty (0 bytes)" in source.error and "run again" in source.error
    assert len(source.sha256) == 64


def test_unsupported_types(tmp_path: Path):
    for name, body, words in [
        ("letter.docx", b"PK\x03\x04" + b"\x00" * 40, "Word"),
        ("notes.txt", b"Claim notes: call the adjuster.\n", "plain-text"),
        ("setup.exe", b"MZ\x90\x00" + b"\x00" * 40, "Windows program"),
    ]:
        source = _open(tmp_path, name, body)
        assert (source.kind, source.status) == ("unsupported", "error"), name
        assert words in source.error and "export it to PDF" in source.error


def test_pdf_named_file_that_is_not_a_pdf(tmp_path: Path):
    source = _open(tmp_path, "report.pdf", b"<html><body>Not found</body></html>")
    assert source.status == "error" and "not a PDF or image" in source.error


def test_image_detected_whatever_its_name(tmp_path: Path):
    source = _open(tmp_path, "scan.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    assert (source.kind, source.status) == ("image", "ok")


def test_huge_file_refused_with_the_setting_to_change(tmp_path: Path):
    source = _open(tmp_path, "big.pdf", b"%PDF-1.4\n" + b"0" * 2000, limit=1000)
    assert source.status == "error"
    assert "too large" in source.error and "max_file_bytes" in source.error
