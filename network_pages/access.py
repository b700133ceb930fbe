"""The one access rule: may this request see this page, document, comment or search hit?

Authenticated, verified with a one-time password, and in a group that every view
restriction on the thing names (DESIGN.md, "One access rule"; working methods 3.1).
A guest (1.2) must moreover be named by a group of their own, such as the guests of one
meeting: the generic Guests group on the network root only lets them pass through it.
Every surface that shows network content calls this module.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import Enum

from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail import hooks
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    TaskState,
)

from network_pages import roles
from nfp_site.prepared_sql import AnyOf, prepared, prepared_array, prepared_objects


class Verdict(Enum):
    ALLOW = "allow"
    SIGN_IN = "sign_in"  # anonymous: sign in first
    VERIFY = "verify"  # signed in with a password only: enter a code first
    REFUSE = "refuse"  # verified, but not in a group the restriction names


def is_verified(user) -> bool:
    """Signed in and past the one-time password step."""
    return bool(user.is_authenticated and user.is_verified())


def group_names_of(user) -> frozenset[str]:
    """The user's group names, read once per user object.

    The groups are kept as Django keeps prefetched ones, so that Wagtail's own restriction
    check (`user.groups.all()`) reads them from there too."""
    # Asked a few hundred times by a page that weighs every meeting: what was read first.
    names = getattr(user, "_nfp_group_names", None)
    if names is not None:
        return names
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_nfp_group_names"):
        user = getattr(user, "_wrapped", user)  # request.user: the user behind it
        if "groups" not in getattr(user, "_prefetched_objects_cache", {}):
            # As prefetch_related("groups"), with its SQL compiled once (prepared_sql).
            groups = prepared_objects("access.groups_of", _groups_of, user.pk)
            _keep_as_prefetched(user, "groups", groups)
        user._nfp_group_names = frozenset(group.name for group in user.groups.all())
    return user._nfp_group_names


def _groups_of(user_id: int) -> QuerySet:
    return Group.objects.filter(user=user_id)


def view_restrictions_of(page: Page) -> list[BaseViewRestriction]:
    """`page.get_view_restrictions()` with their groups, read once per page object, in one
    query however deep the page.

    As in Wagtail, a page or ancestor that is an alias counts with its source's own
    restrictions. The groups come in the same rows and are kept as Django keeps prefetched
    ones (`restriction.groups.all()` reads no more)."""
    if not hasattr(page, "_nfp_view_restrictions"):
        read = _restrictions_read.get()
        if read is None:
            page._nfp_view_restrictions = _view_restrictions_at(page.path)
        else:
            if page.path not in read:
                read[page.path] = _view_restrictions_at(page.path)
            page._nfp_view_restrictions = read[page.path]
    return page._nfp_view_restrictions


def ancestor_paths(path: str, steplen: int = Page.steplen) -> list[str]:
    """A tree node's path and its ancestors' (root first): `get_ancestors(inclusive=True)`
    without a query, for pages and collections alike."""
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def _restrictions_at_paths(paths: list[str]) -> QuerySet:
    return _restriction_rows(
        Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths),
        PageViewRestriction,
    )


def _view_restrictions_at(path: str) -> list[BaseViewRestriction]:
    # Every network page asks this: its SQL is compiled once per depth (prepared_sql).
    sql, params = prepared("access.restrictions_at", _restrictions_at_paths, ancestor_paths(path))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return _restrictions_from_rows(rows, PageViewRestriction)


# {page path: its restrictions}, for the request being served: a page reached twice in one
# request (as the page served, then as the owner of a document it shows) is read once.
_restrictions_read: ContextVar[dict[str, list[BaseViewRestriction]] | None] = ContextVar(
    "nfp_restrictions_read", default=None
)


@contextmanager
def restrictions_read_once() -> Iterator[None]:
    """Within this block (a request), a page's restrictions are read once."""
    token = _restrictions_read.set({})
    try:
        yield
    finally:
        _restrictions_read.reset(token)


def restrictions_changed(sender, **kwargs) -> None:
    """Connected (apps.py) to a page restriction's save and deletion and to page moves:
    the request reads the restrictions again from there on."""
    read = _restrictions_read.get()
    if read is not None:
        read.clear()


def prime_view_restrictions(pages: Iterable[Page]) -> None:
    """`view_restrictions_of` for many pages at once, in one query: each page keeps its
    restrictions as if it had been asked alone (for owner rules that weigh many pages).
    Within `restrictions_read_once`, what the request already read is not read again, and
    what is read here is kept for the rest of the request."""
    read = _restrictions_read.get()
    pages = [page for page in pages if not hasattr(page, "_nfp_view_restrictions")]
    if read is not None:
        for page in pages:
            if page.path in read:
                page._nfp_view_restrictions = read[page.path]
        pages = [page for page in pages if not hasattr(page, "_nfp_view_restrictions")]
    if not pages:
        return
    paths = {ancestor for page in pages for ancestor in ancestor_paths(page.path)}
    # As `_view_restrictions_at`: a page's own restrictions, unless it is an alias, which
    # (page or ancestor) counts with its source's; each row says which alias reached it.
    # Its SQL compiled once per number of paths (prepared_sql): a list weighs every meeting.
    ordered = sorted(paths)
    sql, params = prepared("access.prime_restrictions", _restrictions_reached, ordered, ordered)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    reached: dict[str, dict[int, BaseViewRestriction]] = {}
    found_via = _restrictions_from_rows(rows, PageViewRestriction, via=_REACHED_VIA)
    for restriction, (alias_of, alias_path) in found_via:
        if alias_of is None and restriction.page.path in paths:
            reached.setdefault(restriction.page.path, {})[restriction.pk] = restriction
        if alias_path in paths:
            reached.setdefault(alias_path, {})[restriction.pk] = restriction
    found = {path: list(restrictions.values()) for path, restrictions in reached.items()}
    for page in pages:
        page._nfp_view_restrictions = [
            restriction
            for ancestor in ancestor_paths(page.path)
            for restriction in found.get(ancestor, [])
        ]
        if read is not None:
            read[page.path] = page._nfp_view_restrictions


_REACHED_VIA = ("page__alias_of_id", "page__aliases__path")


def _restrictions_reached(paths: list[str], alias_paths: list[str]) -> QuerySet:
    """The restrictions on `paths` (not aliases) and on the sources of the aliases at
    `alias_paths`, each row saying which alias reached it (`prime_view_restrictions`)."""
    where = Q(page__path__in=paths, page__alias_of__isnull=True)
    where |= Q(page__aliases__path__in=alias_paths)
    return _restriction_rows(where, PageViewRestriction, via=_REACHED_VIA)


def restrictions_on_paths(paths: Iterable[str]) -> list[PageViewRestriction]:
    """`restrictions_with_groups(Q(page__path__in=paths))`: the restrictions on the pages at
    these tree paths (aliases' own, as they are), each with its groups. Lists of pages
    (the network home's activity) ask it on every request: its SQL is compiled once per
    number of paths elsewhere (prepared_sql); in PostgreSQL once, the paths one array
    parameter (`prepared_array`: the network home asks ~200)."""
    paths = sorted(set(paths))
    if not paths:
        return []
    if connection.vendor == "postgresql":
        sql, params = prepared_array(
            "access.restrictions_on_paths", _restrictions_on_path_array, paths
        )
    else:
        sql, params = prepared("access.restrictions_on_paths", _restrictions_on_paths, paths)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return _restrictions_from_rows(rows, PageViewRestriction)


def _restrictions_on_paths(paths: list[str]) -> QuerySet:
    return _restriction_rows(Q(page__path__in=paths), PageViewRestriction)


def _restrictions_on_path_array(paths: list[str]) -> QuerySet:
    """`_restrictions_on_paths`, the paths one parameter (`AnyOf`): equal to one of them,
    as `__in` (no path is a pattern)."""
    return _restriction_rows(AnyOf(F("page__path"), paths), PageViewRestriction)


def restrictions_with_groups(
    where: Q, model: type[BaseViewRestriction] = PageViewRestriction, *, via: tuple = ()
) -> list:
    """The view restrictions (of pages, or of collections) matching `where`, in one query:
    each with its groups (as if prefetched) and its page's or collection's id and tree path
    (`restriction.page.path`, `restriction.collection.path`).

    With `via` (field names), [(restriction, (values of those fields))] instead, one for
    each different set of values the restriction was found with."""
    return _restrictions_from_rows(_restriction_rows(where, model, via=via), model, via=via)


def _restriction_rows(where: Q, model: type[BaseViewRestriction], *, via: tuple = ()) -> QuerySet:
    target = "collection" if model is CollectionViewRestriction else "page"
    return (
        model.objects.filter(where)
        .values_list(
            "pk",
            f"{target}_id",
            f"{target}__path",
            "restriction_type",
            "password",
            "groups",
            "groups__name",
            *via,
        )
        .order_by("pk")
        .distinct()
    )


def _restrictions_from_rows(
    rows: Iterable[tuple], model: type[BaseViewRestriction], *, via: tuple = ()
) -> list:
    target = "collection" if model is CollectionViewRestriction else "page"
    target_model = model._meta.get_field(target).related_model
    restrictions: dict[int, BaseViewRestriction] = {}
    groups: dict[int, dict[int, Group]] = {}
    # One Group object per group, shared by the restrictions naming it (read only).
    group_objects: dict[int, Group] = {}
    found_via: dict[tuple, None] = {}
    # As rows read with `only(...)`: made from keywords, a model costs several times more.
    fields = ["id", "restriction_type", "password", f"{target}_id"]
    for pk, target_id, path, kind, password, group_id, group_name, *values in rows:
        if pk not in restrictions:
            restriction = model.from_db(None, fields, [pk, kind, password, target_id])
            # Only what the access rule and the callers read of the target: where it is (as
            # a row read with `only("id", "path")`: a page made from keywords costs ~0.3 ms).
            located = target_model.from_db(None, ["id", "path"], [target_id, path])
            setattr(restriction, target, located)
            restrictions[pk] = restriction
            groups[pk] = {}
        if group_id is not None:
            if group_id not in group_objects:
                group = Group.from_db(None, ["id", "name"], [group_id, group_name])
                group_objects[group_id] = group
            groups[pk][group_id] = group_objects[group_id]
        found_via[(pk, *values)] = None
    for pk, restriction in restrictions.items():
        _keep_groups(restriction, list(groups[pk].values()))
    if via:
        return [(restrictions[pk], tuple(values)) for pk, *values in found_via]
    return list(restrictions.values())


def _keep_groups(restriction: BaseViewRestriction, groups: list[Group]) -> None:
    """`_keep_as_prefetched(restriction, "groups", groups)`, its queryset made only when
    something asks for it: the access rule reads the names alone (`restriction_group_names`),
    and a list weighs every meeting's restriction (~0.1 ms each for a queryset none reads)."""
    if not hasattr(restriction, "_prefetched_objects_cache"):
        restriction._prefetched_objects_cache = {}
    restriction._prefetched_objects_cache["groups"] = _KeptGroups(restriction, groups)


class _KeptGroups:
    """A restriction's groups, read with it, standing where Django keeps prefetched ones. Any
    use but their names (`.all()`, `.filter()`, iterating...) first makes the queryset
    `prefetch_related("groups")` would have left, which then takes its place for good: a
    filter on it is the relation's, as it would be."""

    __slots__ = ("restriction", "groups", "_nfp_group_names")

    def __init__(self, restriction: BaseViewRestriction, groups: list[Group]) -> None:
        self.restriction = restriction
        self.groups = groups
        self._nfp_group_names = frozenset(group.name for group in groups)

    def queryset(self) -> QuerySet:
        cache = self.restriction._prefetched_objects_cache
        if cache.get("groups") is self:
            del cache["groups"]
            _keep_as_prefetched(self.restriction, "groups", self.groups)
        return cache["groups"]

    def __getattr__(self, name: str):
        return getattr(self.queryset(), name)

    def __iter__(self):
        return iter(self.queryset())

    def __len__(self) -> int:
        return len(self.queryset())

    def __bool__(self) -> bool:
        return bool(self.queryset())

    def __getitem__(self, key):
        return self.queryset()[key]

    def __contains__(self, item) -> bool:
        return item in self.queryset()


def _keep_as_prefetched(instance, relation: str, objects: list) -> None:
    """What `prefetch_related(relation)` leaves on `instance`, from objects already read."""
    queryset = getattr(instance, relation).all()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[relation] = queryset


_MEMBER_GROUPS = frozenset(roles.MEMBER_GROUPS)


def is_member(user) -> bool:
    """In one of the network's member groups (not a guest)."""
    return user.is_superuser or not _MEMBER_GROUPS.isdisjoint(group_names_of(user))


def is_dmr(user) -> bool:
    return user.is_superuser or roles.DMR_SECRETARIAT in group_names_of(user)


def restriction_group_names(restriction: BaseViewRestriction) -> frozenset[str]:
    """The names of the groups a restriction lets in. Read from its prefetched groups, they
    are kept with them (a list weighs the same restrictions for many pages: each
    `restriction.groups` built a manager); a change of its groups drops both."""
    prefetched = getattr(restriction, "_prefetched_objects_cache", {}).get("groups")
    if prefetched is None:
        return frozenset(group.name for group in restriction.groups.all())
    names = getattr(prefetched, "_nfp_group_names", None)
    if names is None:
        names = prefetched._nfp_group_names = frozenset(group.name for group in prefetched)
    return names


def verdict_for_user(
    user, restrictions: Iterable[BaseViewRestriction], *, verified: bool
) -> Verdict:
    """The rule itself, for a user whose second factor is (or is not) verified."""
    restrictions = list(restrictions)
    if not restrictions:
        return Verdict.ALLOW
    if not user.is_authenticated:
        return Verdict.SIGN_IN
    if not verified:
        return Verdict.VERIFY
    if user.is_superuser:
        return Verdict.ALLOW
    user_groups = group_names_of(user)
    naming_groups: set[str] = set()
    for restriction in restrictions:
        if restriction.restriction_type == BaseViewRestriction.GROUPS:
            allowed = restriction_group_names(restriction)
            if not allowed & user_groups:
                return Verdict.REFUSE
            naming_groups |= allowed & user_groups
        elif restriction.restriction_type != BaseViewRestriction.LOGIN:
            # Shared passwords are not a way into confidential content.
            return Verdict.REFUSE
    if not is_member(user) and not naming_groups - {roles.GUESTS}:
        return Verdict.REFUSE
    return Verdict.ALLOW


def verdict(request: HttpRequest, restrictions: Iterable[BaseViewRestriction]) -> Verdict:
    return verdict_for_user(request.user, restrictions, verified=is_verified(request.user))


def page_verdict(request: HttpRequest, page: Page) -> Verdict:
    return verdict(request, view_restrictions_of(page))


# Files follow their owner: each app that attaches documents to something (a response, an
# item, a meeting, a workspace update) registers a function under this hook name. Called
# as `owners(user, document_ids)`, it yields `(document_id, may_read)` for every attachment
# of those documents that it knows, `may_read` saying whether `user` (verified) may read
# the thing the document is attached to.
DOCUMENT_OWNERS_HOOK = "nfp_document_owners"


def document_owner_hooks() -> list:
    return hooks.get_hooks(DOCUMENT_OWNERS_HOOK)


def attached_by(rows, read=None):
    """Decorates a document owners hook with `rows(document_ids)`: a query of the rows that
    attach some of those documents (at least every one the hook would yield). The
    `readable_by_owners` rule asks every hook's rows in one query, and calls only the hooks
    with rows: a page's documents cost their owners' queries, not one per owning app.

    With `read`, a pair `(query(document_ids), verdicts(user, rows))` that is the hook
    itself in two halves: the query of what it reads, and its verdicts on the rows read. A
    caller sure that the hook has rows (`readable_by_owners(..., listed_by=)`) then gets
    the other hooks' probe in that same query."""

    def decorate(owners):
        owners.nfp_attached = rows
        if read is not None:
            owners.nfp_read = read
        return owners

    return decorate


def _attached_sql(owners, document_ids: list[int]) -> tuple[str, list]:
    """The SQL of a hook's rows among `document_ids` (`attached_by`), compiled once per
    hook and number of documents (`prepared`): a page asks every hook, on every request."""
    rows = owners.nfp_attached
    name = f"access.attached:{owners.__module__}.{owners.__qualname__}"
    # Whether there is a row, not what it holds: its key alone, a shorter SQL text.
    return _compiled_for_ids(name, lambda ids: rows(ids).order_by().values("pk"), document_ids)


def _compiled_for_ids(name: str, build, document_ids: list[int]) -> tuple[str, list]:
    """`prepared`, or in PostgreSQL `prepared_array` (the hooks' rows take the ids as one
    array parameter, `AnyOf`): the same SQL text for any number of documents, which psycopg
    parses once, where ~40 ids written out as parameters in each of six probes were parsed
    again at every meeting page (issue 17)."""
    if connection.vendor == "postgresql":
        return prepared_array(name, build, document_ids)
    return prepared(name, build, document_ids)


def _probes(owner_hooks: list, document_ids: list[int], but=None) -> list[tuple[int, str, list]]:
    """(number, SQL, parameters) of each hook's rows that says (`attached_by`), but `but`."""
    return [
        (number, *_attached_sql(owners, document_ids))
        for number, owners in enumerate(owner_hooks)
        if owners is not but and getattr(owners, "nfp_attached", None) is not None
    ]


def _exists_columns(probes: list[tuple[int, str, list]]) -> tuple[str, list]:
    """`EXISTS(rows)` of each probe, as the columns of a SELECT, and their parameters."""
    columns = ", ".join(f"EXISTS({sql})" for _number, sql, _params in probes)
    return columns, [param for _number, _sql, params in probes for param in params]


def _hooks_with_attachments(
    owner_hooks: list, document_ids: set[int], found: set[int] | None = None
) -> list:
    """The hooks that may know some of `document_ids`: those with rows among them (one
    query for all, unless `found`, their numbers, is known already), and any hook that does
    not say (`attached_by`)."""
    if found is None:
        probes = _probes(owner_hooks, sorted(document_ids))
        if not probes:
            return owner_hooks
        columns, params = _exists_columns(probes)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns}", params)
            answers = cursor.fetchone()
        probed = zip(probes, answers, strict=True)
        found = {number for (number, _sql, _params), exists in probed if exists}
    return [
        owners
        for number, owners in enumerate(owner_hooks)
        if number in found or not hasattr(owners, "nfp_attached")
    ]


def _read_first(user, owner_hooks: list, first, document_ids: set[int]):
    """([(document id, may read)] of the hook `first`, the numbers of the other hooks with
    rows among `document_ids`, or None when `first` read no row to carry them): in the one
    query of `first` (`attached_by`'s `read`: a query of values), each other hook's probe as
    a column. Its SQL and the probes' are compiled once per number of documents (in
    PostgreSQL once)."""
    query, verdicts = first.nfp_read
    ids = sorted(document_ids)
    name = f"access.read:{first.__module__}.{first.__qualname__}"
    sql, params = _compiled_for_ids(name, lambda ids: query(ids).order_by(), ids)
    probes = _probes(owner_hooks, ids, but=first)
    if probes:
        columns, probe_params = _exists_columns(probes)
        # Only SQL that Django compiled, its values as parameters.
        sql = f"SELECT nfp_rows.*, {columns} FROM ({sql}) nfp_rows"  # noqa: S608
        params = probe_params + params
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows:
        return [], None
    width = len(rows[0]) - len(probes)
    found = {owner_hooks.index(first)}
    probed = zip(probes, rows[0][width:], strict=True)
    found |= {number for (number, _sql, _params), exists in probed if exists}
    return list(verdicts(user, [row[:width] for row in rows])), found


def readable_by_owners(user, document_ids: Iterable[int], *, listed_by=None) -> set[int]:
    """Of `document_ids` (documents in restricted collections), those `user` may read by
    the owner rule: attached to at least one thing, and the user may read every thing it is
    attached to. A document attached to nothing is the DMR's alone; so is a document still
    attached to one thing the user may not read (a draft, an item waiting for review).

    One query finds which owners the documents have; then each of those owners' own.
    `listed_by`: a hook that the caller knows has rows for these documents (a meeting's
    own documents are listed by meetings), asked first with that query in its own."""
    document_ids = set(document_ids)
    if not document_ids or is_dmr(user):
        return document_ids
    owner_hooks = document_owner_hooks()
    answers, found = [], None
    if listed_by in owner_hooks and hasattr(listed_by, "nfp_read"):
        answers, found = _read_first(user, owner_hooks, listed_by, document_ids)
    others = _hooks_with_attachments(owner_hooks, document_ids, found)
    if found is not None:
        others = [owners for owners in others if owners is not listed_by]
    answers += [answer for owners in others for answer in owners(user, document_ids)]
    owned: set[int] = set()
    refused: set[int] = set()
    for document_id, may_read in answers:
        owned.add(document_id)
        if not may_read:
            refused.add(document_id)
    return owned - refused


def document_verdict_for_user(user, document, *, verified: bool) -> Verdict:
    """The collection's restrictions first (sign in, verify, the collection's groups), then,
    for a document in a restricted collection, its owners (`readable_by_owners`)."""
    restrictions = collection_restrictions_of(document)
    outcome = verdict_for_user(user, restrictions, verified=verified)
    if outcome is not Verdict.ALLOW or not restrictions:
        return outcome
    return Verdict.ALLOW if readable_by_owners(user, [document.pk]) else Verdict.REFUSE


def collection_restrictions_of(document) -> list[CollectionViewRestriction]:
    """The restrictions on the document's collection and its ancestors, with their groups:
    one query, once per document object."""
    if not hasattr(document, "_nfp_collection_restrictions"):
        collection = document.collection
        document._nfp_collection_restrictions = restrictions_by_collection([collection])[
            collection.pk
        ]
    return document._nfp_collection_restrictions


def document_verdict(request: HttpRequest, document) -> Verdict:
    return document_verdict_for_user(request.user, document, verified=is_verified(request.user))


def _on_collections(paths: list[str]) -> QuerySet:
    return _restriction_rows(Q(collection__path__in=paths), CollectionViewRestriction)


def restrictions_by_collection(
    collections: Iterable[Collection],
) -> dict[int, list[CollectionViewRestriction]]:
    """{collection id: the restrictions on it and its ancestors}, as `get_view_restrictions`
    answers for each, in one query for all of them."""
    collections = list(collections)
    paths = {
        path
        for collection in collections
        for path in ancestor_paths(collection.path, Collection.steplen)
    }
    found = []
    if paths:
        # Every document's verdict asks it: its SQL compiled once per number of paths.
        sql, params = prepared("access.collection_restrictions", _on_collections, sorted(paths))
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found = _restrictions_from_rows(cursor.fetchall(), CollectionViewRestriction)
    return {
        collection.pk: [r for r in found if collection.path.startswith(r.collection.path)]
        for collection in collections
    }


def collections_passed(
    user, collections: Iterable[Collection], *, verified: bool
) -> tuple[list[int], list[int]]:
    """(ids of the collections without restrictions, ids of the restricted ones `user`
    passes): a document in the first is anyone's, one in the second is `user`'s if its
    owners are (`readable_by_owners`)."""
    public, passed = [], []
    for pk, restrictions in restrictions_by_collection(collections).items():
        if not restrictions:
            public.append(pk)
        elif verdict_for_user(user, restrictions, verified=verified) is Verdict.ALLOW:
            passed.append(pk)
    return public, passed


def readable_documents(request: HttpRequest, documents: QuerySet) -> QuerySet:
    """`documents` narrowed to those this request may read: for listings (choosers, the
    admin's API and search). A few queries whatever the number of documents or collections."""
    user = request.user
    if user.is_authenticated and user.is_superuser:
        return documents
    public, restricted = collections_passed(
        user, Collection.objects.all(), verified=is_verified(user)
    )
    candidates = documents.filter(collection_id__in=restricted).values_list("pk", flat=True)
    readable = readable_by_owners(user, candidates)
    return documents.filter(Q(collection_id__in=public) | Q(pk__in=readable))


def user_may_view_page(user, page: Page) -> bool:
    """For emails and notifications: would this user, once verified, see the page?"""
    if not user.is_active:
        return False
    return verdict_for_user(user, view_restrictions_of(page), verified=True) is Verdict.ALLOW


def readable_images(request: HttpRequest, images: QuerySet) -> QuerySet:
    """Images are public files (`uploads.PublicImageForm` keeps them out of restricted
    collections); one that got into a restricted collection anyway is the DMR's to see."""
    if is_dmr(request.user):
        return images
    restrictions = restrictions_by_collection(Collection.objects.all())
    public = [pk for pk, on_collection in restrictions.items() if not on_collection]
    return images.filter(collection_id__in=public)


def readable_pages(request: HttpRequest, pages: QuerySet) -> QuerySet:
    """`pages` narrowed to those this request may read, for the admin's listings (explorer,
    search, choosers, the admin API): the one access rule on each page's restrictions (an
    alias's are its source's), and a page not published only for those who review it (an
    open task of theirs in its workflow) or own it. The DMR reads everything (4.9).

    A few queries whatever the number of pages (one per restriction to weigh)."""
    user = request.user
    if is_dmr(user):
        return pages
    denied = [
        restriction.page.path
        for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
            "groups"
        )
        if verdict(request, [restriction]) is not Verdict.ALLOW
    ]
    readable = Page.objects.all()
    for path in denied:
        readable = readable.exclude(path__startswith=path).exclude(alias_of__path__startswith=path)
    reviewed = [
        int(object_id)
        for object_id in TaskState.objects.reviewable_by(user).values_list(
            "workflow_state__object_id", flat=True
        )
    ]
    readable = readable.filter(Q(live=True) | Q(pk__in=reviewed) | Q(owner=user))
    # By id: the admin's searches filter only on indexed fields, and the id is one.
    return pages.filter(pk__in=readable.values_list("pk", flat=True))


def may_read_attachments_of(user, page: Page) -> bool:
    """A page's documents go with the page: its readers once it is live; before that, its
    editors in the admin (the DMR)."""
    if not user_may_view_page(user, page):
        return False
    return page.live or is_dmr(user)


def mark_restricted(request: HttpRequest) -> None:
    """Responses to this request must never be stored by a shared cache."""
    request.nfp_restricted = True


def make_private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    add_never_cache_headers(response)
    return response


def refusal(request: HttpRequest, outcome: Verdict) -> HttpResponse:
    """The response for anything but ALLOW. A refusal never names what was refused."""
    if outcome is Verdict.SIGN_IN:
        response = redirect_to_login(request.get_full_path(), reverse("accounts:login"))
    elif outcome is Verdict.VERIFY:
        response = redirect_to_login(request.get_full_path(), reverse("accounts:verify"))
    else:
        response = render(request, "403.html", status=403)
    return make_private(response)
