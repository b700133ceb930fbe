"""Background tasks (django-tasks): emails leave the request, one task per event or batch."""

from django_tasks import task

from . import delivery, digests

BATCH_SIZE = 100


@task()
def dispatch_notifications(
    kind: str,
    page_id: int,
    actor_id: int | None,
    recipient_ids: list[int] | None,
    event_key: str,
    anchor: str = "",
    exclude_ids: list[int] | None = None,
) -> int:
    """Queue or send one event's notifications; returns how many emails went out now."""
    return delivery.dispatch(
        kind=kind,
        page_id=page_id,
        actor_id=actor_id,
        recipient_ids=recipient_ids,
        event_key=event_key,
        anchor=anchor,
        exclude_ids=exclude_ids or [],
    )


@task()
def send_digest_batch(user_ids: list[int]) -> int:
    """Send each of these users their digest; returns how many digests went out."""
    return digests.send_digests_to(user_ids)


def send_due_digests() -> int:
    """Hand everyone with a queued digest to background tasks, in batches; returns how
    many people. Also retries immediate emails that failed earlier."""
    delivery.retry_failed_immediate()
    user_ids = list(
        digests.queued_digests()
        .order_by("recipient_id")
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    for start in range(0, len(user_ids), BATCH_SIZE):
        send_digest_batch.enqueue(user_ids[start : start + BATCH_SIZE])
    return len(user_ids)
