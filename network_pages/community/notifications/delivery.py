"""Sending time: the access rule and each person's preference decide who gets what."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from network_pages import access, network_area
from network_pages.community import visibility
from network_pages.community.comments import audience as comment_audience
from network_pages.community.models.notification import Notification
from network_pages.community.models.notification_preference import (
    DEFAULT_DELIVERY,
    Delivery,
    Kind,
    NotificationPreference,
)

from . import audience, emails

# An immediate email that failed is tried again by `send_digests` after this delay.
RETRY_AFTER = timedelta(minutes=10)


def may_receive(user, kind: str, restrictions: list) -> bool:
    """May this person hear of an event on a page with these restrictions?"""
    if not user.email or not restrictions:  # a page without restriction is not ours to tell
        return False
    if not visibility.may_view(user, restrictions):
        return False
    return kind not in audience.MEMBERS_ONLY_KINDS or access.is_member(user)


def dispatch(
    *,
    kind: str,
    page_id: int,
    actor_id: int | None,
    recipient_ids: list[int] | None,
    event_key: str,
    anchor: str,
    exclude_ids: list[int],
) -> int:
    """Record the event for everyone who may and wants to hear of it; email the
    "immediately" ones now and leave the others for the digest. Returns emails sent."""
    kind = Kind(kind)
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not network_area.is_in_network_area(page):
        return 0
    if recipient_ids is None:
        candidates = audience.default_audience(kind, page)
    else:
        candidates = set(recipient_ids)
    candidates -= {*exclude_ids, actor_id}
    if not candidates:
        return 0

    users = list(
        get_user_model()
        .objects.filter(pk__in=candidates, is_active=True)
        .prefetch_related("groups")
    )
    visibility.prime_group_names(users)
    restrictions = list(page.get_view_restrictions().prefetch_related("groups"))
    chosen = dict(
        NotificationPreference.objects.filter(user__in=users, kind=kind).values_list(
            "user_id", "delivery"
        )
    )
    # Comments and replies are told only to the page's comment audience (issue 13, 5).
    about_comments = kind in (Kind.COMMENT, Kind.REPLY)
    readers = comment_audience.audience_of(page) if about_comments else None
    rows = []
    for user in users:
        delivery = chosen.get(user.pk, DEFAULT_DELIVERY[kind])
        if delivery == Delivery.OFF or not may_receive(user, kind, restrictions):
            continue
        if readers is not None and not readers.includes(user):
            continue
        rows.append(
            Notification(
                recipient=user,
                kind=kind,
                page=page,
                actor_id=actor_id,
                event_key=event_key,
                anchor=anchor,
                delivery=delivery,
            )
        )
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return send_immediate(
        Notification.objects.filter(event_key=event_key, delivery=Delivery.IMMEDIATE)
    )


def send_immediate(notifications) -> int:
    """Queue the emails of the pending ones among `notifications` (the outbox sends them),
    each claimed first so that it goes out once even if two workers meet."""
    pending = list(
        notifications.filter(state=Notification.State.PENDING).select_related(
            "recipient__member_profile", "page", "actor"
        )
    )
    links = emails.PageLinks()
    sent = 0
    for notification in pending:
        # The claim and the queued email are one transaction: both, or neither.
        with transaction.atomic():
            claim = Notification.objects.filter(
                pk=notification.pk, state=Notification.State.PENDING
            ).update(state=Notification.State.SENT, sent_at=timezone.now())
            if not claim:
                continue
            emails.send_notification(notification, links)
        sent += 1
    return sent


def retry_failed_immediate() -> int:
    """Immediate notifications still waiting well after their event: send them now,
    checking the access rule again."""
    stale = list(
        Notification.objects.filter(
            delivery=Delivery.IMMEDIATE,
            state=Notification.State.PENDING,
            created_at__lt=timezone.now() - RETRY_AFTER,
        ).select_related("page")
    )
    if not stale:
        return 0
    still_allowed = []
    users = {n.recipient_id for n in stale}
    people = {
        user.pk: user
        for user in get_user_model().objects.filter(pk__in=users).prefetch_related("groups")
    }
    visibility.prime_group_names(people.values())
    pages = list({n.page_id: n.page for n in stale}.values())
    restrictions = visibility.restrictions_by_page(pages)
    for notification in stale:
        user = people[notification.recipient_id]
        if may_receive(user, notification.kind, restrictions[notification.page_id]):
            still_allowed.append(notification.pk)
        else:
            Notification.objects.filter(pk=notification.pk).update(state=Notification.State.DROPPED)
    return send_immediate(Notification.objects.filter(pk__in=still_allowed))
