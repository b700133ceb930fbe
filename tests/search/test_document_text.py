"""Issue 18, 1: the words inside PDF, DOCX, ODT, XLSX and TXT files are read for the search,
with limits on size, time and what an archive may expand to."""

import io
import zipfile

import pytest

from network_pages.search import document_text

from .files import docx_bytes, odt_bytes, pdf_bytes, xlsx_bytes


@pytest.mark.parametrize(
    ("extension", "data"),
    [
        ("pdf", pdf_bytes("Reception of migrants", "Second page: quarantine walrus")),
        ("docx", docx_bytes("Reception of migrants", "Second paragraph: quarantine walrus")),
        ("odt", odt_bytes("Reception of migrants", "Second paragraph: quarantine walrus")),
        ("xlsx", xlsx_bytes(("Reception of migrants", 12), ("quarantine walrus", 3))),
        ("txt", b"Reception of migrants\nquarantine walrus"),
        ("csv", b"Reception of migrants;quarantine walrus"),
    ],
    # Named by the kind of file: the files' bytes hold the time they were made, which
    # differs between pytest-xdist's workers, and workers must collect the same test ids.
    ids=["pdf", "docx", "odt", "xlsx", "txt", "csv"],
)
def test_the_words_of_every_kind_of_file_are_read(extension, data):
    text = document_text.text_of(data, extension)

    assert "Reception of migrants" in text
    assert "quarantine walrus" in text


def test_french_words_keep_their_accents():
    assert "Réfugiés accueillis" in document_text.text_of(docx_bytes("Réfugiés accueillis"), "docx")
    assert "Réfugiés" in document_text.text_of("Réfugiés".encode("cp1252"), "txt")


def test_a_file_of_a_type_that_is_not_read_gives_no_text():
    assert document_text.text_of(b"{\\rtf1 walrus}", "rtf") == ""


def test_a_damaged_file_gives_no_text_and_no_error():
    assert document_text.text_of(b"%PDF-1.4 not really a pdf", "pdf") == ""
    assert document_text.text_of(b"PK\x03\x04 broken", "docx") == ""


def test_a_file_larger_than_the_limit_is_not_read(monkeypatch):
    monkeypatch.setattr(document_text, "MAX_FILE_BYTES", 100)

    assert document_text.text_of(b"walrus " * 100, "txt") == ""


def test_the_text_kept_is_capped(monkeypatch):
    monkeypatch.setattr(document_text, "MAX_TEXT_CHARS", 50)

    assert len(document_text.text_of(b"walrus " * 1000, "txt")) == 50


def test_a_reading_that_takes_longer_than_the_limit_is_stopped_and_gives_no_text():
    data = pdf_bytes(*(f"Page {number} about walruses" for number in range(200)))

    assert document_text.text_of(data, "pdf", timeout=0.01) == ""


def test_an_office_file_that_would_expand_beyond_reason_is_not_opened():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document>" + " " * 20_000_000 + "</w:document>")

    assert document_text.text_of(bomb.getvalue(), "docx") == ""
