"""An index on Wagtail's `url_path`, by which every page served is routed (`page_routing`).

Wagtail has none: its own routing walks the tree by slug. A hash index, not a B-tree: a
lookup is by equality only, and a url_path has no length limit (a B-tree entry has).
PostgreSQL only; elsewhere (SQLite for quick test runs) nothing is done.
"""

from django.db import migrations

_INDEX = "nfp_page_url_path"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {_INDEX} ON wagtailcore_page USING hash (url_path)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_public_page_types"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
