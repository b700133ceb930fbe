"""Uploaded documents are what their name says: the content is checked, not only the name.

No model or Wagtail form is imported here, so that site forms loaded with the models can
use the check."""

import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

ZIP = b"PK\x03\x04"
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "docx": (ZIP,),
    "xlsx": (ZIP,),
    "pptx": (ZIP,),
    "odt": (ZIP,),
    "rtf": (b"{\\rtf",),
}
TEXT_EXTENSIONS = {"txt", "csv"}
SNIFF_BYTES = 8192
# Office files are zip archives: what they expand to when opened is bounded, so that a
# "zip bomb" (a few kilobytes that expand to gigabytes) is refused before anyone opens it.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 250
MAX_ARCHIVE_ENTRIES = 10_000


def check_document_content(upload: UploadedFile) -> None:
    """Refuse a file whose first bytes do not match its extension (e.g. HTML named .pdf)."""
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(position)
    if extension in TEXT_EXTENSIONS:
        if b"\x00" in head or _looks_like_markup(head):
            raise _mismatch(extension)
        return
    signatures = SIGNATURES.get(extension)
    if signatures is None or not head.startswith(signatures):
        raise _mismatch(extension)
    if signatures == (ZIP,):
        _check_archive(upload, extension)


def _check_archive(upload: UploadedFile, extension: str) -> None:
    """Refuse an archive that is not one, or that would expand beyond reason (the sizes
    are read from the archive's directory: nothing is decompressed)."""
    position = upload.tell()
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _mismatch(extension) from error
    finally:
        upload.seek(position)
    expanded = sum(entry.file_size for entry in entries)
    too_dense = any(
        entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1)
        and entry.file_size > 1024 * 1024
        for entry in entries
    )
    if len(entries) > MAX_ARCHIVE_ENTRIES or expanded > MAX_UNCOMPRESSED_BYTES or too_dense:
        raise ValidationError(
            _(
                "This file expands to far more than its size when it is opened (a “zip "
                "bomb”): it cannot be accepted."
            ),
            code="archive_too_large",
        )


def _looks_like_markup(head: bytes) -> bool:
    start = head.lstrip()[:15].lower()
    return start.startswith((b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml"))


def _mismatch(extension: str) -> ValidationError:
    return ValidationError(
        _("The content of this file does not match its type (.%(extension)s)."),
        code="content_mismatch",
        params={"extension": extension},
    )
