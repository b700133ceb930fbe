"""Rule: from sign-in on, a member reads the site in the language of their profile."""

import pytest
from django.conf import settings

from tests.conftest import sign_in

from .conftest import authenticator_code, enter_code, enter_password

pytestmark = pytest.mark.django_db


def prefers(user, language: str) -> None:
    user.member_profile.preferred_language = language
    user.member_profile.save()


def test_a_french_speaking_member_signing_in_in_english_lands_in_french(
    client, network, authenticator
):
    prefers(authenticator.user, "fr")
    enter_password(client, "fp_fr")

    response = enter_code(client, authenticator_code(authenticator))

    assert response["Location"] == "/fr/reseau/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def test_the_page_asked_for_opens_in_the_members_language_with_its_query(
    client, network, authenticator
):
    prefers(authenticator.user, "fr")
    enter_password(client, "fp_fr", next_url="/en/network/directory/?q=Becker")

    response = enter_code(
        client, authenticator_code(authenticator), next_url="/en/network/directory/?q=Becker"
    )

    assert response["Location"] == "/fr/reseau/annuaire/?q=Becker"


def test_an_english_speaking_member_signing_in_in_french_lands_in_english(
    client, network, authenticator
):
    prefers(authenticator.user, "en")
    enter_password(client, "fp_fr", language="fr")

    response = enter_code(client, authenticator_code(authenticator), language="fr")

    assert response["Location"] == "/en/network/"


def test_the_account_page_names_the_authenticator_app_in_french(client, network, focal_point):
    sign_in(client, focal_point)

    html = client.get("/fr/accounts/").content.decode()

    assert "Application d’authentification" in html or "Application d'authentification" in html
    assert "<td>Authenticator app</td>" not in html
