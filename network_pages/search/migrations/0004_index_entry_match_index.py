"""A GIN index on the text that PostgreSQL's search backend matches (`title || body` of
Wagtail's index entries): a search for a word that few entries hold reads the index, not
every entry. PostgreSQL only; other databases have their own full-text index."""

from django.db import migrations

INDEX = "nfp_indexentry_title_body_gin"


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("network_search", "0003_document_views"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
