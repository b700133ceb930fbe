import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from network_pages.document_content import check_document_content
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def small_zip() -> bytes:
    """An office file is a zip archive: a small, real one."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"%PDF-1.7\n..."),
        ("table.xlsx", small_zip()),
        ("notes.txt", "Réponse de la France".encode()),
        ("list.csv", b"state,answer\nFR,yes\n"),
        ("letter.rtf", b"{\\rtf1\\ansi hello}"),
    ],
    # Named by the file: the zip's bytes hold the time it was made, which differs between
    # pytest-xdist's workers, and workers must collect the same test ids.
    ids=["report.pdf", "table.xlsx", "notes.txt", "list.csv", "letter.rtf"],
)
def test_documents_whose_content_matches_their_type_are_accepted(name, content):
    check_document_content(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"<html><script>alert(1)</script></html>"),
        ("table.xlsx", b"%PDF-1.7"),
        ("table.xlsx", b"PK\x03\x04not-a-zip-archive"),
        ("notes.txt", b"<!DOCTYPE html><html></html>"),
        ("notes.txt", b"MZ\x90\x00\x03\x00binary"),
        ("program.exe", b"MZ\x90\x00"),
    ],
)
def test_documents_whose_content_does_not_match_their_type_are_refused(name, content):
    with pytest.raises(ValidationError, match="does not match its type"):
        check_document_content(SimpleUploadedFile(name, content))


def test_admin_document_upload_refuses_a_disguised_file(client, network, dmr_user):
    upload = SimpleUploadedFile("minutes.pdf", b"<html><script>alert(1)</script></html>")

    response = sign_in(client, dmr_user).post(
        reverse("wagtaildocs:add"), {"title": "Minutes", "file": upload, "collection": 1}
    )

    assert response.status_code == 200
    assert "does not match its type" in response.content.decode()
    assert not get_document_model().objects.exists()
