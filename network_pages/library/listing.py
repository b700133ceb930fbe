"""The rows of a library's list of documents (a library, or all of them): each entry with
its tags' names and its files, read for one page of the list as plain rows in three
queries however many entries it shows (issue 17: taggit's prefetch and the versions' built
a queryset for every entry listed, and a model for every file; the entries themselves were
models of every column, their author state another).

A row holds what its markup is written from and nothing else (`library_rows` keeps each
row's markup for the process under exactly that): the entry's shown columns, its tags'
names and its files as read, and the library it names in every library's list."""

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.db.models import QuerySet

from nfp_site.prepared_sql import prepared_rows

from .languages import LanguageVersions, grouped_by_language
from .models import LibraryEntryTag, LibraryVersion
from .places import NETWORK, Library


class ListedEntry(NamedTuple):
    """What a list shows of an entry, as read (`entry_columns`)."""

    pk: int
    title: str
    date: date
    meeting_id: int | None
    thematic_group_id: int | None
    state_name_en: str | None
    state_name_fr: str | None

    def state_name(self, language: str | None) -> str | None:
        """The author state's name in `language`, as `MemberState.name` chooses it."""
        return self.state_name_fr if (language or "en").startswith("fr") else self.state_name_en


ENTRY_COLUMNS = (
    "pk",
    "title",
    "date",
    "meeting_id",
    "thematic_group_id",
    "member_state__name_en",
    "member_state__name_fr",
)


def entry_columns(entries: QuerySet) -> QuerySet:
    """`entries` read as the rows a list shows (`ListedEntry`'s columns), not as models."""
    return entries.values_list(*ENTRY_COLUMNS)


@dataclass(frozen=True)
class ListedVersion:
    """What a list shows of a version: its language and its file's link."""

    pk: int
    language: str
    document_id: int
    filename: str

    @property
    def is_pdf(self) -> bool:
        # As LibraryVersion.is_pdf (Wagtail's Document.file_extension).
        return os.path.splitext(self.filename)[1][1:].lower() == "pdf"


# A version as read: (pk, language, document id, the file's stored name). An entry's
# versions are read newest first (by upload time, then id, as `grouped_by_language` sorts
# them) and kept in that order: the order is all a list shows of their upload times, so the
# times themselves are not read (issue 17: turning ~60 timestamps a page into datetimes was
# the list's largest cost growing with the data).
VersionColumns = tuple[int, str, int, str]


@dataclass(frozen=True, slots=True)
class EntryRow:
    entry: ListedEntry
    tag_names: tuple[str, ...]
    versions: tuple[VersionColumns, ...]
    # The entry's library, where the list names it (every library's list).
    library: Library | None = None

    def language_versions(
        self, language: str | None, labels: dict[str, str]
    ) -> list[LanguageVersions]:
        """The files grouped by language (`grouped_by_language`), the reader's first."""
        listed = [
            ListedVersion(pk, code, document_id, os.path.basename(file_name))
            for pk, code, document_id, file_name in self.versions
        ]
        return grouped_by_language(listed, language, labels, newest_first=True)


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
        .order_by("-uploaded_at", "-pk")
        .values_list("entry_id", "pk", "language", "document_id", "document__file")
    )


def tag_names_of(entry_ids: list[int]) -> dict[int, list[str]]:
    """{entry id: its tags' names, in the order they were given}, in one query."""
    found: dict[int, list[str]] = {}
    for entry_id, name in prepared_rows("library.tag_names", _tag_names, entry_ids):
        found.setdefault(entry_id, []).append(name)
    return found


def versions_of(entry_ids: list[int]) -> dict[int, list[VersionColumns]]:
    """{entry id: its versions' columns, newest first}, in one query."""
    found: dict[int, list[VersionColumns]] = {}
    for entry_id, *columns in prepared_rows("library.versions", _versions, entry_ids):
        found.setdefault(entry_id, []).append(tuple(columns))
    return found


def entry_rows(entries: Iterable[tuple], libraries: dict | None = None) -> list[EntryRow]:
    """The rows of `entries` (read by `entry_columns`); with `libraries` ({page id:
    library}), each names its library (the network's by default)."""
    entries = [ListedEntry._make(entry) for entry in entries]
    ids = [entry.pk for entry in entries]
    tags, versions = tag_names_of(ids), versions_of(ids)
    rows = []
    for entry in entries:
        library = None
        if libraries is not None:
            library = libraries.get(entry.meeting_id or entry.thematic_group_id, NETWORK)
        rows.append(
            EntryRow(
                entry, tuple(tags.get(entry.pk, ())), tuple(versions.get(entry.pk, ())), library
            )
        )
    return rows
