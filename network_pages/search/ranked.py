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

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import FloatField, QuerySet
from django.db.models.expressions import OrderBy
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

# The largest array subscript PostgreSQL takes: "every ranked match" for a page beyond the
# last one (the paginator then shows the last page, which is among them).
EVERY_MATCH = 2**31 - 1


def answers_in_one_query(backend) -> bool:
    """Only the PostgreSQL backend's results are querysets this module can group."""
    return isinstance(backend, PostgresSearchBackend)


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
    # Each match's rank is worked out in the inner query, so that what is grouped and
    # sorted is (kind, id, rank), not the entries' title and body vectors that the rank is
    # read from (at network size those spilled the sort to disk).
    matches = (
        queryset.order_by()
        .annotate(nfp_rank=Cast(ordering[0].expression, FloatField()))
        .values_list("kind", "pk", "nfp_rank")
    )
    try:
        inner, params = matches.query.sql_with_params()
    except EmptyResultSet:  # a condition nothing can meet (e.g. no readable page at all)
        return Ranked({}, [])
    # The pair is what is aggregated and what it is ordered by: the backend's own order,
    # the rank then the id, both descending; an id as a float8 is exact (below 2**53).
    # `inner` is the ORM's own SQL, its values passed apart (`params`).
    grouped = (
        "SELECT kind, COUNT(*), "
        "(ARRAY_AGG(ARRAY[rank, id::float8] ORDER BY rank DESC, id DESC))[1:%s] "
        "FROM ({}) AS matches (kind, id, rank) GROUP BY kind"
    )
    sql = grouped.format(inner)
    with connections[matches.db].cursor() as cursor:
        cursor.execute(sql, (wanted, *params))
        groups = cursor.fetchall()
    kind_counts = {kind: count for kind, count, _best in groups}
    chosen = [best for kind, _count, best in groups if not chosen_kind or kind == chosen_kind]
    merged = heapq.merge(*chosen, key=lambda pair: (pair[0], pair[1]), reverse=True)
    return Ranked(kind_counts, [int(pair[1]) for pair in islice(merged, wanted)])
