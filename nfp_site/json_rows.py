"""Rows of a subquery as one JSON array, on SQLite and PostgreSQL alike (issue 17): a list
read in the same query as the record it belongs to."""

from django.db.models import Aggregate, JSONField


class JSONGroupArray(Aggregate):
    """The aggregated values as one JSON array (SQLite's json_group_array, PostgreSQL's
    jsonb_agg)."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSONB_AGG", **extra_context)
