"""Notifications: following pages, per-kind preferences, immediate emails and digests.

Other apps use two functions:

- `notify(kind, page, actor, recipients=None)`: announce an event (a new meeting, a new
  information request, a disseminated item...). Who hears of it, and how, is decided when
  the email goes out: only people who may see the page (the access rule), by their own
  preference for that kind (immediately, in the daily digest, or not at all).
- `follow(user, page, reason)`: make someone follow a page, e.g. when they are invited;
  `follow_all(user_ids, page, reason)` for many people at once.
"""

from network_pages.community.models.follow import Follow
from network_pages.community.models.notification_preference import Delivery, Kind

from .dispatch import notify
from .following import follow, follow_all, is_following, unfollow

__all__ = [
    "Delivery",
    "Follow",
    "Kind",
    "follow",
    "follow_all",
    "is_following",
    "notify",
    "unfollow",
]
