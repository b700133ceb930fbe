"""The public page cache (home.page_cache) never holds nor serves anything restricted.

The main sweep asks every URL as the anonymous visitor first, which fills the cache with
every public page, then as every signed-in role: none of them may get a cached answer. Then
the anonymous visitor asks everything again (after every role has been through, so that
anything a signed-in role's request had stored would now be served), and the cache's
contents are read: only public addresses, and no restricted marker anywhere.
"""

from django.core.cache import cache
from django.test import Client

from home import page_cache

from .expectations import Probe, leaks, problems
from .feeds_and_listings import PUBLIC_LISTINGS
from .marked_site import MarkedSite
from .roles import Role

HIT = "hit"


def served_from_cache(response) -> bool:
    return response.get(page_cache.STATUS_HEADER) == HIT


def signed_in_hit(response, probe: Probe, role: Role) -> list[str]:
    """A line if a signed-in role got a cached answer."""
    if role is not Role.ANONYMOUS and served_from_cache(response):
        return [f"{probe.url} as {role}: served from the public page cache"]
    return []


def cached_entries() -> list[dict]:
    """What the cache holds (local memory in the tests: its keys can be listed)."""
    entries = []
    for key in list(cache._cache):
        if page_cache.ENTRY_PREFIX in key:
            entry = cache.get(key.split(":", 2)[2])
            if entry is not None:
                entries.append(entry)
    return entries


def page_cache_problems(site: MarkedSite) -> list[str]:
    found = []
    anonymous = Client()
    forbidden = site.forbidden_for(Role.ANONYMOUS)
    hits = 0
    for probe in site.probes:
        response = anonymous.get(probe.url)
        hits += served_from_cache(response)
        found += [
            f"after every role: {line}"
            for line in problems(response, probe, Role.ANONYMOUS, forbidden)
        ]
        if probe.restricted and served_from_cache(response):
            found.append(f"{probe.url}: restricted, but served from the public page cache")
    if not hits:
        found.append("the public page cache served nothing: this sweep proves nothing")

    public_urls = {probe.url for probe in site.probes if not probe.restricted}
    public_urls |= set(PUBLIC_LISTINGS)
    restricted = site.restricted_markers()
    entries = cached_entries()
    if not entries:
        found.append("the public page cache holds nothing: this sweep proves nothing")
    for entry in entries:
        where = f"cached {entry['url']}"
        if entry["url"] not in public_urls:
            found.append(f"{where}: not a public address")
        found += leaks(_Headers(entry), entry["content"].decode(), where, restricted)
    return found


class _Headers:
    """What `leaks` reads of a response, for a cache entry."""

    def __init__(self, entry: dict) -> None:
        self.headers = entry["headers"]
        self.cookies = {}
