"""Templates the site no longer has, kept verbatim so that the code that replaced them is
compared with them byte for byte. `with_old_templates()` lets the site's engine find them."""

from pathlib import Path

from django.conf import settings
from django.test import override_settings

DIR = Path(__file__).parent
# components/_language_tag.html before `content_language.LanguageTag` wrote its markup.
LANGUAGE_TAG = "network_pages/components/_language_tag.html"
# home/_index_page.html before its cards were read as rows (home/index_cards.py).
PUBLIC_INDEX = "home/_index_page.html"
# home/home_page.html before its latest sections were kept per process (home/latest.py).
PUBLIC_HOME = "home/home_page.html"
# information/request/compilation.html before its questions and documents were written in
# Python (information/templatetags/compilation_rows.py), its answers' loop as it was.
COMPILATION = "information/request/compilation.html"


def with_old_templates() -> override_settings:
    """The site's template settings, with this folder searched first (a decorator or a
    context manager)."""
    site = settings.TEMPLATES[0]
    return override_settings(
        TEMPLATES=[{**site, "DIRS": [DIR, *site["DIRS"]]}, *settings.TEMPLATES[1:]]
    )
