"""Overdue action points are recalled to their owners: the day after, then weekly."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from network_pages.decisions import reminders
from network_pages.decisions.models import ActionStatus

pytestmark = pytest.mark.django_db


def test_the_owners_of_each_overdue_action_are_reminded_once_a_week(
    outcome, focal_point, other_focal_point, dmr_user
):
    call_command("send_action_point_reminders")

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([focal_point.email, dmr_user.email])
    french = next(m for m in mail.outbox if focal_point.email in m.to)
    assert "Plenary meeting 2026" in french.subject
    assert "/network/register/" in french.body

    mail.outbox.clear()
    call_command("send_action_point_reminders")
    assert mail.outbox == []


def test_a_reminder_comes_again_after_a_week_while_the_action_is_open(outcome, focal_point):
    today = datetime.date.today()
    assert reminders.remind_overdue(today) == 2

    assert reminders.remind_overdue(today + datetime.timedelta(days=6)) == 0
    assert reminders.remind_overdue(today + datetime.timedelta(days=7)) == 2


def test_a_done_action_is_not_recalled(outcome, focal_point):
    outcome["france"].status = ActionStatus.DONE
    outcome["france"].save()

    call_command("send_action_point_reminders")

    assert all(focal_point.email not in message.to for message in mail.outbox)
