"""Public search (3.3): the reader's language only, and never a draft or a restricted page."""

import pytest

from home.models import NewsItemPage
from tests.home.conftest import DRAFT_MARKER, RESTRICTED_MARKER, publish_under

pytestmark = pytest.mark.django_db


def test_search_finds_public_pages_in_the_readers_language(client, public_section):
    english = client.get("/en/search/?q=Strasbourg").content.decode()
    french = client.get("/fr/search/?q=Strasbourg").content.decode()

    assert "Network meeting in Strasbourg" in english
    assert "Réunion du réseau" not in english
    assert "Réunion du réseau à Strasbourg" in french
    assert "Network meeting in Strasbourg" not in french


def results_of(html: str) -> str:
    """The result list, after the heading that repeats the query."""
    return html.split("</h2>", 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("query", [RESTRICTED_MARKER, DRAFT_MARKER])
def test_search_finds_nothing_of_drafts_or_restricted_pages(client, public_section, query):
    for language in ("en", "fr"):
        html = client.get(f"/{language}/search/?q={query}").content.decode()
        assert '<ul class="item-list">' not in html
        assert query not in results_of(html)


def test_search_lists_public_pages_only_among_matching_ones(client, public_section):
    html = client.get("/en/search/?q=migration").content.decode()

    assert "Network meeting in Strasbourg" in results_of(html)
    assert RESTRICTED_MARKER not in results_of(html)
    assert DRAFT_MARKER not in results_of(html)


def test_search_never_lists_the_network_area_or_its_french_aliases(client, public_section):
    for language in ("en", "fr"):
        html = client.get(f"/{language}/search/?q=Directory").content.decode()
        assert "/network/" not in results_of(html)


def test_an_empty_query_shows_the_form_only(client, public_section):
    response = client.get("/en/search/")

    assert response.status_code == 200
    assert '<label for="search-q">' in response.content.decode()
    assert "result" not in response.content.decode().split("</form>", 1)[1]


def test_search_stays_within_its_query_budget_whatever_the_number_of_hits(
    client, public_section, django_assert_max_num_queries
):
    index = public_section.indexes["en"]["newsindexpage"]
    client.get("/en/search/?q=Strasbourg")
    with django_assert_max_num_queries(12):
        assert client.get("/en/search/?q=Strasbourg").status_code == 200
    for number in range(4):
        publish_under(index, NewsItemPage(title=f"Strasbourg session {number}", intro="x"))
    with django_assert_max_num_queries(12):
        assert client.get("/en/search/?q=Strasbourg").status_code == 200
