"""The site structure every test stands on, built once per test database.

Building the pages every installation has (`ensure_site_structure`: homes in EN and FR,
the network area and its aliases, the indexes, Publication drafts and its workflow) costs
about a second per test on PostgreSQL. So it is built once, committed, and every test
runs inside a transaction rolled back at its end, as pytest-django does for `db`.

A transactional test (`transaction=True`, `live_server`) ends with a flush that empties
every table, rows created by migrations included. Django only restores its snapshot at the
start of a test that asks for `serialized_rollback`, so an ordinary test that ran next on
the same database (pytest-xdist hands out tests in any order) found no locales, groups or
pages. Here the snapshot is taken after the structure is built and restored right after
every flush, so every test, whatever ran before it on its worker, starts from the same
database.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections

from network_pages.site_structure import ensure_site_structure


def build_site_structure() -> str:
    """Build the structure in the test database and return the snapshot to restore."""
    ensure_site_structure()
    snapshot = _content_types_first(connections["default"].creation.serialize_db_to_string())
    # serialized_rollback tests restore this one, structure included.
    connections["default"]._test_serialized_contents = snapshot
    return snapshot


def restore_site_structure(snapshot: str) -> None:
    """Put back every row of the snapshot, after a transactional test's flush.

    A flush without `serialized_rollback` re-creates content types and permissions (its
    post_migrate signal) under new ids: empty the tables again, quietly, before loading.
    """
    # Sequences keep counting: the snapshot's rows come back with their ids, new rows
    # must not take them again.
    call_command(
        "flush",
        interactive=False,
        inhibit_post_migrate=True,
        reset_sequences=False,
        verbosity=0,
    )
    ContentType.objects.clear_cache()
    connections["default"].creation.deserialize_db_from_string(snapshot)


def _content_types_first(snapshot: str) -> str:
    """Wagtail's Page() looks its content type up (creating it if missing) as each page is
    built from the snapshot: the content types must be back in the table before any page."""
    rows = json.loads(snapshot)
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


def flushes_the_database(item) -> bool:
    """True for a test that pytest-django runs as a TransactionTestCase (ends in a flush)."""
    if "transactional_db" in item.fixturenames or "live_server" in item.fixturenames:
        return True
    marker = item.get_closest_marker("django_db")
    if marker is None:
        return False
    return bool(marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))


def end_stray_sessions() -> None:
    """Close the sessions that other threads or contexts left open on the test database.

    Django's connections are per thread and per context: a live server thread, or ORM calls
    made while Playwright's sync API holds another context, open connections that the
    teardown's `connections.close_all()` never sees, and PostgreSQL will not drop a
    database that still has sessions.
    """
    connection = connections["default"]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    connection.close()
