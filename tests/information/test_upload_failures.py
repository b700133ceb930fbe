"""An upload the server cannot write (disk full, read-only storage) keeps the form and the
answers typed, says why, and leaves no file behind; an archive that would expand beyond
reason (a zip bomb named .xlsx or .docx) is refused before it is stored."""

import errno
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from network_pages.information.models import Response
from nfp_site.operations.storage import CleanFileSystemStorage
from tests.conftest import sign_in

from .conftest import request_url, response_form_data

pytestmark = pytest.mark.django_db

EDIT = "response/"
LIMIT_BYTES = 1024


class _Truncated:
    """Content whose writing fails part-way, as on a full disk."""

    def __init__(self, content) -> None:
        self.content = content

    def chunks(self, chunk_size=None):
        written = 0
        for chunk in self.content.chunks(256):
            if written + len(chunk) > LIMIT_BYTES:
                raise OSError(errno.ENOSPC, "No space left on device")
            written += len(chunk)
            yield chunk

    def __getattr__(self, name):
        return getattr(self.content, name)


class FullDiskStorage(CleanFileSystemStorage):
    """The real file storage on a disk with LIMIT_BYTES free."""

    def _save(self, name, content):
        return super()._save(name, _Truncated(content))


class ReadOnlyStorage(CleanFileSystemStorage):
    def _save(self, name, content):
        raise OSError(errno.EROFS, "Read-only file system")


def files_under(folder) -> list:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


@pytest.fixture
def storage(settings, request):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.{request.param}"},
    }
    return request.param


@pytest.mark.parametrize("storage", ["FullDiskStorage", "ReadOnlyStorage"], indirect=True)
def test_a_document_that_cannot_be_written_keeps_the_answers_and_leaves_no_file(
    client, open_request, focal_point, settings, storage
):
    sign_in(client, focal_point)
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.4 " + b"x" * 5000, "application/pdf")

    response = client.post(
        request_url(open_request, EDIT),
        {
            **response_form_data(open_request, {1: "An answer typed with care"}),
            "new_attachments": upload,
        },
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "could not be stored" in body
    assert "An answer typed with care" in body
    assert not Response.objects.exists()  # nothing half-saved
    assert files_under(settings.MEDIA_ROOT) == []


def test_the_clean_storage_removes_a_partial_file(settings, tmp_path):
    storage = FullDiskStorage(location=tmp_path)

    with pytest.raises(OSError, match="No space left"):
        storage.save("big.pdf", SimpleUploadedFile("big.pdf", b"x" * 5000))

    assert files_under(tmp_path) == []


def zip_bomb(name: str) -> SimpleUploadedFile:
    """A few kilobytes that expand to 300 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            block = b"\0" * (1024 * 1024)
            for _ in range(300):
                sheet.write(block)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.mark.parametrize("name", ["figures.xlsx", "report.docx"])
def test_a_zip_bomb_is_refused_and_nothing_is_saved(client, open_request, focal_point, name):
    sign_in(client, focal_point)
    bomb = zip_bomb(name)
    assert len(bomb) < 1024 * 1024

    response = client.post(
        request_url(open_request, EDIT),
        {**response_form_data(open_request, {1: "Kept answer"}), "new_attachments": bomb},
    )

    body = response.content.decode()
    assert "zip bomb" in body
    assert "Kept answer" in body
    assert not Response.objects.exists()


def test_an_ordinary_office_file_is_accepted(client, open_request, focal_point):
    sign_in(client, focal_point)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + "text " * 2000 + "</w:document>")
    upload = SimpleUploadedFile("report.docx", buffer.getvalue())

    client.post(
        request_url(open_request, EDIT),
        {**response_form_data(open_request, {1: "See report"}), "new_attachments": upload},
    )

    assert Response.objects.get().attachments.count() == 1
