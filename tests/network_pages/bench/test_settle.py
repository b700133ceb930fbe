"""A grown database is left as autovacuum would keep a live one: its statistics read and,
on PostgreSQL, its dead rows vacuumed (the members' search table's ~43,000 made the planner
read it whole for a common word)."""

import pytest
from django.db import connection

from network_pages.bench import grow


def vacuumed_tables() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL")
        return {name for (name,) in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM is PostgreSQL's")
def test_a_grown_database_is_vacuumed_and_analysed_outside_a_transaction():
    grow.settle()
    assert "network_search_searchtext" in vacuumed_tables()


@pytest.mark.django_db
def test_inside_a_transaction_it_is_analysed_only():
    grow.settle()  # VACUUM cannot run in a transaction: it would raise here
