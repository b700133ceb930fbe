"""The public section's indexes (3.3): EN and FR, newest first, paginated, never confidential."""

import pytest

from home.models import NewsIndexPage, NewsItemPage
from home.page_cache import start_new_generation
from tests.home.conftest import DRAFT_MARKER, RESTRICTED_MARKER, publish_under

pytestmark = pytest.mark.django_db


def test_the_english_news_index_lists_english_news(client, public_section):
    html = client.get("/en/news/").content.decode()

    assert "Network meeting in Strasbourg" in html
    assert "Réunion du réseau" not in html


def test_the_french_news_index_lists_french_news(client, public_section):
    response = client.get("/fr/actualites/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Réunion du réseau à Strasbourg" in html
    assert "Network meeting in Strasbourg" not in html


def test_indexes_never_list_drafts_or_restricted_pages(client, public_section):
    for url in ("/en/news/", "/fr/actualites/", "/en/publications/", "/fr/publications/"):
        html = client.get(url).content.decode()
        assert DRAFT_MARKER not in html, url
        assert RESTRICTED_MARKER not in html, url


def test_indexes_are_paginated_newest_first(client, public_section, monkeypatch):
    monkeypatch.setattr(NewsIndexPage, "per_page", 2)
    index = public_section.indexes["en"]["newsindexpage"]
    for day in (2, 3):
        publish_under(
            index, NewsItemPage(title=f"News of day {day}", intro="x", date=f"2031-01-0{day}")
        )

    first = client.get("/en/news/").content.decode()
    second = client.get("/en/news/?page=2").content.decode()

    assert first.index("News of day 3") < first.index("News of day 2")
    assert "Network meeting in Strasbourg" not in first
    assert "Network meeting in Strasbourg" in second
    assert 'rel="next"' in first and 'rel="prev"' in second
    assert client.get("/en/news/?page=99").status_code == 200  # the last page, not an error


def test_the_home_page_leads_to_the_public_indexes_not_to_the_network(client, public_section):
    html = client.get("/en/").content.decode()

    assert 'href="/en/news/"' in html and 'href="/en/publications/"' in html
    assert 'href="/en/network/"' not in html.split("<main", 1)[1]


def test_an_index_stays_within_its_query_budget_whatever_its_length(
    client, public_section, django_assert_max_num_queries
):
    client.get("/en/news/")
    start_new_generation()  # measure the rendering, not the page cache
    with django_assert_max_num_queries(14):
        assert client.get("/en/news/").status_code == 200
    index = public_section.indexes["en"]["newsindexpage"]
    for number in range(5):
        publish_under(index, NewsItemPage(title=f"More news {number}", intro="x"))
    start_new_generation()  # measure the rendering, not the page cache
    with django_assert_max_num_queries(14):
        assert client.get("/en/news/").status_code == 200
