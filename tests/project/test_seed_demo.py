import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_the_english_home_and_its_french_translation():
    call_command("seed_demo")

    english, french = (
        Page.objects.get(depth=2, locale__language_code=code).specific for code in ("en", "fr")
    )
    assert english.live and french.live
    assert french.translation_key == english.translation_key
    assert french.title == "Réseau de points de contact sur les migrations"


def test_seed_demo_twice_creates_no_duplicates():
    call_command("seed_demo")
    pages_after_first_run = Page.objects.count()

    call_command("seed_demo")

    assert Page.objects.count() == pages_after_first_run


def test_seed_demo_refuses_to_run_with_production_settings(settings):
    settings.NFP_ALLOW_DEMO_CONTENT = False

    with pytest.raises(CommandError, match="refuses to run"):
        call_command("seed_demo")

    assert not Page.objects.filter(depth=2, locale__language_code="fr").exists()
