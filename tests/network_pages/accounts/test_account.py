"""The account page, signing out here, and signing out everywhere."""

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.test import Client

from network_pages.factories import add_totp_device, replace_backup_codes
from tests.conftest import PASSWORD, sign_in

from .conftest import next_of

pytestmark = pytest.mark.django_db


def test_account_page_needs_a_verified_session(client, focal_point):
    add_totp_device(focal_point)
    sign_in(client, focal_point, verified=False)

    response = client.get("/en/accounts/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/verify/?")
    assert next_of(response["Location"]) == "/en/accounts/"


def test_account_page_sends_anonymous_visitors_to_login(client):
    response = client.get("/en/accounts/")

    assert response["Location"].startswith("/en/accounts/login/?")
    assert next_of(response["Location"]) == "/en/accounts/"


def test_account_page_shows_contact_details_devices_and_codes(client, focal_point):
    profile = focal_point.member_profile
    profile.institution = "Ministère de l'Intérieur"
    profile.save()
    replace_backup_codes(focal_point, count=4)
    sign_in(client, focal_point)

    response = client.get("/en/accounts/")

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    html = response.content.decode()
    for name, autocomplete in [
        ("first_name", "given-name"),
        ("last_name", "family-name"),
        ("institution", "organization"),
        ("position", "organization-title"),
        ("email-new_email", "email"),
        ("phone", "tel"),
        ("preferred_language", "language"),
    ]:
        assert f'<label for="id_{name}">' in html
        assert f'autocomplete="{autocomplete}"' in html
    assert "Ministère de l&#x27;Intérieur" in html
    assert "Authenticator app" in html
    assert "You have 4 unused backup codes left." in html
    assert 'href="/en/accounts/backup-codes/"' in html
    assert 'action="/en/accounts/sign-out-everywhere/"' in html


def test_member_updates_their_own_contact_details(client, focal_point):
    sign_in(client, focal_point)

    response = client.post(
        "/en/accounts/",
        {
            "first_name": "Claire",
            "last_name": "Dubois",
            "institution": "Ministry of the Interior",
            "position": "Head of unit",
            "phone": "+33 1 23 45 67 89",
            "preferred_language": "fr",
        },
    )

    assert response.status_code == 302
    focal_point.refresh_from_db()
    profile = focal_point.member_profile
    assert focal_point.get_full_name() == "Claire Dubois"
    assert (profile.institution, profile.position) == ("Ministry of the Interior", "Head of unit")
    assert profile.preferred_language == "fr"


def test_invalid_contact_details_are_shown_next_to_the_field(client, focal_point):
    sign_in(client, focal_point)

    response = client.post("/en/accounts/", {"preferred_language": "klingon"})

    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'id="id_preferred_language_error"' in html
    focal_point.member_profile.refresh_from_db()
    assert focal_point.member_profile.preferred_language == "en"


def test_account_without_a_profile_shows_only_the_name(client):
    user = get_user_model().objects.create_user("staff", password=PASSWORD)
    sign_in(client, user)

    response = client.get("/en/accounts/")
    saved = client.post("/en/accounts/", {"first_name": "Sam", "last_name": "Staff"})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="first_name"' in html
    assert 'name="institution"' not in html
    assert saved.status_code == 302
    user.refresh_from_db()
    assert user.get_full_name() == "Sam Staff"
    assert not hasattr(user, "member_profile")


def test_sign_out_everywhere_ends_the_sessions_of_other_browsers(client, focal_point):
    other_browser = sign_in(Client(), focal_point)
    sign_in(client, focal_point)
    assert other_browser.get("/en/accounts/").status_code == 200

    response = client.post("/en/accounts/sign-out-everywhere/", {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/"
    assert SESSION_KEY not in client.session
    assert other_browser.get("/en/accounts/")["Location"].startswith("/en/accounts/login/")
    focal_point.refresh_from_db()
    assert focal_point.check_password(PASSWORD)
    follow = client.get(response["Location"]).content.decode()
    assert "You have been signed out everywhere." in follow


def test_sign_out_everywhere_needs_the_current_password(client, focal_point):
    other_browser = sign_in(Client(), focal_point)
    sign_in(client, focal_point)

    response = client.post("/en/accounts/sign-out-everywhere/", {"password": "wrong"})

    assert response.status_code == 400
    assert response.context["sign_out_form"].errors["password"] == ["This password is not correct."]
    assert other_browser.get("/en/accounts/").status_code == 200
    assert client.get("/en/accounts/").status_code == 200


def test_sign_out_everywhere_is_post_only_and_verified_only(client, focal_point):
    sign_in(client, focal_point, verified=False)
    add_totp_device(focal_point)

    assert client.get("/en/accounts/sign-out-everywhere/").status_code in (302, 405)
    response = client.post("/en/accounts/sign-out-everywhere/", {"password": PASSWORD})

    assert response["Location"].startswith("/en/accounts/verify/")
    assert client.session[SESSION_KEY] == str(focal_point.pk)


def test_sign_out_everywhere_with_get_is_not_allowed(client, focal_point):
    sign_in(client, focal_point)

    assert client.get("/en/accounts/sign-out-everywhere/").status_code == 405


def test_logout_is_post_only(client, focal_point):
    sign_in(client, focal_point)

    response = client.get("/en/accounts/logout/")

    assert response.status_code == 405
    assert client.session[SESSION_KEY] == str(focal_point.pk)


def test_logout_signs_out_and_leads_to_the_public_home_of_the_language(client, focal_point):
    sign_in(client, focal_point)

    response = client.post("/fr/accounts/logout/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    assert SESSION_KEY not in client.session
