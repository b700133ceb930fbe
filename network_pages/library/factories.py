"""Library entries and versions for tests and the demo, written as an upload would be."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from . import places, storing
from .models import LibraryEntry, LibraryVersion

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_file(name: str = "report.pdf", text: str = "") -> SimpleUploadedFile:
    """A small file that passes the content check as a PDF (`text` makes it unique)."""
    return SimpleUploadedFile(
        name, PDF_BYTES + f"% {text}\n".encode(), content_type="application/pdf"
    )


def text_file(name: str = "notes.txt", text: str = "Notes") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


def make_entry(
    library: places.Library,
    user,
    *,
    title: str = "Report of the meeting",
    language: str = "en",
    upload=None,
    note: str = "",
    tags: tuple[str, ...] = (),
    member_state=None,
    date=None,
) -> LibraryEntry:
    entry, _created = storing.add_entry(
        library,
        user,
        {
            "title": title,
            "description": "",
            "date": date or timezone.localdate(),
            "member_state": member_state,
            "tags": list(tags),
            "language": language,
            "file": upload or pdf_file(text=title),
            "note": note,
        },
    )
    return entry


def add_version(
    entry: LibraryEntry, user, *, language: str = "en", upload=None, note: str = ""
) -> LibraryVersion:
    return storing.add_version(
        entry,
        user,
        {"language": language, "file": upload or pdf_file(text=note or language), "note": note},
    )
