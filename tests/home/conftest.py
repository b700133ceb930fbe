"""A public section with content in both languages, and confidential content beside it:
a restricted page under the network area and drafts, each carrying a marker string."""

from dataclasses import dataclass

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from home.models import NewsItemPage, PublicationPage
from home.page_cache import start_new_generation
from home.site_setup import ensure_home_pages, ensure_public_indexes
from network_pages.network_area import ensure_network_area
from network_pages.publication_drafts.setup import ensure_publication_drafts
from workflows.gate import acting_as_system

RESTRICTED_MARKER = "MARKERrestrictedb41c"
DRAFT_MARKER = "MARKERdraftc93a"


@dataclass
class PublicSection:
    indexes: dict
    news_en: NewsItemPage
    news_fr: NewsItemPage
    publication_en: PublicationPage


def rendered(url: str) -> str:
    """What an anonymous visitor is sent for `url`, rendered (never the page cache's copy)."""
    start_new_generation()
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def publish_under(parent: Page, page: Page) -> Page:
    with acting_as_system("test arrangement: content the joint approval released"):
        parent.add_child(instance=page)
        page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def translate_into_french(page: Page, **fields) -> Page:
    french = page.copy_for_translation(Locale.objects.get(language_code="fr"))
    for name, value in fields.items():
        setattr(french, name, value)
    with acting_as_system("test arrangement: content the joint approval released"):
        french.save_revision().publish()
    return type(page).objects.get(pk=french.pk)


@pytest.fixture(scope="module")
def _public_section_ids(module_transaction) -> dict:
    """Built once per module (tests/module_data.py): publishing its pages is most of what a
    test of the public section would otherwise cost."""
    with module_transaction():
        homes = ensure_home_pages()
        network = ensure_network_area(homes["en"])
        indexes = ensure_public_indexes(homes)
        news_en = publish_under(
            indexes["en"]["newsindexpage"],
            NewsItemPage(title="Network meeting in Strasbourg", intro="Plenary migration meeting"),
        )
        news_fr = translate_into_french(
            news_en, title="Réunion du réseau à Strasbourg", intro="Réunion plénière migrations"
        )
        publication_en = publish_under(
            indexes["en"]["publicationindexpage"],
            PublicationPage(title="Reception of asylum seekers", intro="A migration study"),
        )
        # Confidential: live but restricted (under the network area), and drafts.
        network.intro = f"{RESTRICTED_MARKER} migration"
        network.save_revision().publish()
        publish_under(
            ensure_publication_drafts(network),
            NewsItemPage(title=f"Restricted {RESTRICTED_MARKER}", intro="migration"),
        )
        indexes["en"]["newsindexpage"].add_child(
            instance=NewsItemPage(title=f"Draft {DRAFT_MARKER}", intro="migration", live=False)
        )
        return {"news_en": news_en.pk, "news_fr": news_fr.pk, "publication_en": publication_en.pk}


@pytest.fixture
def public_section(homes, network, _public_section_ids) -> PublicSection:
    """The module's public section, read again for each test (which runs in a savepoint)."""
    return PublicSection(
        ensure_public_indexes(homes),
        NewsItemPage.objects.get(pk=_public_section_ids["news_en"]),
        NewsItemPage.objects.get(pk=_public_section_ids["news_fr"]),
        PublicationPage.objects.get(pk=_public_section_ids["publication_en"]),
    )
