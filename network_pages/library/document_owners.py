"""The library entries a document is a version of (the owner rule of
`access.readable_by_owners`): its readers are the readers of the entry's library."""

from collections.abc import Collection, Iterator

from django.db.models import F, Q

from network_pages import access, access_sql
from network_pages.community import thematic_groups
from nfp_site.prepared_sql import AnyOf

from . import places
from .models import LibraryVersion


def _versions(document_ids: Collection[int]):
    return LibraryVersion.objects.filter(AnyOf(F("document_id"), document_ids))


def _workspace_group_ids(user) -> list[int]:
    """The thematic groups (source pages) whose Django group the user is in."""
    prefix = thematic_groups.GROUP_PREFIX
    names = access.group_names_of(user)
    suffixes = (name.removeprefix(prefix) for name in names if name.startswith(prefix))
    return [int(pk) for pk in suffixes if pk.isdigit()]


def _readable_libraries(user, pages: access_sql.PageRule) -> Q:
    """`places.may_read` the entry's library, as a condition on a version."""
    is_dmr = access.is_dmr(user)
    network = Q(entry__meeting__isnull=True, entry__thematic_group__isnull=True)
    readable = network if user.is_active and access.is_member(user) else access_sql.NOTHING
    meeting = Q(entry__meeting__isnull=False) & pages.condition("entry__meeting__")
    group = Q(entry__thematic_group__isnull=False) & pages.condition("entry__thematic_group__")
    if not is_dmr:
        meeting &= Q(entry__meeting__live=True)
        mine = _workspace_group_ids(user)
        # A group's source decides (`thematic_groups.source_id`).
        in_workspace = Q(
            entry__thematic_group__alias_of__isnull=True, entry__thematic_group_id__in=mine
        ) | Q(entry__thematic_group__alias_of_id__in=mine)
        group &= Q(entry__thematic_group__live=True) & (
            Q(entry__thematic_group__workspace_members_only=False) | in_workspace
        )
    return readable | meeting | group


def library_in_sql(user, pages: access_sql.PageRule):
    versions = LibraryVersion.objects.values("document_id")
    readable = versions.filter(_readable_libraries(user, pages)).values("pk")
    return versions, versions.exclude(pk__in=readable)


@access_sql.in_sql(library_in_sql)
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
