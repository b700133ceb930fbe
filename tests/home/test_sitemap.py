"""sitemap.xml (3.3): both languages with hreflang alternates, public live pages only."""

import re

import pytest

from home.models import NewsItemPage
from home.page_cache import start_new_generation
from tests.home.conftest import DRAFT_MARKER, RESTRICTED_MARKER, publish_under

pytestmark = pytest.mark.django_db


def entries(client) -> dict[str, str]:
    xml = client.get("/sitemap.xml").content.decode()
    return {
        re.search(r"<loc>(.*?)</loc>", block).group(1): block
        for block in re.findall(r"<url>(.*?)</url>", xml, re.S)
    }


def test_the_sitemap_covers_both_languages(client, public_section):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    urls = entries(client)
    assert "http://testserver/en/news/network-meeting-in-strasbourg/" in urls
    assert "http://testserver/fr/actualites/network-meeting-in-strasbourg/" in urls
    assert "http://testserver/en/" in urls and "http://testserver/fr/" in urls


def test_each_page_names_its_translations_with_hreflang(client, public_section):
    block = entries(client)["http://testserver/en/news/network-meeting-in-strasbourg/"]

    assert (
        '<xhtml:link rel="alternate" hreflang="fr" '
        'href="http://testserver/fr/actualites/network-meeting-in-strasbourg/"/>'
    ) in block
    assert 'hreflang="en" href="http://testserver/en/news/network-meeting-in-strasbourg/"' in block
    untranslated = entries(client)["http://testserver/en/publications/reception-of-asylum-seekers/"]
    assert "xhtml:link" not in untranslated


def test_the_sitemap_never_lists_drafts_or_restricted_pages(client, public_section):
    xml = client.get("/sitemap.xml").content.decode()

    assert "/network/" not in xml
    assert "draft" not in xml.lower()
    assert "restricted" not in xml.lower()
    assert DRAFT_MARKER.lower() not in xml and RESTRICTED_MARKER.lower() not in xml


def test_the_sitemap_stays_within_its_query_budget(
    client, public_section, django_assert_max_num_queries
):
    client.get("/sitemap.xml")
    start_new_generation()  # measure the rendering, not the page cache
    with django_assert_max_num_queries(4):
        client.get("/sitemap.xml")
    for number in range(4):
        publish_under(
            public_section.indexes["en"]["newsindexpage"],
            NewsItemPage(title=f"Item {number}", intro="x"),
        )
    start_new_generation()  # measure the rendering, not the page cache
    with django_assert_max_num_queries(4):
        client.get("/sitemap.xml")
