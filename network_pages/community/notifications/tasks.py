"""Background tasks (django-tasks): emails leave the request, one task per event or batch."""

from django_tasks import task

from . import delivery


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
