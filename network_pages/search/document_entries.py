"""A document's entry: its title and the text inside its file, while it is attached to something.

Run in the task worker only (`indexing.refresh_document`): reading the file may take
seconds (`document_text` bounds it). The text is read again only when the file changed
(its hash), not when the document is attached elsewhere or retitled.
"""

from django.utils import timezone

from network_pages import attachments
from network_pages.information.language_check import detected_language

from . import document_text
from .document_places import place_of
from .extraction import EntryData
from .models import SearchEntry

# Entries whose language the search knows how to stem (the network's official languages).
STEMMED_LANGUAGES = {"en", "fr"}
LANGUAGE_SAMPLE_CHARS = 3000


def content_key(document) -> str:
    return document.file_hash or f"{document.file.name}:{document.file_size or ''}"


def read_text(document) -> str:
    """The words inside the document's file ("" if its type is not read or it is too big)."""
    extension = document_text.extension_of(document.file.name)
    if extension not in document_text.EXTENSIONS:
        return ""
    size = document.get_file_size()
    if size is not None and size > document_text.MAX_FILE_BYTES:
        return ""
    with document.open_file() as handle:
        data = handle.read(document_text.MAX_FILE_BYTES + 1)
    return document_text.text_of(data, extension)


def language_of(text: str) -> str:
    detected = detected_language(text[:LANGUAGE_SAMPLE_CHARS]) if text else None
    return detected if detected in STEMMED_LANGUAGES else ""


def document_entries(document, previous: SearchEntry | None = None) -> list[EntryData]:
    """None while the document is attached to nothing: it is then the DMR's alone
    (`access.readable_by_owners`) and not part of what members search."""
    if not attachments.attached({document.pk}):
        return []
    key = content_key(document)
    if previous is not None and previous.content_key == key:
        text, language = previous.body, previous.language
    else:
        text = read_text(document)
        language = language_of(text)
    place = place_of(document.pk)
    return [
        EntryData(
            SearchEntry.Kind.DOCUMENT,
            document.pk,
            place.page_id if place else None,
            document.title,
            body=text,
            member_state_id=place.member_state_id if place else None,
            language=language,
            date=timezone.localdate(document.created_at) if document.created_at else None,
            anchor=place.anchor if place else "",
            document_id=document.pk,
            content_key=key,
            view_name=place.view_name if place else "",
            view_pk=place.view_pk if place else None,
        )
    ]
