import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings
from django_otp.oath import TOTP
from wagtail.models import Page

from network_pages import roles
from network_pages.demo import DEMO_PASSWORD, base32_key, demo_totp_key

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(module_transaction, tmp_path_factory) -> str:
    """The demo seeded once for the module (every test reads it, each in a savepoint):
    what `seed_demo` printed."""
    printed = io.StringIO()
    with module_transaction(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", stdout=printed)
    return printed.getvalue()


def test_seed_demo_creates_the_english_home_and_its_french_translation(seeded):
    english, french = (
        Page.objects.get(depth=2, locale__language_code=code).specific for code in ("en", "fr")
    )
    assert english.live and french.live
    assert french.translation_key == english.translation_key
    assert french.title == "Réseau de points de contact sur les migrations"


def test_seed_demo_creates_one_account_for_each_role_with_a_printed_key(seeded):
    printed = seeded

    User = get_user_model()
    for role in roles.ALL_ROLES:
        assert User.objects.filter(groups__name=role).exists(), role
    focal_point = User.objects.get(username="fp_fr")
    assert focal_point.check_password(DEMO_PASSWORD)
    assert base32_key(demo_totp_key("fp_fr")) in printed
    device = focal_point.totpdevice_set.get()
    assert device.verify_token(TOTP(device.bin_key).token())


def test_seed_demo_twice_creates_no_duplicates(seeded):
    counts = (Page.objects.count(), get_user_model().objects.count())

    call_command("seed_demo")

    assert (Page.objects.count(), get_user_model().objects.count()) == counts


def test_demo_code_prints_the_current_code_of_a_demo_account(seeded, capsys):
    call_command("demo_code", "fp_fr")

    code = capsys.readouterr().out.strip()
    assert code == f"{TOTP(bytes.fromhex(demo_totp_key('fp_fr'))).token():06d}"
