"""Enrolment: scan a QR code, confirm with a code, receive ten backup codes once."""

from base64 import b32encode
from textwrap import wrap

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from network_pages.accounts.devices import BACKUP_CODE_COUNT
from tests.conftest import sign_in

from .conftest import authenticator_code, enter_password

pytestmark = pytest.mark.django_db


def pending_device(user) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=False)


def confirm(client, device, **kwargs):
    return client.post("/en/accounts/enrol/", {"code": authenticator_code(device, **kwargs)})


def test_enrolment_shows_a_qr_code_and_the_key_to_type(client, focal_point):
    sign_in(client, focal_point, verified=False)

    response = client.get("/en/accounts/enrol/")

    assert response.status_code == 200
    html = response.content.decode()
    device = pending_device(focal_point)
    assert '<div class="qr-code" role="img" aria-label=' in html
    assert "<svg" in html and "<path" in html
    assert "<?xml" not in html
    key = " ".join(wrap(b32encode(device.bin_key).decode(), 4))
    assert "<dt>If you cannot scan the code, enter this key in the app instead:</dt>" in html
    assert f"<dd><code>{key}</code></dd>" in html
    assert 'inputmode="numeric"' in html
    assert 'autocomplete="one-time-code"' in html


def test_enrolment_reuses_one_pending_device(client, focal_point):
    sign_in(client, focal_point, verified=False)

    client.get("/en/accounts/enrol/")
    client.get("/en/accounts/enrol/")

    assert TOTPDevice.objects.filter(user=focal_point, confirmed=False).count() == 1


def test_anonymous_visitor_cannot_enrol(client):
    response = client.get("/en/accounts/enrol/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


def test_confirming_enrolment_shows_ten_backup_codes_once(client, network, focal_point):
    enter_password(client, "fp_fr")
    client.get("/en/accounts/enrol/")
    device = pending_device(focal_point)

    response = confirm(client, device)

    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == BACKUP_CODE_COUNT
    html = response.content.decode()
    assert all(f"<code>{code}</code>" in html for code in codes)
    assert set(StaticToken.objects.filter(device__user=focal_point).values_list("token", flat=True))
    assert "no-store" in response["Cache-Control"]
    assert code_not_in_session(client, codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/en/network/").status_code == 200


def code_not_in_session(client, codes) -> bool:
    stored = repr(dict(client.session.items()))
    return not any(code in stored for code in codes)


def test_enrolment_codes_work_as_backup_codes(client, focal_point):
    sign_in(client, focal_point, verified=False)
    client.get("/en/accounts/enrol/")
    codes = confirm(client, pending_device(focal_point)).context["codes"]
    client.post("/en/accounts/logout/")

    sign_in(client, focal_point, verified=False)
    response = client.post("/en/accounts/verify/", {"backup-code": codes[3]})

    assert response.status_code == 302


def test_enrolment_continues_to_a_safe_next(client, focal_point):
    sign_in(client, focal_point, verified=False)
    client.get("/en/accounts/enrol/")
    device = pending_device(focal_point)

    response = client.post(
        "/en/accounts/enrol/?next=/en/network/directory/", {"code": authenticator_code(device)}
    )

    assert response.context["continue_url"] == "/en/network/directory/"
    assert 'href="/en/network/directory/"' in response.content.decode()


def test_enrolment_ignores_a_next_leading_off_the_site(client, focal_point):
    sign_in(client, focal_point, verified=False)
    client.get("/en/accounts/enrol/")
    device = pending_device(focal_point)

    response = client.post(
        "/en/accounts/enrol/?next=//evil.example/", {"code": authenticator_code(device)}
    )

    assert response.context["continue_url"] == "/en/network/"


def test_enrolment_session_key_changes_on_confirmation(client, focal_point):
    sign_in(client, focal_point, verified=False)
    client.get("/en/accounts/enrol/")
    key_before = client.session.session_key

    confirm(client, pending_device(focal_point))

    assert client.session.session_key != key_before


def test_wrong_enrolment_code_leaves_the_device_unconfirmed(client, focal_point):
    sign_in(client, focal_point, verified=False)
    client.get("/en/accounts/enrol/")
    device = pending_device(focal_point)

    response = confirm(client, device, steps_ahead=5)

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    device.refresh_from_db()
    assert not device.confirmed
    assert not StaticToken.objects.filter(device__user=focal_point).exists()


def test_enrolment_refused_to_a_password_only_session_of_an_enrolled_member(client, authenticator):
    sign_in(client, authenticator.user, verified=False)

    looked = client.get("/en/accounts/enrol/")
    posted = client.post("/en/accounts/enrol/", {"code": "123456"})

    for response in (looked, posted):
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/verify/?next=")
    assert not TOTPDevice.objects.filter(user=authenticator.user, confirmed=False).exists()


def test_verified_member_replacing_the_app_loses_the_old_one(client, authenticator):
    user = authenticator.user
    sign_in(client, user)
    client.get("/en/accounts/enrol/")
    new_device = pending_device(user)

    response = confirm(client, new_device)

    assert response.status_code == 200
    assert list(TOTPDevice.objects.filter(user=user)) == [new_device]
    assert client.get("/en/accounts/").status_code == 200  # still verified, with the new app
