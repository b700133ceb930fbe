"""4.1: the DMR sends the convocation from the admin, which shows the deadline and the result."""

import time

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils.formats import date_format
from django_tasks_db.models import DBTaskResult

from network_pages.factories import make_member
from network_pages.meetings import convocation
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import Convocation
from nfp_site.operations import outbox
from nfp_site.operations.models import OutboundEmail
from tests.conftest import sign_in
from tests.smtp_support import Tarpit

pytestmark = pytest.mark.django_db


def convocation_url(meeting) -> str:
    return f"/admin/meetings/{meeting.pk}/convocation/"


@pytest.fixture
def dmr_client(client, dmr_user):
    return sign_in(client, dmr_user)


def test_convocation_page_shows_the_deadline_and_the_recipients(dmr_client, plenary):
    response = dmr_client.get(convocation_url(plenary))

    html = response.content.decode()
    assert response.status_code == 200
    deadline = convocation.timing_for(plenary).deadline
    assert f"is due by {date_format(deadline, 'DATE_FORMAT')}" in html
    assert "Convocation due in" in html
    assert "It goes to 3 people" in html


def test_editor_shows_the_deadline_and_a_convocation_button(dmr_client, plenary):
    html = dmr_client.get(f"/admin/pages/{plenary.pk}/edit/").content.decode()

    deadline = convocation.timing_for(plenary).deadline
    assert "Convocation deadline (4.1)" in html
    assert date_format(deadline, "DATE_FORMAT") in html
    assert convocation_url(plenary) in html


def test_dmr_sends_the_convocation_and_sees_it_recorded(
    dmr_client, plenary, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = dmr_client.post(convocation_url(plenary), {"expected_sequence": 0})

    assert response.status_code == 302
    assert Convocation.objects.get().sequence == 0
    assert len(mail.outbox) == 3
    page = dmr_client.get(convocation_url(plenary))
    assert "Convocation recorded for 3 people" in page.content.decode()
    (recorded,) = page.context["convocations"]
    assert (recorded.delivery_count, recorded.sent_count, recorded.failed_count) == (3, 3, 0)
    assert "Send: Update" in page.content.decode()


def test_late_convocation_needs_the_confirmation_and_a_reason_in_the_admin(
    dmr_client, meetings_index, focal_point, django_capture_on_commit_callbacks
):
    meeting = make_meeting(meetings_index, opening=days_from_today(12), slug="soon")

    refused = dmr_client.post(convocation_url(meeting), {"expected_sequence": 0})
    with django_capture_on_commit_callbacks(execute=True):
        accepted = dmr_client.post(
            convocation_url(meeting),
            {"expected_sequence": 0, "confirm_late": "on", "late_reason": "Urgent topic."},
        )

    assert refused.status_code == 200
    assert "Tick this box" in refused.content.decode()
    assert "Give the reason for the late convocation." in refused.content.decode()
    assert accepted.status_code == 302
    assert Convocation.objects.get().late_reason == "Urgent topic."
    assert len(mail.outbox) == 1


def test_convocation_without_agenda_is_refused_in_the_admin(
    dmr_client, meetings_index, focal_point
):
    meeting = make_meeting(meetings_index, agenda=(), slug="empty")

    page = dmr_client.get(convocation_url(meeting)).content.decode()
    response = dmr_client.post(convocation_url(meeting), {"expected_sequence": 0}, follow=True)

    assert "no draft agenda" in page
    assert "no draft agenda" in response.content.decode()
    assert not Convocation.objects.exists()
    assert mail.outbox == []


def test_double_submission_sends_the_convocation_once(
    dmr_client, plenary, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        dmr_client.post(convocation_url(plenary), {"expected_sequence": 0})
        second = dmr_client.post(convocation_url(plenary), {"expected_sequence": 0}, follow=True)

    assert "already been sent" in second.content.decode()
    assert Convocation.objects.count() == 1
    assert len(mail.outbox) == 3


def test_admin_user_outside_the_dmr_may_not_send_a_convocation(client, plenary):
    editor = make_member("editor", groups=(), state=None, function="guest")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))

    response = sign_in(client, editor).post(convocation_url(plenary), {"expected_sequence": 0})

    assert response.status_code == 302  # Wagtail's "permission denied": back to the dashboard
    assert response["Location"] == "/admin/"
    assert not Convocation.objects.exists()


def test_focal_point_never_reaches_the_convocation_page(client, plenary, focal_point):
    response = sign_in(client, focal_point).get(convocation_url(plenary))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_mail_server_that_never_answers_does_not_hold_the_dmr(
    dmr_client, plenary, django_capture_on_commit_callbacks, settings
):
    """The tarpit: an SMTP server that accepts connections and never answers. Sending the
    convocation returns at once; the worker's attempt gives up after EMAIL_TIMEOUT and
    the emails wait for their retry."""
    tarpit = Tarpit().start()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.NFP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        tarpit.port,
        2,
    )
    try:
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            response = dmr_client.post(convocation_url(plenary), {"expected_sequence": 0})
        assert response.status_code == 302
        assert time.monotonic() - started < 2

        # The worker runs the convocation task, which queues the three emails.
        task = DBTaskResult.objects.get(task_path__endswith="send_convocation_emails")
        task.task.call(*task.args_kwargs["args"])

        started = time.monotonic()
        email = OutboundEmail.objects.first()
        assert outbox.deliver(email.pk) == OutboundEmail.Status.QUEUED
        assert time.monotonic() - started < 3 * settings.EMAIL_TIMEOUT + 1
        email.refresh_from_db()
        assert "timed out" in email.last_error
        assert convocation.delivery_counts(Convocation.objects.get()).pending == 3
    finally:
        tarpit.stop()
