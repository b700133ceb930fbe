"""The language switcher and hreflang alternates for any page or view."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from home import locales, page_routing
from nfp_site.language_urls import Place, page_url_in, place_of, query_without_notice

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool


def language_links_for(request: HttpRequest, page: Page | None) -> list[LanguageLink]:
    """Where each official language leads from here: the same place, never a 404.

    The same page's translation, the same routable sub-view below it (a response form, a
    comment being edited) and the same query string (`?q=Becker`). A page without a live
    translation leads to itself with a notice asking for the reader's language
    (`?untranslated=fr`), as the original is all there is.
    """
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    place = place_of(request, request.path)
    if isinstance(page, Page) and (place.page is None or place.page.pk != page.pk):
        place = Place(page)  # a view that shows a page without being routed to it
    translations = {} if place.page is None else _translations_of(request, place.page)
    links = []
    for code, _name in settings.LANGUAGES:
        if place.page is None:
            url, is_translation = _view_url_in(request, code, query), True
        else:
            found = translations.get(code)
            url = page_url_in(request, place, found, code, query)
            is_translation = found is not None
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


def _translations_of(request: HttpRequest, page: Page) -> dict[str, Page]:
    """{language code: the page's live translation}, itself included: from what routing
    read for this request when it read them (no query), else in one query."""
    routed = page_routing.routed_translations(request, page)
    if routed is None:
        return {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }
    language_of = {}
    for code, _name in settings.LANGUAGES:
        locale = locales.locale_for(code)
        if locale is not None:
            language_of[locale.pk] = code
    return {
        language_of[translation.locale_id]: translation
        for translation in routed
        if translation.live and translation.locale_id in language_of
    }


def _view_url_in(request: HttpRequest, code: str, query: str) -> str:
    query = query_without_notice(query)
    path = translate_url(request.path, code)
    return f"{path}?{query}" if query else path


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
