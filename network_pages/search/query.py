"""The members' search: the readable entries, filtered, searched, counted, paginated.

Every step starts from `readers.readable_condition` (on the entries, or on their indexed text
on PostgreSQL), so the results, the total, the counts per kind and the highlights are all
computed on what the reader may read. The number of queries does not depend on the number of
results.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home import locales
from home.page_urls import Address, page_urls
from network_pages.area_addresses import sub_path_in
from network_pages.reversed_once import document_url, url_by_id

from . import highlights, ranked, readers
from .entry_rows import EntryRow, entry_rows
from .models import SearchEntry

PER_PAGE = 20
# Characters a search backend cannot take in a query (PostgreSQL: NUL; SQLite's full-text
# index: an unbalanced double quote), as in the public search.
UNSEARCHABLE = str.maketrans({"\x00": " ", '"': " "})


@dataclass
class Hit:
    entry: EntryRow
    url: str
    title: SafeString
    snippet: SafeString
    # A document's download (through the access-checked view); "" for anything else.
    download_url: str = ""


@dataclass
class SearchOutcome:
    hits: list[Hit]
    page: PaginatorPage
    total: int
    # {kind value: number of readable matches}, whatever kind was chosen.
    kind_counts: dict[str, int] = field(default_factory=dict)
    # On PostgreSQL, how many of the most recent matches were ranked and paged through, when
    # more than those matched (`ranked.RANKED_AT_MOST`); None when every match was. The total
    # is then that many ("more than").
    ranked_among: int | None = None
    # On PostgreSQL, how many of the most recent matches the counts per kind are of, when more
    # than those matched (`ranked.RANKED_AT_MOST`); None when they count every match.
    counted_among: int | None = None


def filtered(entries: QuerySet, filters: dict, *, with_kind: bool = True) -> QuerySet:
    if with_kind and filters.get("kind"):
        entries = entries.filter(kind=filters["kind"])
    if filters.get("state"):
        entries = entries.filter(member_state=filters["state"])
    if filters.get("language"):
        entries = entries.filter(language=filters["language"])
    if filters.get("meeting"):
        entries = entries.filter(page=filters["meeting"])
    if filters.get("group_page_ids"):
        entries = entries.filter(page__in=filters["group_page_ids"])
    if filters.get("date_from"):
        entries = entries.filter(date__gte=filters["date_from"])
    if filters.get("date_to"):
        entries = entries.filter(date__lte=filters["date_to"])
    return entries


def _urls(request: HttpRequest, entries: list[EntryRow], language: str) -> dict[int, str]:
    """{page id: the page's URL in the reader's language}: the French alias (or
    translation) of a page when there is one, one query for all; the URLs as Wagtail
    writes them, from the pages' addresses (`page_urls`: routed once, not once per page)."""
    pages = {entry.page_id: entry for entry in entries if entry.page_id}
    addresses = {page_id: Address(page_id, entry.page_url_path) for page_id, entry in pages.items()}
    keys = {entry.page_translation_key: page_id for page_id, entry in pages.items()}
    wanted = locales.locale_for(language)
    if wanted is None or any(entry.page_locale_id != wanted.pk for entry in pages.values()):
        translated = (
            Page.objects.filter(translation_key__in=keys, locale__language_code=language, live=True)
            .exclude(pk__in=pages)
            .values_list("pk", "url_path", "translation_key")
        )
        for pk, url_path, translation_key in translated:
            addresses[keys[translation_key]] = Address(pk, url_path)
    return page_urls(request, addresses)


def _wanted(page_number) -> int:
    """How many ranked matches the page asked for needs: up to its end (a page that is
    not a number is the first; one below 1, the last: every match)."""
    try:
        number = int(page_number)
    except (TypeError, ValueError):
        return PER_PAGE
    return number * PER_PAGE if number >= 1 else ranked.EVERY_MATCH


def group_page_ids(group: Page | int) -> list[int]:
    """A thematic group's page and its workspace (the updates below it)."""
    if isinstance(group, int):
        group = Page.objects.get(pk=group)
    return [group.pk, *Page.objects.child_of(group).values_list("pk", flat=True)]


def search(
    request: HttpRequest,
    query: str,
    filters: dict,
    page_number,
    language: str,
    reader: readers.Reader | None = None,
) -> SearchOutcome:
    backend = get_search_backend()
    terms = query.translate(UNSEARCHABLE).strip()
    if filters.get("group") and "group_page_ids" not in filters:
        filters = {**filters, "group_page_ids": group_page_ids(filters["group"])}
    chosen = filters.get("kind")
    one_query = None
    ranked_among = counted_among = None
    if terms and ranked.answers_in_one_query(backend):
        # PostgreSQL: the counts and the page's ids in one query, on the entries' indexed
        # text (`ranked`).
        texts = filtered(readers.readable_texts(request.user, reader), filters, with_kind=False)
        one_query = ranked.ranked(backend, terms, texts, chosen, _wanted(page_number))
    if one_query is not None:
        kind_counts = one_query.kind_counts
        paginator = Paginator(one_query.ids, PER_PAGE)
        ranked_among, counted_among = one_query.ranked_among, one_query.counted_among
    elif terms:
        readable = readers.readable_entries(request.user, reader)
        # Ranked by their ids alone (a narrow sort, however many match); the page's 20
        # entries are read in full afterwards (`entry_rows`).
        results = backend.search(terms, filtered(readable.only("pk"), filters), operator="and")
        everything = backend.search(
            terms, filtered(readable, filters, with_kind=False), operator="and"
        )
        # The counts per kind are the total too: one query for both.
        kind_counts = dict(everything.facet("kind"))
        paginator = Paginator(results, PER_PAGE)
    else:
        kind_counts = {}
        paginator = Paginator(SearchEntry.objects.none(), PER_PAGE)
    total = 0
    if one_query is not None:
        # The chosen kind's matches, or all of them, among the most recent ones at most
        # (`ranked.RANKED_AT_MOST`): the pages go through those.
        total = paginator.count = one_query.total
    elif terms:
        # The total is the chosen kind's count, or all of them.
        total = kind_counts.get(chosen, 0) if chosen else sum(kind_counts.values())
        paginator.count = total
    page = paginator.get_page(page_number)
    ids = [item if isinstance(item, int) else item.pk for item in page.object_list]
    entries = entry_rows(ids)
    words = highlights.terms_of(terms)
    urls = _urls(request, entries, language) if entries else {}
    # `Document.url` and each view's URL, reversed once for the page's hits.
    document_url_of = document_url() if any(entry.document_id for entry in entries) else None
    view_urls: dict[str, Callable[[int], str]] = {}
    hits = []
    for entry in entries:
        download = ""
        if entry.document_id:
            download = document_url_of(entry.document_id, entry.document_filename)
        page_url = urls.get(entry.page_id, "") if entry.page_id else ""
        if entry.view_name:
            # A place of its own (a library entry), in the reader's language.
            if entry.view_name not in view_urls:
                view_urls[entry.view_name] = url_by_id(entry.view_name)
            url = view_urls[entry.view_name](entry.view_pk)
        else:
            # The stored route (`responses/FR/`) in the reader's language (`reponses/FR/`).
            url = f"{page_url}{sub_path_in(entry.anchor, language)}" if page_url else download
        hits.append(
            Hit(
                entry=entry,
                url=url,
                title=highlights.mark(entry.title, words),
                snippet=highlights.snippet(entry.body, words),
                download_url=download,
            )
        )
    return SearchOutcome(
        hits=hits,
        page=page,
        total=total,
        kind_counts=kind_counts,
        ranked_among=ranked_among,
        counted_among=counted_among,
    )
