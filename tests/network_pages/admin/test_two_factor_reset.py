"""The DMR resets the second factor of a member who lost it; only the DMR may."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from network_pages import roles
from network_pages.admin.two_factor import RESET_OTP_ACTION
from network_pages.factories import add_totp_device, make_member, replace_backup_codes
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def reset_url(user) -> str:
    return reverse("member_profiles:reset_two_factor", args=[user.member_profile.pk])


@pytest.fixture
def enrolled_focal_point(focal_point):
    """A Focal Point with an authenticator app and backup codes."""
    add_totp_device(focal_point)
    replace_backup_codes(focal_point)
    return focal_point


def test_dmr_is_asked_to_confirm_the_reset(dmr_client, enrolled_focal_point):
    response = dmr_client.get(reset_url(enrolled_focal_point))

    assert response.status_code == 200
    assert "2 two-factor devices" in response.text
    assert TOTPDevice.objects.filter(user=enrolled_focal_point).exists()


def test_reset_deletes_the_authenticator_app_and_backup_codes(dmr_client, enrolled_focal_point):
    response = dmr_client.post(reset_url(enrolled_focal_point))

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "member_profiles:edit", args=[enrolled_focal_point.member_profile.pk]
    )
    assert not TOTPDevice.objects.filter(user=enrolled_focal_point).exists()
    assert not StaticDevice.objects.filter(user=enrolled_focal_point).exists()


def test_reset_is_written_to_the_audit_log(dmr_client, dmr_user, enrolled_focal_point):
    dmr_client.post(reset_url(enrolled_focal_point))

    entry = ModelLogEntry.objects.get(action=RESET_OTP_ACTION)
    assert entry.user == dmr_user
    assert entry.object_id == str(enrolled_focal_point.member_profile.pk)
    assert entry.label == "Fp_fr Tester"


def test_reset_ends_the_verified_sessions_of_the_member(dmr_client, enrolled_focal_point, network):
    member_client = sign_in(Client(), enrolled_focal_point)
    assert member_client.get("/en/network/").status_code == 200

    dmr_client.post(reset_url(enrolled_focal_point))

    response = member_client.get("/en/network/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify"))


def test_reset_ends_the_verified_admin_sessions_of_a_dmr_colleague(dmr_client):
    colleague = make_member("dmr_colleague", groups=(roles.DMR_SECRETARIAT,), state=None)
    colleague_client = sign_in(Client(), colleague)
    assert colleague_client.get(reverse("wagtailadmin_home")).status_code == 200

    dmr_client.post(reset_url(colleague))

    response = colleague_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify"))


def test_a_focal_point_cannot_reset_anyones_second_factor(focal_point_client, other_focal_point):
    add_totp_device(other_focal_point)

    response = focal_point_client.post(reset_url(other_focal_point))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert TOTPDevice.objects.filter(user=other_focal_point).exists()
    assert not ModelLogEntry.objects.filter(action=RESET_OTP_ACTION).exists()


def test_an_admin_user_without_change_permission_gets_permission_denied(
    editor_client, enrolled_focal_point
):
    response = editor_client.post(reset_url(enrolled_focal_point))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert TOTPDevice.objects.filter(user=enrolled_focal_point).exists()
    assert not ModelLogEntry.objects.filter(action=RESET_OTP_ACTION).exists()


def test_only_a_superuser_resets_a_superusers_second_factor(dmr_client, dmr_user):
    admin = make_member("root", groups=(), state=None, function="secretariat")
    admin.is_superuser = True
    admin.save()
    add_totp_device(admin)

    response = dmr_client.post(reset_url(admin))

    assert response["Location"] == reverse("wagtailadmin_home")
    assert TOTPDevice.objects.filter(user=admin).exists()


def test_the_reset_appears_in_the_profiles_history(dmr_client, enrolled_focal_point):
    dmr_client.post(reset_url(enrolled_focal_point))

    response = dmr_client.get(
        reverse("member_profiles:history", args=[enrolled_focal_point.member_profile.pk])
    )

    assert "Two-factor authentication reset" in response.text
