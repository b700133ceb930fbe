"""How the site's connections to PostgreSQL plan their queries (nfp_site/settings/base.py)."""

import pytest
from django.conf import settings
from django.db import connection


@pytest.mark.django_db
def test_postgresql_connections_plan_without_parallel_workers():
    """A parallel plan has each worker evaluate the query's subqueries again (the members'
    search's access conditions): the site's requests share the cores instead."""
    if connection.vendor != "postgresql":
        assert "options" not in settings.DATABASES["default"].get("OPTIONS", {})
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
