"""A member's calendar feed kept between two polls of their calendar application (issue 17).

A feed lists every meeting its owner may open, ~60 at the network's size: deciding and
writing them costs far more than the rest of the request. It is kept in the cache, per
reader, under a key made of everything that decides what it shows:

- the feed (its token's digest: a new link starts afresh) and the reader's access, read on
  every request: active, superuser, the ids of their groups (joining or leaving a meeting's
  guests or the network's groups changes the key at once, with no signal to miss);
- the language (the French feed links to the French pages);
- the day: a meeting leaves the feed a year after it closed, counted in whole days;
- a generation, started anew by every change to what a feed may show (`signals.py`): a
  page saved, moved or deleted (a meeting, the pages its address goes through, its French
  alias), a view restriction or its groups, a group renamed or deleted, an agenda item, a
  convocation (its number is the event's SEQUENCE). As for the public pages' cache
  (home.page_cache), a new generation is started at the change and again once its
  transaction commits.

The response says private and no-store, as every restricted one; its ETag and Last-Modified
let a calendar application ask again cheaply: a matching `If-None-Match` gets a 304.
"""

import hashlib
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.utils import timezone

from network_pages.meetings.models import CalendarFeed
from nfp_site.cache_generation import CacheGeneration

GENERATION = CacheGeneration("nfp:calendar_feed:generation")
ENTRY_PREFIX = "nfp:calendar_feed:entry"


@dataclass(frozen=True)
class FeedEntry:
    content: bytes
    etag: str
    stored_at: float


def start_new_generation() -> None:
    """Forget every feed (`CacheGeneration.start_new`)."""
    GENERATION.start_new()


def current_generation() -> str:
    return GENERATION.current()


def reader_fingerprint(user) -> str:
    """What decides the reader's access, read now: their groups come with it, kept as
    prefetched for the access rule (`access.group_names_of`) when the feed is written."""
    prefetch_related_objects([user], "groups")
    group_ids = sorted(group.pk for group in user.groups.all())
    return f"{user.pk}:{int(user.is_active)}:{int(user.is_superuser)}:{group_ids}"


def entry_key(feed: CalendarFeed, language: str, today: date) -> str:
    decided_by = f"{feed.token_digest}:{reader_fingerprint(feed.user)}:{language}:{today}"
    digest = hashlib.sha256(decided_by.encode()).hexdigest()
    return f"{ENTRY_PREFIX}:{current_generation()}:{digest}"


def seconds() -> int:
    return settings.NFP_CALENDAR_FEED_CACHE_SECONDS


def kept_feed(feed: CalendarFeed, language: str, write) -> FeedEntry:
    """The feed's entry from the cache, or `write(today)` kept there."""
    today = timezone.now().date()
    if seconds() <= 0:
        return _entry(write(today))
    key = entry_key(feed, language, today)
    entry = cache.get(key)
    if entry is None:
        entry = _entry(write(today))
        cache.set(key, entry, seconds())
    return entry


def _entry(content: bytes) -> FeedEntry:
    etag = f'"{hashlib.sha256(content).hexdigest()[:32]}"'
    return FeedEntry(content=content, etag=etag, stored_at=timezone.now().timestamp())
