"""4.6: a request is written in either official language, whatever the page's locale; the
admin names that language instead of leaving only the network area's locale ("English")."""

import re

import pytest
from django.utils import translation

from network_pages.community.models import WorkingMethodsPage
from network_pages.information.factories import make_item, make_request
from network_pages.information.models import InformationItemIndexPage, InformationItemPage
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.models import MeetingIndexPage
from network_pages.templatetags.admin_language import admin_language_label
from tests.conftest import sign_in

from .conftest import request_url

pytestmark = pytest.mark.django_db


def test_the_admin_title_of_a_french_request_says_it_is_in_french(request_index):
    request = make_request(request_index, title="Accueil des mineurs", language="fr")

    assert request.get_admin_display_title() == "Accueil des mineurs (in French)"
    with translation.override("fr"):
        assert request.get_admin_display_title() == "Accueil des mineurs (en français)"


def test_the_admin_title_of_an_english_request_says_it_is_in_english(request_index):
    request = make_request(request_index, title="Reception of minors", language="en")

    assert request.get_admin_display_title() == "Reception of minors (in English)"


def test_an_english_request_read_in_french_is_marked_english_and_says_so(
    client, request_index, focal_point
):
    request = make_request(request_index, title="Reception of minors", language="en")

    html = sign_in(client, focal_point).get(request_url(request, language="fr")).content.decode()

    assert '<h1 lang="en">Reception of minors' in html
    assert '<span class="language-tag" lang="fr">(en anglais)</span>' in html


def test_a_french_request_read_in_french_has_no_language_tag(client, request_index, focal_point):
    request = make_request(request_index, title="Accueil des mineurs", language="fr")

    html = sign_in(client, focal_point).get(request_url(request, language="fr")).content.decode()

    assert "<h1>Accueil des mineurs</h1>" in html
    assert "language-tag" not in html


def locale_status_of(html: str) -> list[str]:
    """The ids of the language titles in the editor's status panel."""
    return re.findall(r'id="status-sidebar-(english|french|anglais|francais)"', html)


def test_the_admin_editor_labels_a_french_request_french_not_with_the_areas_locale(
    client, request_index, dmr_user
):
    request = make_request(request_index, title="Accueil des mineurs", language="fr")

    html = sign_in(client, dmr_user).get(f"/admin/pages/{request.pk}/edit/").content.decode()

    assert locale_status_of(html) == ["french"]


def test_the_admin_editor_gives_no_language_to_a_page_of_the_one_locale_area(client, dmr_user):
    meetings = MeetingIndexPage.objects.get(locale__language_code="en")
    meeting = make_meeting(meetings, title="Réunion plénière")

    html = sign_in(client, dmr_user).get(f"/admin/pages/{meeting.pk}/edit/").content.decode()

    assert locale_status_of(html) == []


def test_the_admin_editor_labels_an_information_item_with_its_own_language(client, dmr_user):
    item_index = InformationItemIndexPage.objects.get(locale__language_code="en")
    item = make_item(
        item_index,
        title="Comité CDADI",
        item_type=InformationItemPage.Kind.DMR_NEWS,
        language="fr",
    )

    html = sign_in(client, dmr_user).get(f"/admin/pages/{item.pk}/edit/").content.decode()

    assert locale_status_of(html) == ["french"]


def test_the_admin_keeps_the_locale_of_a_section_which_is_a_real_translation(dmr_user):
    french = WorkingMethodsPage.objects.get(locale__language_code="fr")
    english = WorkingMethodsPage.objects.get(locale__language_code="en")

    assert admin_language_label(french) == "French"
    assert admin_language_label(english) == "English"
    with translation.override("fr"):
        assert admin_language_label(french) == "français"
