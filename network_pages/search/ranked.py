"""On PostgreSQL, the counts per kind and the ranked ids of a page of results in one query.

Asked through the backend's generic API, a search is two queries (the page's ids, ranked,
then the counts per kind, `facet`), and the database finds the matches and applies the
access conditions to every one of them twice. Here the readable matches are read once, each
with its rank (a common word: some 22,000 of them at network size), and kept as (id, kind,
rank) while the same query counts them per kind and sorts them for the page: only the best
`wanted` are kept while sorting (the backend's own order: the rank, then the id, both
descending), never the entries' text vectors. The query count stays one, however many
entries match.

The matches are read from `SearchText` (issue 17): the entries' access columns beside their
index entries' vectors, in one table of integer keys, matched through its GIN index on
`title || body` (`MATCHED`) and ranked by the backend's own expression on the same vectors,
so the same entries come in the same order. Through the backend, each readable entry was
joined to Wagtail's index table (every indexed model's vectors and plain text, 157 MB at
network size) on its id cast to text.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, FloatField, QuerySet
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from modelsearch.query import PlainText

from .models import SearchEntry

# The largest LIMIT this module writes: "every ranked match" for a page beyond the last one
# (the paginator then shows the last page, which is among them).
EVERY_MATCH = 2**31 - 1

# What the search matches: the two vectors joined, the very expression of the table's GIN
# index (network_search 0007), which PostgreSQL uses for this expression only.
MATCHED = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())

# `%(matches)s`: the readable matches as (id, kind, rank); the ids wanted are those of the
# chosen kind (`%(chosen)s`), or of all. The counts come most first, as the backends' facets
# order them, then by kind (the order the database happened to group them in was the plan's:
# it changed with the table the matches were read from).
QUERY = """
WITH matches (id, kind, rank) AS MATERIALIZED (%(matches)s)
(SELECT kind, COUNT(*), NULL FROM matches GROUP BY kind ORDER BY 2 DESC, 1)
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


def ranked(
    backend, terms: str, texts: QuerySet, chosen_kind: str | None, wanted: int
) -> Ranked | None:
    """`texts`: the readable `SearchText` rows, filtered by everything but the kind, searched
    for `terms` as the backend searches the entries (all the words). None if the backend
    would not rank them by relevance (the caller asks the generic way)."""
    compiler = backend.search(terms, SearchEntry, operator="and").query_compiler
    if not isinstance(compiler.query, PlainText) or not compiler.order_by_relevance:
        return None
    config = compiler.get_config(backend)
    words = compiler.build_tsquery(compiler.query, config=config)
    if words is None:
        return None
    # The backend's rank (`_build_rank_expression`) on the same vectors: the index entry's
    # title, weighed by its title norm, and its body.
    vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
    rank = compiler._build_rank_expression(vectors, config)
    wanted = max(1, min(wanted, EVERY_MATCH))
    matches = (
        texts.order_by()
        .alias(nfp_text=MATCHED)
        .filter(nfp_text=words)
        .annotate(nfp_rank=Cast(rank, FloatField()))
        .values_list("entry_id", "kind", "nfp_rank")
    )
    try:
        sql, params = matches.query.sql_with_params()
    except EmptyResultSet:  # nothing readable (`readable_texts` is none for a non-member)
        return Ranked({}, [])
    chosen = "WHERE kind = %s" if chosen_kind else ""
    query = QUERY % {"matches": sql, "chosen": chosen}
    params = (*params, *([chosen_kind] if chosen_kind else []), wanted)
    kind_counts, ids = {}, []
    with connections[texts.db].cursor() as cursor:
        cursor.execute(query, params)
        for kind, count, best in cursor.fetchall():
            if kind is None:
                ids = [int(pk) for pk in best or []]
            else:
                kind_counts[kind] = count
    return Ranked(kind_counts, ids)
