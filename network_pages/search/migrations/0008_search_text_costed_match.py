"""The GIN index of `network_search_searchtext` on `network_search_text(title, body)`, a
function saying what the concatenation costs (issue 17: the members' search at network size).

The search matches `title || body` through the table's GIN index, which answers the match
alone (no recheck for a query of words): the concatenation is never computed. Reading the
whole table instead computes it on every row, which costs some 1.5 µs each: a common word
(found in half the entries) took 65 to 90 ms that way at network size, against some 12 ms
through the index. PostgreSQL weighs the concatenation as one cheap operator, though, so
when a word is found in half the rows and the table holds dead rows (every entry is written
twice by 0007's triggers, and the pages stay once vacuumed), it chose to read the whole
table: the DMR's searches of a common word always did at network size, a Focal Point's
sometimes.

The function is the same concatenation, declared at its cost (`COST 100`, an estimate the
planner multiplies by `cpu_operator_cost`): reading every row then weighs what it does, and
the index wins as it does in fact. A PL/pgSQL function, which PostgreSQL never inlines (a
SQL function would be replaced by its body, cost and all, in the index too). The search
matches this very expression (`ranked.MATCHED`). PostgreSQL only, as 0006.
"""

from django.db import migrations

TABLE = "network_search_searchtext"
FUNCTION = "network_search_text"
OLD_INDEX = f"{TABLE}_title_body"
INDEX = f"{TABLE}_text"

FORWARD = [
    f"""CREATE OR REPLACE FUNCTION {FUNCTION}(title tsvector, body tsvector)
    RETURNS tsvector LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 100
    AS $$ BEGIN RETURN title || body; END $$""",
    f"CREATE INDEX {INDEX} ON {TABLE} USING gin ({FUNCTION}(title, body))",
    f"DROP INDEX IF EXISTS {OLD_INDEX}",
    f"ANALYZE {TABLE}",
]

BACKWARD = [
    f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON {TABLE} USING gin ((title || body))",
    f"DROP INDEX IF EXISTS {INDEX}",
    f"DROP FUNCTION IF EXISTS {FUNCTION}(tsvector, tsvector)",
    f"ANALYZE {TABLE}",
]


def costed(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def uncosted(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("network_search", "0007_search_text_matched_expression")]

    operations = [migrations.RunPython(costed, uncosted, elidable=False)]
