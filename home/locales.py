"""Locales, read once per process: a page used to look its language up three times.

The two locales are created with the site and practically never change; any change to one
(home/signals.py) empties the memo of the process that made it, and a new process starts
empty. A stale entry would at worst name a locale by its old language code.
"""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_by_language: dict[str, Locale | None] = {}
_all: list[Locale] = []


def locale_for(language_code: str) -> Locale | None:
    """The locale of a language code (or of its supported variant), None if there is none."""
    if language_code not in _by_language:
        try:
            code = get_supported_content_language_variant(language_code)
        except LookupError:
            code = language_code
        _by_language[language_code] = Locale.objects.filter(language_code=code).first()
    return _by_language[language_code]


def active_locale() -> Locale | None:
    """`Locale.get_active()`: the active language's locale, else the default language's."""
    return locale_for(get_language() or settings.LANGUAGE_CODE) or locale_for(
        settings.LANGUAGE_CODE
    )


def all_locales() -> list[Locale]:
    """Every locale, ordered by language code."""
    if not _all:
        _all.extend(Locale.objects.order_by("language_code"))
    return list(_all)


def forget() -> None:
    _by_language.clear()
    _all.clear()
