"""Surfaces that list content rather than show one thing: calendar feeds (read with a secret
token, without a session), the sitemap and the public feeds."""

from django.test import Client

from network_pages.meetings.models import CalendarFeed

from .expectations import body_text, cache_problem, leaks
from .marked_site import MarkedSite
from .roles import Role

FEED_OWNERS = (Role.GUEST, Role.OTHER_STATE, Role.FOCAL_POINT, Role.DMR)
PUBLIC_LISTINGS = ("/sitemap.xml", "/en/feed/", "/fr/feed/")


def calendar_feed_problems(site: MarkedSite, users: dict) -> list[str]:
    """A feed lists the meetings its owner may open, and only those, to whoever holds it."""
    found = []
    holder = Client()  # a calendar application: no session at all
    for owner in FEED_OWNERS:
        _feed, token = CalendarFeed.issue(users[owner])
        for language in ("en", "fr"):
            url = f"/{language}/calendar/{token}.ics"
            where = f"{url} (feed of {owner})"
            response = holder.get(url)
            body = body_text(response)
            if response.status_code != 200:
                found.append(f"{where}: answered {response.status_code}")
            # Everyone invited to meeting A, and only members to meeting B (markers).
            if site.things["meeting_a_title"] not in body:
                found.append(f"{where}: meeting A is missing")
            found += leaks(response, body, where, site.forbidden_for(owner))
            found += cache_problem(response, where)
    return found


def public_listing_problems(site: MarkedSite) -> list[str]:
    """The sitemap and the feeds name no restricted page, not even by its address."""
    restricted_paths = {
        probe.url for probe in site.probes if probe.restricted and probe.url.endswith("/")
    }
    found = []
    anonymous = Client()
    for url in PUBLIC_LISTINGS:
        response = anonymous.get(url)
        body = body_text(response)
        found += leaks(response, body, url, site.restricted_markers())
        found += [f"{url}: names {path}" for path in restricted_paths if path in body]
        if response.status_code != 200:
            found.append(f"{url}: answered {response.status_code}")
    return found
