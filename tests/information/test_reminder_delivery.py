"""`send_request_reminders` with a real SMTP server: while the server is down the command
fails (exit status 1) and loses nothing; once it is back, a rerun sends every reminder
exactly once. A run killed half-way and run again reminds each state once."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from network_pages.factories import make_member
from network_pages.information import announcements
from network_pages.information.factories import make_request
from network_pages.information.models import ReminderLog
from nfp_site.operations import outbox
from nfp_site.operations.models import OutboundEmail
from tests.smtp_support import SmtpSink

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    sink = SmtpSink().start()
    settings.NFP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
    settings.EMAIL_TIMEOUT = 2
    yield sink
    sink.stop()


@pytest.fixture
def due_requests(request_index, focal_point, other_focal_point):
    make_member("fp_pl", state="PL")
    soon = timezone.localdate() + timedelta(days=5)
    return [
        make_request(request_index, title="Due soon", deadline=soon),
        make_request(request_index, title="Also due", deadline=soon),
    ]


EXPECTED = sorted(["fp_fr@example.org", "fp_de@example.org", "fp_pl@example.org"] * 2)


def test_the_command_fails_while_smtp_is_down_and_a_rerun_sends_each_reminder_once(
    due_requests, smtp
):
    smtp.stop()

    with pytest.raises(CommandError, match="6 reminder email"):
        call_command("send_request_reminders")

    assert ReminderLog.objects.count() == 92  # claimed with their emails, none lost
    assert OutboundEmail.objects.filter(status=OutboundEmail.Status.QUEUED).count() == 6

    with pytest.raises(CommandError):  # still down: still a failure, nothing doubled
        call_command("send_request_reminders")
    assert OutboundEmail.objects.count() == 6

    smtp.start()
    call_command("send_request_reminders")  # exit status 0

    assert sorted(smtp.recipients) == EXPECTED
    call_command("send_request_reminders")
    assert sorted(smtp.recipients) == EXPECTED


def test_a_run_killed_half_way_and_run_again_reminds_each_state_once(
    due_requests, smtp, monkeypatch
):
    real_queue = announcements.queue_reminders
    calls = []

    def killed_on_the_second_request(request_page, states):
        calls.append(request_page.pk)
        if len(calls) == 2:
            raise SystemExit("killed")  # the process dies in the middle of its work
        return real_queue(request_page, states)

    monkeypatch.setattr(announcements, "queue_reminders", killed_on_the_second_request)
    with pytest.raises(SystemExit):
        call_command("send_request_reminders")
    monkeypatch.setattr(announcements, "queue_reminders", real_queue)

    # The first request's reminders were committed with their emails; the second's not.
    assert ReminderLog.objects.count() == 46
    outbox.deliver_now(OutboundEmail.objects.all())  # the worker delivers what was queued

    call_command("send_request_reminders")

    assert sorted(smtp.recipients) == EXPECTED
    assert ReminderLog.objects.count() == 92


def test_a_run_killed_while_sending_and_run_again_sends_each_email_once(
    due_requests, smtp, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # no worker
    real_deliver = outbox.deliver
    calls = []

    def killed_after_two_emails(email_id, **kwargs):
        calls.append(email_id)
        if len(calls) == 3:
            raise SystemExit("killed")
        return real_deliver(email_id, **kwargs)

    outbox.deliver = killed_after_two_emails
    try:
        with pytest.raises(SystemExit):
            call_command("send_request_reminders")
    finally:
        outbox.deliver = real_deliver
    assert len(smtp.messages) == 2

    call_command("send_request_reminders")

    assert sorted(smtp.recipients) == EXPECTED
