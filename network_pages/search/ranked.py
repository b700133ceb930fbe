"""On PostgreSQL, the counts per kind and the ranked ids of a page of results in one query.

Asked through the backend's generic API, a search is two queries (the page's ids, ranked,
then the counts per kind, `facet`), and the database finds the matches and applies the
access conditions to every one of them twice. Here the readable matches are read once and
grouped by kind: each group gives its count and its best (rank, id) pairs, as many as the
page asked for needs; Python merges the groups in the backend's own order (the rank, then
the id, both descending). The query count stays one, however many entries match.
"""

import heapq
from dataclasses import dataclass
from itertools import islice

from django.db.models import Aggregate, Count, F, FloatField, QuerySet
from django.db.models import Field as AnyField
from django.db.models.expressions import OrderBy
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

# The largest array subscript PostgreSQL takes: "every ranked match" for a page beyond the
# last one (the paginator then shows the last page, which is among them).
EVERY_MATCH = 2**31 - 1


def answers_in_one_query(backend) -> bool:
    """Only the PostgreSQL backend's results are querysets this module can group."""
    return isinstance(backend, PostgresSearchBackend)


class _BestRanked(Aggregate):
    """ARRAY[rank, id] of a group's `wanted` best entries, best first. The pair is both
    what is aggregated and what it is ordered by, so that PostgreSQL computes the rank once
    per entry; an id as a float8 is exact (below 2**53)."""

    function = "ARRAY_AGG"
    output_field = AnyField()

    def __init__(self, rank, *, wanted: int) -> None:
        super().__init__(Cast(rank, FloatField()), Cast(F("pk"), FloatField()))
        self.wanted = int(wanted)

    def as_sql(self, compiler, connection, **extra_context):
        pieces = [compiler.compile(expression) for expression in self.get_source_expressions()[:2]]
        pair = "ARRAY[" + ", ".join(sql for sql, _params in pieces) + "]"
        params = tuple(param for _sql, piece_params in pieces for param in piece_params)
        return f"(ARRAY_AGG({pair} ORDER BY {pair} DESC))[1:{self.wanted}]", params * 2


@dataclass
class Ranked:
    # {kind value: number of readable matches}, whatever kind was chosen.
    kind_counts: dict[str, int]
    # The ids of the first `wanted` matches of the chosen kind (or of all), best first.
    ids: list[int]


def ranked(results, chosen_kind: str | None, wanted: int) -> Ranked | None:
    """`results`: the backend's search of the readable entries, filtered by everything but
    the kind. None if they are not ranked by relevance (the caller asks the generic way)."""
    queryset: QuerySet = results.get_queryset()
    ordering = queryset.query.order_by
    if not ordering or not isinstance(ordering[0], OrderBy):
        return None
    wanted = max(1, min(wanted, EVERY_MATCH))
    groups = list(
        queryset.order_by()
        .values("kind")
        .annotate(count=Count("pk"), best=_BestRanked(ordering[0].expression, wanted=wanted))
    )
    kind_counts = {group["kind"]: group["count"] for group in groups}
    chosen = [group["best"] for group in groups if not chosen_kind or group["kind"] == chosen_kind]
    merged = heapq.merge(*chosen, key=lambda pair: (pair[0], pair[1]), reverse=True)
    return Ranked(kind_counts, [int(pair[1]) for pair in islice(merged, wanted)])
