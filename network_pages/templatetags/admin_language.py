"""The admin's language badge says the language a text is written in (issue 15, 4.6).

Wagtail labels a page with its locale. The network area is one locale, mirrored: a request
written in French sits in the English tree and would be labelled "English". A page with a
language of its own (a request) is labelled with it; any other page of the area below its
sections has no label (its locale says nothing of the language members wrote it in); the
sections and the public pages, which are real translations, keep their locale's label.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from network_pages import network_area

register = template.Library()


@register.simple_tag
def admin_language_label(page: Page, locale: Locale | None = None) -> str:
    """The badge for `page` in the admin, "" for none (no query beyond the page's locale)."""
    own = getattr(page, "language", "")
    if own in dict(settings.LANGUAGES):
        return get_language_info(own)["name_translated"]
    if network_area.is_in_network_area(page) and not network_area.is_section(page):
        return ""
    locale = locale or page.locale
    return locale.get_display_name() if locale else ""
