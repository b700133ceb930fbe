import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django_otp.oath import TOTP
from wagtail.models import Page

from network_pages import roles
from network_pages.demo import DEMO_PASSWORD, base32_key, demo_totp_key

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_the_english_home_and_its_french_translation():
    call_command("seed_demo")

    english, french = (
        Page.objects.get(depth=2, locale__language_code=code).specific for code in ("en", "fr")
    )
    assert english.live and french.live
    assert french.translation_key == english.translation_key
    assert french.title == "Réseau de points de contact sur les migrations"


def test_seed_demo_creates_one_account_for_each_role_with_a_printed_key(capsys):
    call_command("seed_demo")
    printed = capsys.readouterr().out

    User = get_user_model()
    for role in roles.ALL_ROLES:
        assert User.objects.filter(groups__name=role).exists(), role
    focal_point = User.objects.get(username="fp_fr")
    assert focal_point.check_password(DEMO_PASSWORD)
    assert base32_key(demo_totp_key("fp_fr")) in printed
    device = focal_point.totpdevice_set.get()
    assert device.verify_token(TOTP(device.bin_key).token())


def test_seed_demo_twice_creates_no_duplicates():
    call_command("seed_demo")
    counts = (Page.objects.count(), get_user_model().objects.count())

    call_command("seed_demo")

    assert (Page.objects.count(), get_user_model().objects.count()) == counts


def test_seed_demo_refuses_to_run_with_production_settings(settings):
    settings.NFP_ALLOW_DEMO_CONTENT = False
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="refuses to run"):
        call_command("seed_demo")

    assert Page.objects.count() == pages
    assert not get_user_model().objects.exists()


def test_demo_code_prints_the_current_code_of_a_demo_account(capsys):
    call_command("seed_demo")
    capsys.readouterr()

    call_command("demo_code", "fp_fr")

    code = capsys.readouterr().out.strip()
    assert code == f"{TOTP(bytes.fromhex(demo_totp_key('fp_fr'))).token():06d}"
