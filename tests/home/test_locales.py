"""Locales are read once per process, and forgotten when one changes."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from home import locales

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_memo():
    locales.forget()
    yield
    locales.forget()


def test_the_active_locale_is_read_once(django_assert_num_queries):
    with translation.override("fr"):
        assert locales.active_locale().language_code == "fr"
        with django_assert_num_queries(0):
            assert locales.active_locale().language_code == "fr"


def test_an_unknown_language_falls_back_to_the_default_locale():
    with translation.override("de"):
        assert locales.active_locale().language_code == "en"


def test_a_new_locale_is_found_once_created(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "German")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    assert locales.locale_for("de") is None
    Locale.objects.create(language_code="de")

    assert locales.locale_for("de").language_code == "de"


def test_localized_is_the_live_translation_in_the_active_language(homes):
    with translation.override("fr"):
        assert locales.localized(homes["en"]).pk == homes["fr"].pk
    with translation.override("en"):
        assert locales.localized(homes["en"]).pk == homes["en"].pk
