"""The session's device is read as django-otp reads it (network_pages.middleware.
VerifiedDeviceMiddleware): a removed, unconfirmed or someone else's device, or a malformed
id, leaves the session unverified."""

import pytest
from django_otp import DEVICE_ID_SESSION_KEY

from network_pages.factories import add_totp_device
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def is_verified(client) -> bool:
    return client.get("/en/accounts/").status_code == 200


def _with_device_id(client, persistent_id: str) -> None:
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = persistent_id
    session.save()


def test_a_signed_in_session_with_its_device_is_verified(client, focal_point):
    sign_in(client, focal_point)
    assert is_verified(client)
    assert is_verified(client)  # the second time from the SQL compiled the first


def test_a_removed_device_unverifies_the_session(client, focal_point):
    sign_in(client, focal_point)
    assert is_verified(client)
    focal_point.totpdevice_set.all().delete()
    assert not is_verified(client)


def test_an_unconfirmed_device_does_not_verify(client, focal_point):
    sign_in(client, focal_point)
    focal_point.totpdevice_set.update(confirmed=False)
    assert not is_verified(client)


def test_another_member_s_device_does_not_verify(client, focal_point, other_focal_point):
    sign_in(client, focal_point)
    _with_device_id(client, add_totp_device(other_focal_point).persistent_id)
    assert not is_verified(client)


@pytest.mark.parametrize(
    "persistent_id",
    ["otp_totp.totpdevice/x", "otp_totp.nothing/1", "auth.user/1", "nonsense", "a.b.c/1"],
)
def test_a_malformed_device_id_does_not_verify(client, focal_point, persistent_id):
    sign_in(client, focal_point)
    _with_device_id(client, persistent_id)
    assert not is_verified(client)
