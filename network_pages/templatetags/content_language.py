"""Member-written content keeps its language (4.6) and says so: a `lang` attribute, so that
screen readers pronounce an English title on a French page in English, and a visible tag.

The tag is written here only (`LanguageTag`), for the templates (`{% language_tag lang %}`)
and for the rows written in Python (information items, comments, search results, the
network home's activity)."""

from html import escape

from django import template
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
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


class LanguageTag:
    """The visible tag after a text in the other language, " (in French)", itself in the
    reader's language (its `lang`): the two tags of a page written once, then one per text.

    Every part is escaped (`html.escape`, quotes included, as Django's `escape`): the
    reader's language and the catalogue's words."""

    def __init__(self, reader_language: str) -> None:
        self.reader_language = reader_language
        reader = escape(reader_language)
        english, french = escape(gettext("in English")), escape(gettext("in French"))
        self._english = f' <span class="language-tag" lang="{reader}">({english})</span>'
        self._french = f' <span class="language-tag" lang="{reader}">({french})</span>'

    def __call__(self, language: str) -> str:
        """The tag of a text in `language`: nothing when it is unknown or the reader's."""
        if not language or language == self.reader_language:
            return ""
        return self._english if language == "en" else self._french


@register.simple_tag
def language_tag(language: str) -> SafeString:
    """`{% language_tag lang %}`: the tag of a text in `lang`, for the current language's
    reader (with `{% foreign_language %}`, whose "" writes nothing)."""
    return mark_safe(LanguageTag(get_language() or "")(language))  # noqa: S308 - escaped
