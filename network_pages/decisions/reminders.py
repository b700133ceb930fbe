"""Overdue action points are recalled to their owners: the day after their due date, then
once a week while they stay open (the reminders command, run daily by the worker)."""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from network_pages.community.models import Membership
from network_pages.information import emails as information_emails
from nfp_site.operations import outbox

from .models import ActionPoint, OwnerKind

PURPOSE = "decisions.overdue_action"
EVERY = timedelta(days=7)


def due_for_a_reminder(on: date) -> list[ActionPoint]:
    actions = (
        ActionPoint.objects.overdue(on)
        .select_related("meeting", "owner_state", "owner_group")
        .order_by("due_date", "pk")
    )
    return [a for a in actions if a.last_reminded_on is None or on - a.last_reminded_on >= EVERY]


def owners_of(action: ActionPoint) -> list:
    """The people who answer for the action: its state's Focal Points, its group's
    members, or the DMR Secretariat."""
    if action.owner_kind == OwnerKind.STATE:
        return information_emails.focal_points(states=[action.owner_state])
    if action.owner_kind == OwnerKind.GROUP:
        member_ids = Membership.objects.filter(group_id=action.owner_group_id).values("user_id")
        return list(information_emails.active_members().filter(pk__in=member_ids))
    return information_emails.dmr_secretariat()


def register_url(language: str, action: ActionPoint) -> str:
    with translation.override(language):
        path = reverse("decisions:register")
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}#own-action-{action.pk}"


def messages_for(action: ActionPoint) -> list[EmailMessage]:
    messages = []
    for user in owners_of(action):
        if not user.email:
            continue
        language = information_emails.language_of(user)
        with translation.override(language):
            values = {
                "name": user.get_full_name() or user.get_username(),
                "label": str(action.label),
                "meeting": action.meeting.title,
                "due_date": action.due_date,
                "url": register_url(language, action),
            }
            subject = render_to_string("decisions/emails/overdue_subject.txt", values)
            body = render_to_string("decisions/emails/overdue.txt", values)
        messages.append(EmailMessage(" ".join(subject.split()), body, to=[user.email]))
    return messages


def remind_overdue(on: date | None = None) -> int:
    """Queue the reminders of every overdue action due one; returns how many actions."""
    on = on or timezone.localdate()
    reminded = 0
    for action in due_for_a_reminder(on):
        with transaction.atomic():
            outbox.queue_all(messages_for(action), purpose=PURPOSE)
            ActionPoint.objects.filter(pk=action.pk).update(last_reminded_on=on)
        reminded += 1
    return reminded
