"""The rows of a library's list of documents (a library, or all of them): each entry with
its tags' names and its files grouped by language, read for one page of the list in two
queries of plain rows however many entries it shows (issue 17: taggit's prefetch and the
versions' built a queryset for every entry listed, and a model for every file)."""

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from nfp_site.prepared_sql import prepared_rows

from .languages import LanguageVersions, grouped_by_language, language_labels
from .models import LibraryEntry, LibraryEntryTag, LibraryVersion
from .places import NETWORK, Library


@dataclass(frozen=True)
class ListedVersion:
    """What a list shows of a version: its language, its date, and its file's link."""

    pk: int
    language: str
    uploaded_at: datetime
    document_id: int
    filename: str

    @property
    def is_pdf(self) -> bool:
        # As LibraryVersion.is_pdf (Wagtail's Document.file_extension).
        return os.path.splitext(self.filename)[1][1:].lower() == "pdf"


@dataclass
class EntryRow:
    entry: LibraryEntry
    tag_names: list[str]
    language_versions: list[LanguageVersions]
    # The entry's library, where the list names it (every library's list).
    library: Library | None = None


# A page of a list shows 20 entries: the SQL of each length is compiled once (prepared_sql).


def _tag_names(entry_ids: list[int]):
    return (
        LibraryEntryTag.objects.filter(content_object_id__in=entry_ids)
        .order_by("pk")
        .values_list("content_object_id", "tag__name")
    )


def _versions(entry_ids: list[int]):
    return (
        LibraryVersion.objects.filter(entry_id__in=entry_ids)
        .order_by()
        .values_list("entry_id", "pk", "language", "uploaded_at", "document_id", "document__file")
    )


def tag_names_of(entry_ids: list[int]) -> dict[int, list[str]]:
    """{entry id: its tags' names, in the order they were given}, in one query."""
    found: dict[int, list[str]] = {}
    for entry_id, name in prepared_rows("library.tag_names", _tag_names, entry_ids):
        found.setdefault(entry_id, []).append(name)
    return found


def versions_of(entry_ids: list[int]) -> dict[int, list[ListedVersion]]:
    """{entry id: its versions}, in one query."""
    found: dict[int, list[ListedVersion]] = {}
    rows = prepared_rows("library.versions", _versions, entry_ids)
    for entry_id, pk, language, uploaded_at, document_id, file_name in rows:
        found.setdefault(entry_id, []).append(
            ListedVersion(pk, language, uploaded_at, document_id, os.path.basename(file_name))
        )
    return found


def entry_rows(
    entries: Sequence[LibraryEntry], language: str | None, libraries: dict | None = None
) -> list[EntryRow]:
    """The rows of `entries`; with `libraries` ({page id: library}), each names its library
    (the network's by default)."""
    entries = list(entries)
    ids = [entry.pk for entry in entries]
    tags, versions = tag_names_of(ids), versions_of(ids)
    labels = language_labels()
    rows = []
    for entry in entries:
        library = None
        if libraries is not None:
            library = libraries.get(entry.meeting_id or entry.thematic_group_id, NETWORK)
        rows.append(
            EntryRow(
                entry,
                tags.get(entry.pk, []),
                grouped_by_language(versions.get(entry.pk, []), language, labels),
                library,
            )
        )
    return rows
