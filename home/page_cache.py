"""Anonymous visitors of the public section get pages from the cache (Redis in production).

Opt-in: only a response whose view said it is public (`mark_public`, `public_view`; pages
through `home.wagtail_hooks`) is ever stored, and only when everything else agrees:

- an anonymous GET without a session or messages cookie, no query but `?page=`;
- a 200 that sets no cookie (a CSRF token or a session would), is not private, and whose
  request nobody marked restricted (the network area's rule marks every page it guards).

A signed-in visitor is never served from the cache nor stored into it: their session cookie
sends them past it (`Vary: Cookie` tells a CDN to do the same). Entries live under a
generation key: publishing, unpublishing, moving, deleting, translating a page or changing a
view restriction starts a new generation (`home.signals`), which drops every entry at once.
"""

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date
from django.utils.translation import get_language_from_request

from nfp_site.cache_generation import CacheGeneration

GENERATION = CacheGeneration("nfp:page_cache:generation")
ENTRY_PREFIX = "nfp:page_cache:entry"
# Tells tests and operators what happened ("hit": from the cache; "stored": just cached).
STATUS_HEADER = "X-Page-Cache"
# The only query parameter a cached page may have: the listing's page number.
CACHEABLE_QUERY_PARAMETERS = frozenset({"page"})
# Vary values a stored page may carry: the key holds the language, and any cookie that
# changes a page (session, messages) sends the request past the cache.
HARMLESS_VARY = frozenset({"cookie", "accept-language"})
REFUSING_DIRECTIVES = frozenset({"private", "no-store", "no-cache"})


def mark_public(request: HttpRequest) -> None:
    """This request's response is the same for every anonymous visitor: it may be cached."""
    request.nfp_public = True


def public_view(view: Callable) -> Callable:
    """`mark_public` for a whole view (sitemap, feeds)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        mark_public(request)
        return view(request, *args, **kwargs)

    return wrapped


def start_new_generation() -> None:
    """Forget every cached page (`CacheGeneration.start_new`)."""
    GENERATION.start_new()


def current_generation() -> str:
    return GENERATION.current()


def _seconds() -> int:
    return settings.NFP_PUBLIC_CACHE_SECONDS


def _may_be_served_from_cache(request: HttpRequest) -> bool:
    if _seconds() <= 0 or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    query = request.GET
    return set(query) <= CACHEABLE_QUERY_PARAMETERS and all(
        len(query.getlist(name)) == 1 for name in query
    )


def _entry_key(request: HttpRequest) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    language = get_language_from_request(request, check_path=True)
    address = f"{request.scheme}://{host}{request.path}?{request.GET.urlencode()}#{language}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"{ENTRY_PREFIX}:{current_generation()}:{digest}"


# A large entry (the sitemap: ~240 KB at network size) is also kept in the worker's memory,
# under the same key, until it expires in the shared cache: a hit then costs the generation's
# read, not the transfer of the whole page out of Redis at every request. The key names the
# generation, so a new one (a publication...) leaves the copy behind as surely as the entry.
KEPT_LOCALLY_FROM_BYTES = 64 * 1024
KEPT_LOCALLY_AT_MOST = 16
_kept_locally: OrderedDict[str, dict] = OrderedDict()


def _expired(entry: dict) -> bool:
    return entry["stored_at"] + _seconds() <= time.time()


def _cached_entry(key: str) -> dict | None:
    entry = _kept_locally.get(key)
    if entry is not None and not _expired(entry):
        return entry
    entry = cache.get(key)
    if entry is not None:
        _keep_locally(key, entry)
    return entry


def _keep_locally(key: str, entry: dict) -> None:
    if len(entry["content"]) < KEPT_LOCALLY_FROM_BYTES or _expired(entry):
        return
    _kept_locally[key] = entry
    while len(_kept_locally) > KEPT_LOCALLY_AT_MOST:
        _kept_locally.popitem(last=False)


def _may_be_stored(request: HttpRequest, response: HttpResponse) -> bool:
    if not getattr(request, "nfp_public", False) or getattr(request, "nfp_restricted", False):
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False
    cache_control = {
        part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")
    }
    if cache_control & REFUSING_DIRECTIVES:
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= HARMLESS_VARY


def _add_public_headers(response: HttpResponse, etag: str, stored_at: float) -> None:
    patch_cache_control(
        response,
        public=True,
        max_age=settings.NFP_PUBLIC_BROWSER_CACHE_SECONDS,
        s_maxage=_seconds(),
    )
    patch_vary_headers(response, ("Cookie",))
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stored_at)


def _entry(request: HttpRequest, response: HttpResponse) -> dict:
    stored_at = timezone.now().timestamp()
    etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    _add_public_headers(response, etag, stored_at)
    return {
        # The address is kept for inspection (the confidentiality matrix reads the cache).
        "url": request.get_full_path(),
        "status": response.status_code,
        "headers": dict(response.items()),
        "content": response.content,
        "etag": etag,
        "stored_at": stored_at,
    }


def _response_from(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"].items():
        response[name] = value
    return response


class PublicPageCacheMiddleware:
    """Placed after sessions, locale and maintenance mode (which cost no query), before CSRF
    and authentication: a hit costs two cache reads and nothing of the rest."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _may_be_served_from_cache(request):
            return self.get_response(request)
        key = _entry_key(request)
        if key is None:
            return self.get_response(request)
        entry = _cached_entry(key)
        if entry is not None:
            response = _response_from(entry)
            response[STATUS_HEADER] = "hit"
            return self._conditional(request, response, entry)
        response = self.get_response(request)
        if not _may_be_stored(request, response):
            return response
        entry = _entry(request, response)
        cache.set(key, entry, _seconds())
        _keep_locally(key, entry)
        response[STATUS_HEADER] = "stored"
        return self._conditional(request, response, entry)

    @staticmethod
    def _conditional(request: HttpRequest, response: HttpResponse, entry: dict) -> HttpResponse:
        return get_conditional_response(
            request,
            etag=entry["etag"],
            last_modified=int(entry["stored_at"]),
            response=response,
        )
