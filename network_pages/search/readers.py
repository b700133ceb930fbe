"""Which entries a reader may find: the one access rule, applied before the search runs.

Nothing here decides access: the pages an entry lives on go through
`community.visibility.pages_visible_to` (the access rule, `network_pages.access`, for many
pages at once), and an entry's audience repeats the rule of the thing it stands for
(`information.rules.may_read` for responses). The search, its count, its facets and its
highlights are then computed on what is left, so that nothing else can show through.
"""

from collections.abc import Iterable

from django.db.models import F, Q, QuerySet
from wagtail.models import Collection, Page

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


def readable_pages(user) -> list[Page]:
    """The live pages holding entries that this verified user may open, in a fixed number of
    queries: the pages, then the restrictions on them and their ancestors as the access
    rule reads them (`access.prime_view_restrictions`). Within a request, those
    restrictions are kept: the owner rule of documents attached to these pages (meetings,
    items, updates) reads none again. Each page carries its title, type, depth and, for a
    meeting, its opening (the search's filters offer them without another query)."""
    if not access.is_verified(user):
        return []
    pages = list(
        Page.objects.live()
        .filter(pk__in=SearchEntry.objects.values("page_id"))
        .annotate(opening=F("meetingpage__opening"))
        .only("pk", "path", "depth", "alias_of_id", "content_type_id", "title")
    )
    access.prime_view_restrictions(pages)
    return [page for page in pages if visibility.may_view(user, access.view_restrictions_of(page))]


def readable_page_ids(user) -> list[int]:
    return [page.pk for page in readable_pages(user)]


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


def readable_document_ids(user, among: Iterable[int] | None = None) -> list[int]:
    """The indexed documents this verified user may download, exactly as the document view
    decides (`access.document_verdict_for_user`): the restrictions of the document's
    collection and its ancestors, then, in a restricted collection, its owners
    (`access.readable_by_owners`). A fixed number of queries: the documents, their
    collections' restrictions, and one or two per kind of owner.

    `among`, when given, narrows the question to those documents (the ones whose entries
    match a search: `matching_document_ids`), so that the work done here follows the
    documents that match, not every document of the network. The rule is the same: a
    document outside `among` is simply not asked about, and not returned."""
    if not access.is_verified(user):
        return []
    entries = SearchEntry.objects.filter(kind=Kind.DOCUMENT, document__isnull=False)
    if among is not None:
        among = set(among)
        if not among:
            return []
        entries = entries.filter(document_id__in=among)
    rows = list(
        entries.values_list("document_id", "document__collection_id", "document__collection__path")
    )
    if not rows:
        return []
    collections = {pk: Collection(pk=pk, path=path) for _document, pk, path in rows}
    public, passed = access.collections_passed(user, collections.values(), verified=True)
    public, passed = set(public), set(passed)
    open_to_all = [document for document, pk, _path in rows if pk in public]
    owned = [document for document, pk, _path in rows if pk in passed]
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
