"""Adding to a library: a new entry with its first file, or a new file of an entry. All or
nothing: the rows are written in one transaction, and a file written before a failure is
removed (`information.documents.DocumentNotStored` says which one could not be stored)."""

import logging
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

from network_pages import audit
from network_pages.information.documents import DocumentNotStored

from . import places
from .models import LibraryEntry, LibraryVersion

logger = logging.getLogger(__name__)

# A second identical submission within this time is the same one (a double click).
DUPLICATE_WINDOW = timedelta(minutes=10)


class SameFile(Exception):
    """The file is the current version in that language already."""

    message = _("This file is already the current version in that language: nothing was added.")


def _store(upload, *, library: places.Library, user):
    """The upload as a Wagtail document in the library's collection."""
    document = get_document_model()(
        title=(Path(upload.name).stem or upload.name)[:255],
        file=upload,
        collection=places.collection_for(library),
        uploaded_by_user=user,
    )
    document._set_document_file_metadata()
    try:
        document.save()
    except OSError as error:
        logger.error("library upload not stored: %s", type(error).__name__, exc_info=error)
        if document.file.name:
            document.file.delete(save=False)
        raise DocumentNotStored(upload.name) from error
    return document


def _forget_file_on_rollback(document) -> None:
    """The transaction that wrote `document` failed: its row is gone, its file must go too."""
    if document.file.name:
        document.file.storage.delete(document.file.name)


def add_entry(library: places.Library, user, data: dict) -> tuple[LibraryEntry, bool]:
    """A new entry of `library` with its first file; (entry, created). The same title added
    again by the same person shortly after is taken for a double submission: the first entry
    is returned, and nothing is added."""
    document = None
    try:
        with transaction.atomic():
            # One addition at a time per person: a double click waits for the first one.
            get_user_model().objects.select_for_update().filter(pk=user.pk).first()
            duplicate = (
                library.entries()
                .filter(
                    title=data["title"],
                    created_by=user,
                    created_at__gte=timezone.now() - DUPLICATE_WINDOW,
                )
                .first()
            )
            if duplicate is not None:
                return duplicate, False
            entry = LibraryEntry(
                title=data["title"],
                description=data.get("description", ""),
                date=data["date"],
                member_state=data.get("member_state"),
                created_by=user,
            )
            library.place(entry)
            entry.save()
            entry.tags.set(data.get("tags") or [])
            document = _store(data["file"], library=library, user=user)
            _new_version(entry, document, user, data)
    except Exception:
        if document is not None:
            _forget_file_on_rollback(document)
        raise
    return entry, True


def _new_version(entry: LibraryEntry, document, user, data: dict) -> LibraryVersion:
    """The version row of a file just stored, with the upload form's language and note."""
    return LibraryVersion.objects.create(
        entry=entry,
        language=data["language"],
        document=document,
        note=data.get("note", ""),
        uploaded_by=user,
    )


def add_version(entry: LibraryEntry, user, data: dict) -> LibraryVersion:
    """A new file of `entry` in `data["language"]`: the current version in that language
    from now on; the older ones stay. Refused (`SameFile`) if the file is the current one."""
    library = places.library_of(entry)
    document = None
    try:
        with transaction.atomic():
            # One new version of an entry at a time: the second of a double click finds
            # the first one's file and stops there.
            LibraryEntry.objects.select_for_update().filter(pk=entry.pk).first()
            document = _store(data["file"], library=library, user=user)
            current = (
                LibraryVersion.objects.filter(entry=entry, language=data["language"])
                .select_related("document")
                .first()
            )
            if current is not None and current.document.file_hash == document.file_hash:
                raise SameFile
            return _new_version(entry, document, user, data)
    except Exception:
        if document is not None:
            _forget_file_on_rollback(document)
        raise


def move_entry(entry: LibraryEntry, target: places.Library, user, request=None) -> None:
    """`entry` and every file of it (all versions, all languages) into `target`: the entry
    changes library, and each file changes collection, so that who may read them is the
    new library's readers from now on (the owner rule follows the entry at once; the
    collection's restriction, which comes first, follows here). All or nothing, audited."""
    source = places.library_of(entry)
    if target.page is not None:
        # The meeting or group itself (its collection is set up from its own fields).
        target = places.find_library(target.kind, target.page.pk)
    with transaction.atomic():
        entry = LibraryEntry.objects.select_for_update().get(pk=entry.pk)
        target.place(entry)
        entry.save(update_fields=["meeting", "thematic_group"])
        collection = places.collection_for(target)
        versions = list(LibraryVersion.objects.filter(entry=entry).select_related("document"))
        for version in versions:
            document = version.document
            if document.collection_id != collection.pk:
                document.collection = collection
                # Saved one by one: the search re-indexes each file where it now lives.
                document.save(update_fields=["collection"])
        audit.record(
            audit.LIBRARY_ENTRY_MOVED,
            entry,
            request,
            user=user,
            title=entry.title,
            source=places.key_of(source),
            target=places.key_of(target),
            documents=sorted(version.document_id for version in versions),
        )
