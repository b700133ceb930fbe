"""psycopg keeps the long queries it has parsed (`operations.parsed_queries`, issue 17): the
members' search's and a meeting's document rules repeat at every request."""

import pytest
from django.db import connection
from psycopg import _queries

pytestmark = pytest.mark.django_db


def kept_hits() -> int:
    return _queries._query2pg.cache_info().hits + _queries._query2pg_client.cache_info().hits


def test_a_long_query_with_many_parameters_is_parsed_once():
    if connection.vendor != "postgresql":
        pytest.skip("psycopg is PostgreSQL's driver")
    ids = list(range(1, 301))
    # ~8 KB and 300 parameters: past psycopg's own limits (4 KB, 50 parameters).
    query = (
        "SELECT count(*) FROM (VALUES (1)) AS t(x) WHERE 1 IN ("
        + ", ".join(["%s"] * len(ids))
        + ")"
        + " " * 6000
    )
    with connection.cursor() as cursor:
        cursor.execute(query, ids)
        before = kept_hits()
        cursor.execute(query, ids)
        assert cursor.fetchone() == (1,)
    assert kept_hits() == before + 1


def test_the_limits_are_only_ever_raised():
    assert _queries.MAX_CACHED_STATEMENT_LENGTH >= 128 * 1024
    assert _queries.MAX_CACHED_STATEMENT_PARAMS >= 2_000
