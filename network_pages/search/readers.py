"""Which entries a reader may find: the one access rule, applied before the search runs.

Nothing here decides access: the pages an entry lives on go through
`access_sql.PageRule` (the access rule, `network_pages.access`, asked once per restricted
place and applied by the database to every page), a document through its collection's
restrictions and its owners' rules (`access_sql.readable_by_owners`), and an entry's
audience repeats the rule of the thing it stands for (`information.rules.may_read` for
responses). The search, its count, its facets and its highlights are then computed on what
is left, in the same queries, so that nothing else can show through; the work does not grow
with the number of entries the reader may read or that match.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from wagtail.documents import get_document_model
from wagtail.models import Page, get_page_models

from network_pages import access, access_sql, roles
from network_pages.community.comments import audience as comment_audience
from network_pages.community.models import ThematicGroupPage, ThematicGroupUpdatePage
from network_pages.information import rules
from network_pages.meetings.models import MeetingPage

from . import document_cache
from .models import SearchEntry

Audience = SearchEntry.Audience
Kind = SearchEntry.Kind
Document = get_document_model()
# The pages the search's filters offer: meetings, groups, and the groups' workspaces.
FILTER_PAGE_MODELS = (MeetingPage, ThematicGroupPage, ThematicGroupUpdatePage)


def may_search(user) -> bool:
    """Verified members and guests: a guest finds what is in the meetings opened to them."""
    if not access.is_verified(user):
        return False
    return access.is_member(user) or roles.GUESTS in access.group_names_of(user)


@dataclass(frozen=True)
class Reader:
    """A user about to search, with what every step of the search reads of them once: the
    access rule on pages, and the readable pages the filters offer (`reader_of`; a
    thematic group's comment audience is read from them too)."""

    user: Any
    rule: access_sql.PageRule
    pages: list[Page]


def reader_of(user) -> Reader:
    """Two queries: the pages' restrictions, then the restricted pages' aliases with the
    pages the filters offer: the live meetings, thematic groups and workspace updates
    holding entries (with each page's title, type, depth and, for a meeting, its
    opening), of which the user keeps those they may open."""
    types = ContentType.objects.get_for_models(*FILTER_PAGE_MODELS).values()
    # Whether a page holds entries, asked of each page of those types (the entries' index
    # on their page): `pk__in` the entries' pages read all 43,000 entries at network size.
    listed = Q(
        Exists(SearchEntry.objects.filter(page=OuterRef("pk"))),
        live=True,
        content_type__in=[content_type.pk for content_type in types],
    )
    listing = Page.objects.annotate(opening=F("meetingpage__opening")).only(
        "pk", "path", "depth", "alias_of_id", "content_type_id", "title"
    )
    rule, pages = access_sql.PageRule.for_pages(user, listing, listed)
    return Reader(user, rule, pages if access.is_verified(user) else [])


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


def _comment_pages(reader: Reader) -> QuerySet[Page]:
    """The pages whose comments this user reads (`community.comments.audience`): by their
    type when it says who reads them, else by each page's own audience (thematic groups and
    their workspace pages, asked for all at once: those the reader may open are already
    read, `Reader.pages`)."""
    user = reader.user
    fixed, asked = [], []
    for model in get_page_models():
        audience = getattr(model, "fixed_comment_audience", comment_audience.NETWORK_MEMBERS)
        if audience is None:
            asked.append(model)
        elif audience.includes(user):
            fixed.append(model)
    type_of = ContentType.objects.get_for_models(*fixed, *asked)
    read = Q(content_type__in=[type_of[model].pk for model in fixed])
    if asked and access.is_member(user):
        asked_types = {type_of[model].pk for model in asked}
        pages = [page for page in reader.pages if page.content_type_id in asked_types]
        unread = [model for model in asked if model not in FILTER_PAGE_MODELS]
        if unread:
            pages += Page.objects.filter(
                content_type__in=[type_of[model].pk for model in unread],
                pk__in=SearchEntry.objects.filter(kind=Kind.COMMENT).values("page_id"),
            ).only("pk", "path", "alias_of_id", "content_type_id")
        audiences = comment_audience.audiences_of(pages)
        read |= Q(pk__in=[pk for pk, audience in audiences.items() if audience.includes(user)])
    return Page.objects.live().filter(read, reader.rule.condition())


def _readable_documents(user, rule: access_sql.PageRule) -> Q:
    """The documents this verified user may download, exactly as the document view decides
    (`access.document_verdict_for_user`), as a condition on an entry's document: the
    restrictions of the document's collection and its ancestors, then, in a restricted
    collection, its owners (`access.readable_by_owners`, in the database:
    `access_sql.owner_rules`).

    Those the verdicts of which may be kept come as lists of ids, worked out once and kept
    for the reader's next searches (`document_cache`): the public ones, and those of
    restricted collections that the reader may open and no owner refuses. An owner rule
    read at every use (a response's) stays a condition, as does everything when some owner
    rule has no database form, and for the DMR, who has no owner rule."""
    collections = access_sql.TreeRule.for_collections(user)
    passed = collections.inside("collection__")
    public = collections.outside("collection__")
    if access.is_dmr(user):
        # Every document of the collections they may open, no owner rule: a cheap condition,
        # nothing worth keeping.
        readable = Document.objects.filter(public | passed).values("pk")
        return Q(document__in=access_sql.written_out(readable))
    every_use = access_sql.owner_rules(user, rule, kept=False)
    if every_use is None:
        # An owner rule without a database form: asked in Python, at every search.
        restricted = Document.objects.filter(passed).values_list("pk", flat=True)
        by_owners = Q(pk__in=access.readable_by_owners(user, restricted))
        readable = Document.objects.filter(public | passed & by_owners).values("pk")
        return Q(document__in=access_sql.written_out(readable))

    def read() -> tuple[list[int], list[int]]:
        documents = Document.objects.order_by()
        kept = passed & access_sql.owner_rules(user, rule).kept()
        return (
            list(documents.filter(public).values_list("pk", flat=True)),
            list(documents.filter(kept).values_list("pk", flat=True)),
        )

    public_ids, passed_ids = document_cache.kept_ids(_decided_by(user, rule, collections), read)
    passed_read = _document_among(passed_ids) & every_use.every_use("document")
    return _document_among(public_ids) | passed_read


def _decided_by(user, rule: access_sql.PageRule, collections: access_sql.TreeRule) -> str:
    """What decides which documents `user` may download, read now (`document_cache`): the
    reader (their groups, by name as the rule reads them, and the state they answer for)
    and the rule's verdicts on every restricted place of pages and collections."""
    groups = sorted(access.group_names_of(user))
    state = rules.represented_state(user)
    reader = (
        f"{user.pk}:{int(user.is_active)}:{int(user.is_superuser)}:{groups}:"
        f"{state.pk if state is not None else ''}"
    )
    return f"{reader}|{rule.places!r}|{collections.places!r}"


def _document_among(ids: list[int]) -> Q:
    """`document_id IN (1, 2, 3...)`, the ids written in the query: PostgreSQL compares them
    by hashing the list once (as parameters, 5,000 of them to pass at every search; as a
    subquery of an array, the database planned the search without its parallel workers)."""
    if not ids or connection.vendor != "postgresql":
        return Q(document__in=ids)
    # Integers read from the database, written by int(): nothing else reaches the SQL.
    written = ", ".join(str(int(pk)) for pk in ids)
    return Q(document__in=RawSQL(written, []))  # noqa: S611


def readable_entries(user, reader: Reader | None = None) -> QuerySet[SearchEntry]:
    """Every entry this user may read, and only those: the base of every search, as one
    condition that the database applies with the words (`reader`: `reader_of(user)`, if
    already read).

    An entry of a page (or of a response, a comment on it) is read on its page; a
    document's entry, by whoever may download the document, wherever it links to."""
    if not may_search(user):
        return SearchEntry.objects.none()
    reader = reader or reader_of(user)
    rule = reader.rule
    on_pages = [kind for kind in Kind.values if kind not in (Kind.COMMENT, Kind.DOCUMENT)]
    pages = Page.objects.live().filter(rule.condition()).values("pk")
    read_on_pages = Q(
        audience_filter(user),
        Q(kind__in=on_pages, page__in=pages)
        | Q(kind=Kind.COMMENT, page__in=_comment_pages(reader).values("pk")),
    )
    documents_read = Q(_readable_documents(user, rule), kind=Kind.DOCUMENT)
    return SearchEntry.objects.filter(read_on_pages | documents_read)
