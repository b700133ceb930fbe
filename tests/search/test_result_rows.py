"""The results' rows written in Python (`network_pages/search/rows.py`) are, byte for byte,
what the search's template loop wrote: for a Focal Point and the DMR, in English and French,
with hits of every kind the library has, and hits made to carry every part of a row (a
document's download, another language, characters to escape)."""

import datetime

import pytest
from django.template import engines
from django.utils import translation
from django.utils.safestring import SafeString

from network_pages.models import MemberState
from network_pages.search import highlights, rows
from network_pages.search.entry_rows import EntryRow
from network_pages.search.models import SearchEntry
from network_pages.search.query import Hit
from tests.conftest import sign_in
from tests.old_templates import with_old_templates

from .conftest import search_url

pytestmark = pytest.mark.django_db

# The loop of network_search/search.html before the rows were written in Python.
TEMPLATE_LOOP = """{% load i18n %}{% for hit in outcome.hits %}
        <li>
            <p class="search-kind">{{ hit.entry.get_kind_display }}{% if hit.entry.member_state %} · {{ hit.entry.member_state.name }}{% endif %}{% if hit.entry.date %} · <time datetime="{{ hit.entry.date|date:'Y-m-d' }}">{{ hit.entry.date|date:"DATE_FORMAT" }}</time>{% endif %}{% if hit.entry.language and hit.entry.language != LANGUAGE_CODE %}{% include "network_pages/components/_language_tag.html" with lang=hit.entry.language %}{% endif %}</p>
            <h3><a href="{{ hit.url }}"{% if hit.entry.language %} hreflang="{{ hit.entry.language }}"{% endif %}>{{ hit.title }}</a></h3>
            {% if hit.snippet %}<p{% if hit.entry.language %} lang="{{ hit.entry.language }}"{% endif %}>{{ hit.snippet }}</p>{% endif %}
            {% if hit.download_url %}<p class="search-download"><a href="{{ hit.download_url }}">{% blocktranslate with title=hit.entry.title %}Download “{{ title }}”{% endblocktranslate %}</a></p>{% endif %}
        </li>
        {% endfor %}"""  # noqa: E501


def by_the_template(hits: list[Hit], language: str) -> str:
    with with_old_templates():
        loop = engines["django"].from_string(TEMPLATE_LOOP)
        return loop.render({"outcome": {"hits": hits}, "LANGUAGE_CODE": language})


def row(**values) -> EntryRow:
    """An entry's row as `entry_rows` reads it, with `values`."""
    empty = dict.fromkeys(EntryRow._fields)
    return EntryRow(**{**empty, "pk": 1, "source_id": 1, "anchor": "", "view_name": "", **values})


def made_hits() -> list[Hit]:
    """Every optional part of a row, and what must be escaped in each."""
    words = highlights.terms_of("walrus")
    state = MemberState.objects.get(code="FR")
    document = row(
        kind=SearchEntry.Kind.DOCUMENT,
        title='Walrus <annex> & "notes"',
        body="A walrus & <b>friends</b>.",
        language="fr",
        state_name_en=state.name_en,
        state_name_fr=state.name_fr,
        date=datetime.date(2026, 3, 9),
    )
    bare = row(kind=SearchEntry.Kind.COMMENT, title="Walrus", body="", language="")
    english = row(kind=SearchEntry.Kind.MEETING, title="Walrus", body="walrus", language="en")
    return [
        Hit(
            entry=document,
            url="/en/network/items/x/?a=1&b=<2>",
            title=highlights.mark(document.title, words),
            snippet=highlights.snippet(document.body, words),
            download_url='/documents/7/walrus&"annex".pdf',
        ),
        Hit(entry=bare, url="", title=highlights.mark(bare.title, words), snippet=SafeString("")),
        Hit(
            entry=english,
            url="/fr/reseau/réunions/walrus/",
            title=highlights.mark(english.title, words),
            snippet=highlights.snippet(english.body, words),
        ),
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_made_rows_are_written_as_the_template_wrote_them(language):
    hits = made_hits()
    with translation.override(language):
        assert rows.result_rows(hits, language) == by_the_template(hits, language)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_a_readers_results_are_written_as_the_template_wrote_them(
    client, library, request, reader, language
):
    sign_in(client, request.getfixturevalue(reader))
    response = client.get(search_url(language, q="digitalisation"))
    hits = response.context["outcome"].hits

    assert len(hits) > 3
    with translation.override(language):
        expected = by_the_template(hits, language)
        assert rows.result_rows(hits, language) == expected
    assert expected in response.content.decode()
