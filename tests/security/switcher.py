"""The language switcher keeps your place: from every URL the sweep opens, the link to the
other language leads to the same view (same page or its translation, same sub-view, same
arguments) with the same query string."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

from django.test import RequestFactory
from django.urls import Resolver404, resolve
from django.utils import translation

from network_pages.area_addresses import sub_path_in
from nfp_site.language_urls import UNTRANSLATED_PARAMETER, language_of_path, place_of

SWITCHER = re.compile(r'<nav class="language-switcher".*?</nav>', re.DOTALL)
LINK = re.compile(r'<a href="([^"]*)" hreflang="(\w+)"')


def switcher_links(html: str) -> dict[str, str]:
    """{language: href} of the switcher's links (the current language has no link)."""
    nav = SWITCHER.search(html)
    return {code: unescape(href) for href, code in LINK.findall(nav.group(0))} if nav else {}


def _same_view(source: str, target: str) -> str | None:
    """Why `target` is not `source`'s view in another language; None when it is."""
    request = RequestFactory().get(source)
    here, there = urlsplit(source), urlsplit(target)
    query = [(k, v) for k, v in parse_qsl(there.query) if k != UNTRANSLATED_PARAMETER]
    if query != parse_qsl(here.query):
        return f"the query {here.query!r} became {there.query!r}"
    source_place = place_of(request, here.path)
    target_place = place_of(RequestFactory().get(there.path), there.path)
    if source_place.page is not None:
        if target_place.page is None:
            return "a page became a plain view"
        if target_place.page.translation_key != source_place.page.translation_key:
            return f"page {source_place.page} became page {target_place.page}"
        # The same sub-view, its parts in the target's language (`history/` ↔ `historique/`).
        if target_place.sub_path != sub_path_in(
            source_place.sub_path, language_of_path(there.path) or ""
        ):
            return f"sub-view {source_place.sub_path!r} became {target_place.sub_path!r}"
        return None
    try:
        with translation.override(language_of_path(here.path)):
            source_match = resolve(here.path)
        with translation.override(language_of_path(there.path)):
            target_match = resolve(there.path)
    except Resolver404:
        return "no view answers it"
    if (source_match.view_name, source_match.kwargs) != (
        target_match.view_name,
        target_match.kwargs,
    ):
        return f"view {source_match.view_name} became {target_match.view_name}"
    return None


def _untranslated_notice(url: str, href: str, code: str) -> bool:
    here, there = urlsplit(url), urlsplit(href)
    asked = dict(parse_qsl(there.query)).get(UNTRANSLATED_PARAMETER)
    return asked == code and there.path == here.path


def switcher_problems(url: str, html: str) -> list[str]:
    language = language_of_path(url)
    if language is None:
        return []
    links = switcher_links(html)
    if not links:
        return [f"{url}: no language switcher"]
    problems = []
    for code, href in links.items():
        if _untranslated_notice(url, href, code):
            continue  # no translation yet: the same page, asking for the reader's language
        if language_of_path(href) != code:
            problems.append(f"{url}: the {code} link {href} is not under /{code}/")
            continue
        if reason := _same_view(url, href):
            problems.append(f"{url}: the {code} link {href} loses the place ({reason})")
    return problems
