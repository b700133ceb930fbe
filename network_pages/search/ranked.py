"""On PostgreSQL, the counts per kind and the ranked ids of a page of results in one query.

Asked through the backend's generic API, a search is two queries (the page's ids, ranked,
then the counts per kind, `facet`), and the database finds the matches and applies the
access conditions to every one of them twice. Here the most recent readable matches are
read once (`RANKED_AT_MOST` of them, and one more) and kept as (id, kind) while the same
query counts them per kind and ranks them for the page: only the best `wanted` are kept
while sorting (the backend's own order: the rank, then the id, both descending). The query
count stays one, and the rows read are bounded, however many entries match.

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

# How many matches are read at most: a product choice (issue 17). A word found in more
# readable entries than this is counted and ranked among its most recent matches only, those
# added to the search last (the highest ids): the results are the most relevant of the 1,000
# most recent, the pages stop at the 50th, the total says "more than 1,000" and the counts
# per kind are those of the 1,000 most recent. The search says so above the results, where
# the reader can narrow it (a kind, dates, a meeting) to reach the older ones (`search.html`).
# With a kind chosen, its own 1,000 most recent matches are counted and ranked.
#
# Reading every match is what a common word costs the database: at network size
# "authority" matches some 22,000 readable entries (half of the index), each read from the
# table and weighed by the access rule to count them, for a page of twenty. The newest
# matches are read walking the table's key backwards until 1,001 are found (the planner's
# choice for a word it expects often; a rare word is still found through the GIN index,
# every match of it read, as before): a bounded number of rows, whatever the size of the
# index. Fewer matches than this: every one is counted and ranked, in the backend's order,
# as before.
RANKED_AT_MOST = 1000

# `%(matches)s`: the newest readable matches as (id, kind), one more than are counted (so
# that "more than" is known); `%(chosen)s`: the newest of the chosen kind (or the same
# matches); those ranked (`%(best)s`, read by their ids from `newest`) are the most recent
# of them. The counts come most first, as the backends' facets order them, then by kind (the
# order the database happened to group them in was the plan's: it changed with the table
# the matches were read from). The last row holds how many matches and chosen matches were
# read, and the ranked ids.
QUERY = """
WITH matches (id, kind) AS MATERIALIZED (%(matches)s),
chosen (id) AS MATERIALIZED (%(chosen)s),
newest (id) AS (SELECT id FROM chosen ORDER BY id DESC LIMIT %%s)
(SELECT kind, COUNT(*), NULL, NULL FROM
  (SELECT kind FROM matches ORDER BY id DESC LIMIT %%s) AS counted
 GROUP BY kind ORDER BY 2 DESC, 1)
UNION ALL
SELECT NULL, (SELECT COUNT(*) FROM matches), (SELECT COUNT(*) FROM chosen), ARRAY(%(best)s)
"""


def answers_in_one_query(backend) -> bool:
    """Only the PostgreSQL backend's results are querysets this module can group."""
    return isinstance(backend, PostgresSearchBackend)


@dataclass
class Ranked:
    # {kind value: number of readable matches}, whatever kind was chosen: among the
    # `RANKED_AT_MOST` most recent matches when more were found (`counted_among`).
    kind_counts: dict[str, int]
    # The ids of the first `wanted` matches of the chosen kind (or of all), best first.
    ids: list[int]
    # `RANKED_AT_MOST` when more matches of the chosen kind (or of all) were found: the ids
    # are the best of the most recent ones, and there are no more of them.
    ranked_among: int | None = None
    # How many matches of the chosen kind (or of all) there are, `RANKED_AT_MOST` at most
    # (more: `ranked_among` says so).
    total: int = 0
    # `RANKED_AT_MOST` when more matches of every kind were found than were counted: the
    # counts per kind are those of the most recent ones.
    counted_among: int | None = None


def _newest(matches: QuerySet) -> QuerySet:
    """The `RANKED_AT_MOST` most recent of `matches`, and one more (to know there are more)."""
    return matches.order_by("-entry_id")[: RANKED_AT_MOST + 1]


def ranked(
    backend, terms: str, texts: QuerySet, chosen_kind: str | None, wanted: int
) -> Ranked | None:
    """`texts`: the readable `SearchText` rows, filtered by everything but the kind, searched
    for `terms` as the backend searches the entries (all the words). None if the backend
    would not rank them by relevance (the caller asks the generic way). The counts are of
    the `RANKED_AT_MOST` most recent matches at most, the ids of the `RANKED_AT_MOST` most
    recent of the chosen kind (or of all)."""
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
    matches = texts.order_by().alias(nfp_text=MATCHED).filter(nfp_text=words)
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
        sql, params = _newest(matches.values_list("entry_id", "kind")).query.sql_with_params()
    except EmptyResultSet:  # nothing readable (`readable_texts` is none for a non-member)
        return Ranked({}, [])
    if chosen_kind:
        of_kind = _newest(matches.filter(kind=chosen_kind).values_list("entry_id"))
        chosen_sql, chosen_params = of_kind.query.sql_with_params()
    else:
        chosen_sql, chosen_params = "SELECT id FROM matches", ()
    best_sql, best_params = best.query.sql_with_params()
    query = QUERY % {"matches": sql, "chosen": chosen_sql, "best": best_sql}
    params = (*params, *chosen_params, RANKED_AT_MOST, RANKED_AT_MOST, *best_params)
    kind_counts, ids, read, chosen_read = {}, [], 0, 0
    with connections[texts.db].cursor() as cursor:
        cursor.execute(query, params)
        for kind, count, of_chosen, best in cursor.fetchall():
            if kind is None:
                read, chosen_read, ids = count, of_chosen, [int(pk) for pk in best or []]
            else:
                kind_counts[kind] = count
    return Ranked(
        kind_counts,
        ids,
        ranked_among=RANKED_AT_MOST if chosen_read > RANKED_AT_MOST else None,
        total=min(chosen_read, RANKED_AT_MOST),
        counted_among=RANKED_AT_MOST if read > RANKED_AT_MOST else None,
    )
