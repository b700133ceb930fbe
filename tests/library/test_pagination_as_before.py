"""Issue 17: a library's page links (`information/_pagination.html`) are written without the
page's context, and kept for the process when nothing is filtered. They are, byte for byte,
what the template included in the page wrote, in English and French, on every page, with
and without a query to repeat (hostile values included); a filtered list is never kept."""

import pytest
from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation

from network_pages.information.pagination import pagination
from network_pages.library import places, views
from network_pages.library.factories import make_entry
from nfp_site import fragments
from tests.conftest import sign_in

OLD = '{% include "information/_pagination.html" %}'
HOSTILE_QUERY = "tag=%3Cscript%3E&language=fr&state=%22x%22%26y"


def old_links(page, query: str) -> str:
    """As the library's template wrote them: the include, in the page's context."""
    return Template(OLD).render(Context({"page_obj": page, "query": query}))


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("query", ["", "language=fr", HOSTILE_QUERY, '<"&>'])
def test_page_links_are_written_as_before(language, query):
    fragments.forget_rendered()
    with translation.override(language):
        for total in (1, 2, 5):
            paginator = Paginator(list(range(total * 3)), 3)
            for number in paginator.page_range:
                page = paginator.page(number)
                expected = old_links(page, query)
                assert pagination(page, query) == expected
                # Again, from what the process kept (unfiltered) or written anew.
                assert pagination(page, query) == expected


def test_a_filtered_lists_links_are_never_kept():
    fragments.forget_rendered()
    page = Paginator(list(range(9)), 3).page(2)
    pagination(page, HOSTILE_QUERY)
    assert not fragments._rendered
    pagination(page, "")
    assert len(fragments._rendered) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_a_librarys_page_shows_the_links_as_before(
    libraries, dmr_user, reader, language, request, monkeypatch
):
    monkeypatch.setattr(views, "ENTRIES_PER_PAGE", 2)
    for number in range(5):
        make_entry(places.NETWORK, dmr_user, title=f"Entry {number}", language="fr")
    client = sign_in(Client(), request.getfixturevalue(reader))
    with translation.override(language):
        url = reverse("library:network")
    total = places.NETWORK.entries().count()
    cases = (
        ("", 1, ""),
        ("?page=2", 2, ""),
        ("?page=3", 3, ""),
        ("?language=fr&page=2", 2, "language=fr"),
    )
    for query, number, repeated in cases:
        fragments.forget_rendered()
        with translation.override(language):
            expected = old_links(Paginator(list(range(total)), 2).page(number), repeated)
        for _again in range(2):
            response = client.get(url + query)
            assert response.status_code == 200
            assert expected in response.content.decode(), query
