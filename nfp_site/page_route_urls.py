"""The admin's URLs of a page's views (edit, move, history...), reversed once per view and
filled in with each page's id (issue 17).

Django's `reverse()` costs ~14 µs a call, and the explorer asked it ~16 times a row: 11 ms
of a listing of 50 pages. A route's URL is the same for every page but for the id, which
its converter writes as `str(id)`: it is reversed once with a stand-in id, and the id put in
its place. Kept per route, URL prefix and language, as `reverse()` depends on those.
"""

from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

# An id no page has, written once in the reversed URL.
_STAND_IN = 987654321987


@lru_cache(maxsize=128)
def _around_id(name: str, prefix: str, language: str | None) -> tuple[str, str]:
    url = reverse(name, args=[_STAND_IN])
    before, found, after = url.partition(str(_STAND_IN))
    if not found or str(_STAND_IN) in after:
        raise ValueError(f"{name}'s URL does not hold its page id once: {url}")
    return before, after


def page_route_url(name: str, page_id: int) -> str:
    """`reverse(name, args=[page_id])`, for a view that takes one id alone (a page's, or
    another object's: wagtail-localize's translation source)."""
    before, after = _around_id(name, get_script_prefix(), get_language())
    return f"{before}{int(page_id)}{after}"


def with_next(url: str, next_url: str | None) -> str:
    """`url`, with `next_url` to come back to (as Wagtail's page menu items add it)."""
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url
