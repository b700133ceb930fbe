"""Many pages' URLs at once, as Wagtail builds each (`Page.get_url`), without its routing
per page (issue 17).

`page.get_url(request)` reverses Wagtail's route for every page (with the language
overridden around it): ~40 µs a link, which a list of a full page of items at network size
paid once per item. Here the route is reversed once per site root and language, and each
page's URL is that prefix followed by its url_path below the root.
"""

import re
from collections.abc import Hashable, Mapping
from typing import NamedTuple, TypeVar

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import get_language
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Page

from home import site_lookup
from nfp_site.operations.model_loading import in_field_order, page_from_row

K = TypeVar("K", bound=Hashable)

# What Wagtail's `wagtail_serve` route takes: the part of a page's url_path below its
# site's root, as `reverse` writes it unchanged (no character it would quote).
_AS_REVERSED = re.compile(r"(?:[A-Za-z0-9_\-]+/)*" if WAGTAIL_APPEND_SLASH else r"[A-Za-z0-9_\-/]*")


class Address(NamedTuple):
    """A page as `page_urls` reads it, its id and url_path, made from a row without making a
    page (one is made, `page_from_row`, only for an address left to Wagtail)."""

    id: int
    url_path: str

    def get_url(self, request: HttpRequest | None) -> str | None:
        values = tuple(getattr(self, name) for name in _ADDRESS_COLUMNS)
        return page_from_row(_ADDRESS_COLUMNS, values).get_url(request)


# `Address`'s fields as `page_from_row` takes them: in the order of the page's fields.
_ADDRESS_COLUMNS = in_field_order(Page, Address._fields)


def page_urls(request: HttpRequest | None, pages: Mapping[K, Page | Address]) -> dict[K, str]:
    """{key: `page.get_url(request) or ""`} for each page, as Wagtail builds it
    (`Page.get_url_parts`), from the request's site root paths and each page's url_path:
    the route is reversed once per site root and language, not once per page (a network
    home shows ~80 links). A url_path `reverse` would quote is left to Wagtail."""
    if request is None or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return {key: page.get_url(request) or "" for key, page in pages.items()}
    current_site = site_lookup.find_for_request(request)  # the site without a query
    root_paths = site_lookup.site_root_paths(request)
    site_count = len({root.site_id for root in root_paths})
    prefixes: dict[tuple[int, str, str], str] = {}
    # The language each root's URLs are reversed in: the same for every page of the root.
    languages: dict[str, str] = {}
    urls = {}
    for key, page in pages.items():
        possible = [root for root in root_paths if page.url_path.startswith(root.root_path)]
        rest = page.url_path[len(possible[0].root_path) :] if possible else None
        if rest is None or len({root.site_id for root in possible}) > 1:
            urls[key] = page.get_url(request) or ""  # not routable, or on several sites
            continue
        if not _AS_REVERSED.fullmatch(rest):
            urls[key] = page.get_url(request) or ""
            continue
        site_id, root_url = possible[0].site_id, possible[0].root_url
        language_code = possible[0].language_code
        if language_code not in languages:
            languages[language_code] = _url_language(language_code)
        language = languages[language_code]
        if (site_id, root_url, language) not in prefixes:
            try:
                with translation.override(language):
                    prefix = reverse("wagtail_serve", args=("",))
            except NoReverseMatch:
                prefix = None
            prefixes[site_id, root_url, language] = prefix
        prefix = prefixes[site_id, root_url, language]
        if prefix is None:
            urls[key] = ""
            continue
        path = prefix + rest
        if not WAGTAIL_APPEND_SLASH and path != "/":
            path = path.rstrip("/")
        local = (current_site is not None and site_id == current_site.pk) or site_count == 1
        urls[key] = path if local else root_url + path
    return urls


def _url_language(language_code: str) -> str:
    """The language a page's URL is reversed in (`Page.get_url_parts`): the active one if it
    is a variant of the page's."""
    try:
        if get_supported_content_language_variant(get_language()) == language_code:
            return get_language()
    except LookupError:
        pass
    return language_code
