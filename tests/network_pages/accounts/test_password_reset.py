"""A password set anew (the only reset there is: an administrator in Wagtail's user editor;
the site has no self-service reset) ends the member's sessions, and the next sign-in asks
for the one-time code again: a new password alone never opens the network."""

import pytest
from django.test import Client
from django.urls import reverse

from network_pages.factories import make_member
from tests.conftest import sign_in

from .conftest import enter_password

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a brand new passphrase 42"  # noqa: S105 - test account only


@pytest.fixture
def administrator(db):
    admin = make_member("root_admin", groups=(), state=None)
    admin.is_superuser = True
    admin.is_staff = True
    admin.save()
    return admin


def reset_in_the_user_editor(client, administrator, member) -> None:
    response = sign_in(client, administrator).post(
        reverse("wagtailusers_users:edit", args=[member.pk]),
        {
            "username": member.username,
            "email": member.email,
            "first_name": member.first_name,
            "last_name": member.last_name,
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "is_active": "on",
            "groups": [group.pk for group in member.groups.all()],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)


def test_a_password_reset_ends_the_members_open_sessions(
    client, network, administrator, focal_point
):
    members_browser = sign_in(Client(), focal_point)
    assert members_browser.get("/en/network/").status_code == 200

    reset_in_the_user_editor(client, administrator, focal_point)

    response = members_browser.get("/en/network/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_after_a_password_reset_the_new_password_leads_to_the_code_step_not_the_network(
    client, network, administrator, focal_point
):
    sign_in(Client(), focal_point)  # the member's authenticator is set up
    reset_in_the_user_editor(client, administrator, focal_point)

    members_browser = Client()
    response = enter_password(members_browser, "fp_fr", NEW_PASSWORD)

    assert response["Location"] == "/en/accounts/verify/"
    refused = members_browser.get("/en/network/")
    assert refused.status_code == 302
    assert refused["Location"].startswith("/en/accounts/verify/")
