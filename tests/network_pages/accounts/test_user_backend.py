"""The sign-in backend reads the signed-in user in fewer queries, with Django's rules: the
same permissions (an inactive user none, a superuser all, a member their own and their
groups'), the profiles, the groups and the session's device read with the user (the groups
as they are at each request), and sessions opened under Django's own backend still signed
in."""

import pytest
from django.contrib.auth import get_user, get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django_otp.plugins.otp_totp.models import TOTPDevice

from network_pages import access, member_profiles, roles
from network_pages.factories import add_totp_device, make_member
from network_pages.user_backend import DEVICE_ATTRIBUTE, UserWithProfilesBackend, reading_device
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def editor():
    user = make_member("editor", groups=(roles.DMR_SECRETARIAT,), state=None)
    user.user_permissions.add(Permission.objects.get(codename="view_group"))
    group = Group.objects.create(name="Extra")
    group.permissions.add(Permission.objects.get(codename="change_group"))
    user.groups.add(group)
    return user


def test_a_member_has_the_same_permissions_as_with_djangos_backend(editor):
    ours = UserWithProfilesBackend().get_all_permissions(fresh(editor))

    assert ours == ModelBackend().get_all_permissions(fresh(editor))
    assert {"auth.view_group", "auth.change_group"} <= ours


def test_an_inactive_user_has_no_permission(editor):
    editor.is_active = False
    editor.save()

    assert UserWithProfilesBackend().get_all_permissions(fresh(editor)) == set()


def test_a_superuser_has_every_permission(editor):
    editor.is_superuser = True
    editor.save()

    assert len(UserWithProfilesBackend().get_all_permissions(fresh(editor))) == (
        Permission.objects.count()
    )


def test_the_permissions_cost_one_query(editor, django_assert_num_queries):
    user = fresh(editor)

    with django_assert_num_queries(1):
        assert user.has_perm("auth.change_group")
        assert not user.has_perm("auth.delete_group")


def test_the_signed_in_user_comes_with_their_profile(focal_point, django_assert_num_queries):
    user = UserWithProfilesBackend().get_user(focal_point.pk)

    with django_assert_num_queries(0):
        profile = member_profiles.profile_of(user)
        assert profile.member_state.code == "FR"
        assert not hasattr(user, "wagtail_userprofile") or user.wagtail_userprofile


def test_an_inactive_user_is_not_signed_in(focal_point):
    focal_point.is_active = False
    focal_point.save()

    assert UserWithProfilesBackend().get_user(focal_point.pk) is None


def test_a_session_opened_under_djangos_backend_stays_signed_in(focal_point):
    session = SessionStore()
    session["_auth_user_id"] = str(focal_point.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = focal_point.get_session_auth_hash()
    request = RequestFactory().get("/")
    request.session = session

    assert get_user(request) == focal_point


def test_the_signed_in_user_comes_with_their_groups(editor, django_assert_num_queries):
    user = UserWithProfilesBackend().get_user(editor.pk)
    expected = set(fresh(editor).groups.all())

    with django_assert_num_queries(0):
        assert access.group_names_of(user) == {roles.DMR_SECRETARIAT, "Extra"}
        assert set(user.groups.all()) == expected


def test_a_user_in_no_group_comes_with_none(django_assert_num_queries):
    user = make_member("loner", groups=(), state=None)
    user = UserWithProfilesBackend().get_user(user.pk)

    with django_assert_num_queries(0):
        assert access.group_names_of(user) == frozenset()


def test_the_session_s_device_comes_with_the_user_in_the_same_query(
    focal_point, django_assert_num_queries
):
    device = add_totp_device(focal_point)

    with django_assert_num_queries(1), reading_device(TOTPDevice, device.pk):
        user = UserWithProfilesBackend().get_user(focal_point.pk)

    assert getattr(user, DEVICE_ATTRIBUTE) == device
    assert getattr(user, DEVICE_ATTRIBUTE).key == device.key


def test_another_user_s_device_does_not_come_with_the_user(focal_point, other_focal_point):
    device = add_totp_device(other_focal_point)

    with reading_device(TOTPDevice, device.pk):
        user = UserWithProfilesBackend().get_user(focal_point.pk)

    assert getattr(user, DEVICE_ATTRIBUTE) is None


def test_a_member_removed_from_their_group_is_refused_on_their_next_request(
    client, network, focal_point
):
    sign_in(client, focal_point)
    assert client.get("/en/network/directory/").status_code == 200

    focal_point.groups.remove(Group.objects.get(name=roles.FOCAL_POINTS))

    assert client.get("/en/network/directory/").status_code == 403
