"""Issue 15: the network area's own pages exist in French (real translations, not English
aliases), behind exactly the same doors as the English ones, and the data they show
(requests, items, comments) stays one set, written once."""

from urllib.parse import quote

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from home.models import NewsItemPage
from network_pages.area_addresses import sub_path_in
from network_pages.community.models import MemberComment, WorkingMethodsPage
from network_pages.models import NetworkHomePage
from network_pages.network_area import SECTION_TYPES, source_of
from network_pages.publication_drafts.models import PublicationDraftsPage
from network_pages.section_translations import translate_sections
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

FRENCH_TITLES = {
    "network_pages.NetworkHomePage": "Espace du réseau",
    "network_pages.DirectoryPage": "Annuaire",
    "meetings.MeetingIndexPage": "Réunions",
    "information.InformationRequestIndexPage": "Demandes d'information",
    "information.InformationItemIndexPage": "Informations et bonnes pratiques",
    "community.ThematicGroupIndexPage": "Groupes thématiques",
    "community.RapporteurListPage": "Rapporteurs thématiques",
    "community.WorkingMethodsPage": "Méthodes de travail",
    "publication_drafts.PublicationDraftsPage": "Projets de publication",
}


def english_root() -> NetworkHomePage:
    return NetworkHomePage.objects.get(locale__language_code="en")


def sections() -> list[tuple[Page, Page]]:
    """(English page, French page) for the root and each section below it."""
    french = Locale.objects.get(language_code="fr")
    root = english_root()
    pages = [root, *root.get_children().specific()]
    return [
        (page, page.get_translation(french).specific)
        for page in pages
        if page._meta.label in SECTION_TYPES
    ]


def test_every_section_of_the_network_area_is_a_french_page_with_a_french_title():
    pairs = sections()

    assert {english._meta.label for english, _ in pairs} == SECTION_TYPES
    for english, french in pairs:
        assert french.alias_of_id is None, english.title
        assert french.live
        assert french.title == FRENCH_TITLES[english._meta.label]
        assert french.url.startswith("/fr/")


def test_translating_again_keeps_the_dmrs_french_edits():
    french_home = NetworkHomePage.objects.get(locale__language_code="fr")
    french_home.title = "Espace réservé du réseau"
    french_home.save_revision().publish()

    assert translate_sections(english_root()) == []
    assert NetworkHomePage.objects.get(pk=french_home.pk).title == "Espace réservé du réseau"


@pytest.mark.parametrize("visitor", ["anonymous", "password-only", "non-member", "guest"])
def test_french_sections_refuse_exactly_whom_the_english_ones_refuse(
    client, visitor, focal_point, outsider, guest
):
    if visitor == "password-only":
        sign_in(client, focal_point, verified=False)
    elif visitor == "non-member":
        sign_in(client, outsider)
    elif visitor == "guest":
        sign_in(client, guest)

    for english, french in sections():
        english_answer = client.get(english.url)
        french_answer = client.get(french.url)

        assert english_answer.status_code != 200 or visitor == "guest", english.url
        assert french_answer.status_code == english_answer.status_code, french.url
        location = english_answer.get("Location", "")
        # The same door, each in its own language, back to the page asked for.
        expected = location.replace(quote(english.url, safe="/"), quote(french.url, safe="/"))
        assert french_answer.get("Location", "") == expected.replace("/en/", "/fr/", 1)


def test_a_focal_point_reads_the_french_sections_in_french(client, focal_point):
    sign_in(client, focal_point)

    for english, french in sections():
        html = client.get(french.url).content.decode()

        assert f"<h1>{french.title}</h1>" in html.replace("&#x27;", "'"), french.url
        assert english.title not in html.split("<main", 1)[1].split("</h1>", 1)[0]


def test_the_french_working_methods_are_the_french_text_of_the_clauses(client, focal_point):
    french = WorkingMethodsPage.objects.get(locale__language_code="fr")
    html = sign_in(client, focal_point).get(french.url).content.decode()

    assert "Toute demande d'information adressée au Réseau" in html.replace("&#x27;", "'")
    assert "Any request for information addressed to the Network" not in html


def test_a_comment_on_the_french_working_methods_is_one_thread_with_the_english(
    client, focal_point
):
    english = WorkingMethodsPage.objects.get(locale__language_code="en")
    french = WorkingMethodsPage.objects.get(locale__language_code="fr")
    sign_in(client, focal_point)

    client.post(
        f"{french.url}{sub_path_in('comments/', 'fr')}",
        {"body": "Une remarque sur 4.6.", "language": "fr"},
    )

    assert source_of(french).pk == english.pk
    assert MemberComment.objects.get().page_id == english.pk
    assert "Une remarque sur 4.6." in client.get(english.url).content.decode()


def test_the_french_publication_drafts_list_the_drafts_written_under_the_english_page(
    client, focal_point
):
    english = PublicationDraftsPage.objects.get(locale__language_code="en")
    french = PublicationDraftsPage.objects.get(locale__language_code="fr")
    english.add_child(instance=NewsItemPage(title="Draft news", slug="draft-news", live=False))

    html = sign_in(client, focal_point).get(french.url).content.decode()

    assert "<h1>Projets de publication</h1>" in html
    assert "Draft news" in html
    assert french.get_children().count() == 0


def test_a_member_can_still_open_the_english_sections(client, focal_point):
    sign_in(client, focal_point)

    assert all(client.get(english.url).status_code == 200 for english, _ in sections())
    assert Client().get(english_root().url).status_code == 302
