"""`network_search_searchtext` without its stored `text` (issue 17: the members' search at
network size): the GIN index is on the expression `title || body` instead.

The stored concatenation doubled the width of every row (the two vectors again), and a
common word's search reads some 20,000 rows: the heap pages it visits halve without it. The
index on the expression answers the match alone (a tsvector's GIN index needs no recheck for
a query of words), so the concatenation is never computed at a search; the search matches
that very expression (`ranked.MATCHED`), which PostgreSQL needs to use the index.

The table, its triggers and its functions are written anew and filled from the join, as 0006
wrote them, less the column: dropping a column leaves its data in every row until the table
is rewritten. PostgreSQL only, as 0006.
"""

import importlib

from django.db import migrations

previous = importlib.import_module("network_pages.search.migrations.0006_search_text")

TABLE = previous.TABLE
FROM_INDEX = previous.FROM_INDEX
FROM_ENTRY = previous.FROM_ENTRY
EMPTIED = previous.EMPTIED
ENTRY_TYPE = previous.ENTRY_TYPE
INDEX = f"{TABLE}_title_body"
COLUMNS = (
    "entry_id, kind, page_id, document_id, audience, member_state_id, language, date, "
    "title, body, title_norm"
)
UPDATED = ", ".join(
    f"{column} = EXCLUDED.{column}" for column in COLUMNS.split(", ") if column != "entry_id"
)
# An entry (`e`) and its index entry (`i`), as a row of the table.
JOINED = (
    "e.id, e.kind, e.page_id, e.document_id, e.audience, e.member_state_id, e.language, "
    "e.date, i.title, i.body, i.title_norm"
)

CREATE = [
    f"""CREATE TABLE {TABLE} (
        entry_id bigint PRIMARY KEY,
        kind varchar(20) NOT NULL,
        page_id integer NULL,
        document_id integer NULL,
        audience varchar(10) NOT NULL,
        member_state_id bigint NULL,
        language varchar(2) NOT NULL,
        date date NULL,
        title tsvector NOT NULL,
        body tsvector NOT NULL,
        title_norm double precision NOT NULL
    )""",
    f"""CREATE FUNCTION {FROM_INDEX}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.content_type_id = {ENTRY_TYPE} THEN
            DELETE FROM {TABLE} WHERE entry_id = OLD.object_id::bigint
                AND (TG_OP = 'DELETE' OR OLD.object_id <> NEW.object_id
                     OR NEW.content_type_id <> OLD.content_type_id);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.content_type_id = {ENTRY_TYPE} THEN
            INSERT INTO {TABLE} ({COLUMNS})
            SELECT {JOINED}
            FROM network_search_searchentry e, (SELECT NEW.*) i
            WHERE e.id = NEW.object_id::bigint
            ON CONFLICT (entry_id) DO UPDATE SET {UPDATED};
        END IF;
        RETURN NULL;
    END
    $$""",
    f"""CREATE FUNCTION {FROM_ENTRY}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM {TABLE} WHERE entry_id = OLD.id;
            RETURN NULL;
        END IF;
        INSERT INTO {TABLE} ({COLUMNS})
        SELECT {JOINED}
        FROM (SELECT NEW.*) e
        JOIN wagtailsearch_indexentry i
            ON i.content_type_id = {ENTRY_TYPE} AND i.object_id = NEW.id::varchar
        ON CONFLICT (entry_id) DO UPDATE SET {UPDATED};
        RETURN NULL;
    END
    $$""",
    f"""CREATE FUNCTION {EMPTIED}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM {TABLE};
        RETURN NULL;
    END
    $$""",
    f"CREATE TRIGGER {FROM_INDEX} AFTER INSERT OR UPDATE OR DELETE "
    f"ON wagtailsearch_indexentry FOR EACH ROW EXECUTE FUNCTION {FROM_INDEX}()",
    f"CREATE TRIGGER {FROM_ENTRY} AFTER INSERT OR UPDATE OR DELETE "
    f"ON network_search_searchentry FOR EACH ROW EXECUTE FUNCTION {FROM_ENTRY}()",
    f"CREATE TRIGGER {EMPTIED} AFTER TRUNCATE ON wagtailsearch_indexentry "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {EMPTIED}()",
    f"CREATE TRIGGER {EMPTIED} AFTER TRUNCATE ON network_search_searchentry "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {EMPTIED}()",
]

# Made once the table is filled: the rows written before go into the index itself, not into
# its pending list (which every search would read until a vacuum).
INDEXED = f"CREATE INDEX {INDEX} ON {TABLE} USING gin ((title || body))"

FILL = f"""INSERT INTO {TABLE} ({COLUMNS})
SELECT {JOINED}
FROM network_search_searchentry e
JOIN wagtailsearch_indexentry i
    ON i.content_type_id = {ENTRY_TYPE} AND i.object_id = e.id::varchar"""


def fill(connection) -> None:
    """Every indexed entry's row, from the join (the data this migration starts with)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 - the table's own name
        cursor.execute(FILL)
        cursor.execute(f"ANALYZE {TABLE}")


def indexed(connection) -> None:
    """The table's GIN index on `title || body`, made from the rows it holds."""
    with connection.cursor() as cursor:
        cursor.execute(INDEXED)
        cursor.execute(f"ANALYZE {TABLE}")


def create(apps, schema_editor) -> None:
    """0006's table, triggers and functions replaced by these (the same names)."""
    if schema_editor.connection.vendor == "postgresql":
        for statement in (*previous.DROP, *CREATE):
            schema_editor.execute(statement)
        fill(schema_editor.connection)
        indexed(schema_editor.connection)


def restore(apps, schema_editor) -> None:
    """0006's, with its stored `text`."""
    if schema_editor.connection.vendor == "postgresql":
        for statement in (*previous.DROP, *previous.CREATE):
            schema_editor.execute(statement)
        previous.fill(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("network_search", "0006_search_text")]

    operations = [
        migrations.RemoveField(model_name="searchtext", name="text"),
        migrations.RunPython(create, restore, elidable=False),
    ]
