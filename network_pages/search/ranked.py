"""On PostgreSQL, the counts per kind and the ranked ids of a page of results in one query.

Asked through the backend's generic API, a search is two queries (the page's ids, ranked,
then the counts per kind, `facet`), and the database finds the matches and applies the
access conditions to every one of them twice. Here the readable matches are read once, each
with its rank (a common word: some 22,000 of them at network size), and kept as (id, kind,
rank) while the same query counts them per kind and sorts them for the page: only the best
`wanted` are kept while sorting (the backend's own order: the rank, then the id, both
descending), never the entries' text vectors. The query count stays one, however many
entries match.

Grouped by kind with each group's best ranked in an ordered aggregate, as before, PostgreSQL
had to sort every match by kind with its title and body vectors (the sort spilled some 14 MB
to disk) and could not count by hashing.
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import FloatField, QuerySet
from django.db.models.expressions import OrderBy
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

# The largest LIMIT this module writes: "every ranked match" for a page beyond the last one
# (the paginator then shows the last page, which is among them).
EVERY_MATCH = 2**31 - 1

# `%(matches)s`: the readable matches as (id, kind, rank); the ids wanted are those of the
# chosen kind (`%(chosen)s`), or of all.
QUERY = """
WITH matches (id, kind, rank) AS MATERIALIZED (%(matches)s)
SELECT kind, COUNT(*), NULL FROM matches GROUP BY kind
UNION ALL
SELECT NULL, NULL, ARRAY(
    SELECT id FROM matches %(chosen)s ORDER BY rank DESC, id DESC LIMIT %%s
)
"""


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
    matches = (
        queryset.order_by()
        .annotate(nfp_rank=Cast(ordering[0].expression, FloatField()))
        .values_list("pk", "kind", "nfp_rank")
    )
    try:
        sql, params = matches.query.sql_with_params()
    except EmptyResultSet:  # nothing readable (`readable_entries` is none for a non-member)
        return Ranked({}, [])
    chosen = "WHERE kind = %s" if chosen_kind else ""
    query = QUERY % {"matches": sql, "chosen": chosen}
    params = (*params, *([chosen_kind] if chosen_kind else []), wanted)
    kind_counts, ids = {}, []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(query, params)
        for kind, count, best in cursor.fetchall():
            if kind is None:
                ids = [int(pk) for pk in best or []]
            else:
                kind_counts[kind] = count
    return Ranked(kind_counts, ids)
