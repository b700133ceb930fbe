"""Wagtail's database search backend, with English and French stemming on PostgreSQL.

`WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]` names this module. On PostgreSQL each object is
indexed with the text search configuration of its language ("french" for a French page or
entry, "english" otherwise: `config_for`), and a query is read in both languages at once, so
that "migrants" finds "migrant" in an English text and "réfugiés" finds "réfugié" in a French
one, whichever language the reader types in. Other databases get Wagtail's own backend for
them (SQLite's full-text index does no stemming). A deployment can still switch to
OpenSearch or Elasticsearch by settings: nothing else calls this module.

After switching an existing PostgreSQL database to it, run `manage.py update_index` once.
"""

import copy
from collections import defaultdict
from functools import reduce

from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models import Expression, F
from modelsearch.backends.database import SearchBackend as database_backend_for
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText

# The queries Wagtail matches against `title || body` (not MatchAll, a negated MatchAll, which
# nothing matches, nor Fuzzy).
MATCHED_QUERIES = (And, Boost, Not, Or, Phrase, PlainText)
# Language codes and the PostgreSQL text search configurations that stem them.
LANGUAGE_CONFIGS = {"en": "english", "fr": "french"}
DEFAULT_CONFIG = "english"


def language_of(obj, locale_codes: dict[int, str]) -> str:
    """An object's language: its own say (`text_search_language()`), or its locale's."""
    own = getattr(obj, "text_search_language", None)
    if callable(own):
        return own() or ""
    locale_id = getattr(obj, "locale_id", None)
    return locale_codes.get(locale_id, "") if locale_id else ""


class MultilingualIndex(PostgresIndex):
    def _locale_codes(self) -> dict[int, str]:
        from wagtail.models import Locale  # the backend module loads before the apps

        return dict(Locale.objects.values_list("pk", "language_code"))

    def add_items(self, model, objs) -> None:
        """Each object indexed with the configuration of its language."""
        objs = list(objs)
        codes = self._locale_codes() if any(hasattr(obj, "locale_id") for obj in objs) else {}
        groups = defaultdict(list)
        for obj in objs:
            groups[self.backend.config_for(language_of(obj, codes))].append(obj)
        for config, group in groups.items():
            backend = copy.copy(self.backend)
            backend.config = config
            PostgresIndex(backend).add_items(model, group)


# The index entries' `title || body`, stored with its GIN index (network_search migration 0005).
STORED_TEXT_COLUMN = "nfp_text"


class StoredText(Expression):
    """The stored `title || body` of the index entry joined to the searched rows: the
    column beside `index_entries__title`, which the trigger keeps equal to the expression."""

    output_field = SearchVectorField()

    def __init__(self, title=None) -> None:
        super().__init__()
        self.title = title if title is not None else F("index_entries__title")

    def get_source_expressions(self) -> list:
        return [self.title]

    def set_source_expressions(self, expressions) -> None:
        (self.title,) = expressions

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.title)
        title = '"title"'
        if not sql.endswith(f".{title}"):
            raise ValueError(f"Not the index entries' title column: {sql}")
        return f'{sql.removesuffix(title)}"{STORED_TEXT_COLUMN}"', params


class MultilingualQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery(self, query, config=None):
        """The query read as English and as French: either reading may match."""
        readings = [
            self.build_tsquery_content(query, config=language_config)
            for language_config in dict.fromkeys(LANGUAGE_CONFIGS.values())
        ]
        readings = [reading for reading in readings if reading is not None]
        return reduce(lambda one, other: one | other, readings) if readings else None

    def search(self, config, start, stop, score_field=None, backend=None):
        """As Wagtail's, matching the index entries' stored `title || body` (`StoredText`)
        instead of joining the two vectors anew for every entry; ranked the same way."""
        matched = isinstance(self.query, MATCHED_QUERIES) and not (
            isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll)
        )
        if self.fields is not None or not matched:
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        queryset = self.queryset.annotate(_vector_=StoredText()).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class MultilingualPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = MultilingualQueryCompiler
    index_class = MultilingualIndex
    results_class = PostgresSearchResults

    def __init__(self, params) -> None:
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or DEFAULT_CONFIG

    def config_for(self, language: str) -> str:
        return LANGUAGE_CONFIGS.get((language or "")[:2], self.config)


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    if connection.vendor == "postgresql":
        return MultilingualPostgresSearchBackend(params)
    return database_backend_for(params)
