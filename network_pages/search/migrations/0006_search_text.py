"""The search entries joined to their rows of Wagtail's index, in a table of integer keys kept
by the database (`SearchText`; issue 17: the members' search at network size).

The members' search joined every readable entry to `wagtailsearch_indexentry` (157 MB at
network size: every indexed model's vectors and plain text) on `object_id = id::varchar`,
and read the access columns from the entries' own wide rows. `network_search_searchtext`
holds exactly that join, one row per entry that has an index entry: the entry's kind, page,
document, audience, member state, language and date, and the index entry's title and body
vectors, title norm, and their concatenation (the text matched, with its GIN index).

Triggers keep it equal to the join on every write of either table, whatever writes it (the
ORM, Wagtail's upsert and its title norms' refresh, a raw delete, a rebuild, a flush, the
tests' copy of the tables), so no code path can forget it:
- an index entry of a search entry inserted or updated: its row written from both;
- an index entry deleted: its row removed;
- a search entry inserted or updated: its row written again if it has an index entry (an
  entry's audience or page changes before Wagtail's task indexes it again: the access
  columns follow at once, as the join's did);
- a search entry deleted: its row removed; either table truncated: every row removed.

It is filled here from the join. PostgreSQL only: other databases search the entries through
Wagtail's backend, and have no such table (the model is not managed by Django).
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

TABLE = "network_search_searchtext"
FROM_INDEX = "nfp_searchtext_from_index"
FROM_ENTRY = "nfp_searchtext_from_entry"
EMPTIED = "nfp_searchtext_emptied"
# The content type of the search entries, as their index entries name it.
ENTRY_TYPE = (
    "(SELECT id FROM django_content_type "
    "WHERE app_label = 'network_search' AND model = 'searchentry')"
)
COLUMNS = (
    "entry_id, kind, page_id, document_id, audience, member_state_id, language, date, "
    "title, body, title_norm, text"
)
UPDATED = ", ".join(
    f"{column} = EXCLUDED.{column}" for column in COLUMNS.split(", ") if column != "entry_id"
)
# An entry (`e`) and its index entry (`i`), as a row of the table.
JOINED = (
    "e.id, e.kind, e.page_id, e.document_id, e.audience, e.member_state_id, e.language, "
    "e.date, i.title, i.body, i.title_norm, i.title || i.body"
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
        title_norm double precision NOT NULL,
        text tsvector NOT NULL
    )""",
    f"CREATE INDEX {TABLE}_text ON {TABLE} USING gin (text)",
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

FILL = f"""INSERT INTO {TABLE} ({COLUMNS})
SELECT {JOINED}
FROM network_search_searchentry e
JOIN wagtailsearch_indexentry i
    ON i.content_type_id = {ENTRY_TYPE} AND i.object_id = e.id::varchar"""

DROP = [
    f"DROP TRIGGER IF EXISTS {EMPTIED} ON network_search_searchentry",
    f"DROP TRIGGER IF EXISTS {EMPTIED} ON wagtailsearch_indexentry",
    f"DROP TRIGGER IF EXISTS {FROM_ENTRY} ON network_search_searchentry",
    f"DROP TRIGGER IF EXISTS {FROM_INDEX} ON wagtailsearch_indexentry",
    f"DROP FUNCTION IF EXISTS {EMPTIED}()",
    f"DROP FUNCTION IF EXISTS {FROM_ENTRY}()",
    f"DROP FUNCTION IF EXISTS {FROM_INDEX}()",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)
        fill(schema_editor.connection)


def fill(connection) -> None:
    """Every indexed entry's row, from the join (the data this migration starts with)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 - the table's own name
        cursor.execute(FILL)
        cursor.execute(f"ANALYZE {TABLE}")


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("network_search", "0005_index_entry_stored_text")]

    operations = [
        migrations.CreateModel(
            name="SearchText",
            fields=[
                ("entry", models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name="+", serialize=False, to="network_search.searchentry")),
                ("kind", models.CharField(choices=[("request", "Information request"), ("question", "Question"), ("response", "Response"), ("item", "Information item"), ("meeting", "Meeting"), ("thematic_group", "Thematic group"), ("workspace_update", "Workspace update"), ("comment", "Comment"), ("document", "Document")], max_length=20, verbose_name="kind")),
                ("audience", models.CharField(choices=[("page", "Everyone who may read the page"), ("members", "Members of the network who may read the page"), ("state", "The member state's Focal Points and the DMR")], max_length=10)),
                ("language", models.CharField(max_length=2)),
                ("date", models.DateField(null=True)),
                ("title", django.contrib.postgres.search.SearchVectorField()),
                ("body", django.contrib.postgres.search.SearchVectorField()),
                ("title_norm", models.FloatField()),
                ("text", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "verbose_name": "search text",
                "verbose_name_plural": "search texts",
                "db_table": "network_search_searchtext",
                "managed": False,
            },
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
