"""Only verified people of the network search it; a guest finds only their meetings."""

import pytest

from tests.conftest import sign_in

from .conftest import body_of, search_url

pytestmark = pytest.mark.django_db


def test_an_anonymous_visitor_is_sent_to_sign_in(client, library):
    response = client.get(search_url(q="digitalisation"))

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


def test_a_password_only_session_is_sent_to_the_one_time_code_step(client, library, focal_point):
    sign_in(client, focal_point, verified=False)

    response = client.get(search_url(q="digitalisation"))

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/verify/?next=")


def test_a_verified_user_in_no_network_group_is_refused(client, library, outsider):
    sign_in(client, outsider)

    response = client.get(search_url(q="digitalisation"))

    assert response.status_code == 403
    assert "asylum files" not in body_of(response)


def test_every_answer_is_private_and_never_stored(client, library, focal_point):
    sign_in(client, focal_point)

    response = client.get(search_url(q="digitalisation"))

    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }


def test_a_guest_finds_the_meeting_they_are_invited_to_and_nothing_else(client, library, guest):
    sign_in(client, guest)

    body = body_of(client.get(search_url(q="digitalisation")))

    assert "Thematic session on <mark>digitalisation</mark>" in body
    # Comments are the members' (their audience): a guest never finds them.
    assert "Digitalisation comment." not in body.replace("<mark>", "").replace("</mark>", "")
    assert "Plenary on" not in body
    assert "asylum files" not in body
    assert "reception centres" not in body
    assert "1 result " in body
