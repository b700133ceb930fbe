"""Issue 13, 10: `check --deploy` fails where demo accounts exist outside development."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from network_pages import roles
from network_pages.demo import DEMO_PASSWORD, demo_totp_key
from network_pages.demo_accounts_check import no_demo_accounts_in_production
from network_pages.factories import add_totp_device, make_member

pytestmark = pytest.mark.django_db

DMR = (roles.DMR_SECRETARIAT,)


@pytest.fixture
def production(settings):
    settings.NFP_ALLOW_DEMO_CONTENT = False


def test_a_demo_account_with_the_demo_password_fails_the_deploy_check(production):
    make_member("fp_fr", state="FR", password=DEMO_PASSWORD)

    [error] = no_demo_accounts_in_production(None)

    assert error.id == "network_pages.E002"
    assert "fp_fr" in error.msg
    with pytest.raises(SystemCheckError):
        call_command("check", "--deploy", "--fail-level", "ERROR")


def test_a_demo_account_with_its_public_totp_key_fails_the_deploy_check(production):
    user = make_member("dmr", groups=DMR, state=None, password="a real and private passphrase 9")
    add_totp_device(user, key=demo_totp_key("dmr"))

    assert [error.id for error in no_demo_accounts_in_production(None)] == ["network_pages.E002"]


def test_a_real_account_that_shares_a_demo_username_passes(production):
    make_member("dmr", groups=DMR, state=None, password="a real and private passphrase 9")

    assert no_demo_accounts_in_production(None) == []


def test_development_keeps_its_demo_accounts(settings):
    settings.NFP_ALLOW_DEMO_CONTENT = True
    make_member("fp_fr", state="FR", password=DEMO_PASSWORD)

    assert no_demo_accounts_in_production(None) == []
