"""Issue 12, path 6: one DMR account cannot give itself both parties of the joint approval
(3.3). Only an account steward (a superuser outside the DMR) makes superusers and network
approvers; nobody is in both parties; every such change is in the audit log."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from network_pages import audit, roles
from network_pages.factories import make_member
from tests.conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def steward(db):
    user = make_member("steward", groups=(), state=None, password=PASSWORD)
    user.is_superuser = True
    user.save()
    return user


@pytest.fixture
def sockpuppet(db):
    return make_member("sockpuppet", groups=(roles.FOCAL_POINTS,), state="AT", password=PASSWORD)


def group_ids(*names) -> list[str]:
    return [str(pk) for pk in Group.objects.filter(name__in=names).values_list("pk", flat=True)]


def edit_data(user, *, groups, **extra) -> dict:
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
        "groups": groups,
        **extra,
    }


def edit_url(user) -> str:
    return reverse("wagtailusers_users:edit", args=[user.pk])


def edit(client, user, **kwargs):
    return client.post(edit_url(user), edit_data(user, **kwargs))


def test_the_dmr_cannot_make_an_account_a_superuser(client, dmr_user, sockpuppet):
    sign_in(client, dmr_user)

    form = client.get(edit_url(sockpuppet)).content.decode()
    edit(client, sockpuppet, groups=group_ids(roles.FOCAL_POINTS), is_superuser="on")

    assert 'name="email"' in form
    assert 'name="is_superuser"' not in form
    assert not User.objects.get(pk=sockpuppet.pk).is_superuser


def test_the_dmr_cannot_add_an_account_to_the_network_approvers(client, dmr_user, sockpuppet):
    response = edit(
        sign_in(client, dmr_user),
        sockpuppet,
        groups=group_ids(roles.FOCAL_POINTS, roles.NETWORK_APPROVERS),
    )

    assert response.status_code == 200
    assert "Only an account steward" in response.content.decode()
    assert not sockpuppet.groups.filter(name=roles.NETWORK_APPROVERS).exists()


def test_the_dmr_cannot_invite_a_network_approver(client, dmr_user):
    html = sign_in(client, dmr_user).get("/admin/member-invitations/").content.decode()
    response = client.post(
        "/admin/member-invitations/",
        {
            "email": "new@example.org",
            "first_name": "New",
            "last_name": "Approver",
            "role": "network_approver",
            "member_state": "",
            "preferred_language": "en",
        },
    )

    assert 'value="network_approver"' not in html
    assert response.status_code == 200
    assert not User.objects.filter(email="new@example.org").exists()


def test_the_dmr_cannot_take_over_a_superuser_account(client, dmr_user, steward):
    response = edit(sign_in(client, dmr_user), steward, groups=[], email="dmr@example.org")

    assert response.status_code in (302, 403)
    assert User.objects.get(pk=steward.pk).email == "steward@example.org"


def test_nobody_is_in_both_parties(client, steward, sockpuppet):
    response = edit(
        sign_in(client, steward),
        sockpuppet,
        groups=group_ids(roles.DMR_SECRETARIAT, roles.NETWORK_APPROVERS),
    )

    assert response.status_code == 200
    assert "One person is one party" in response.content.decode()
    assert not sockpuppet.groups.filter(name=roles.DMR_SECRETARIAT).exists()


def test_a_steward_designates_a_network_approver_and_the_audit_log_keeps_it(
    client, steward, sockpuppet
):
    response = edit(
        sign_in(client, steward),
        sockpuppet,
        groups=group_ids(roles.FOCAL_POINTS, roles.NETWORK_APPROVERS),
    )

    assert response.status_code == 302
    assert sockpuppet.groups.filter(name=roles.NETWORK_APPROVERS).exists()
    entry = ModelLogEntry.objects.get(action=audit.STEWARDSHIP)
    assert entry.user_id == steward.pk
    assert entry.object_id == str(sockpuppet.pk)
    assert entry.data["approver"] is True


def test_a_superuser_in_the_dmr_is_no_steward(client, dmr_user, sockpuppet):
    dmr_user.is_superuser = True
    dmr_user.save()

    edit(
        sign_in(client, dmr_user),
        sockpuppet,
        groups=group_ids(roles.FOCAL_POINTS, roles.NETWORK_APPROVERS),
    )

    assert not sockpuppet.groups.filter(name=roles.NETWORK_APPROVERS).exists()


@pytest.mark.parametrize("who", ["anonymous", "password_only", "focal_point"])
def test_the_user_editor_refuses_who_is_not_signed_in_verified_and_allowed(
    who, sockpuppet, focal_point
):
    client = Client()
    if who == "password_only":
        sign_in(client, focal_point, verified=False)
    elif who == "focal_point":
        sign_in(client, focal_point)

    response = edit(client, sockpuppet, groups=group_ids(roles.NETWORK_APPROVERS))

    assert response.status_code in (302, 403)
    assert not sockpuppet.groups.filter(name=roles.NETWORK_APPROVERS).exists()
