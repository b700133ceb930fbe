"""`notify()`: announce an event; the work happens in a background task after commit."""

from collections.abc import Iterable
from functools import partial

from django.db import transaction
from wagtail.models import Page

from network_pages import network_area
from network_pages.community.models.notification_preference import Kind

from . import tasks


def _source_id(page: Page) -> int:
    return network_area.source_id(page)  # an alias or a translated section: its source


def notify(
    kind: str,
    page: Page,
    actor=None,
    recipients: Iterable | None = None,
    *,
    event_key: str | None = None,
    anchor: str = "",
    exclude: Iterable = (),
) -> None:
    """Tell people about an event on `page` (issue 6, notifications).

    `kind` is a `Kind` ("comment", "reply", "meeting", "request", "item", "group_update").
    `recipients` (users) default to the kind's audience: the page's followers for comments,
    the group's members and followers for workspace updates, and everyone the page's
    restrictions name for new meetings, requests and disseminated items. Whatever the list,
    each person is checked when the email goes out: they must still be allowed to see the
    page (the access rule) and want this kind of email (their preference). The actor hears
    nothing of their own doings. `event_key` makes repeated announcements of one event
    harmless (default: one announcement per kind and page).

    Runs after the current transaction commits, as a background task.
    """
    kind = Kind(kind)
    page_id = _source_id(page)
    arguments = {
        "kind": str(kind),
        "page_id": page_id,
        "actor_id": actor.pk if actor is not None else None,
        "recipient_ids": (
            sorted({user.pk for user in recipients}) if recipients is not None else None
        ),
        "event_key": event_key or f"{kind}:page:{page_id}",
        "anchor": anchor,
        "exclude_ids": sorted({user.pk for user in exclude if user is not None}),
    }
    transaction.on_commit(partial(tasks.dispatch_notifications.enqueue, **arguments))
