"""The access rule, applied to many pages or many people at once, in a fixed number of queries.

`network_pages.access` decides; this module only loads what it needs in bulk: the view
restrictions on every ancestor of a set of pages, and each user's groups.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db.models import F, QuerySet
from wagtail.models import Page, PageViewRestriction

from network_pages import access


def restrictions_by_page(pages: Sequence[Page]) -> dict[int, list[PageViewRestriction]]:
    """{page id: every restriction on the page or an ancestor}, in one or two queries.

    An alias has its source's restrictions, as in Wagtail (`Page.get_view_restrictions`).
    Its source's path is read here, unless the alias was read with it (`with_source_path`).
    """
    source_paths = {
        page.alias_of_id: page.source_path
        for page in pages
        if page.alias_of_id and getattr(page, "source_path", None)
    }
    alias_ids = {page.alias_of_id for page in pages if page.alias_of_id} - set(source_paths)
    if alias_ids:
        source_paths.update(Page.objects.filter(pk__in=alias_ids).values_list("pk", "path"))
    path_of = {
        page.pk: source_paths.get(page.alias_of_id, page.path) if page.alias_of_id else page.path
        for page in pages
    }
    # Each path's ancestors, worked out once (a page's path is looked at twice below).
    ancestors_of = {path: access.ancestor_paths(path) for path in set(path_of.values())}
    paths = {ancestor for ancestors in ancestors_of.values() for ancestor in ancestors}
    found: dict[str, list[PageViewRestriction]] = defaultdict(list)
    for restriction in access.restrictions_on_paths(paths):
        found[restriction.page.path].append(restriction)
    on_path = {
        path: [r for ancestor in ancestors for r in found.get(ancestor, ())]
        for path, ancestors in ancestors_of.items()
    }
    return {pk: list(on_path[path]) for pk, path in path_of.items()}


def with_source_path(pages: QuerySet) -> QuerySet:
    """Pages each with its source's path if it is an alias (`source_path`), in the same
    query: `restrictions_by_page` then reads no more than the restrictions."""
    return pages.annotate(source_path=F("alias_of__path"))


def may_view(user, restrictions: Iterable[PageViewRestriction]) -> bool:
    """`access.user_may_view_page`, for restrictions already loaded."""
    if not user.is_active:
        return False
    outcome = access.verdict_for_user(user, restrictions, verified=True)
    return outcome is access.Verdict.ALLOW


def pages_visible_to(user, pages: Sequence[Page]) -> list[Page]:
    """The pages (in order) that this user, once verified, may see."""
    if not user.is_authenticated:
        return []
    return visible_among(user, pages, restrictions_by_page(pages))


def visible_among(
    user, pages: Sequence[Page], restrictions: dict[int, list[PageViewRestriction]]
) -> list[Page]:
    """The pages (in order) that this user, once verified, may see, by their restrictions
    read in one go (`restrictions_by_page`): the rule is asked once per different set of
    restrictions, not once per page (the pages of a section share theirs; the network
    home weighs ~90 pages)."""
    verdicts: dict[tuple[int, ...], bool] = {}
    visible = []
    for page in pages:
        found = restrictions[page.pk]
        # The same restriction (its id) is the same object, with the same groups, in one read.
        key = tuple(restriction.pk for restriction in found)
        if key not in verdicts:
            verdicts[key] = may_view(user, found)
        if verdicts[key]:
            visible.append(page)
    return visible


def prime_group_names(users: Iterable) -> None:
    """Fill `access.group_names_of`'s per-user cache from prefetched `groups`."""
    for user in users:
        user._nfp_group_names = frozenset(group.name for group in user.groups.all())


def pages_readable_by(user, pages: Sequence[Page]) -> list[Page]:
    """The pages (in order) this user may read on the site: published, and open to them.
    What a follow, a notification setting or a listing may name (issue 13, 4)."""
    return pages_visible_to(user, [page for page in pages if page.live])
