"""Reminders go to the states that have not submitted: by the DMR (at most once a day per
state) and by `send_request_reminders`, N days before the deadline, once per state."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from network_pages.factories import make_member
from network_pages.information.factories import make_request, make_response
from network_pages.information.models import ReminderLog, Response
from network_pages.models import MemberState
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def soon_due(request_index):
    return make_request(
        request_index, title="Due soon", deadline=timezone.localdate() + timedelta(days=5)
    )


@pytest.fixture
def members(focal_point, other_focal_point, approver, dmr_user):
    return {
        "polish_deputy": make_member(
            "anna", state="PL", function="deputy", preferred_language="fr"
        ),
    }


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def remind_command(django_capture_on_commit_callbacks, **options) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_request_reminders", **options)


def test_command_reminds_focal_points_of_states_that_have_not_submitted(
    soon_due, members, django_capture_on_commit_callbacks
):
    make_response(soon_due, "DE")  # Germany submitted
    make_response(soon_due, "IT", ["draft"], status=Response.Status.DRAFT)
    mail.outbox.clear()

    remind_command(django_capture_on_commit_callbacks)

    assert recipients() == {
        "fp_fr@example.org",
        "approver@example.org",  # Italy: only a draft
        "anna@example.org",
    }
    assert ReminderLog.objects.filter(kind="automatic").count() == 45


def test_command_reminds_each_state_only_once(
    soon_due, members, django_capture_on_commit_callbacks
):
    remind_command(django_capture_on_commit_callbacks)
    mail.outbox.clear()

    remind_command(django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert ReminderLog.objects.count() == 46


def test_automatic_reminder_is_unique_per_state_and_request_in_the_database(soon_due):
    state = MemberState.objects.get(code="FR")
    ReminderLog.objects.create(request=soon_due, member_state=state, kind="automatic")

    with pytest.raises(IntegrityError), transaction.atomic():
        ReminderLog.objects.create(
            request=soon_due,
            member_state=state,
            kind="automatic",
            sent_on=timezone.localdate() + timedelta(days=1),
        )


def test_command_waits_until_the_configured_number_of_days_before_the_deadline(
    request_index, members, settings, django_capture_on_commit_callbacks
):
    settings.NFP_REQUEST_REMINDER_DAYS = 3
    make_request(request_index, title="Later", deadline=timezone.localdate() + timedelta(days=4))
    mail.outbox.clear()

    remind_command(django_capture_on_commit_callbacks)
    assert mail.outbox == []

    settings.NFP_REQUEST_REMINDER_DAYS = 4
    remind_command(django_capture_on_commit_callbacks)
    assert "fp_fr@example.org" in recipients()


def test_command_skips_closed_past_and_unpublished_requests(
    request_index, members, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    make_request(request_index, title="Closed", deadline=today + timedelta(days=2), status="closed")
    make_request(request_index, title="Past", deadline=today - timedelta(days=1))
    make_request(request_index, title="Draft", deadline=today + timedelta(days=2), live=False)
    mail.outbox.clear()

    remind_command(django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert not ReminderLog.objects.exists()


def test_reminder_is_in_the_recipients_language_with_title_and_link_only(
    soon_due, members, django_capture_on_commit_callbacks
):
    soon_due.background = "Confidential background"
    soon_due.save_revision().publish()
    mail.outbox.clear()

    remind_command(django_capture_on_commit_callbacks)

    to_anna = next(message for message in mail.outbox if message.to == ["anna@example.org"])
    assert "/fr/reseau/demandes-d-information/due-soon/" in to_anna.body
    assert "Due soon" in to_anna.subject
    assert "Confidential background" not in to_anna.body
    assert not any("What is the procedure" in message.body for message in mail.outbox)


def dmr_reminds(client, request_page):
    return client.post(
        f"/admin/information/requests/{request_page.pk}/responses/", {"action": "remind"}
    )


def test_dmr_sends_a_reminder_to_states_that_have_not_submitted(
    client, open_request, members, dmr_user, django_capture_on_commit_callbacks
):
    make_response(open_request, "FR")
    mail.outbox.clear()
    sign_in(client, dmr_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = dmr_reminds(client, open_request)

    assert response.status_code == 302
    assert recipients() == {"fp_de@example.org", "approver@example.org", "anna@example.org"}
    assert ReminderLog.objects.filter(kind="manual", sent_by=dmr_user).count() == 45


def test_repeated_click_on_the_dmr_reminder_sends_nothing_twice(
    client, open_request, members, dmr_user, django_capture_on_commit_callbacks
):
    sign_in(client, dmr_user)
    with django_capture_on_commit_callbacks(execute=True):
        dmr_reminds(client, open_request)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        dmr_reminds(client, open_request)

    assert mail.outbox == []


def test_focal_point_cannot_send_reminders(client, open_request, members, focal_point):
    mail.outbox.clear()
    sign_in(client, focal_point)

    response = dmr_reminds(client, open_request)

    assert response.status_code in (302, 403)
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()


def test_dmr_admin_view_lists_the_46_states(client, open_request, dmr_user):
    response = sign_in(client, dmr_user).get(
        f"/admin/information/requests/{open_request.pk}/responses/"
    )

    assert response.status_code == 200
    assert len(response.context["overview"].rows) == 46
    assert "Send a reminder to the 46 states that have not submitted" in response.content.decode()
