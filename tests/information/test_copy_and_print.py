"""Issue 16: copy and print buttons where people need them. They are plain buttons that
site.js reveals (hidden without it, so never a dead control) and no inline script (strict CSP)."""

import re

import pytest

from network_pages.information.factories import make_response
from tests.conftest import sign_in

from .conftest import request_url

pytestmark = pytest.mark.django_db

COPY_QUESTIONS = re.compile(
    r'<button type="button" class="secondary" data-copy="#request-questions" '
    r'data-copied="([^"]+)" hidden>([^<]+)</button>'
)
PRINT = re.compile(r'<button type="button" class="secondary" data-print hidden>([^<]+)</button>')


def test_a_request_offers_to_copy_its_questions(client, open_request, focal_point):
    html = sign_in(client, focal_point).get(request_url(open_request)).content.decode()

    assert COPY_QUESTIONS.search(html).groups() == (
        "The questions have been copied.",
        "Copy the questions",
    )
    assert '<ol class="questions" id="request-questions">' in html
    assert "<script>" not in html


def test_the_compilation_and_a_response_offer_to_be_printed(client, open_request, focal_point):
    make_response(open_request, "DE", ["Jugendämter"])
    sign_in(client, focal_point)

    compilation = client.get(request_url(open_request, "compilation/")).content.decode()
    response = client.get(request_url(open_request, "responses/DE/")).content.decode()

    assert PRINT.search(compilation).group(1) == "Print the compilation"
    assert PRINT.search(response).group(1) == "Print this response"


def test_the_buttons_speak_french(client, open_request, focal_point):
    sign_in(client, focal_point)

    request_page = client.get(request_url(open_request, language="fr")).content.decode()
    compilation = client.get(request_url(open_request, "compilation/", language="fr"))

    assert COPY_QUESTIONS.search(request_page).groups() == (
        "Les questions ont été copiées.",
        "Copier les questions",
    )
    assert PRINT.search(compilation.content.decode()).group(1) == "Imprimer la compilation"
