"""Issue 18, 1: on PostgreSQL the members' search stems English and French words, so a
plural finds its singular in either official language. SQLite (development) keeps
Wagtail's database backend, whose full-text index does no stemming: there only the word
as written is found. Both behaviours are asserted; neither is skipped."""

import pytest
from django.db import connection

from network_pages.information.factories import make_request, make_response
from tests.conftest import sign_in

from .conftest import body_of, search_url

pytestmark = pytest.mark.django_db

STEMS = connection.vendor == "postgresql"


@pytest.fixture
def answers(areas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = make_request(areas["requests"], title="Reception", questions=("How?",))
        make_response(request, "DE", ["Every migrant is received within a day."])
        make_response(request, "BE", ["Chaque réfugié est accueilli le jour même."], language="fr")


def finds(client, words: str, text: str) -> bool:
    return text in body_of(client.get(search_url(q=words)))


def test_an_english_plural_finds_the_singular_where_the_database_stems(
    client, answers, focal_point
):
    sign_in(client, focal_point)

    assert finds(client, "migrant", "is received within a day")
    assert finds(client, "migrants", "is received within a day") is STEMS


def test_a_french_plural_finds_the_singular_where_the_database_stems(client, answers, focal_point):
    sign_in(client, focal_point)

    assert finds(client, "réfugié", "est accueilli le jour")
    assert finds(client, "réfugiés", "est accueilli le jour") is STEMS
    assert finds(client, "accueillis", "est accueilli le jour") is STEMS
