"""The library entries a document is a version of (the owner rule of
`access.readable_by_owners`): its readers are the readers of the entry's library."""

from collections.abc import Collection, Iterator

from network_pages import access

from . import places
from .models import LibraryVersion


def _versions(document_ids: Collection[int]):
    return LibraryVersion.objects.filter(document_id__in=document_ids)


@access.attached_by(_versions)
def library_owners(user, document_ids: Collection[int]) -> Iterator[tuple[int, bool]]:
    verdicts: dict[tuple[str, int | None], bool] = {}
    versions = _versions(document_ids).select_related("entry__meeting", "entry__thematic_group")
    for version in versions:
        library = places.library_of(version.entry)
        key = (library.kind, library.page.pk if library.page else None)
        if key not in verdicts:
            verdicts[key] = places.may_read(user, library)
        yield version.document_id, verdicts[key]
