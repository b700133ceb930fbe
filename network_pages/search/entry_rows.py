"""The entries of one page of results as plain rows, with what the hits show of each and of
its page, member state and document, and nothing else (issue 17: read as models, each hit
made four of them, an entry and its page, state and document: ~0.1 ms a hit).

A row keeps the attributes of a `SearchEntry` its readers ask for (`pk`, `kind`,
`source_id`, `page_id`, `document_id`, `member_state.name`, `get_kind_display()`, the
texts), so that what read the entries reads the rows unchanged."""

import datetime
import os
import uuid
from typing import NamedTuple

from django.db.models import QuerySet
from django.utils.encoding import force_str

from network_pages.models.member_state import name_in_language
from nfp_site.prepared_sql import prepared_rows

from .models import SearchEntry

_KIND_LABELS = dict(SearchEntry.Kind.choices)


class StateName(NamedTuple):
    """An entry's member state as a hit shows it: its name, in the active language."""

    name_en: str
    name_fr: str

    @property
    def name(self) -> str:
        return name_in_language(self.name_en, self.name_fr)


class EntryRow(NamedTuple):
    pk: int
    kind: str
    source_id: int
    page_id: int | None
    document_id: int | None
    language: str
    date: datetime.date | None
    title: str
    body: str
    anchor: str
    view_name: str
    view_pk: int | None
    # The entry's page as `_urls` reads it (None without a page).
    page_url_path: str | None
    page_translation_key: uuid.UUID | None
    page_locale_id: int | None
    # The member state's names (None without a state: both are required of a state).
    state_name_en: str | None
    state_name_fr: str | None
    # The document's file as stored, "documents/name.pdf" (None without a document).
    document_file: str | None

    @property
    def member_state(self) -> StateName | None:
        if self.state_name_en is None:
            return None
        return StateName(self.state_name_en, self.state_name_fr)

    def get_kind_display(self) -> str:
        """As the model's: the kind's label in the active language, else its value."""
        return force_str(_KIND_LABELS.get(self.kind, self.kind), strings_only=True)

    @property
    def document_filename(self) -> str:
        """As `Document.filename`: the file's name without its folder."""
        return os.path.basename(self.document_file or "")


# The columns of `EntryRow`, in its order.
COLUMNS = (
    "pk",
    "kind",
    "source_id",
    "page_id",
    "document_id",
    "language",
    "date",
    "title",
    "body",
    "anchor",
    "view_name",
    "view_pk",
    "page__url_path",
    "page__translation_key",
    "page__locale_id",
    "member_state__name_en",
    "member_state__name_fr",
    "document__file",
)
assert len(COLUMNS) == len(EntryRow._fields)  # noqa: S101 - a row's columns, checked at import


def _by_ids(ids: list[int]) -> QuerySet:
    return SearchEntry.objects.filter(pk__in=ids).order_by().values_list(*COLUMNS)


def entry_rows(ids: list[int]) -> list[EntryRow]:
    """The entries of `ids`, in their order (one query, its SQL compiled once per number of
    ids, `prepared_rows`; the ids come from the readable entries: an id no entry has any
    more is left out)."""
    if not ids:
        return []
    rows = prepared_rows("search.entry_rows", _by_ids, list(ids))
    found = {row[0]: EntryRow._make(row) for row in rows}
    return [found[pk] for pk in ids if pk in found]
