"""An RSS feed per language (3.3): public news and publications, never anything else."""

from unittest import mock

import pytest
from django.core.cache import cache
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY

from home.models import GoodPracticePage, NewsItemPage
from home.page_cache import start_new_generation
from tests.home.conftest import DRAFT_MARKER, RESTRICTED_MARKER, publish_under

pytestmark = pytest.mark.django_db


def test_the_english_feed_lists_english_news_and_publications(client, public_section):
    response = client.get("/en/feed/")

    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "<title>Network meeting in Strasbourg</title>" in xml
    assert "<title>Reception of asylum seekers</title>" in xml
    assert "http://testserver/en/news/network-meeting-in-strasbourg/" in xml
    assert "Réunion du réseau" not in xml
    assert "<language>en</language>" in xml


def test_the_french_feed_lists_french_news(client, public_section):
    xml = client.get("/fr/feed/").content.decode()

    assert "<title>Réunion du réseau à Strasbourg</title>" in xml
    assert "Network meeting in Strasbourg" not in xml
    assert "<language>fr</language>" in xml


def test_feeds_never_list_drafts_restricted_pages_or_other_page_types(client, public_section):
    publish_under(
        public_section.indexes["en"]["goodpracticeindexpage"],
        GoodPracticePage(title="A good practice", intro="x"),
    )
    for language in ("en", "fr"):
        xml = client.get(f"/{language}/feed/").content.decode()
        assert DRAFT_MARKER not in xml
        assert RESTRICTED_MARKER not in xml
        assert "A good practice" not in xml


def test_a_feed_stays_within_its_query_budget(
    client, public_section, django_assert_max_num_queries
):
    client.get("/en/feed/")
    start_new_generation()  # measure the rendering, not the page cache
    with django_assert_max_num_queries(6):
        assert client.get("/en/feed/").status_code == 200


def test_a_feed_reads_the_site_root_paths_once_not_once_per_item(client, public_section):
    index = public_section.indexes["en"]["newsindexpage"]
    for number in range(3):
        publish_under(index, NewsItemPage(title=f"More news {number}", intro="x"))
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    with mock.patch.object(cache, "get", counting_get):
        assert client.get("/en/feed/").status_code == 200

    assert reads.count(SITE_ROOT_PATHS_CACHE_KEY) <= 1
