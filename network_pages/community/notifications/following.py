"""Following pages: who hears of new comments on a page (notifications, issue 6)."""

from django.db import transaction
from wagtail.models import Page

from network_pages import network_area
from network_pages.community.models.follow import Follow
from nfp_site.prepared_sql import prepared_rows


def _source_id(page: Page) -> int:
    return network_area.source_id(page)  # an alias or a translated section: its source


def follow(user, page: Page, reason: str = Follow.Reason.CHOSEN) -> Follow:
    """Follow the page (its source, for an alias). Other apps call this when they invite
    someone to a page (`reason=Follow.Reason.INVITED`).

    An automatic follow (authored, invited, commented, joined) respects an earlier
    "unfollow"; only the person's own choice follows the page again.
    """
    with transaction.atomic():
        found, created = Follow.objects.get_or_create(
            user=user, page_id=_source_id(page), defaults={"reason": reason}
        )
        if not created and not found.active and reason == Follow.Reason.CHOSEN:
            found.active = True
            found.reason = reason
            found.save(update_fields=["active", "reason"])
    return found


def follow_all(user_ids, page: Page, reason: str) -> None:
    """An automatic follow for many people at once (e.g. everyone invited to a meeting);
    whoever unfollowed the page earlier stays unfollowed."""
    Follow.objects.bulk_create(
        [Follow(user_id=user_id, page_id=_source_id(page), reason=reason) for user_id in user_ids],
        ignore_conflicts=True,
    )


def unfollow(user, page: Page) -> None:
    """Stop following, and remember it (automatic follows will not undo this)."""
    Follow.objects.update_or_create(user=user, page_id=_source_id(page), defaults={"active": False})


def is_following(user, page: Page) -> bool:
    if not user.is_authenticated:
        return False
    # Asked by every page with comments: its SQL compiled once per process (prepared_sql).
    return bool(prepared_rows("following.is_following", _follow_of, user.pk, _source_id(page)))


def _follow_of(user_id: int, page_id: int):
    """`Follow.objects.filter(...).exists()`, as rows: one row if the user follows the page."""
    follows = Follow.objects.filter(user_id=user_id, page_id=page_id, active=True)
    return follows.order_by().values_list("pk")[:1]


def follower_ids(page: Page) -> list[int]:
    return list(
        Follow.objects.filter(page_id=_source_id(page), active=True).values_list(
            "user_id", flat=True
        )
    )
