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

import datetime
import hashlib
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, get_page_models

from network_pages import access, access_sql, roles
from network_pages.community.comments import audience as comment_audience
from network_pages.community.models import ThematicGroupPage, ThematicGroupUpdatePage
from network_pages.information import rules
from network_pages.meetings.models import MeetingPage

from . import document_cache, id_sets, rule_cache
from .models import SearchEntry, SearchText

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


class ListedPage(NamedTuple):
    """A page the filters offer (`forms.NetworkSearchForm`), as kept: what they show, sort
    and group by."""

    pk: int
    path: str
    depth: int
    title: str
    content_type_id: int
    # A meeting's opening (None for any other page).
    opening: datetime.datetime | None


@dataclass(frozen=True)
class Decided:
    """What the access rule decides for one reader, as plain values kept between their
    searches (`rule_cache`): the rule on pages (its verdicts on the restricted places, and
    the SQL of the pages it opens, compiled once), on collections, the pages the filters
    offer, the pages whose comments they read and, for the DMR, the SQL of the documents
    they may download."""

    page_places: list[access_sql._Place]
    # None when the rule's condition has no subquery (no restricted place, or an inactive
    # reader).
    pages_opened: tuple[str, tuple] | None
    collection_places: list[access_sql._Place]
    # The pages the filters offer, among those the reader may open.
    listed: list[ListedPage]
    # The page types whose comments the reader reads, and the pages of other types whose
    # comments they read (None: no page is asked).
    comment_types: list[int]
    comment_pages: list[int] | None
    dmr_documents: tuple[str, tuple] | None
    # The DMR may download every document there is (no collection refuses them): an
    # entry's document is then any document, with no list of them to compare it to.
    every_document: bool
    # On PostgreSQL, the live pages the reader may open and, among them, those whose
    # comments they read, as the database reads a list of ids (`_ids_array`): what
    # `readable_texts` asks of an entry's page, without weighing the rule on every page of the
    # site at every search (None elsewhere: the entries' condition asks the rule).
    pages_read: str | None
    comment_pages_read: str | None
    # The verdicts of the rule on every restricted place of pages and collections, as a
    # digest (for the kept documents' key, `_decided_by`).
    places: str


class KeptRule(access_sql.TreeRule):
    """A rule on pages rebuilt from what was kept (`Decided`): the same verdicts, with the
    SQL of the pages it opens compiled when it was decided. On pages themselves, its
    condition is their id among those (`opened`): the same pages as the tree paths' own
    condition, without compiling a hundred paths again at every use."""

    def __init__(
        self, user, places: list[access_sql._Place], opened: tuple[str, tuple] | None
    ) -> None:
        super().__init__(user, places)
        self.kept_opened = opened

    def opened(self) -> RawSQL:
        if self.kept_opened is None:
            return super().opened()
        sql, params = self.kept_opened
        return RawSQL(sql, params)  # noqa: S611 - the SQL Django compiled, its values as parameters

    def condition(self, prefix: str = "") -> Q:
        if prefix or self.kept_opened is None:
            return super().condition(prefix)
        return Q(pk__in=self.opened())


@dataclass(frozen=True)
class Reader:
    """A user about to search, with what every step of the search reads of them once: the
    access rule on pages and on collections, and the readable pages the filters offer
    (`reader_of`; a thematic group's comment audience is read from them too)."""

    user: Any
    rule: access_sql.PageRule
    pages: list[ListedPage]
    collections: access_sql.TreeRule
    decided: Decided


def reader_of(user) -> Reader:
    """The reader's rule as kept for their searches (`rule_cache`), or decided now
    (`decide`): no query once kept."""
    decided = rule_cache.kept(reader_identity(user), lambda: decide(user))
    rule = KeptRule(user, decided.page_places, decided.pages_opened)
    collections = access_sql.TreeRule(user, decided.collection_places, Collection)
    return Reader(
        user, rule, decided.listed if access.is_verified(user) else [], collections, decided
    )


def reader_identity(user) -> str:
    """What the rule reads of the reader: whether they are active or a superuser, their
    groups (by name, as the rule reads them) and the state they answer for."""
    groups = sorted(access.group_names_of(user))
    state = rules.represented_state(user)
    return (
        f"{user.pk}:{int(user.is_active)}:{int(user.is_superuser)}:{groups}:"
        f"{state.pk if state is not None else ''}"
    )


def decide(user) -> Decided:
    """Five queries or so: the pages' restrictions, then the restricted pages' aliases with
    the pages the filters offer: the live meetings, thematic groups and workspace updates
    holding entries (with each page's title, type, depth and, for a meeting, its opening),
    of which the user keeps those they may open; the collections' restrictions; the
    comment audiences of the pages that have their own; on PostgreSQL, the ids of the live
    pages the user may open (`_pages_read`)."""
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
    collections = access_sql.TreeRule.for_collections(user)
    comment_types, comment_pages = _comment_pages_read(user, pages)
    opened = None
    if user.is_active and rule.places:
        written = rule.opened()
        opened = (written.sql, tuple(written.params))
    dmr = access.is_dmr(user)
    every_document = dmr and collections.opens_everything()
    dmr_documents = None
    if dmr and not every_document:
        public = collections.outside("collection__")
        passed = collections.inside("collection__")
        readable = Document.objects.filter(public | passed).values("pk")
        written = access_sql.written_out(readable)
        dmr_documents = (written.sql, tuple(written.params))
    pages_read, comment_pages_read = _pages_read(rule, comment_types, comment_pages)
    places = hashlib.sha256(f"{rule.places!r}|{collections.places!r}".encode()).hexdigest()
    return Decided(
        page_places=rule.places,
        pages_opened=opened,
        collection_places=collections.places,
        listed=[
            ListedPage(
                page.pk, page.path, page.depth, page.title, page.content_type_id, page.opening
            )
            for page in pages
        ],
        comment_types=comment_types,
        comment_pages=comment_pages,
        dmr_documents=dmr_documents,
        every_document=every_document,
        pages_read=pages_read,
        comment_pages_read=comment_pages_read,
        places=places,
    )


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


def _comment_pages_read(user, pages: list[Page]) -> tuple[list[int], list[int] | None]:
    """The pages whose comments this user reads (`community.comments.audience`): by their
    type when it says who reads them (the types' ids), else by each page's own audience
    (thematic groups and their workspace pages, asked for all at once: those the reader may
    open are already read, `pages`): the ids of those whose audience includes the user
    (None when no page is asked)."""
    fixed, asked = [], []
    for model in get_page_models():
        audience = getattr(model, "fixed_comment_audience", comment_audience.NETWORK_MEMBERS)
        if audience is None:
            asked.append(model)
        elif audience.includes(user):
            fixed.append(model)
    type_of = ContentType.objects.get_for_models(*fixed, *asked)
    fixed_types = [type_of[model].pk for model in fixed]
    if not (asked and access.is_member(user)):
        return fixed_types, None
    asked_types = {type_of[model].pk for model in asked}
    pages = [page for page in pages if page.content_type_id in asked_types]
    unread = [model for model in asked if model not in FILTER_PAGE_MODELS]
    if unread:
        pages += Page.objects.filter(
            content_type__in=[type_of[model].pk for model in unread],
            pk__in=SearchEntry.objects.filter(kind=Kind.COMMENT).values("page_id"),
        ).only("pk", "path", "alias_of_id", "content_type_id")
    audiences = comment_audience.audiences_of(pages)
    return fixed_types, [pk for pk, audience in audiences.items() if audience.includes(user)]


def _pages_read(
    rule: access_sql.PageRule, comment_types: list[int], comment_pages: list[int] | None
) -> tuple[str | None, str | None]:
    """On PostgreSQL, the live pages the rule opens to the reader, and among them those whose
    comments they read (`_comment_pages`), as arrays of ids (`_ids_array`); (None, None)
    elsewhere. One query, where the search weighed the rule's hundreds of paths on each of
    the site's 4,000 pages, twice, at every search. Kept with the rule (`rule_cache`), they
    are as current as it is: every page saved, moved or deleted and every restriction
    changed starts a new generation of both."""
    if connection.vendor != "postgresql":
        return None, None
    opened = Page.objects.live().filter(rule.condition()).order_by("pk")
    pages, comments = [], []
    commented = set(comment_pages or ())
    for pk, content_type_id in opened.values_list("pk", "content_type_id"):
        pages.append(pk)
        if content_type_id in comment_types or pk in commented:
            comments.append(pk)
    return _ids_array(pages), _ids_array(comments)


def _ids_array(ids: list[int]) -> str:
    """The ids as PostgreSQL writes an array of integers (`{1,2,3}`), for `_among`."""
    return id_sets.array_of(ids)


def _among(field: str, ids: str) -> Q:
    """`field` among `ids`, the array one parameter (`id_sets.among`): the database hashes
    its elements once and looks each row up. At network size (4,000 pages, 5,000
    documents), a constant array (`= ANY(...)`) cost it some 12 ms to plan (it weighs every
    element against the column's statistics), a list written in the query some 8 ms; this,
    under 1 ms, and the array is the ids left out when they are fewer."""
    return id_sets.among(field, ids)


def _page_among(ids: str) -> Q:
    """An entry's page among `ids` (an array written by `_ids_array`)."""
    return _among("page", ids)


def _comment_pages(reader: Reader) -> QuerySet[Page]:
    """The pages whose comments this user reads (`_comment_pages_read`, as kept), among
    those they may open."""
    decided = reader.decided
    read = Q(content_type__in=decided.comment_types)
    if decided.comment_pages is not None:
        read |= Q(pk__in=decided.comment_pages)
    return Page.objects.live().filter(read, reader.rule.condition())


def _readable_documents(reader: Reader, *, arrays: bool = False) -> Q:
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
    user, rule, collections = reader.user, reader.rule, reader.collections
    if reader.decided.every_document:
        # Every document: an entry of one goes with it (a cascade), so any entry that names
        # a document names one that exists. At network size, the list of all 5,500 was
        # hashed by the database at every search of the DMR (~1 ms of the ranked query).
        return Q(document__isnull=False)
    if reader.decided.dmr_documents is not None:
        # Every document of the collections they may open, no owner rule: a cheap condition,
        # nothing worth keeping (its SQL is kept with the rule, `decide`).
        sql, params = reader.decided.dmr_documents
        return Q(document__in=RawSQL(sql, params))  # noqa: S611 - as compiled by Django
    every_use = access_sql.owner_rules(user, rule, kept=False)
    if every_use is None:
        # An owner rule without a database form: asked in Python, at every search.
        passed = collections.inside("collection__")
        restricted = Document.objects.filter(passed).values_list("pk", flat=True)
        by_owners = Q(pk__in=access.readable_by_owners(user, restricted))
        readable = Document.objects.filter(
            collections.outside("collection__") | passed & by_owners
        ).values("pk")
        return Q(document__in=access_sql.written_out(readable))

    def read() -> tuple[str | list[int], str | list[int]]:
        documents = Document.objects.order_by()
        public = collections.outside("collection__")
        kept = collections.inside("collection__") & access_sql.owner_rules(user, rule).kept()
        return (
            _written(list(documents.filter(public).values_list("pk", flat=True))),
            _written(list(documents.filter(kept).values_list("pk", flat=True))),
        )

    public_ids, passed_ids = document_cache.kept_ids(_decided_by(reader), read)
    passed_read = _document_among(passed_ids, arrays) & every_use.every_use("document")
    return _document_among(public_ids, arrays) | passed_read


def _decided_by(reader: Reader) -> str:
    """What decides which documents the reader may download (`document_cache`): the reader
    (their groups, by name as the rule reads them, and the state they answer for) and the
    rule's verdicts on every restricted place of pages and collections (a digest,
    `Decided.places`)."""
    return f"{reader_identity(reader.user)}|{reader.decided.places}"


def _written(ids: list[int]) -> str | list[int]:
    """The ids as `_document_among` reads them on PostgreSQL (the elements of an array), kept
    written (5,000 of them at network size: writing them was some 3 ms of every search); a
    list elsewhere, or when there are none."""
    if not ids or connection.vendor != "postgresql":
        return ids
    # Integers read from the database, written by int(): nothing else reaches the SQL.
    return ", ".join(str(int(pk)) for pk in ids)


def _document_among(ids: str | list[int], array: bool = False) -> Q:
    """An entry's document among `ids`, kept as `_written` writes them: on PostgreSQL, written
    in the query, `document_id IN (1, 2, 3...)`, as Wagtail's backend reads a condition (as
    parameters, 5,000 of them were to pass at every search; as a subquery of an array, the
    database planned the search without its parallel workers); with `array`, for the ranked
    query, the same ids as one array (`_among`), which the database plans in a fraction of
    the 8 ms the list costs it. Both are hashed once and each row looked up."""
    if not isinstance(ids, str):
        return Q(document__in=ids)
    if array:
        return _among("document", f"{{{ids}}}")
    return Q(document__in=RawSQL(ids, []))  # noqa: S611 - integers written by `_written`


def readable_condition(user, reader: Reader | None = None, *, arrays: bool = False) -> Q | None:
    """What an entry this user may read is, and only those, as one condition on the
    entry's kind, page, document, audience and member state, which the database applies
    with the words (`reader`: `reader_of(user)`, if already read); None when they may read
    nothing. Every table that has those columns takes it: the entries, and their indexed
    text on PostgreSQL (`SearchText`).

    An entry of a page (or of a response, a comment on it) is read on its page; a
    document's entry, by whoever may download the document, wherever it links to. The
    pages are those the rule opens now (subqueries), and the documents' ids lists written in
    the query: Wagtail's backend reads such conditions. With `arrays`, for the ranked query
    on PostgreSQL (`readable_texts`), the pages are the ids of the same pages kept with the
    reader's rule (`Decided.pages_read`), and the pages and documents arrays of ids."""
    if not may_search(user):
        return None
    reader = reader or reader_of(user)
    rule, decided = reader.rule, reader.decided
    on_pages = [kind for kind in Kind.values if kind not in (Kind.COMMENT, Kind.DOCUMENT)]
    if arrays and decided.pages_read is not None:
        pages_read = _page_among(decided.pages_read)
        comment_pages_read = _page_among(decided.comment_pages_read)
    else:
        pages_read = Q(page__in=Page.objects.live().filter(rule.condition()).values("pk"))
        comment_pages_read = Q(page__in=_comment_pages(reader).values("pk"))
    read_on_pages = Q(
        audience_filter(user),
        Q(pages_read, kind__in=on_pages) | Q(comment_pages_read, kind=Kind.COMMENT),
    )
    documents_read = Q(_readable_documents(reader, arrays=arrays), kind=Kind.DOCUMENT)
    return read_on_pages | documents_read


def readable_entries(user, reader: Reader | None = None) -> QuerySet[SearchEntry]:
    """Every entry this user may read, and only those: the base of every search."""
    condition = readable_condition(user, reader)
    if condition is None:
        return SearchEntry.objects.none()
    return SearchEntry.objects.filter(condition)


def readable_texts(user, reader: Reader | None = None) -> QuerySet[SearchText]:
    """The indexed text of every entry this user may read, and only those (PostgreSQL):
    the same condition as `readable_entries`, on the same columns, with the pages the rule
    opens as kept for the reader (`Decided.pages_read`)."""
    condition = readable_condition(user, reader, arrays=True)
    if condition is None:
        return SearchText.objects.none()
    return SearchText.objects.filter(condition)
