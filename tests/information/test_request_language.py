"""4.6: a request is written in either official language, whatever the page's locale; the
admin names that language instead of leaving only the network area's locale ("English")."""

import pytest
from django.utils import translation

from network_pages.information.factories import make_request
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
