"""Which entries a reader may find: the one access rule, applied before the search runs.

Nothing here decides access: the pages an entry lives on go through
`community.visibility.pages_visible_to` (the access rule, `network_pages.access`, for many
pages at once), and an entry's audience repeats the rule of the thing it stands for
(`information.rules.may_read` for responses). The search, its count, its facets and its
highlights are then computed on what is left, so that nothing else can show through.
"""

from django.db.models import Q, QuerySet
from wagtail.models import Collection, CollectionViewRestriction, Page

from network_pages import access, roles
from network_pages.community import visibility
from network_pages.community.comments import audience as comment_audience
from network_pages.information import rules

from .models import SearchEntry

Audience = SearchEntry.Audience
Kind = SearchEntry.Kind


def may_search(user) -> bool:
    """Verified members and guests: a guest finds what is in the meetings opened to them."""
    if not access.is_verified(user):
        return False
    return access.is_member(user) or roles.GUESTS in access.group_names_of(user)


def readable_page_ids(user) -> list[int]:
    """The live pages holding entries that this verified user may open, in a fixed number of
    queries: the pages, the restrictions on them and their ancestors, the user's groups."""
    if not access.is_verified(user):
        return []
    pages = list(
        Page.objects.live()
        .filter(pk__in=SearchEntry.objects.values("page_id"))
        .only("pk", "path", "alias_of_id")
    )
    return [page.pk for page in visibility.pages_visible_to(user, pages)]


def audience_filter(user) -> Q:
    """The audiences of entries this user belongs to, on a page they may open."""
    if access.is_dmr(user):
        return Q()
    allowed = Q(audience=Audience.PAGE_READERS)
    if access.is_member(user):
        allowed |= Q(audience=Audience.MEMBERS)
        state = rules.represented_state(user)
        if state is not None:
            allowed |= Q(audience=Audience.STATE_AND_DMR, member_state=state)
    return allowed


def comment_page_ids(user, page_ids: list[int]) -> list[int]:
    """The pages, among those, whose comments this user reads: each page's comment
    audience (`community.comments.audience`), for all pages at once."""
    pages = Page.objects.filter(
        pk__in=SearchEntry.objects.filter(kind=Kind.COMMENT, page__in=page_ids).values("page_id")
    ).only("pk", "path", "alias_of_id", "content_type_id")
    audiences = comment_audience.audiences_of(list(pages))
    return [page_id for page_id, audience in audiences.items() if audience.includes(user)]


def _ancestor_paths(path: str) -> list[str]:
    """A collection's path and its ancestors' (`Collection.get_ancestors(inclusive=True)`)."""
    step = Collection.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def readable_document_ids(user) -> list[int]:
    """The indexed documents this verified user may download, exactly as the document view
    decides (`access.document_verdict_for_user`): the restrictions of the document's
    collection and its ancestors, then, in a restricted collection, its owners
    (`access.readable_by_owners`). A fixed number of queries: the documents, every
    collection restriction, and one or two per kind of owner."""
    if not access.is_verified(user):
        return []
    rows = SearchEntry.objects.filter(kind=Kind.DOCUMENT, document__isnull=False).values_list(
        "document_id", "document__collection__path"
    )
    by_path: dict[str, list[int]] = {}
    for document_id, path in rows:
        by_path.setdefault(path, []).append(document_id)
    if not by_path:
        return []
    restrictions = access.restrictions_with_groups(Q(), CollectionViewRestriction)
    open_to_all, owned = [], []
    for path, document_ids in by_path.items():
        ancestors = set(_ancestor_paths(path))
        applying = [r for r in restrictions if r.collection.path in ancestors]
        if not applying:
            open_to_all.extend(document_ids)
        elif access.verdict_for_user(user, applying, verified=True) is access.Verdict.ALLOW:
            owned.extend(document_ids)
    return open_to_all + sorted(access.readable_by_owners(user, owned))


def readable_entries(
    user, page_ids: list[int] | None = None, document_ids: list[int] | None = None
) -> QuerySet[SearchEntry]:
    """Every entry this user may read, and only those: the base of every search.
    `page_ids` and `document_ids`, when given, are `readable_page_ids(user)` and
    `readable_document_ids(user)` already computed.

    An entry of a page (or of a response, a comment on it) is read on its page; a
    document's entry, by whoever may download the document, wherever it links to."""
    if not may_search(user):
        return SearchEntry.objects.none()
    if page_ids is None:
        page_ids = readable_page_ids(user)
    if document_ids is None:
        document_ids = readable_document_ids(user)
    on_pages = [kind for kind in Kind.values if kind not in (Kind.COMMENT, Kind.DOCUMENT)]
    comments_read = Q(kind=Kind.COMMENT, page__in=comment_page_ids(user, page_ids))
    read_on_pages = Q(
        audience_filter(user), Q(kind__in=on_pages) | comments_read, page__in=page_ids
    )
    documents_read = Q(kind=Kind.DOCUMENT, document__in=document_ids)
    return SearchEntry.objects.filter(read_on_pages | documents_read)
