"""A grown database is left as a live one would be: its statistics read and, on PostgreSQL,
its tables written again without their dead rows (the members' search table's ~43,000 made
the planner read it whole for a common word)."""

import pytest
from django.db import connection

from network_pages.bench import grow


def files_of(*tables: str) -> dict[str, int]:
    """Each table's file on disk: `VACUUM FULL` writes the table again, in a new one."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relfilenode FROM pg_class WHERE relname = ANY(%s)", [list(tables)]
        )
        return dict(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM is PostgreSQL's")
def test_a_grown_database_is_written_again_and_analysed_outside_a_transaction():
    tables = ("network_search_searchtext", "wagtailcore_page")
    before = files_of(*tables)
    grow.settle()
    after = files_of(*tables)
    assert set(after) == set(tables)
    assert all(after[table] != before[table] for table in tables)


@pytest.mark.django_db
def test_inside_a_transaction_it_is_analysed_only():
    grow.settle()  # VACUUM cannot run in a transaction: it would raise here
