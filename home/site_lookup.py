"""The Wagtail site a request is for, without a query on each request.

Wagtail's `Site.find_for_request` reads the sites table on every request. The sites change
once in a deployment's life: their rows are kept in the cache (forgotten when a site is
saved or deleted, `signals.site_changed`) and matched here with Wagtail's own rules
(`wagtail.models.sites.get_site_for_hostname`). The site's root page is left to the
caller, which reads it with the page's route (`page_routing`). Wagtail's site root paths
(from its cache) are read once per request (`site_root_paths`).
"""

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site

SITES_KEY = "nfp:sites"
# A safety net only: saving or deleting a site forgets the value at once.
SITES_SECONDS = 24 * 3600


def _sites() -> list[Site]:
    rows = cache.get(SITES_KEY)
    if rows is None:
        rows = list(
            Site.objects.order_by("pk").values(
                "pk", "hostname", "port", "site_name", "root_page_id", "is_default_site"
            )
        )
        cache.set(SITES_KEY, rows, SITES_SECONDS)
    return [Site(**row) for row in rows]


def forget_sites() -> None:
    """Now, and again once the transaction commits (another process may have read the old
    rows in between)."""
    cache.delete(SITES_KEY)
    transaction.on_commit(lambda: cache.delete(SITES_KEY))


def _site_for(hostname: str, port: int) -> Site | None:
    """`get_site_for_hostname`: hostname and port, then hostname on the default site, then
    the default site unless exactly one other site has the hostname."""

    def match(site: Site) -> int:
        if site.hostname == hostname and site.port == port:
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        return 2 if site.is_default_site else 3

    candidates = sorted(
        (site for site in _sites() if site.hostname == hostname or site.is_default_site),
        key=match,
    )
    if not candidates:
        return None
    if len(candidates) == 1 or match(candidates[0]) in (0, 1):
        return candidates[0]
    if match(candidates[0]) == 2:
        return candidates[len(candidates) == 2]
    return None


def find_for_request(request: HttpRequest) -> Site | None:
    """`Site.find_for_request`, leaving its answer where Wagtail looks for it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        try:
            port = int(request.get_port())
        except ValueError:
            port = None
        request._wagtail_site = _site_for(hostname, port)
    return request._wagtail_site


def site_root_paths(request: HttpRequest) -> list:
    """Wagtail's cached site root paths, read from the cache once per request and kept where
    Wagtail's own `page.get_url(request)` looks for them."""
    try:
        return request._wagtail_cached_site_root_paths
    except AttributeError:
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
        return request._wagtail_cached_site_root_paths
