"""The rows of a library's list of documents (a library, or all of them): each entry with
its tags' names and its files grouped by language, read for one page of the list in a
fixed number of queries of plain rows (issue 17: taggit's prefetch built a queryset for
every entry listed)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Prefetch

from .languages import LanguageVersions, grouped_by_language, language_labels
from .models import LibraryEntry, LibraryEntryTag, LibraryVersion
from .places import NETWORK, Library


@dataclass
class EntryRow:
    entry: LibraryEntry
    tag_names: list[str]
    language_versions: list[LanguageVersions]
    # The entry's library, where the list names it (every library's list).
    library: Library | None = None


def listed_versions() -> Prefetch:
    """The entries' files, with only what a list shows of them (their document's name)."""
    return Prefetch(
        "versions",
        queryset=LibraryVersion.objects.select_related("document")
        .only("entry_id", "language", "uploaded_at", "document__file")
        .order_by("language", "-uploaded_at", "-pk"),
    )


def tag_names_of(entry_ids: Iterable[int]) -> dict[int, list[str]]:
    """{entry id: its tags' names, in the order they were given}, in one query."""
    found: dict[int, list[str]] = {}
    rows = (
        LibraryEntryTag.objects.filter(content_object_id__in=list(entry_ids))
        .order_by("pk")
        .values_list("content_object_id", "tag__name")
    )
    for entry_id, name in rows:
        found.setdefault(entry_id, []).append(name)
    return found


def entry_rows(
    entries: Sequence[LibraryEntry], language: str | None, libraries: dict | None = None
) -> list[EntryRow]:
    """The rows of `entries` (their versions prefetched by `listed_versions`); with
    `libraries` ({page id: library}), each names its library (the network's by default)."""
    tags = tag_names_of(entry.pk for entry in entries)
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
                grouped_by_language(entry.versions.all(), language, labels),
                library,
            )
        )
    return rows
