"""The daily digest: everything a person chose to receive "in a daily digest", in one email.

`manage.py send_digests` (run once a day) writes every due digest into the outbox
(`send_all_due_digests`), then reports whether the mail server took them. Each person's
queue is locked, checked against the access rule again, queued and marked in one
transaction: running it twice sends nothing twice.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from network_pages.community import visibility
from network_pages.community.models.notification import Notification
from network_pages.community.models.notification_preference import Delivery

from . import delivery, emails


def queued_digests():
    return Notification.objects.filter(delivery=Delivery.DIGEST, state=Notification.State.PENDING)


BATCH_SIZE = 100


def send_all_due_digests() -> int:
    """Every person with a queued digest, in batches; returns how many digests were written.
    Also queues the immediate notifications that were left waiting."""
    delivery.retry_failed_immediate()
    user_ids = list(
        queued_digests().order_by("recipient_id").values_list("recipient_id", flat=True).distinct()
    )
    written = 0
    for start in range(0, len(user_ids), BATCH_SIZE):
        written += send_digests_to(user_ids[start : start + BATCH_SIZE])
    return written


def send_digests_to(user_ids: list[int]) -> int:
    people = list(
        get_user_model()
        .objects.filter(pk__in=user_ids)
        .select_related("member_profile")
        .prefetch_related("groups")
    )
    visibility.prime_group_names(people)
    links = emails.PageLinks()
    sent = 0
    for person in people:
        with transaction.atomic():
            queued = list(
                queued_digests()
                .select_for_update(of=("self",))
                .filter(recipient=person)
                .select_related("page", "actor")
                .order_by("created_at", "pk")
            )
            if not queued:
                continue
            pages = list({n.page_id: n.page for n in queued}.values())
            restrictions = visibility.restrictions_by_page(pages)
            allowed = [
                n
                for n in queued
                if person.is_active
                and delivery.may_receive(person, n.kind, restrictions[n.page_id])
            ]
            allowed_ids = {n.pk for n in allowed}
            dropped = [n.pk for n in queued if n.pk not in allowed_ids]
            if allowed:
                emails.send_digest(person, allowed, links)
                sent += 1
            now = timezone.now()
            Notification.objects.filter(pk__in=allowed_ids).update(
                state=Notification.State.SENT, sent_at=now
            )
            Notification.objects.filter(pk__in=dropped).update(state=Notification.State.DROPPED)
    return sent
