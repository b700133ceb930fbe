"""The same place in the other official language: page, routable sub-view and query string.

The language switcher and the redirect after sign-in both need it. A Wagtail page leads to
its translation (or, while it has none, to itself with `?untranslated=`), followed by the
same sub-path (`respond/FR/`, `comments/12/edit/`) and the same query (`?q=Becker`); any
other view keeps its URL name and arguments under the other language prefix.
"""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.http import Http404, HttpRequest, QueryDict
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from network_pages.area_addresses import sub_path_in

UNTRANSLATED_PARAMETER = "untranslated"


@dataclass(frozen=True)
class Place:
    """Where a URL is: a page and the path below it, or (page None) a plain Django view."""

    page: Page | None
    sub_path: str = ""


def language_of_path(path: str) -> str | None:
    prefix = path.lstrip("/").split("/", 1)[0]
    return prefix if prefix in dict(settings.LANGUAGES) else None


def place_of(request: HttpRequest, path: str) -> Place:
    """The page a path shows (routing as Wagtail's serve view does), or no page."""
    language = language_of_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):  # i18n_patterns resolve the active language only
        # The request's own path was resolved when it came in: not again.
        match = getattr(request, "resolver_match", None) if path == request.path else None
        if match is None:
            try:
                match = resolve(path)
            except Resolver404:
                return Place(None)
        # Wagtail's serve, or the project's in front of it (home.page_routing): same name.
        if match.func is not wagtail_views.serve and match.url_name != "wagtail_serve":
            return Place(None)
        page_path = match.args[0] if match.args else match.kwargs.get("path", "")
        if path == request.path:
            route = Page.route_for_request(request, page_path)
        else:
            route = _route(request, page_path)
    if route is None:
        return Place(None)
    page = route[0]
    page_url = page.get_url(request) or ""
    sub_path = path[len(page_url) :] if page_url and path.startswith(page_url) else ""
    return Place(page, sub_path)


def _route(request: HttpRequest, path: str):
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        return site.root_page.localized.specific.route(request, [c for c in path.split("/") if c])
    except Http404:
        return None


def query_without_notice(query: str) -> str:
    """The query string, without the switcher's own `untranslated` notice."""
    values = QueryDict(query, mutable=True)
    values.pop(UNTRANSLATED_PARAMETER, None)
    return values.urlencode()


def page_url_in(
    request: HttpRequest, place: Place, translation_page: Page | None, language: str, query: str
) -> str:
    """The place's URL in `language`, given the page's translation there (None: there is none)."""
    query = query_without_notice(query)
    if translation_page is not None:
        # The sub-view's parts in the language too: `historique/` ↔ `history/`.
        url = (translation_page.get_url(request) or "") + sub_path_in(place.sub_path, language)
        return urlunsplit(("", "", url, query, ""))
    url = (place.page.get_url(request) or "") + place.sub_path
    notice = urlencode({UNTRANSLATED_PARAMETER: language})
    return urlunsplit(("", "", url, f"{query}&{notice}" if query else notice, ""))


def url_in_language(request: HttpRequest, url: str, language: str) -> str:
    """`url` (a path on this site, with its query) as the same place in `language`."""
    parts = urlsplit(url)
    if language_of_path(parts.path) in (None, language):
        return url
    place = place_of(request, parts.path)
    if place.page is None:
        return translate_url(url, language)
    found = (
        place.page.get_translations(inclusive=True)
        .live()
        .filter(locale__language_code=language)
        .first()
    )
    return page_url_in(request, place, found, language, parts.query)
