"""A page of results is read as plain rows (`entry_rows`), its pages' URLs routed once
(`page_urls`), its documents' URLs reversed once (issue 17): each hit has the links, title
and snippet the entries read as models gave it (the code it replaced, below), in English
and French, for a Focal Point and the DMR, with documents of a meeting, of a request's
item and of the library (a view of its own), file names to quote and titles to escape."""

import pytest
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page

from home import locales, site_lookup
from network_pages.area_addresses import sub_path_in
from network_pages.information.models import InformationItemAttachment
from network_pages.library import places
from network_pages.library.factories import make_entry, text_file
from network_pages.meetings.models import MeetingDocument
from network_pages.network_area import ensure_network_collection
from network_pages.search import highlights, query, rows
from network_pages.search.entry_rows import entry_rows
from network_pages.search.models import SearchEntry

pytestmark = pytest.mark.django_db

WORDS = "digitalisation"


def old_entries(ids: list[int]) -> list[SearchEntry]:
    """`query._in_full` before the rows: the entries with their page, state and document."""
    entries = SearchEntry.objects.select_related("page", "member_state", "document")
    found = entries.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def old_urls(request, entries: list[SearchEntry], language: str) -> dict[int, str]:
    """`query._urls` before the rows: Wagtail's `get_url` of each page or its translation."""
    pages = {entry.page_id: entry.page for entry in entries if entry.page_id}
    keys = {page.translation_key: page.pk for page in pages.values()}
    wanted = locales.locale_for(language)
    if wanted is None or any(page.locale_id != wanted.pk for page in pages.values()):
        translated = Page.objects.filter(
            translation_key__in=keys, locale__language_code=language, live=True
        ).exclude(pk__in=pages)
        for page in translated:
            pages[keys[page.translation_key]] = page
    site_lookup.find_for_request(request)
    return {page_id: page.get_url(request) or "" for page_id, page in pages.items()}


def old_hits(request, ids: list[int], language: str) -> list[query.Hit]:
    """The hits of `ids` as `query.search` made them from models."""
    entries = old_entries(ids)
    words = highlights.terms_of(WORDS)
    urls = old_urls(request, entries, language)
    hits = []
    for entry in entries:
        download = entry.document.url if entry.document_id else ""
        page_url = urls.get(entry.page_id, "") if entry.page_id else ""
        if entry.view_name:
            url = reverse(entry.view_name, kwargs={"pk": entry.view_pk})
        else:
            url = f"{page_url}{sub_path_in(entry.anchor, language)}" if page_url else download
        hits.append(
            query.Hit(
                entry=entry,
                url=url,
                title=highlights.mark(entry.title, words),
                snippet=highlights.snippet(entry.body, words),
                download_url=download,
            )
        )
    return hits


def attach(owner, attachment_model, title: str, filename: str) -> None:
    document = get_document_model()(title=title, collection=ensure_network_collection())
    document.file.save(filename, ContentFile(b"Digitalisation notes."), save=False)
    document.save()
    if attachment_model is MeetingDocument:
        MeetingDocument.objects.create(meeting=owner, document=document)
    else:
        InformationItemAttachment.objects.create(page=owner, document=document)


@pytest.fixture
def documents(library, focal_point, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        attach(library["meeting"], MeetingDocument, 'Digitalisation <agenda> & "notes"', "a b.txt")
        attach(library["item"], InformationItemAttachment, "Digitalisation annex", "l'été.txt")
        make_entry(
            places.NETWORK,
            focal_point,
            title="Digitalisation paper <b>",
            upload=text_file("digitalisation paper (v1).txt", "Digitalisation paper."),
        )


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_hits_read_as_rows_are_the_hits_read_as_models(request, documents, reader, language):
    user = request.getfixturevalue(reader)
    user.is_verified = lambda: True
    web_request = RequestFactory().get(f"/{language}/network/search/")
    web_request.user = user
    with translation.override(language):
        outcome = query.search(web_request, WORDS, {}, 1, language)
        ids = [hit.entry.pk for hit in outcome.hits]
        before = old_hits(web_request, ids, language)
        written_before = rows.result_rows(before, language)
        written_now = rows.result_rows(outcome.hits, language)

    assert len(outcome.hits) > 5
    assert {hit.entry.kind for hit in outcome.hits} >= {"document", "meeting", "comment"}
    assert any(hit.entry.view_name for hit in outcome.hits)
    assert any(hit.download_url and not hit.entry.view_name for hit in outcome.hits)
    assert [(hit.url, hit.download_url, hit.title, hit.snippet) for hit in outcome.hits] == [
        (hit.url, hit.download_url, hit.title, hit.snippet) for hit in before
    ]
    assert written_now == written_before


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_rows_attributes_are_the_models(library, language):
    """What the commands and tests read of `hit.entry` (its id, source, page, kind's label,
    state's name) is the model's."""
    entries = SearchEntry.objects.filter(member_state__isnull=False)[:3]
    assert entries
    with translation.override(language):
        for found in entry_rows([entry.pk for entry in entries]):
            entry = SearchEntry.objects.get(pk=found.pk)
            assert (found.kind, found.source_id, found.page_id, found.document_id) == (
                entry.kind,
                entry.source_id,
                entry.page_id,
                entry.document_id,
            )
            assert found.get_kind_display() == entry.get_kind_display()
            assert found.member_state.name == entry.member_state.name
            assert (found.date, found.language, found.title) == (
                entry.date,
                entry.language,
                entry.title,
            )
