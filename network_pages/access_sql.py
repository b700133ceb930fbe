"""The one access rule for every page at once, as a database condition (issue 18: the
members' search at network size).

`network_pages.access` decides; this module only says where its decisions apply. A page's
view restrictions are those on its ancestors and itself (an alias counts with its source's
own), so pages sharing the same restricted ancestors share one verdict: the rule is asked
once per restricted place (a few dozen), never once per page, and the answer becomes a
condition on the pages' tree paths that the database applies to any number of rows.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.db.models.expressions import RawSQL
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, Page

from network_pages import access

NOTHING = Q(pk__in=[])
# Always true, and kept as such by `|` (an empty `Q()` is dropped from an alternative).
EVERYTHING = ~NOTHING


@dataclass(frozen=True)
class _Place:
    """A tree path (of pages or collections) where restrictions apply, with the verdict
    for the pages whose nearest restricted place it is, and the restricted places right
    below it."""

    path: str
    allowed: bool
    below: tuple["_Place", ...]

    @property
    def all_allowed(self) -> bool:
        return self.allowed and all(place.all_allowed for place in self.below)


def _restrictions_by_path(
    listing: QuerySet[Page], listed: Q
) -> tuple[dict[str, list[BaseViewRestriction]], list[Page]]:
    """{tree path: the restrictions that apply at that path}, in two queries: a
    restriction on a page applies at the page, and at each of its aliases (as Wagtail and
    `access.view_restrictions_of` read them); one on an alias applies nowhere. The pages
    of `listing` that are `listed` come in the second query, and are returned too."""
    restrictions = access.restrictions_with_groups(Q())
    by_page: dict[int, list[BaseViewRestriction]] = defaultdict(list)
    for restriction in restrictions:
        by_page[restriction.page.pk].append(restriction)
    found: dict[str, list[BaseViewRestriction]] = defaultdict(list)
    restricted = Q(pk__in=by_page) | Q(alias_of_id__in=by_page)
    pages = listing.filter(restricted | listed).annotate(
        nfp_listed=ExpressionWrapper(listed, output_field=BooleanField())
    )
    for page in pages:
        if page.alias_of_id is None and page.pk in by_page:
            found[page.path].extend(by_page[page.pk])
        if page.alias_of_id in by_page:
            found[page.path].extend(by_page[page.alias_of_id])
    return found, [page for page in pages if page.nfp_listed]


def _places(user, restrictions: dict[str, list[BaseViewRestriction]]) -> list[_Place]:
    """The restricted places as a forest, each with the rule's verdict (`access`, through
    `visibility.may_view`'s terms) on every restriction from the root down to it."""
    paths = sorted(restrictions)
    children: dict[str | None, list[str]] = defaultdict(list)
    for path in paths:
        parent = next(
            (
                ancestor
                for ancestor in reversed(access.ancestor_paths(path)[:-1])
                if ancestor in restrictions
            ),
            None,
        )
        children[parent].append(path)

    def build(path: str) -> _Place:
        chain = [
            restriction
            for ancestor in access.ancestor_paths(path)
            for restriction in restrictions.get(ancestor, [])
        ]
        allowed = user.is_active and (
            access.verdict_for_user(user, chain, verified=True) is access.Verdict.ALLOW
        )
        return _Place(path, allowed, tuple(build(child) for child in children[path]))

    return [build(path) for path in children[None]]


def _any(conditions: Iterable[Q]) -> Q:
    conditions = list(conditions)
    return reduce(or_, conditions) if conditions else NOTHING


def _collection_restrictions_by_path() -> dict[str, list[BaseViewRestriction]]:
    found: dict[str, list[BaseViewRestriction]] = defaultdict(list)
    for restriction in access.restrictions_with_groups(Q(), model=CollectionViewRestriction):
        found[restriction.collection.path].append(restriction)
    return found


class TreeRule:
    """Which pages (or collections) a verified user may open, by their restrictions alone
    (whether a page is live is the caller's to add): `condition("page__")` filters any
    model by the page it points to, `allows(path)` answers for one page. Made once per
    request (`for_pages`: two queries; `for_collections`: one)."""

    def __init__(self, user, places: list[_Place], model: type = Page) -> None:
        self.user = user
        self.places = places
        self.model = model
        self._opened: RawSQL | None = None

    @classmethod
    def for_pages(
        cls, user, listing: QuerySet[Page] | None = None, listed: Q = NOTHING
    ) -> tuple["TreeRule", list[Page]]:
        """The rule, and the pages of `listing` that are `listed` and that the user may
        open (read in the same query as the restricted pages' aliases; `listing` reads
        at least their id, path and `alias_of_id`)."""
        listing = Page.objects.only("pk", "path", "alias_of_id") if listing is None else listing
        restrictions, pages = _restrictions_by_path(listing, listed)
        rule = cls(user, _places(user, restrictions))
        return rule, [page for page in pages if rule.allows(page.path)]

    @classmethod
    def for_collections(cls, user) -> "TreeRule":
        return cls(user, _places(user, _collection_restrictions_by_path()), Collection)

    def allows(self, path: str) -> bool:
        """`condition()` for one path, in Python: the verdict of its nearest restricted
        place (none: open to all)."""
        if not self.user.is_active:
            return False
        allowed, places = True, self.places
        while (place := next((p for p in places if path.startswith(p.path)), None)) is not None:
            allowed, places = place.allowed, place.below
        return allowed

    def opens_everything(self) -> bool:
        """Whether the user may open every page (or collection) there is: active, and
        allowed at every restricted place and every place below it."""
        return self.user.is_active and all(place.all_allowed for place in self.places)

    def outside(self, prefix: str = "") -> Q:
        """Outside every restricted place: open to all (the public site)."""
        outside = EVERYTHING
        for place in self.places:
            outside &= ~Q(**{f"{prefix}path__startswith": place.path})
        return outside

    def inside(self, prefix: str = "") -> Q:
        """Inside a restricted place, and allowed there."""
        under = lambda place: Q(**{f"{prefix}path__startswith": place.path})  # noqa: E731

        def allowed_under(place: _Place) -> Q:
            if place.all_allowed:
                return under(place)
            if not place.allowed:
                return _any(allowed_under(below) for below in place.below)
            # Its own pages, less the places below it where some pages are refused, whose
            # allowed pages are then added back.
            refused_below = [below for below in place.below if not below.all_allowed]
            mine = under(place)
            for below in refused_below:
                mine &= ~under(below)
            return mine | _any(allowed_under(below) for below in refused_below)

        if not self.user.is_active:
            return NOTHING
        return _any(allowed_under(place) for place in self.places)

    def condition(self, prefix: str = "") -> Q:
        """Everything the user may open: outside the restricted places, or allowed in.

        Through a relation (`prefix`), the related row's id among those opened: one
        subquery written out once per rule, where the tree paths would be a join and a
        dozen conditions at each use (the documents' owner rules use it five times in a
        search). A row whose relation is empty opens nothing then."""
        if not self.user.is_active:
            return NOTHING
        if not self.places:
            return EVERYTHING
        if prefix:
            return Q(**{f"{prefix}pk__in": self.opened()})
        return self.outside() | self.inside()

    def opened(self) -> RawSQL:
        """The ids of the rows (pages or collections) the user may open, as a subquery."""
        if self._opened is None:
            opened = self.model.objects.filter(self.outside() | self.inside()).values("pk")
            self._opened = written_out(opened)
        return self._opened


PageRule = TreeRule


# The owner rule of documents (`access.readable_by_owners`) in the database. A document
# owners hook (`access.DOCUMENT_OWNERS_HOOK`) gives its rule this form with `in_sql`:
# `sql(user, pages)`, `pages` a `PageRule`, returns the ids of the documents attached to a
# thing of its kind and, among them, those attached to one that `user` may not read (each
# a query of ids, or a list). `read_at_every_use`: what its verdicts read may change with no
# signal sent (a response's status, set by a bulk update): whoever keeps the verdicts of the
# other hooks between requests asks this one again every time (the members' search,
# `search.document_cache`).
def in_sql(sql, *, read_at_every_use: bool = False):
    def decorate(owners):
        owners.nfp_sql = sql
        owners.nfp_read_at_every_use = read_at_every_use
        return owners

    return decorate


def written_out(subquery: QuerySet | list) -> RawSQL | list:
    """A self-contained subquery (it names nothing of the query around it) as its SQL,
    compiled once. Nested in a condition, a queryset is cloned and relabelled at every step
    that builds on it (each filter, each clone of the search's base query) and compiled
    with it: the owners' rules of documents were most of a search's time in the worker. A
    list stays a list."""
    if not isinstance(subquery, QuerySet):
        return subquery
    # Unordered, as Django leaves a nested queryset (a model's default ordering would sort
    # every row of the subquery, at every evaluation).
    sql, params = subquery.order_by().query.sql_with_params()
    return RawSQL(sql, params)  # noqa: S611 - the SQL Django compiled, its values as parameters


@dataclass(frozen=True)
class OwnerRules:
    """The owner rule, hook by hook, as subqueries of document ids: those attached to a
    thing, those attached to one the user may not read, whose verdicts may be kept
    (`refused`), and the same for the hooks read at every use (`refused_every_use`). The
    rule on a document id (`field`) is `kept(field) & every_use(field)`."""

    attached: tuple
    refused: tuple
    refused_every_use: tuple

    def kept(self, field: str = "pk") -> Q:
        """Attached to at least one thing, refused by no hook whose verdicts may be kept."""
        attached = _any(Q(**{f"{field}__in": ids}) for ids in self.attached)
        return attached & ~_any(Q(**{f"{field}__in": ids}) for ids in self.refused)

    def every_use(self, field: str = "pk") -> Q:
        """Refused by no hook read at every use."""
        return ~_any(Q(**{f"{field}__in": ids}) for ids in self.refused_every_use)


def owner_rules(user, pages: PageRule, *, kept: bool = True) -> OwnerRules | None:
    """`readable_by_owners`, in its parts (`kept=False`: only those read at every use, the
    others' verdicts being kept already; `kept()` is then not the rule). None when some
    hook has no database form."""
    hooks = access.document_owner_hooks()
    if not all(hasattr(owners, "nfp_sql") for owners in hooks):
        return None
    attached, refused, refused_every_use = [], [], []
    for owners in hooks:
        every_use = getattr(owners, "nfp_read_at_every_use", False)
        if not kept and not every_use:
            continue
        ids, not_readable = owners.nfp_sql(user, pages)
        attached.append(written_out(ids))
        if every_use:
            refused_every_use.append(written_out(not_readable))
        else:
            refused.append(written_out(not_readable))
    return OwnerRules(tuple(attached), tuple(refused), tuple(refused_every_use))


def readable_by_owners(user, pages: PageRule, field: str = "pk") -> Q | None:
    """`access.readable_by_owners` as a condition on a document id (`field`), for the
    documents in restricted collections: attached to at least one thing, and to nothing
    the user may not read (the DMR reads them all). None when some hook has no database
    form: the caller then asks `access.readable_by_owners`."""
    if access.is_dmr(user):
        return EVERYTHING
    rules = owner_rules(user, pages)
    return None if rules is None else rules.kept(field) & rules.every_use(field)
