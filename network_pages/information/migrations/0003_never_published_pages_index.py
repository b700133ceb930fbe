"""A partial index of the pages never published (4.5, 4.7: the submissions the DMR
Secretariat reviews are among them): the DMR's "to review" list reads these few rows, not
every page. PostgreSQL only; elsewhere (SQLite for quick test runs) nothing is done.
"""

from django.db import migrations

_INDEX = "nfp_page_never_published"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # The predicate is the list's filter (`worklists._submissions_to_review`) as the
        # ORM writes it: PostgreSQL uses a partial index only for a query that implies it.
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {_INDEX} ON wagtailcore_page (id) "
            "WHERE NOT live AND last_published_at IS NULL AND alias_of_id IS NULL"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("information", "0002_content_language"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
