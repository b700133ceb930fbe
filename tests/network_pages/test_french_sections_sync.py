"""Issue 15: the French sections are wagtail-localize translations of the English ones,
kept in sync: a sync brings the English's changes to translate and keeps the French text,
and running the site's setup again changes nothing."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from network_pages.community.models import WorkingMethodsPage
from network_pages.meetings.models import MeetingIndexPage
from network_pages.models import NetworkHomePage
from network_pages.network_area import SECTION_TYPES
from network_pages.site_structure import ensure_site_structure
from workflows.gate import acting_as_system

pytestmark = pytest.mark.django_db


def french() -> Locale:
    return Locale.objects.get(language_code="fr")


def translation_of(english: Page) -> Translation:
    return Translation.objects.get(
        source__object_id=english.translation_key,
        source__locale__language_code="en",
        target_locale=french(),
    )


def english_sections() -> list[Page]:
    root = NetworkHomePage.objects.get(locale__language_code="en")
    return [
        page
        for page in [root, *root.get_children().specific()]
        if page._meta.label in SECTION_TYPES
    ]


def test_every_french_section_is_the_translation_of_its_english_page_all_strings_done():
    for english in english_sections():
        translation = translation_of(english)
        total, translated = translation.get_progress()

        assert translation.enabled, english.title
        assert total > 0 and translated == total, english.title


def test_the_translations_strings_are_the_french_text_of_the_page():
    working_methods = WorkingMethodsPage.objects.get(locale__language_code="en")
    strings = set(
        StringTranslation.objects.filter(
            locale=french(), context__object_id=working_methods.translation_key
        ).values_list("data", flat=True)
    )

    assert "Méthodes de travail" in strings
    assert "methodes-de-travail" in strings
    assert any("groupes thématiques" in text for text in strings)


def test_syncing_the_french_working_methods_keeps_their_french_text():
    english = WorkingMethodsPage.objects.get(locale__language_code="en")
    translated_before = WorkingMethodsPage.objects.get(locale__language_code="fr")

    with acting_as_system("test: sync"):
        translation_of(english).save_target(publish=True)

    after = WorkingMethodsPage.objects.get(pk=translated_before.pk)
    assert after.title == "Méthodes de travail"
    assert after.url == "/fr/reseau/methodes-de-travail/"
    assert [block.value for block in after.body] == [
        block.value for block in translated_before.body
    ]


def test_an_english_change_synced_waits_for_its_translation_and_the_french_stays():
    english = MeetingIndexPage.objects.get(locale__language_code="en")
    french_page = MeetingIndexPage.objects.get(locale__language_code="fr")
    french_intro = french_page.intro
    english.intro = "Meetings of the network, with their documents."
    english.save_revision().publish()

    source = TranslationSource.objects.get(object_id=english.translation_key)
    source.update_from_db()

    total, translated = translation_of(english).get_progress()
    assert translated == total - 1
    assert MeetingIndexPage.objects.get(pk=french_page.pk).intro == french_intro


def test_running_the_setup_again_registers_nothing_new_and_keeps_the_french_text():
    french_home = NetworkHomePage.objects.get(locale__language_code="fr")
    french_home.title = "Espace réservé du réseau"
    french_home.save_revision().publish()
    counts = (Translation.objects.count(), StringTranslation.objects.count())

    ensure_site_structure()

    assert (Translation.objects.count(), StringTranslation.objects.count()) == counts
    assert NetworkHomePage.objects.get(pk=french_home.pk).title == "Espace réservé du réseau"
