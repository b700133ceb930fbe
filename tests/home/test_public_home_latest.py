"""The public home shows the latest news, publications and good practices in the reader's
language, never a draft nor anything of the network area; the public sections are in the
header of every public page, the current one marked."""

import pytest

from home.models import NewsItemPage

from .conftest import DRAFT_MARKER, RESTRICTED_MARKER, publish_under

pytestmark = pytest.mark.django_db


def test_the_english_home_shows_the_latest_english_items(client, public_section):
    main = client.get("/en/").content.decode().split("<main", 1)[1]

    assert "Network meeting in Strasbourg" in main
    assert "Reception of asylum seekers" in main
    assert "Réunion du réseau à Strasbourg" not in main
    assert DRAFT_MARKER not in main and RESTRICTED_MARKER not in main


def test_the_french_home_shows_the_french_translations_only(client, public_section):
    main = client.get("/fr/").content.decode().split("<main", 1)[1]

    assert "Réunion du réseau à Strasbourg" in main
    assert "Network meeting in Strasbourg" not in main
    # Not translated yet: the publication is not listed on the French home.
    assert "Reception of asylum seekers" not in main


def test_a_new_publication_appears_on_the_home_at_once(client, public_section):
    client.get("/en/")  # the list is now cached
    publish_under(
        public_section.indexes["en"]["newsindexpage"],
        NewsItemPage(title="Plenary conclusions", intro="What was decided"),
    )

    assert "Plenary conclusions" in client.get("/en/").content.decode()


def test_public_listings_have_the_section_navigation_with_the_current_one_marked(
    client, public_section
):
    html = client.get("/en/news/").content.decode()
    header = html.split("<main", 1)[0]

    assert 'aria-label="Public sections"' in header
    assert '<a href="/en/news/" aria-current="page">' in header
    assert 'href="/en/publications/"' in header
    assert "/en/network/" not in header  # an anonymous reader is told nothing of it


def test_an_empty_search_explains_what_to_type(client, homes):
    html = client.get("/en/search/").content.decode()

    assert "Type one or more words" in html


def test_a_search_of_several_words_finds_pages_with_any_of_them(client, public_section):
    html = client.get("/en/search/?q=Strasbourg+asylum").content.decode()

    assert "Network meeting in Strasbourg" in html
    assert "Reception of asylum seekers" in html


def test_the_home_page_title_names_the_site_once(client, homes):
    html = client.get("/en/").content.decode()

    assert "<title>Network of Focal Points on Migration</title>" in html
