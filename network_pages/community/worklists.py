"""What needs doing: the lists on the network home (the first screen after signing in) and,
for the DMR, on the Wagtail dashboard. Each app contributes through a Wagtail hook:

    @hooks.register(worklists.WORK_LISTS_HOOK)
    def meeting_lists(user, request) -> list[worklists.WorkList]: ...

A provider returns only the lists that fit the user's role, holding only what the user may
see, in a fixed number of queries whatever the number of states, meetings or requests, and
with work bounded by what it shows: read the first rows and the total with `first_and_total`,
never every row to keep eight.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Func, IntegerField, QuerySet, Subquery, Value, Window
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from wagtail import hooks

from nfp_site.prepared_sql import prepared_objects, prepared_rows

WORK_LISTS_HOOK = "nfp_work_lists"
# A list shows this many items, then a link to the full listing.
ITEMS_SHOWN = 8


@dataclass
class WorkItem:
    title: str
    url: str = ""
    detail: str = ""  # e.g. "Plenary meeting · 12 March 2027"
    status: str = ""  # always written out: colour only helps
    due: datetime.date | None = None
    needs_action: bool = True  # False: shown for the record ("my submissions")


@dataclass
class WorkList:
    key: str  # stable: the section's id on the page, and what tests look for
    title: str
    items: list[WorkItem] = field(default_factory=list)
    empty: str = ""  # what the list says when there is nothing
    total: int | None = None  # when more exist than are shown
    more_url: str = ""
    more_label: str = ""
    order: int = 100
    # The DMR's lists are also the panels of the Wagtail dashboard.
    on_admin_dashboard: bool = False

    @property
    def count(self) -> int:
        return self.total if self.total is not None else len(self.items)

    @property
    def action_count(self) -> int:
        if self.total is not None:
            return self.total
        return sum(1 for item in self.items if item.needs_action)


class ChoiceLabels:
    """`instance.get_FIELD_display()` for the items of a list: Django's builds a dict of
    the field's choices for each call, hashing (so translating) every label; here the
    choices are read once and only the label shown is translated."""

    def __init__(self, model, field_name: str) -> None:
        field = model._meta.get_field(field_name)
        self._attname = field.attname
        self._labels = {make_hashable(value): label for value, label in field.flatchoices}

    def __call__(self, instance) -> str:
        value = getattr(instance, self._attname)
        return force_str(self._labels.get(make_hashable(value), value), strings_only=True)


def work_lists_for(user, request=None) -> list[WorkList]:
    """Every list that fits `user`, in display order."""
    if user is None or not user.is_authenticated:
        return []
    lists: list[WorkList] = []
    for provider in hooks.get_hooks(WORK_LISTS_HOOK):
        lists.extend(provider(user, request))
    lists.sort(key=lambda work_list: (work_list.order, work_list.key))
    return lists


def shown(items: list[WorkItem], limit: int = ITEMS_SHOWN) -> tuple[list[WorkItem], int | None]:
    """The first `limit` items, and the total when some are left out."""
    return items[:limit], (len(items) if len(items) > limit else None)


def first_and_total(queryset: QuerySet, limit: int = ITEMS_SHOWN) -> tuple[list, int | None]:
    """The first `limit` rows of `queryset` and, when some are left out, how many in all:
    one query (the total is a window count, taken before the LIMIT), `limit` rows read."""
    return _with_total(list(_first_with_total(queryset, limit)))


def prepared_first_and_total(
    name: str, build: Callable[..., QuerySet], *arguments, limit: int = ITEMS_SHOWN
) -> tuple[list, int | None]:
    """`first_and_total(build(*arguments))`, its SQL compiled once per process for `name`
    (`nfp_site.prepared_sql`: `build` depends on its arguments alone): every network home
    asks each of its lists."""
    rows = prepared_objects(
        f"worklists.{name}:{limit}",
        lambda *values: _first_with_total(build(*values), limit),
        *arguments,
    )
    return _with_total(rows)


def _first_with_total(queryset: QuerySet, limit: int) -> QuerySet:
    return queryset.annotate(nfp_total=Window(Count("pk")))[:limit]


def _with_total(rows: list) -> tuple[list, int | None]:
    total = rows[0].nfp_total if rows else 0
    return rows, (total if total > len(rows) else None)


# --- several lists in one query --------------------------------------------------------


def first_of(part: int, queryset: QuerySet, limit: int = ITEMS_SHOWN) -> QuerySet:
    """The first `limit` rows of `queryset` (in its order), each with `nfp_part` and the
    total (`nfp_total`): one part of `first_and_total_of_each`'s UNION.

    Where the database takes a LIMIT on a part of a UNION (PostgreSQL), the part is read as
    `first_and_total` reads a list alone: a window count, then the LIMIT. Elsewhere
    (SQLite), the limit is in a subquery and the total a count that does not depend on the
    row; the part's order is then the caller's to restore."""
    if connection.features.supports_slicing_ordering_in_compound:
        return queryset.annotate(nfp_part=Value(part), nfp_total=Window(Count("pk")))[:limit]
    first = queryset.values("pk")[:limit]
    return (
        queryset.filter(pk__in=first)
        .order_by()
        .annotate(nfp_part=Value(part), nfp_total=count_of(queryset))
    )


def count_of(queryset: QuerySet) -> Subquery:
    """COUNT(*) of `queryset` as a subquery of an outer query."""
    return Subquery(
        queryset.order_by().annotate(n=Func("pk", function="COUNT")).values("n"),
        output_field=IntegerField(),
    )


def first_and_total_of_each(
    name: str, build: Callable[..., QuerySet], *arguments, columns: tuple[str, ...], parts: int
) -> list[tuple[list[tuple], int | None]]:
    """For each of `parts` lists, its first rows and, when some are left out, how many in
    all, in one query: `build(*arguments)` is the UNION ALL of `values_list(*columns)`
    querysets made by `first_of` (their columns annotated in that order, `nfp_part` and
    `nfp_total` among them), compiled once per process for `name` (`prepared_sql`). The
    rows of each list come in no order: the caller sorts them."""
    rows = prepared_rows(f"worklists.{name}", build, *arguments)
    found: list[list[tuple]] = [[] for _ in range(parts)]
    totals: list[int] = [0] * parts
    part_at, total_at = columns.index("nfp_part"), columns.index("nfp_total")
    for row in rows:
        found[row[part_at]].append(row)
        totals[row[part_at]] = row[total_at]
    return [
        (found[part], totals[part] if totals[part] > len(found[part]) else None)
        for part in range(parts)
    ]
