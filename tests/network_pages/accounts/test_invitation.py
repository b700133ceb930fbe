"""Invitations: a single-use, seven-day link to set a password, then enrol."""

from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.utils import timezone

from network_pages.factories import make_member
from network_pages.models import Invitation

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture
def invited():
    """As `invitations.invite_member` leaves it: an active account without a password."""
    user = make_member("newcomer", state="PL")
    user.set_unusable_password()
    user.save()
    invitation, token = Invitation.issue(user)
    return invitation, token


def accept(client, token, password=NEW_PASSWORD, confirmation=None):
    return client.post(
        f"/en/accounts/invitation/{token}/",
        {"new_password1": password, "new_password2": confirmation or password},
    )


def test_valid_invitation_shows_a_set_password_form(client, invited):
    _, token = invited

    response = client.get(f"/en/accounts/invitation/{token}/")

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    html = response.content.decode()
    assert '<label for="id_new_password1">' in html
    assert html.count('autocomplete="new-password"') == 2
    assert "newcomer" in html


def test_valid_invitation_sets_the_password_and_signs_in(client, invited):
    invitation, token = invited

    response = accept(client, token)

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/enrol/"
    invitation.refresh_from_db()
    user = invitation.user
    user.refresh_from_db()
    assert invitation.used_at is not None
    assert user.is_active
    assert user.check_password(NEW_PASSWORD)
    assert client.session[SESSION_KEY] == str(user.pk)
    assert client.get("/en/accounts/enrol/").status_code == 200


def test_invitation_password_must_pass_the_validators(client, invited):
    invitation, token = invited

    response = accept(client, token, password="short")

    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    invitation.refresh_from_db()
    assert invitation.used_at is None
    assert SESSION_KEY not in client.session


def test_mismatched_passwords_leave_the_invitation_unused(client, invited):
    invitation, token = invited

    response = accept(client, token, confirmation=NEW_PASSWORD + "!")

    assert response.context["form"].errors["new_password2"]
    invitation.refresh_from_db()
    assert not invitation.is_used


def test_used_invitation_is_refused_without_a_form(client, invited):
    _, token = invited
    accept(client, token)
    client.logout()

    looked = client.get(f"/en/accounts/invitation/{token}/")
    posted = accept(client, token, password="another long passphrase 77")

    for response in (looked, posted):
        assert response.status_code == 410
        html = response.content.decode()
        assert "This invitation has already been used." in html
        assert "<form" not in html.split("<main", 1)[1]
    assert SESSION_KEY not in client.session
    user = get_user_model().objects.get(username="newcomer")
    assert user.check_password(NEW_PASSWORD)


def test_expired_invitation_is_refused(client, invited):
    invitation, token = invited
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()

    looked = client.get(f"/en/accounts/invitation/{token}/")
    posted = accept(client, token)

    for response in (looked, posted):
        assert response.status_code == 410
        assert "This invitation has expired." in response.content.decode()
    invitation.user.refresh_from_db()
    assert not invitation.user.has_usable_password()


@pytest.mark.parametrize("token", ["not-a-token", "x" * 5000, "%00", "..", "é"])
def test_unknown_invitation_gets_a_clear_message(client, invited, token):
    response = client.get(f"/en/accounts/invitation/{token}/")

    assert response.status_code == 404
    assert "This invitation link is not valid." in response.content.decode()


def test_invitation_checked_again_under_lock_when_submitted(client, invited, monkeypatch):
    """A second submit that passed the first check still finds the link used."""
    invitation, token = invited
    accept(client, token)
    client.logout()
    Invitation.objects.filter(pk=invitation.pk).update(used_at=None)
    stale = Invitation.find(token)
    Invitation.objects.filter(pk=invitation.pk).update(used_at=timezone.now())
    monkeypatch.setattr(Invitation, "find", classmethod(lambda cls, _token: stale))

    response = accept(client, token, password="another long passphrase 77")

    assert response.status_code == 410
    assert SESSION_KEY not in client.session


def test_invitation_page_in_french_has_a_french_interface(client, invited):
    _, token = invited

    response = client.get(f"/fr/accounts/invitation/{token}/")

    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()


def test_accepting_an_invitation_retires_the_users_other_invitations(client, invited):
    invitation, token = invited
    _, older_token = Invitation.issue(invitation.user)

    accept(client, token)
    client.logout()
    response = client.get(f"/en/accounts/invitation/{older_token}/")

    assert response.status_code == 410


def test_deactivating_the_account_revokes_its_invitation_link(client, invited):
    """Issue 13, 2: the DMR revokes a mis-sent invitation by deactivating the account."""
    invitation, token = invited
    user = invitation.user
    user.is_active = False
    user.save()

    looked = client.get(f"/en/accounts/invitation/{token}/")
    posted = accept(client, token)

    for response in (looked, posted):
        assert response.status_code == 410
        assert "This invitation has expired." in response.content.decode()
    user.refresh_from_db()
    assert not user.is_active
    assert not user.has_usable_password()
    assert SESSION_KEY not in client.session
    invitation.refresh_from_db()
    assert invitation.is_expired


def test_an_invitation_never_reactivates_an_account(client, invited):
    """Even a link that somehow outlived the deactivation does not open the account."""
    invitation, token = invited
    get_user_model().objects.filter(pk=invitation.user_id).update(is_active=False)

    response = accept(client, token)

    assert response.status_code == 410
    assert not get_user_model().objects.get(pk=invitation.user_id).is_active
    assert SESSION_KEY not in client.session


def test_deactivating_the_member_profile_revokes_the_invitation_link(client, invited):
    invitation, token = invited
    profile = invitation.user.member_profile
    profile.is_active = False
    profile.save()

    response = accept(client, token)

    assert response.status_code == 410
    assert not invitation.user.__class__.objects.get(pk=invitation.user_id).has_usable_password()
