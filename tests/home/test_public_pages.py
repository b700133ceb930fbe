"""A public page of the DMR section, in each language, with its language switcher."""

import pytest

from home.page_cache import start_new_generation

pytestmark = pytest.mark.django_db

NEWS_EN = "/en/news/network-meeting-in-strasbourg/"
PUBLICATION_EN = "/en/publications/reception-of-asylum-seekers/"


def test_a_news_item_is_served_in_english_and_in_french(client, public_section):
    english = client.get(NEWS_EN)
    french = client.get(public_section.news_fr.url)

    assert english.status_code == 200 and french.status_code == 200
    assert "<h1>Network meeting in Strasbourg</h1>" in english.content.decode()
    assert "<h1>Réunion du réseau à Strasbourg</h1>" in french.content.decode()
    assert f'href="{public_section.news_fr.url}" hreflang="fr"' in english.content.decode()


def test_an_untranslated_page_switches_to_the_original_with_a_notice(client, public_section):
    html = client.get(PUBLICATION_EN).content.decode()

    assert f'href="{PUBLICATION_EN}?untranslated=fr"' in html
    assert 'hreflang="fr" href=' not in html


def test_a_public_page_stays_within_its_query_budget(
    client, public_section, django_assert_max_num_queries
):
    client.get(NEWS_EN)
    start_new_generation()  # measure the rendering, not the page cache
    with django_assert_max_num_queries(13):
        assert client.get(NEWS_EN).status_code == 200
