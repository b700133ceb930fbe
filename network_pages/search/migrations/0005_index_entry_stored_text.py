"""The text PostgreSQL's search backend matches (`title || body` of Wagtail's index entries),
kept in a column of its own, `nfp_text`, with its GIN index (issue 18: the members' search at
network size).

Matched as an expression, the two vectors were joined anew for every entry at every search:
a word found in half of the ~43,000 entries spent ~170 ms of the query doing so, against ~80
ms to match a stored vector. A trigger writes the column on every insert and update of an
entry, whatever writes it (the backend's upsert, a rebuild, a copy of the table), so it is
always the two vectors joined: the search (`nfp_site.search_backend`) matches it instead of
the expression, with the same result. The expression's index (0004) is no longer used and is
dropped. PostgreSQL only; other databases have their own full-text index.

A trigger rather than a generated column: the tests copy tables back with `INSERT ... SELECT
*` (tests/site_snapshot.py), which a generated column refuses.
"""

from django.db import migrations

COLUMN = "nfp_text"
INDEX = "nfp_indexentry_text_gin"
TRIGGER = "nfp_indexentry_text"
OLD_INDEX = "nfp_indexentry_title_body_gin"

CREATE = [
    f"ALTER TABLE wagtailsearch_indexentry ADD COLUMN IF NOT EXISTS {COLUMN} tsvector",
    f"""CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.{COLUMN} := NEW.title || NEW.body;
        RETURN NEW;
    END
    $$""",
    f"DROP TRIGGER IF EXISTS {TRIGGER} ON wagtailsearch_indexentry",
    f"CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE ON wagtailsearch_indexentry "
    f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()",
    f"UPDATE wagtailsearch_indexentry SET {COLUMN} = title || body",
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ({COLUMN})",
    f"DROP INDEX IF EXISTS {OLD_INDEX}",
]

DROP = [
    f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON wagtailsearch_indexentry USING gin ((title || body))",
    f"DROP TRIGGER IF EXISTS {TRIGGER} ON wagtailsearch_indexentry",
    f"DROP FUNCTION IF EXISTS {TRIGGER}()",
    f"ALTER TABLE wagtailsearch_indexentry DROP COLUMN IF EXISTS {COLUMN}",
]


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("network_search", "0004_index_entry_match_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
