"""The language switcher and hreflang alternates for any page or view."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool


def language_links_for(request: HttpRequest, page: Page | None) -> list[LanguageLink]:
    """Where each official language leads from here, never to a 404.

    A page without a live translation leads to the page itself with a notice asking
    for the reader's language (`?untranslated=fr`), as the original is all there is.
    """
    current = get_language()
    translations = {}
    if isinstance(page, Page):
        translations = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }
    links = []
    for code, _name in settings.LANGUAGES:
        if page is None:
            url, is_translation = translate_url(request.get_full_path(), code), True
        elif code in translations:
            url, is_translation = translations[code].get_url(request), True
        else:
            url, is_translation = f"{page.get_url(request)}?untranslated={code}", False
        links.append(
            LanguageLink(
                code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                is_current=code == current,
                is_translation=is_translation,
            )
        )
    return links


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[LanguageLink]:
    request = context.get("request")
    if request is None:
        return []
    return language_links_for(request, context.get("page"))


@register.simple_tag(takes_context=True)
def untranslated_notice_language(context: template.Context) -> str | None:
    """The language a reader asked for and this page is not (yet) available in."""
    request = context.get("request")
    wanted = request.GET.get("untranslated") if request else None
    if wanted in dict(settings.LANGUAGES) and wanted != get_language():
        return wanted
    return None
