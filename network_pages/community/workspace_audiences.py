"""The comment audience of the thematic groups and of their workspace pages (updates),
answered together: a members-only group keeps its comments and its workspace's to its
members and the DMR (4.8), other groups' are the network's. One query for them all (the
network home's activity lists both), none when every group's setting is already at hand."""

from collections.abc import Iterable

from django.db.models import Q
from wagtail.models import Page

from network_pages import network_area
from network_pages.community import thematic_groups
from network_pages.community.comments.audience import CommentAudience


def workspace_comment_audiences(pages: Iterable[Page]) -> dict[int, CommentAudience]:
    """{page id: its comment audience}, for thematic group pages and update pages (and
    their aliases): a group's own setting decides, an update's group is its source's parent."""
    # The page types name this function: imported when asked.
    from network_pages.community.models import ThematicGroupPage, ThematicGroupUpdatePage

    pages = list(pages)
    updates = [page for page in pages if issubclass(page.specific_class, ThematicGroupUpdatePage)]
    groups = [page for page in pages if page not in updates]
    group_of = {page.pk: thematic_groups.source_id(page) for page in groups}
    members_only: set[int] = set()
    unread: set[int] = set()  # groups whose setting is not at hand
    for page in groups:
        source = network_area.source_if_read(page)
        if isinstance(source, ThematicGroupPage):
            # Sources read as groups already carry the setting (a page's routes, an
            # alias's too, whose source routing read with it).
            if source.workspace_members_only:
                members_only.add(source.pk)
        else:
            unread.add(group_of[page.pk])
    source_ids = {page.pk: page.alias_of_id or page.pk for page in updates}
    paths = {page.pk: page.path for page in updates if page.alias_of_id is None}
    for page in updates:
        source = network_area.source_if_read(page) if page.alias_of_id else None
        if source is not None:
            paths[source.pk] = source.path
    aliased = {
        source_ids[page.pk]
        for page in updates
        if page.alias_of_id is not None and source_ids[page.pk] not in paths
    }
    if aliased:
        paths.update(Page.objects.filter(pk__in=aliased).values_list("pk", "path"))
    parents = {path[: -Page.steplen] for path in paths.values()}
    group_at: dict[str, int] = {}
    if parents or unread:
        found = Page.objects.filter(Q(path__in=parents) | Q(pk__in=unread)).values_list(
            "path", "pk", "thematicgrouppage__workspace_members_only"
        )
        for path, pk, only in found:
            group_at[path] = pk
            if only:
                members_only.add(pk)
    for page_id, source in source_ids.items():
        group_of[page_id] = group_at.get(paths.get(source, "")[: -Page.steplen])
    return thematic_groups.comment_audiences(pages, group_of, members_only)
