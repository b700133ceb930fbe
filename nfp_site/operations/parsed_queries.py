"""psycopg keeps the queries it has parsed, the long ones too (issue 17).

psycopg splits a query's text around its placeholders at every execution, and keeps the
result (an LRU cache of 128 queries) only for a text up to 4 KB with up to 50 parameters: the
ORM's bulk inserts vary with every call and would only fill the cache. Ours that pass those
limits repeat: the members' search's query (~70 KB: the pages a reader may open, kept for
them) and a meeting's document rules (~5 KB, ~250 parameters) are the same text at every
request of the same reader on the same page, and were split again each time (0.3–0.6 ms of
a meeting's page). Above these limits a query is still parsed every time, as before.
"""

from psycopg import _queries

LONGEST_KEPT = 128 * 1024
MOST_PARAMETERS_KEPT = 2_000


def keep_long_queries() -> None:
    """Raise psycopg's limits (module globals it reads at every execution); never lower
    them, and leave a psycopg without them alone."""
    if not hasattr(_queries, "MAX_CACHED_STATEMENT_LENGTH"):
        return
    _queries.MAX_CACHED_STATEMENT_LENGTH = max(_queries.MAX_CACHED_STATEMENT_LENGTH, LONGEST_KEPT)
    _queries.MAX_CACHED_STATEMENT_PARAMS = max(
        _queries.MAX_CACHED_STATEMENT_PARAMS, MOST_PARAMETERS_KEPT
    )
