"""Backup codes: a count of what is left, and a fresh set that replaces the old one."""

import pytest
from django_otp.plugins.otp_static.models import StaticDevice

from network_pages.accounts.devices import BACKUP_CODE_COUNT, replace_backup_codes
from tests.conftest import sign_in

from .conftest import enter_backup_code

pytestmark = pytest.mark.django_db


def test_backup_codes_page_shows_how_many_are_left(client, authenticator):
    replace_backup_codes(authenticator.user, count=7)
    sign_in(client, authenticator.user)

    response = client.get("/en/accounts/backup-codes/")

    assert response.status_code == 200
    assert "You have 7 unused backup codes left." in response.content.decode()


def test_backup_codes_page_needs_a_verified_session(client, authenticator):
    sign_in(client, authenticator.user, verified=False)

    response = client.get("/en/accounts/backup-codes/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/verify/?next=")


def test_backup_codes_page_sends_anonymous_visitors_to_login(client):
    response = client.get("/en/accounts/backup-codes/")

    assert response["Location"].startswith("/en/accounts/login/?next=")


def test_regenerating_shows_new_codes_once(client, authenticator):
    sign_in(client, authenticator.user)

    response = client.post("/en/accounts/backup-codes/")

    codes = response.context["codes"]
    assert len(codes) == BACKUP_CODE_COUNT
    html = response.content.decode()
    assert all(f"<code>{code}</code>" in html for code in codes)
    assert "no-store" in response["Cache-Control"]
    again = client.get("/en/accounts/backup-codes/").content.decode()
    assert not any(code in again for code in codes)


def test_regenerating_invalidates_the_old_codes(client, authenticator):
    old_codes = replace_backup_codes(authenticator.user)
    sign_in(client, authenticator.user)
    new_codes = client.post("/en/accounts/backup-codes/").context["codes"]
    client.post("/en/accounts/logout/")

    sign_in(client, authenticator.user, verified=False)
    refused = enter_backup_code(client, old_codes[0])
    StaticDevice.objects.filter(user=authenticator.user).update(throttling_failure_count=0)
    accepted = enter_backup_code(client, new_codes[0])

    assert refused.status_code == 200
    assert accepted.status_code == 302


def test_new_codes_can_be_printed_or_copied_as_plain_lines(client, authenticator):
    sign_in(client, authenticator.user)

    html = client.post("/en/accounts/backup-codes/").content.decode()

    assert '<ol class="backup-codes__list" id="backup-codes-list" data-copy-plain>' in html
    assert 'data-copy="#backup-codes-list"' in html
    assert ">Copy these codes</button>" in html
    assert ">Print these codes</button>" in html
