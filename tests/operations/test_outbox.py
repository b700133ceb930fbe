"""Every email goes through the outbox: queued with its work, sent by the worker, marked
sent only once the SMTP server accepted it, tried again with growing delays, and left for
the DMR (who can send it again) only when it cannot go."""

from datetime import timedelta
from email.header import decode_header, make_header

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from network_pages.meetings.emails import _invitation_part
from nfp_site.operations import outbox, signals
from nfp_site.operations.models import OutboundEmail
from tests.smtp_support import Tarpit

pytestmark = pytest.mark.django_db


def message(to="fp@example.org", subject="Reminder") -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(subject=subject, body="Text", to=[to])
    email.attach_alternative("<p>Text</p>", "text/html")
    return email


def test_send_goes_through_the_outbox_and_keeps_every_part(settings):
    email = message()
    email.attach(_invitation_part(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "REQUEST"))
    email.attach("notes.txt", "some notes", "text/plain")

    assert email.send() == 1

    (stored,) = OutboundEmail.objects.all()
    assert stored.status == OutboundEmail.Status.SENT
    (delivered,) = mail.outbox
    assert delivered.subject == "Reminder"
    assert delivered.alternatives[0][1] == "text/html"
    calendar, notes = delivered.attachments
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_param("method") == "REQUEST"
    assert notes == ("notes.txt", "some notes", "text/plain")


def test_an_email_waits_while_smtp_is_down_and_goes_once_when_it_is_back(smtp):
    smtp.stop()

    queued = outbox.queue(message())

    queued.refresh_from_db()
    assert queued.status == OutboundEmail.Status.QUEUED
    assert queued.attempts == 1
    assert "Connection refused" in queued.last_error or "Errno" in queued.last_error
    assert queued.next_attempt_at > timezone.now()

    smtp.start()
    assert outbox.deliver(queued.pk) == OutboundEmail.Status.QUEUED  # not due yet
    OutboundEmail.objects.filter(pk=queued.pk).update(next_attempt_at=timezone.now())
    assert outbox.deliver(queued.pk) == OutboundEmail.Status.SENT
    assert outbox.deliver(queued.pk) == OutboundEmail.Status.SENT  # a second task: no-op

    assert smtp.recipients == ["fp@example.org"]


def test_retries_wait_longer_each_time_up_to_thirty_minutes():
    delays = [outbox.retry_delay(attempt) for attempt in range(1, 10)]

    assert delays[:3] == [timedelta(seconds=30), timedelta(minutes=1), timedelta(minutes=2)]
    assert delays == sorted(delays)
    assert delays[-1] == timedelta(minutes=30)


def test_a_temporary_refusal_is_retried(smtp):
    smtp.temporary_failure = True

    queued = outbox.queue(message())

    queued.refresh_from_db()
    assert queued.status == OutboundEmail.Status.QUEUED
    assert "451" in queued.last_error


def test_an_address_the_server_refuses_for_good_fails_at_once(smtp):
    smtp.refused.add("nobody@example.org")
    failed = []
    signals.email_failed.connect(lambda sender, email, **kw: failed.append(email.pk), weak=False)

    queued = outbox.queue(message(to="nobody@example.org"))

    queued.refresh_from_db()
    assert queued.status == OutboundEmail.Status.FAILED
    assert "550" in queued.last_error
    assert failed == [queued.pk]


def test_an_email_that_keeps_failing_is_given_up_after_the_configured_time(smtp, settings):
    smtp.stop()
    settings.NFP_EMAIL_GIVE_UP_AFTER_HOURS = 1
    queued = outbox.queue(message())
    OutboundEmail.objects.filter(pk=queued.pk).update(
        queued_at=timezone.now() - timedelta(hours=2), next_attempt_at=timezone.now()
    )

    assert outbox.deliver(queued.pk) == OutboundEmail.Status.FAILED


def test_send_again_puts_a_failed_email_back_and_it_goes(smtp, django_capture_on_commit_callbacks):
    smtp.refused.add("fp@example.org")
    queued = outbox.queue(message())
    smtp.refused.clear()

    with django_capture_on_commit_callbacks(execute=True):
        outbox.send_again(OutboundEmail.objects.get(pk=queued.pk))

    queued.refresh_from_db()
    assert queued.status == OutboundEmail.Status.SENT
    assert smtp.recipients == ["fp@example.org"]


def test_a_slow_smtp_server_does_not_hold_the_request(smtp, database_tasks, client, settings):
    """With the worker's queue, queueing an email never talks to the mail server."""
    tarpit = Tarpit().start()
    settings.EMAIL_PORT = tarpit.port
    started = timezone.now()

    queued = outbox.queue(message())

    assert timezone.now() - started < timedelta(seconds=1)
    assert DBTaskResult.objects.filter(task_path=outbox.deliver_email.module_path).count() == 1
    # The worker's attempt gives up after EMAIL_TIMEOUT and keeps the email for later.
    started = timezone.now()
    assert outbox.deliver(queued.pk) == OutboundEmail.Status.QUEUED
    assert timezone.now() - started < timedelta(seconds=settings.EMAIL_TIMEOUT * 3 + 1)
    tarpit.stop()


def test_two_workers_never_send_the_same_email(smtp, database_tasks):
    queued = outbox.queue(message())

    assert outbox._claim(queued.pk, due_only=True)
    assert not outbox._claim(queued.pk, due_only=True)
    assert outbox.deliver(queued.pk) == OutboundEmail.Status.QUEUED  # held by the first
    assert smtp.messages == []


def test_the_sweep_enqueues_an_email_whose_task_was_lost(database_tasks):
    queued = outbox.queue(message())
    DBTaskResult.objects.all().delete()
    OutboundEmail.objects.filter(pk=queued.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=5)
    )

    assert outbox.sweep() == 1
    assert outbox.sweep(exclude={queued.pk}) == 0


def test_a_french_subject_stays_on_the_subject_line(smtp):
    subject = "Rappel : demande d’information « Accueil des demandeurs d’asile à la frontière »"

    outbox.queue(message(subject=subject))

    (raw_subject,) = [str(message["Subject"]) for _, message in smtp.messages]
    assert raw_subject.startswith("=?utf-8?")
    assert str(make_header(decode_header(raw_subject))) == subject
