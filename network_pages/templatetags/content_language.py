"""Member-written content keeps its language (4.6) and says so: a `lang` attribute, so that
screen readers pronounce an English title on a French page in English, and a visible tag."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page

register = template.Library()


def language_of(content) -> str:
    """The language `content` is written in, "" when unknown: its own `language` (requests,
    responses), else a real page's locale. An alias shows content of the one-locale network
    area, which members write in either language: its locale says nothing."""
    own = getattr(content, "language", "")
    if own in dict(settings.LANGUAGES):
        return own
    if isinstance(content, Page) and not content.alias_of_id:
        return content.locale.language_code
    return ""


@register.simple_tag
def foreign_language(content) -> str:
    """The content's language when it is not the reader's, else ""."""
    language = language_of(content)
    return "" if language in ("", get_language()) else language
