"""When to email the network: a new request (4.5), reminders, dissemination (4.7), and the
DMR's review of what a Focal Point submitted (4.9). Each is claimed in the database first
(a unique row), so that it goes out once however often pages are published or clicked.
A reminder's emails are queued in the outbox in the same transaction as its claim: both
exist, or neither; the worker sends them, with retries.

New requests and disseminated items are notifications (`community.notifications`): each
member chooses to hear of them immediately, in the daily digest or not at all."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from wagtail.models import Page

from network_pages import network_area
from network_pages.community.notifications import Kind, notify
from network_pages.models import MemberState

from . import emails, rules, tasks
from .models.announcement import Announcement
from .models.reminder_log import ReminderLog
from .models.response import Response


def reminder_days() -> int:
    """Days before the deadline when the automatic reminder goes (NFP_REQUEST_REMINDER_DAYS)."""
    return settings.NFP_REQUEST_REMINDER_DAYS


def _claim_announcement(page: Page, kind: str) -> bool:
    """True the first time only: the page's announcement is now ours to send."""
    try:
        with transaction.atomic():
            _, created = Announcement.objects.get_or_create(page=page, defaults={"kind": kind})
    except IntegrityError:
        return False
    return created


def after_publish(page: Page, publisher=None) -> None:
    """A request or item was published: mirror it into French, announce it once.

    A new request goes to the Focal Points (4.5), who answer for their state; a
    disseminated item to everyone the page's restrictions name (4.7). The access rule and
    each person's preference decide again when the emails go out.
    """
    if page.alias_of_id:
        return  # an alias follows its source, which was announced already
    network_area.mirror_into_other_locales(page)
    if page.specific_class._meta.model_name == "informationrequestpage":
        if page.status == "open" and _claim_announcement(page, Announcement.Kind.NEW_REQUEST):
            notify(Kind.REQUEST, page, actor=publisher, recipients=emails.focal_points())
    elif page.should_disseminate and _claim_announcement(page, Announcement.Kind.DISSEMINATION):
        notify(Kind.ITEM, page, actor=publisher)


def ask_dmr_to_review(page: Page) -> None:
    transaction.on_commit(lambda: tasks.ask_dmr_to_review.enqueue(page.pk))


def states_without_submission(request_page) -> list[MemberState]:
    submitted = Response.objects.filter(
        request=request_page, status=Response.Status.SUBMITTED
    ).values("member_state")
    return list(MemberState.objects.exclude(pk__in=submitted))


def remind(request_page, states, *, kind: str, sent_by=None) -> list[MemberState]:
    """Log a reminder for each state that may get one now and email them; return those.

    Automatic reminders go once per state and request; the DMR's own at most once a day
    per state (a repeated click sends nothing twice). The log rows are the claim.
    """
    reminded = []
    with transaction.atomic():
        for state in states:
            try:
                with transaction.atomic():
                    ReminderLog.objects.create(
                        request=request_page,
                        member_state=state,
                        kind=kind,
                        sent_on=rules.today(),
                        sent_by=sent_by,
                    )
            except IntegrityError:
                continue
            reminded.append(state)
        if reminded:
            queue_reminders(request_page, reminded)
    return reminded


def queue_reminders(request_page, states) -> int:
    """A reminder to the Focal Points of these states (who may see the request)."""
    page = request_page.specific
    recipients = emails.who_may_view(emails.focal_points(states=states), page)
    return emails.send_to_each(
        recipients,
        "reminder",
        {"title": page.title, "deadline": page.deadline},
        url_for=lambda language: emails.page_url_in(page, language),
        purpose=emails.REMINDER,
    )


def requests_due_for_reminders(request_model, days: int | None = None):
    """Open, live requests whose deadline is within `days` days from today (or today)."""
    days = reminder_days() if days is None else days
    today = rules.today()
    return request_model.objects.live().filter(
        alias_of__isnull=True,
        status="open",
        deadline__gte=today,
        deadline__lte=today + timedelta(days=days),
    )
