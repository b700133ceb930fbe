"""A member changes their own password: this session stays signed in and verified (the
second factor is kept), every other session ends, and the change is audited."""

import pytest
from django.test import Client

from tests.conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db

URL = "/en/accounts/password/"
NEW = "a much longer new passphrase 2027"


def change(client, old=PASSWORD, new=NEW, again=NEW):
    return client.post(URL, {"old_password": old, "new_password1": new, "new_password2": again})


def test_a_member_changes_their_password_and_stays_verified(client, focal_point):
    sign_in(client, focal_point)

    response = change(client)

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/"
    focal_point.refresh_from_db()
    assert focal_point.check_password(NEW)
    # Still past the one-time code step: the network opens without asking again.
    assert client.get("/en/network/").status_code == 200


def test_other_sessions_end_when_the_password_changes(client, focal_point):
    other = sign_in(Client(), focal_point)
    sign_in(client, focal_point)

    change(client)

    assert other.get("/en/network/").status_code == 302


def test_a_wrong_current_password_is_refused_with_an_error_summary(client, focal_point):
    sign_in(client, focal_point)

    response = change(client, old="not my password")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert 'href="#id_old_password"' in html
    focal_point.refresh_from_db()
    assert focal_point.check_password(PASSWORD)


@pytest.mark.parametrize(("verified", "status"), [(None, 302), (False, 302)])
def test_only_a_verified_session_changes_a_password(client, focal_point, verified, status):
    if verified is not None:
        sign_in(client, focal_point, verified=verified)

    response = change(client)

    assert response.status_code == status
    focal_point.refresh_from_db()
    assert focal_point.check_password(PASSWORD)
