"""Uploaded documents are what their name says: the content is checked, not only the name.

No model or Wagtail form is imported here, so that site forms loaded with the models can
use the check."""

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


def _looks_like_markup(head: bytes) -> bool:
    start = head.lstrip()[:15].lower()
    return start.startswith((b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml"))


def _mismatch(extension: str) -> ValidationError:
    return ValidationError(
        _("The content of this file does not match its type (.%(extension)s)."),
        code="content_mismatch",
        params={"extension": extension},
    )
