"""Issue 15: the public section has French addresses (`/fr/actualites/`); the French addresses
with the English slugs (`/fr/news/`) lead there for good, without reading a page."""

import pytest
from wagtail.models import Locale

from home.models import NewsIndexPage
from home.page_cache import start_new_generation
from home.public_addresses import INDEX_SLUGS, french_public_path_for
from home.site_setup import ensure_public_indexes
from workflows.gate import acting_as_system

pytestmark = pytest.mark.django_db


def test_every_french_index_has_its_french_slug(public_section):
    for model_name, index in public_section.indexes["fr"].items():
        assert index.slug == INDEX_SLUGS[model_name]["fr"]
    assert public_section.indexes["fr"]["newsindexpage"].url == "/fr/actualites/"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/fr/news/", "/fr/actualites/"),
        ("/fr/news", "/fr/actualites"),
        ("/fr/news/meeting/", "/fr/actualites/meeting/"),
        ("/fr/good-practices/x/", "/fr/bonnes-pratiques/x/"),
    ],
)
def test_an_old_french_public_path_is_rewritten_and_the_rest_kept(old, new):
    assert french_public_path_for(old) == new


@pytest.mark.parametrize(
    "path", ["/en/news/", "/fr/actualites/", "/fr/newsletter/", "/fr/publications/"]
)
def test_other_public_paths_are_not_rewritten(path):
    assert french_public_path_for(path) is None


def test_the_old_french_news_address_redirects_permanently_without_a_query(
    client, public_section, django_assert_num_queries
):
    slug = public_section.news_fr.slug
    with django_assert_num_queries(0):
        response = client.get(f"/fr/news/{slug}/", {"page": "2"})

    assert response.status_code == 301
    assert response["Location"] == f"/fr/actualites/{slug}/?page=2"
    assert client.get(response["Location"]).status_code == 200


def test_setup_gives_an_index_set_up_with_the_english_slug_its_french_one(client, homes):
    indexes = ensure_public_indexes(homes)
    french = NewsIndexPage.objects.get(pk=indexes["fr"]["newsindexpage"].pk)
    with acting_as_system("test arrangement: an installation from before the French slugs"):
        french.slug = "news"
        french.save_revision().publish()
    assert NewsIndexPage.objects.get(pk=french.pk).url == "/fr/news/"

    ensure_public_indexes(homes)
    start_new_generation()

    corrected = NewsIndexPage.objects.get(pk=french.pk)
    assert corrected.url == "/fr/actualites/"
    assert corrected.locale == Locale.objects.get(language_code="fr")
    assert client.get("/fr/actualites/").status_code == 200
    assert client.get("/fr/news/")["Location"] == "/fr/actualites/"


def test_the_sitemap_and_the_alternates_give_the_french_addresses(client, public_section):
    sitemap = client.get("/sitemap.xml").content.decode()
    english = client.get("/en/news/").content.decode()

    assert "/fr/actualites/" in sitemap and "/fr/news/" not in sitemap
    assert 'hreflang="fr" href="http://testserver/fr/actualites/"' in english
