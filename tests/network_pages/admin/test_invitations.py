"""1.1, 1.2: the DMR invites members by email; the link is single-use and personal."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from network_pages import invitations, roles
from network_pages.factories import make_member
from network_pages.models import Invitation, MemberProfile, MemberState
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

User = get_user_model()
INVITE = "member_invitations:invite"
LINK = re.compile(r"http://testserver/(?P<language>en|fr)/accounts/invitation/(?P<token>[\w-]+)/")


def invitation_data(**overrides):
    data = {
        "email": "marie.curie@interieur.gouv.fr",
        "first_name": "Marie",
        "last_name": "Curie",
        "role": invitations.Role.FOCAL_POINT,
        "member_state": MemberState.objects.get(code="FR").pk,
        "function": MemberProfile.Function.FOCAL_POINT,
        "institution": "Ministère de l'Intérieur",
        "position": "Head of unit",
        "phone": "+33 1 00 00 00 00",
        "preferred_language": "en",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def invite(client, capture, **overrides):
    with capture(execute=True):
        return client.post(reverse(INVITE), invitation_data(**overrides))


def token_in(message) -> str:
    return LINK.search(message.body)["token"]


def test_invite_creates_account_profile_and_invitation(
    dmr_client, dmr_user, django_capture_on_commit_callbacks
):
    response = invite(dmr_client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    user = User.objects.get(email="marie.curie@interieur.gouv.fr")
    assert user.username == "marie.curie@interieur.gouv.fr"
    assert user.is_active
    assert not user.has_usable_password()
    assert set(user.groups.values_list("name", flat=True)) == {roles.FOCAL_POINTS}
    profile = user.member_profile
    assert (profile.member_state.code, profile.function) == ("FR", "focal_point")
    assert profile.institution == "Ministère de l'Intérieur"
    invitation = user.invitations.get()
    assert invitation.created_by == dmr_user
    assert invitation.is_usable


@pytest.mark.parametrize(
    ("role", "groups", "function"),
    [
        ("network_approver", {roles.FOCAL_POINTS, roles.NETWORK_APPROVERS}, "focal_point"),
        ("dmr_secretariat", {roles.DMR_SECRETARIAT}, "secretariat"),
        ("guest", {roles.GUESTS}, "guest"),
    ],
)
def test_the_role_decides_groups_and_function(
    dmr_client, django_capture_on_commit_callbacks, role, groups, function
):
    state = None if role == "dmr_secretariat" else MemberState.objects.get(code="FR").pk
    if role == "network_approver":
        # 3.3: the network's side is designated by an account steward, not by the DMR.
        steward = make_member("steward", groups=(), state=None)
        steward.is_superuser = True
        steward.save()
        dmr_client = sign_in(dmr_client, steward)

    invite(
        dmr_client, django_capture_on_commit_callbacks, role=role, member_state=state, function=""
    )

    user = User.objects.get(email="marie.curie@interieur.gouv.fr")
    assert set(user.groups.values_list("name", flat=True)) == groups
    assert user.member_profile.function == function


def test_invitation_email_carries_a_link_for_that_invitation(
    dmr_client, django_capture_on_commit_callbacks
):
    invite(dmr_client, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["marie.curie@interieur.gouv.fr"]
    token = token_in(message)
    assert Invitation.find(token).user.email == "marie.curie@interieur.gouv.fr"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert LINK.search(html)["token"] == token


def test_invitation_email_is_sent_only_once_the_transaction_commits(dmr_client):
    dmr_client.post(reverse(INVITE), invitation_data())  # on-commit callbacks never run here

    assert User.objects.filter(email="marie.curie@interieur.gouv.fr").exists()
    assert mail.outbox == []


def test_invitation_email_follows_the_invitees_language(
    dmr_client, django_capture_on_commit_callbacks
):
    invite(dmr_client, django_capture_on_commit_callbacks, preferred_language="fr")

    message = mail.outbox[0]
    assert LINK.search(message.body)["language"] == "fr"
    assert "/fr/accounts/invitation/" in message.alternatives[0][0]
    assert '<html lang="fr">' in message.alternatives[0][0]


def test_english_invitation_links_to_the_english_site(
    dmr_client, django_capture_on_commit_callbacks
):
    invite(dmr_client, django_capture_on_commit_callbacks, preferred_language="en")

    assert LINK.search(mail.outbox[0].body)["language"] == "en"


def test_invitation_email_says_when_the_link_expires_and_nothing_confidential(
    dmr_client, django_capture_on_commit_callbacks
):
    invite(dmr_client, django_capture_on_commit_callbacks)

    body = mail.outbox[0].body
    assert "7 days" in body
    assert "Ministère" not in body  # the profile stays in the platform
    assert "France" not in body
    assert "Head of unit" not in body


def test_the_token_is_never_written_to_the_audit_log(
    dmr_client, dmr_user, django_capture_on_commit_callbacks
):
    invite(dmr_client, django_capture_on_commit_callbacks)
    token = token_in(mail.outbox[0])

    profile = MemberProfile.objects.get(user__email="marie.curie@interieur.gouv.fr")
    entry = ModelLogEntry.objects.get(action=invitations.INVITE_ACTION)
    assert (entry.object_id, entry.user) == (str(profile.pk), dmr_user)
    for logged in ModelLogEntry.objects.all():
        assert token not in f"{logged.label} {logged.data}"


def test_an_email_that_belongs_to_a_user_is_refused(
    dmr_client, focal_point, django_capture_on_commit_callbacks
):
    users_before = User.objects.count()

    response = invite(dmr_client, django_capture_on_commit_callbacks, email="FP_FR@example.org")

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert User.objects.count() == users_before
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_a_focal_point_invitation_needs_a_member_state(
    dmr_client, django_capture_on_commit_callbacks
):
    response = invite(dmr_client, django_capture_on_commit_callbacks, member_state="")

    assert response.status_code == 200
    assert "member_state" in response.context["form"].errors
    assert not User.objects.filter(email="marie.curie@interieur.gouv.fr").exists()
    assert mail.outbox == []


def test_a_network_approver_invitation_needs_a_member_state(
    dmr_client, django_capture_on_commit_callbacks
):
    response = invite(
        dmr_client, django_capture_on_commit_callbacks, role="network_approver", member_state=""
    )

    assert "member_state" in response.context["form"].errors
    assert not User.objects.filter(email="marie.curie@interieur.gouv.fr").exists()


def test_the_dmr_secretariat_does_not_represent_a_member_state(
    dmr_client, django_capture_on_commit_callbacks
):
    response = invite(dmr_client, django_capture_on_commit_callbacks, role="dmr_secretariat")

    assert "member_state" in response.context["form"].errors
    assert not User.objects.filter(email="marie.curie@interieur.gouv.fr").exists()


def test_usernames_stay_unique_when_one_looks_like_the_email(
    dmr_client, django_capture_on_commit_callbacks
):
    User.objects.create_user("marie.curie@interieur.gouv.fr", email="someone@else.org")

    invite(dmr_client, django_capture_on_commit_callbacks)

    user = User.objects.get(email="marie.curie@interieur.gouv.fr")
    assert user.username == "marie.curie@interieur.gouv.fr-2"


@pytest.fixture
def invited(dmr_client, django_capture_on_commit_callbacks):
    """A member who was invited and has not accepted: their profile and first token."""
    invite(dmr_client, django_capture_on_commit_callbacks)
    profile = MemberProfile.objects.get(user__email="marie.curie@interieur.gouv.fr")
    token = token_in(mail.outbox[0])
    mail.outbox.clear()
    return profile, token


def resend(client, capture, profile):
    with capture(execute=True):
        return client.post(reverse("member_profiles:resend_invitation", args=[profile.pk]))


def test_resending_sends_a_new_link_and_the_old_one_stops_working(
    dmr_client, invited, django_capture_on_commit_callbacks
):
    profile, old_token = invited

    response = resend(dmr_client, django_capture_on_commit_callbacks, profile)

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    new_token = token_in(mail.outbox[0])
    assert new_token != old_token
    assert not Invitation.find(old_token).is_usable
    assert Invitation.find(new_token).is_usable
    entry = ModelLogEntry.objects.get(action=invitations.RESEND_ACTION)
    assert entry.object_id == str(profile.pk)
    assert new_token not in str(entry.data)


def test_resend_is_offered_only_while_the_invitation_is_not_accepted(
    dmr_client, invited, focal_point
):
    profile, _token = invited
    edit = "member_profiles:edit"

    pending = dmr_client.get(reverse(edit, args=[profile.pk]))
    accepted = dmr_client.get(reverse(edit, args=[focal_point.member_profile.pk]))

    resend_url = reverse("member_profiles:resend_invitation", args=[profile.pk])
    assert resend_url in pending.text
    assert "resend-invitation" not in accepted.text


def test_an_accepted_invitation_is_not_resent(
    dmr_client, invited, django_capture_on_commit_callbacks
):
    profile, token = invited
    profile.user.set_password("a chosen password")
    profile.user.save()
    Invitation.objects.filter(user=profile.user).update(used_at=Invitation.find(token).created_at)

    response = resend(dmr_client, django_capture_on_commit_callbacks, profile)

    assert response.status_code == 302
    assert mail.outbox == []
    assert Invitation.objects.filter(user=profile.user).count() == 1


def test_only_who_may_invite_reaches_the_invite_form(
    editor_client, django_capture_on_commit_callbacks
):
    response = invite(editor_client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not User.objects.filter(email="marie.curie@interieur.gouv.fr").exists()
