"""Where a library file is shown: its entry's page (with its versions and language
versions), not the bare download. Registered under the members' search's
`DOCUMENT_PLACES_HOOK`; who finds the file stays the owner rule (`document_owners`)."""

from collections.abc import Collection, Iterator

from network_pages.search.document_places import Place

from .models import LibraryVersion

ENTRY_VIEW = "library:entry"


def library_places(document_ids: Collection[int]) -> Iterator[Place]:
    """One query for all the documents: each version's entry, its meeting or group (the
    search's meeting and group filters find it there) and its author state."""
    versions = LibraryVersion.objects.filter(document_id__in=document_ids).values_list(
        "document_id",
        "entry_id",
        "entry__meeting_id",
        "entry__thematic_group_id",
        "entry__member_state_id",
    )
    for document_id, entry_id, meeting_id, group_id, state_id in versions:
        yield Place(
            document_id,
            meeting_id or group_id,
            member_state_id=state_id,
            view_name=ENTRY_VIEW,
            view_pk=entry_id,
        )
