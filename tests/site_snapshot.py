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

On PostgreSQL the snapshot is also a copy of every table that holds rows, in a schema of the
test database that Django does not see (`SNAPSHOT_SCHEMA`): a restore is then one statement
per table (`INSERT ... SELECT`) instead of saving some 1,300 objects one by one through the
ORM (about 2,750 queries), and the structure is back before every test that follows a flush,
so Django's own `serialized_rollback` restore has nothing left to do (it is given an empty
snapshot there, not the same 2,750 queries a second time).
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections, transaction

from network_pages.site_structure import ensure_site_structure

SNAPSHOT_SCHEMA = "nfp_test_snapshot"


def build_site_structure() -> str:
    """Build the structure in the test database and return the snapshot to restore."""
    ensure_site_structure()
    connection = connections["default"]
    snapshot = _content_types_first(connection.creation.serialize_db_to_string())
    if connection.vendor == "postgresql":
        _flush_by_deleting_rows(connection)
        _copy_tables_into_the_snapshot_schema()
        # Every flush is followed by the restore below, before the next test's fixtures:
        # Django's serialized_rollback would only save the same rows over themselves.
        connection._test_serialized_contents = "[]"
    else:
        # serialized_rollback tests restore this one, structure included.
        connection._test_serialized_contents = snapshot
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
    if connections["default"].vendor == "postgresql":
        _copy_tables_back_from_the_snapshot_schema()
    else:
        connections["default"].creation.deserialize_db_from_string(snapshot)


def _flush_by_deleting_rows(connection) -> None:
    """Flushes with DELETE instead of TRUNCATE on PostgreSQL: TRUNCATE makes new files for
    every table and index (about 0.6 s for the 139 tables here, twice around each
    transactional test), DELETE of the few rows a test leaves about 0.15 s. Django's
    foreign keys are checked at commit (DEFERRABLE INITIALLY DEFERRED) and flush runs in one
    transaction, so the order of the tables does not matter. A flush that must also reset
    the sequences or cascade keeps Django's own statement."""
    truncate = connection.ops.sql_flush
    quote = connection.ops.quote_name

    def sql_flush(style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(
                style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        # Table names come from Django's introspection, quoted.
        return [f"DELETE FROM {quote(table)};" for table in tables]  # noqa: S608

    connection.ops.sql_flush = sql_flush


def _copy_tables_into_the_snapshot_schema() -> None:
    """Copy the rows of every table that flush empties (Django's tables, as flush lists
    them) into SNAPSHOT_SCHEMA, outside the search path, so Django never sees the copies."""
    connection = connections["default"]
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SNAPSHOT_SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SNAPSHOT_SCHEMA}")
        for table in sorted(tables):
            # Table names come from Django's introspection, quoted.
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")  # noqa: S608
            if cursor.fetchone()[0]:
                cursor.execute(
                    f"CREATE TABLE {SNAPSHOT_SCHEMA}.{quote(table)} AS TABLE {quote(table)}"
                )


def _copy_tables_back_from_the_snapshot_schema() -> None:
    """Put the copied rows back, ids included, in one transaction: Django's foreign keys on
    PostgreSQL are checked at commit (DEFERRABLE INITIALLY DEFERRED), so the order of the
    tables does not matter. Sequences keep their values, as after the flush."""
    connection = connections["default"]
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [SNAPSHOT_SCHEMA])
        copied = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "; ".join(
                f"INSERT INTO {quote(table)} SELECT * FROM {SNAPSHOT_SCHEMA}.{quote(table)}"  # noqa: S608
                for table in copied
            )
        )


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
