"""4.1: the convocation, its deadline, its draft agenda, its emails and its updates."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import formats, timezone, translation
from icalendar import Calendar

from network_pages.meetings import convocation, ical
from network_pages.meetings.factories import days_from_today, make_meeting, paris
from network_pages.meetings.models import (
    AgendaItem,
    Convocation,
    ConvocationDelivery,
    Holiday,
    MeetingPage,
    MeetingStatus,
)
from network_pages.models import MemberProfile
from nfp_site.operations import outbox
from nfp_site.operations.models import OutboundEmail
from tests.conftest import sign_in
from tests.smtp_support import SmtpSink

from .conftest import CONFIDENTIAL, meeting_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(dmr_user, django_capture_on_commit_callbacks):
    """Send a convocation and run what the commit triggers (the email task)."""

    def sending(meeting, **kwargs):
        kwargs.setdefault("sent_by", dmr_user)
        with django_capture_on_commit_callbacks(execute=True):
            return convocation.send_convocation(meeting, **kwargs)

    return sending


@pytest.fixture
def late_plenary(meetings_index, focal_point):
    """A plenary opening in ten days: its deadline has passed."""
    return make_meeting(
        meetings_index, title="Urgent plenary", opening=days_from_today(10), slug="urgent"
    )


def invitation_of(message) -> Calendar:
    (part,) = [item for item in message.attachments if item.get_content_type() == "text/calendar"]
    return Calendar.from_ical(part.get_payload(decode=True))


def test_meeting_deadline_counts_the_holidays_the_dmr_keeps(meetings_index):
    meeting = make_meeting(meetings_index, opening=paris(date(2026, 3, 2)), slug="march-2026")
    assert convocation.timing_for(meeting).deadline == date(2026, 1, 19)

    Holiday.objects.create(date=date(2026, 2, 13), name="A Friday off")
    Holiday.objects.create(date=date(2026, 2, 14), name="A Saturday off")

    assert convocation.timing_for(meeting).deadline == date(2026, 1, 16)


def test_convocation_goes_to_every_active_focal_point_of_a_plenary(
    send, plenary, focal_point, other_focal_point, approver, dmr_user, guest
):
    MemberProfile.objects.filter(user=other_focal_point).update(is_active=False)

    sent = send(plenary)

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["approver@example.org", "fp_fr@example.org"]
    assert sent.deliveries.count() == 2
    assert set(sent.deliveries.values_list("status", flat=True)) == {"sent"}


def test_convocation_email_carries_the_draft_agenda_in_text_and_html(send, plenary):
    send(plenary)

    message = mail.outbox[0]
    html = message.alternatives[0][0]
    assert message.subject == "Convocation: Plenary meeting 2030"
    assert "Draft agenda" in message.body
    assert f"2. Exchange of views {CONFIDENTIAL}" in message.body
    assert f"<li><strong>Exchange of views {CONFIDENTIAL}</strong></li>" in html
    assert "http://testserver/en/network/meetings/plenary-2030/" in message.body


def test_convocation_email_is_in_the_recipients_language(send, plenary, focal_point):
    MemberProfile.objects.filter(user=focal_point).update(preferred_language="fr")

    send(plenary)

    french = next(message for message in mail.outbox if message.to == ["fp_fr@example.org"])
    english = next(message for message in mail.outbox if message.to == ["fp_de@example.org"])
    opening = timezone.localtime(plenary.opening)
    with translation.override("fr"):
        french_date = formats.date_format(opening, "DATE_FORMAT")  # "27 février 2027"
    with translation.override("en"):
        english_date = formats.date_format(opening, "DATE_FORMAT")  # "Feb. 27, 2027"
    assert french_date in french.body
    assert "/fr/reseau/reunions/plenary-2030/" in french.body
    assert english_date in english.body
    assert "/en/network/meetings/plenary-2030/" in english.body


def test_convocation_email_has_an_icalendar_invitation(send, plenary):
    send(plenary)

    calendar = invitation_of(mail.outbox[0])
    (event,) = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "REQUEST"
    assert event["SEQUENCE"] == 0
    assert str(event["SUMMARY"]) == "Plenary meeting 2030"
    assert event.decoded("DTSTART") == plenary.opening
    assert event.decoded("DTEND") == plenary.closing
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["ATTENDEE"]).startswith("mailto:")


def test_convocation_is_recorded_and_convenes_the_meeting(send, plenary, dmr_user):
    sent = send(plenary)

    plenary.refresh_from_db()
    assert plenary.status == MeetingStatus.CONVENED
    assert not plenary.has_unpublished_changes
    assert sent.sent_by == dmr_user
    assert sent.kind == Convocation.Kind.CONVOCATION
    assert sent.revision_id == plenary.live_revision_id
    assert [entry["title"] for entry in sent.snapshot["agenda"]] == [
        "Opening of the meeting",
        f"Exchange of views {CONFIDENTIAL}",
    ]
    assert sent.deadline == convocation.timing_for(plenary).deadline
    assert not sent.is_late


def test_convened_status_reaches_the_french_alias(send, plenary):
    send(plenary)

    alias = MeetingPage.objects.get(alias_of=plenary)
    assert alias.status == MeetingStatus.CONVENED


def test_convocation_without_a_draft_agenda_is_refused(send, meetings_index, focal_point):
    meeting = make_meeting(meetings_index, agenda=(), slug="no-agenda")

    with pytest.raises(convocation.ConvocationRefused, match="no draft agenda"):
        send(meeting)

    assert not Convocation.objects.exists()
    assert mail.outbox == []


def test_convocation_with_unpublished_changes_is_refused(send, plenary):
    draft = plenary.get_latest_revision_as_object()
    draft.title = "Changed but not published"
    draft.save_revision()

    with pytest.raises(convocation.ConvocationRefused, match="unpublished changes"):
        send(plenary)


def test_convocation_less_than_30_working_days_before_is_refused(send, late_plenary):
    with pytest.raises(convocation.LateConvocationNotConfirmed, match="30 working days"):
        send(late_plenary)

    with pytest.raises(convocation.LateConvocationNotConfirmed):
        send(late_plenary, confirm_late=True, late_reason="   ")

    assert not Convocation.objects.exists()
    assert mail.outbox == []


def test_late_convocation_confirmed_with_a_reason_is_sent_and_recorded(send, late_plenary):
    sent = send(late_plenary, confirm_late=True, late_reason="The venue became free late.")

    assert sent.is_late
    assert sent.late_reason == "The venue became free late."
    assert len(mail.outbox) == 1
    assert "The venue became free late." in mail.outbox[0].body


def test_late_convocation_is_shown_on_the_meeting(send, client, late_plenary, focal_point):
    send(late_plenary, confirm_late=True, late_reason="The venue became free late.")

    html = sign_in(client, focal_point).get(meeting_url(late_plenary)).content.decode()

    assert "Late convocation" in html
    assert "The venue became free late." in html


def test_on_time_convocation_is_not_shown_as_late(send, client, plenary, focal_point):
    send(plenary)

    html = sign_in(client, focal_point).get(meeting_url(plenary)).content.decode()

    assert "Late convocation" not in html


def test_update_after_a_change_increments_the_icalendar_sequence(send, plenary):
    send(plenary)
    changed = MeetingPage.objects.get(pk=plenary.pk).get_latest_revision_as_object()
    changed.opening += timedelta(hours=1)
    changed.save_revision().publish()
    mail.outbox.clear()

    update = send(MeetingPage.objects.get(pk=plenary.pk))

    assert update.kind == Convocation.Kind.UPDATE
    assert update.sequence == 1
    assert mail.outbox[0].subject == "Updated convocation: Plenary meeting 2030"
    (event,) = invitation_of(mail.outbox[0]).walk("VEVENT")
    assert event["SEQUENCE"] == 1
    assert str(event["UID"]) == ical.event_uid(plenary)


def test_update_is_not_late_even_after_the_deadline(send, late_plenary):
    send(late_plenary, confirm_late=True, late_reason="Short notice.")

    update = send(late_plenary)

    assert update.kind == Convocation.Kind.UPDATE
    assert not update.is_late


def test_cancelling_a_convened_meeting_sends_a_cancellation(send, plenary):
    send(plenary)
    cancelled = MeetingPage.objects.get(pk=plenary.pk).get_latest_revision_as_object()
    cancelled.status = MeetingStatus.CANCELLED
    cancelled.save_revision().publish()
    mail.outbox.clear()

    notice = send(MeetingPage.objects.get(pk=plenary.pk))

    assert notice.kind == Convocation.Kind.CANCELLATION
    calendar = invitation_of(mail.outbox[0])
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_a_second_submission_of_the_same_convocation_is_refused(send, plenary):
    send(plenary, expected_sequence=0)

    with pytest.raises(convocation.ConvocationRefused, match="already been sent"):
        send(plenary, expected_sequence=0)

    assert Convocation.objects.count() == 1


@pytest.fixture
def smtp(settings):
    """A real SMTP server on this machine that the outbox delivers to."""
    sink = SmtpSink().start()
    settings.NFP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
    yield sink
    sink.stop()


def test_a_refused_address_is_recorded_as_failed_and_the_others_still_go(send, plenary, smtp):
    smtp.refused.add("fp_de@example.org")

    sent = send(plenary)

    failed = sent.deliveries.get(email="fp_de@example.org")
    assert failed.status == ConvocationDelivery.Status.FAILED
    assert "550" in failed.error
    assert convocation.delivery_counts(sent).sent == 2
    assert sorted(smtp.recipients) == sorted(
        sent.deliveries.exclude(email="fp_de@example.org").values_list("email", flat=True)
    )


def test_a_delivery_waits_while_the_server_is_down_and_is_sent_when_it_is_back(send, plenary, smtp):
    smtp.stop()

    sent = send(plenary)

    assert convocation.delivery_counts(sent).pending == 3
    smtp.start()
    outbox.deliver_now(OutboundEmail.objects.all())
    assert convocation.delivery_counts(sent).sent == 3
    assert len(smtp.messages) == 3


def test_status_convened_cannot_be_set_by_hand(plenary):
    draft = plenary.get_latest_revision_as_object()
    draft.status = MeetingStatus.CONVENED

    with pytest.raises(Exception, match="convocation"):
        draft.full_clean()


def test_agenda_items_are_kept_in_order(plenary):
    assert [item.title for item in AgendaItem.objects.filter(meeting=plenary)] == [
        "Opening of the meeting",
        f"Exchange of views {CONFIDENTIAL}",
    ]


def test_convocation_text_and_subject_are_not_html_escaped(send, meetings_index, focal_point):
    meeting = make_meeting(
        meetings_index, title="Asylum & return: “what works”", agenda=("Q&A",), slug="q-and-a"
    )

    send(meeting)

    (message,) = mail.outbox
    assert message.subject == "Convocation: Asylum & return: “what works”"
    assert "1. Q&A" in message.body
    assert "Q&amp;A" in message.alternatives[0][0]
