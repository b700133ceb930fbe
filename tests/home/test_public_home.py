import re

import pytest

from home.page_cache import start_new_generation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "Network of Focal Points on Migration"),
        ("fr", "Réseau de points de contact sur les migrations"),
    ],
)
def test_home_page_is_served_in_each_official_language(client, homes, language, heading):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html


def test_home_page_announces_both_languages_with_hreflang(client, homes):
    html = client.get("/en/").content.decode()

    assert re.search(r'<link rel="alternate" hreflang="en" href="http://testserver/en/">', html)
    assert re.search(r'<link rel="alternate" hreflang="fr" href="http://testserver/fr/">', html)


def test_language_switcher_leads_to_the_translation_of_the_current_page(client, homes):
    html = client.get("/en/").content.decode()

    assert '<a href="/fr/" hreflang="fr" lang="fr" rel="alternate">français</a>' in html
    assert '<span aria-current="true" lang="en">English</span>' in html


def test_switcher_on_an_untranslated_page_leads_to_the_original_with_a_notice(client, homes):
    homes["fr"].unpublish()

    html = client.get("/en/").content.decode()
    assert 'href="/en/?untranslated=fr"' in html
    assert 'hreflang="fr" href=' not in html

    notice = client.get("/en/?untranslated=fr").content.decode()
    assert "Cette page n'est pas encore disponible dans votre langue" in notice


def test_layout_is_accessible_skip_link_and_landmarks(client, homes):
    html = client.get("/fr/").content.decode()

    assert '<a class="skip-link" href="#main-content">Aller au contenu principal</a>' in html
    assert '<main id="main-content"' in html
    assert "<header" in html and "<footer" in html
    assert '<nav class="language-switcher" aria-label="Langue">' in html


def test_home_page_stays_within_its_query_budget(client, homes, django_assert_max_num_queries):
    client.get("/en/")  # warm the site root cache
    start_new_generation()  # measure the rendering, not the page cache
    with django_assert_max_num_queries(12):
        assert client.get("/en/").status_code == 200
