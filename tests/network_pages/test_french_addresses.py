"""Issue 15: the network area has French addresses (`/fr/reseau/reunions/`), and the old
French addresses with the English slugs lead there for good, telling nobody what exists."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

from network_pages.area_addresses import SECTION_SLUGS, french_path_for, network_path
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.models import MeetingIndexPage
from network_pages.models import NetworkHomePage
from network_pages.network_area import SECTION_TYPES
from network_pages.section_translations import translate_sections
from nfp_site.language_urls import url_in_language
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def section_pages(language: str) -> dict[str, Page]:
    root = NetworkHomePage.objects.get(locale__language_code=language)
    pages = [root, *root.get_children().specific()]
    return {page._meta.label: page for page in pages if page._meta.label in SECTION_TYPES}


def test_every_french_section_has_its_french_address():
    pages = section_pages("fr")

    assert set(pages) == set(SECTION_SLUGS)
    for label, page in pages.items():
        expected = network_path(
            "fr", *([] if label == "network_pages.NetworkHomePage" else [label])
        )
        assert page.url == expected
    assert pages["meetings.MeetingIndexPage"].url == "/fr/reseau/reunions/"


def test_the_english_sections_keep_the_slugs_the_table_gives_them():
    for label, page in section_pages("en").items():
        assert page.slug == SECTION_SLUGS[label]["en"], label


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/fr/network", "/fr/reseau"),
        ("/fr/network/", "/fr/reseau/"),
        ("/fr/network/meetings/", "/fr/reseau/reunions/"),
        (
            "/fr/network/information-requests/reception/respond/FR/",
            "/fr/reseau/demandes-d-information/reception/respond/FR/",
        ),
        ("/fr/network/working-methods/history/", "/fr/reseau/methodes-de-travail/history/"),
        ("/fr/network/search/", "/fr/reseau/recherche/"),
        ("/fr/network/date-polls/3/", "/fr/reseau/sondages-de-dates/3/"),
        ("/fr/network/not-a-section/x/", "/fr/reseau/not-a-section/x/"),
    ],
)
def test_an_old_french_path_is_rewritten_section_by_section_and_the_rest_kept(old, new):
    assert french_path_for(old) == new


@pytest.mark.parametrize("path", ["/en/network/", "/fr/", "/fr/networking/", "/fr/reseau/"])
def test_other_paths_are_not_rewritten(path):
    assert french_path_for(path) is None


def test_an_old_french_address_redirects_permanently_with_its_query(client):
    response = client.get("/fr/network/directory/", {"q": "Becker", "state": "FR"})

    assert response.status_code == 301
    assert response["Location"] == "/fr/reseau/annuaire/?q=Becker&state=FR"


def test_a_form_posted_to_an_old_address_is_redirected_with_its_method_kept(client):
    response = client.post("/fr/network/working-methods/comments/", {"body": "x"})

    assert response.status_code == 308
    assert response["Location"] == "/fr/reseau/methodes-de-travail/comments/"


def test_the_redirect_reads_nothing_and_answers_alike_for_a_page_that_exists_or_not(
    client, django_assert_num_queries
):
    index = MeetingIndexPage.objects.get(locale__language_code="en")
    meeting = make_meeting(index, title="Confidential plenary")
    existing = f"/fr/network/meetings/{meeting.slug}/"
    missing = "/fr/network/meetings/no-such-meeting/"

    with django_assert_num_queries(0):
        answers = [client.get(existing), client.get(missing)]

    assert [answer.status_code for answer in answers] == [301, 301]
    assert answers[0]["Location"] == f"/fr/reseau/reunions/{meeting.slug}/"
    assert answers[1]["Location"] == "/fr/reseau/reunions/no-such-meeting/"


def test_the_new_french_address_refuses_an_anonymous_visitor_as_the_english_one(client):
    english = client.get("/en/network/meetings/")
    french = client.get("/fr/reseau/reunions/")

    assert english.status_code == french.status_code == 302
    assert "/accounts/login/" in french["Location"]


def test_a_member_reads_the_french_sections_at_their_french_addresses(client, focal_point):
    sign_in(client, focal_point)

    for page in section_pages("fr").values():
        assert client.get(page.url).status_code == 200, page.url
    header = client.get("/fr/reseau/").content.decode()
    assert 'href="/fr/reseau/"' in header
    assert 'href="/fr/network/' not in header


def test_the_areas_views_have_french_addresses_and_the_switcher_finds_them(rf):
    with translation.override("fr"):
        french = [reverse(name) for name in ("network_search:search", "decisions:register")]
    with translation.override("en"):
        english = reverse("date_polls:list")

    assert french == ["/fr/reseau/recherche/", "/fr/reseau/registre/"]
    assert english == "/en/network/date-polls/"
    request = rf.get("/en/network/search/")
    assert url_in_language(request, "/en/network/search/?q=asile", "fr") == (
        "/fr/reseau/recherche/?q=asile"
    )


def test_setup_gives_a_section_translated_before_the_french_slugs_its_french_slug():
    french = Locale.objects.get(language_code="fr")
    english_root = NetworkHomePage.objects.get(locale__language_code="en")
    french_root = english_root.get_translation(french).specific
    french_root.slug = "network"
    french_root.title = "Espace réservé du réseau"
    french_root.save_revision().publish()

    translate_sections(english_root)

    french_root.refresh_from_db()
    assert french_root.slug == "reseau"
    assert french_root.title == "Espace réservé du réseau"
    assert french_root.get_latest_revision().content["slug"] == "reseau"
    meetings = section_pages("fr")["meetings.MeetingIndexPage"]
    assert meetings.url_path.startswith(french_root.url_path)
