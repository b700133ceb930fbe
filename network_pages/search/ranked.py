"""On PostgreSQL, the counts per kind and the ranked ids of a page of results in one query.

Asked through the backend's generic API, a search is two queries (the page's ids, ranked,
then the counts per kind, `facet`), and the database finds the matches and applies the
access conditions to every one of them twice. Here the readable matches are read once (a
common word: some 20,000 of them at network size) and kept as (id, kind) while the same
query counts them per kind and ranks the most recent of them for the page
(`RANKED_AT_MOST`): only the best `wanted` are kept while sorting (the backend's own order:
the rank, then the id, both descending). The query count stays one, however many entries
match.

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
from django.db.models import F, FloatField, Func, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from modelsearch.query import PlainText

from .models import SearchEntry, SearchText

# The largest LIMIT this module writes: "every ranked match" for a page beyond the last one
# (the paginator then shows the last page, which is among them).
EVERY_MATCH = 2**31 - 1

# What the search matches: the two vectors joined (`network_search_text(title, body)`, their
# concatenation declared at its cost: network_search 0008), the very expression of the
# table's GIN index, which PostgreSQL uses for this expression only.
MATCHED = Func(
    F("title"), F("body"), function="network_search_text", output_field=SearchVectorField()
)

# How many matches are ranked at most: a product choice (issue 17). A word found in more
# readable entries than this (of the kind chosen) is ranked among its most recent matches
# only, those added to the search last (the highest ids): the results are the most relevant
# of the 1,000 most recent, and the pages stop at the 50th, while the total and the counts
# per kind still count every match. The search says so above the results, where the reader
# can narrow it (a kind, dates, a meeting) to reach the older ones (`search.html`).
#
# Ranking is most of what a common word costs the database once its matches are found: at
# network size "authority" matches some 20,000 readable entries, each of which was ranked
# (two `ts_rank` on its vectors) to show twenty. Now every match is still read and counted,
# through the GIN index, but only its id and kind: the newest 1,000 are then picked by id
# and ranked, each read again by its key. Fewer matches than this: every one is ranked, in
# the backend's order, as before.
RANKED_AT_MOST = 1000

# `%(matches)s`: the readable matches as (id, kind); those ranked (`%(best)s`, read by their
# ids from `newest`) are the most recent of the chosen kind (`%(chosen)s`), or of all. The
# counts come most first, as the backends' facets order them, then by kind (the order the
# database happened to group them in was the plan's: it changed with the table the matches
# were read from).
QUERY = """
WITH matches (id, kind) AS MATERIALIZED (%(matches)s),
newest (id) AS (SELECT id FROM matches %(chosen)s ORDER BY id DESC LIMIT %%s)
(SELECT kind, COUNT(*), NULL FROM matches GROUP BY kind ORDER BY 2 DESC, 1)
UNION ALL
SELECT NULL, NULL, ARRAY(%(best)s)
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
    # `RANKED_AT_MOST` when more matches of the chosen kind (or of all) were found: the ids
    # are the best of the most recent ones, and there are no more of them.
    ranked_among: int | None = None


def ranked(
    backend, terms: str, texts: QuerySet, chosen_kind: str | None, wanted: int
) -> Ranked | None:
    """`texts`: the readable `SearchText` rows, filtered by everything but the kind, searched
    for `terms` as the backend searches the entries (all the words). None if the backend
    would not rank them by relevance (the caller asks the generic way). The ids are those of
    the `RANKED_AT_MOST` most recent matches at most."""
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
    wanted = max(1, min(wanted, RANKED_AT_MOST))
    matches = (
        texts.order_by()
        .alias(nfp_text=MATCHED)
        .filter(nfp_text=words)
        .values_list("entry_id", "kind")
    )
    # The newest matches, each read again by its key and ranked on its vectors (the table's
    # own name: the query names no other).
    best = (
        SearchText.objects.using(texts.db)
        .filter(entry_id__in=RawSQL("SELECT id FROM newest", ()))  # noqa: S611 - no value
        .annotate(nfp_rank=Cast(rank, FloatField()))
        .order_by("-nfp_rank", "-entry_id")
        .values_list("entry_id", flat=True)[:wanted]
    )
    try:
        sql, params = matches.query.sql_with_params()
    except EmptyResultSet:  # nothing readable (`readable_texts` is none for a non-member)
        return Ranked({}, [])
    best_sql, best_params = best.query.sql_with_params()
    chosen = "WHERE kind = %s" if chosen_kind else ""
    query = QUERY % {"matches": sql, "chosen": chosen, "best": best_sql}
    params = (*params, *([chosen_kind] if chosen_kind else []), RANKED_AT_MOST, *best_params)
    kind_counts, ids = {}, []
    with connections[texts.db].cursor() as cursor:
        cursor.execute(query, params)
        for kind, count, best in cursor.fetchall():
            if kind is None:
                ids = [int(pk) for pk in best or []]
            else:
                kind_counts[kind] = count
    found = kind_counts.get(chosen_kind, 0) if chosen_kind else sum(kind_counts.values())
    return Ranked(kind_counts, ids, RANKED_AT_MOST if found > RANKED_AT_MOST else None)
