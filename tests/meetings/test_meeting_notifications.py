"""A new meeting is announced to the members who may see it (a notification each of them
tunes), once; everyone invited follows the meeting and so hears of comments on it."""

import pytest
from django.core import mail

from network_pages.community.models import Follow, Notification, NotificationPreference
from network_pages.community.notifications import Delivery, Kind, unfollow
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingKind

pytestmark = pytest.mark.django_db


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def followers(meeting) -> set[str]:
    return set(
        Follow.objects.filter(page=meeting, active=True).values_list("user__email", flat=True)
    )


def test_first_publication_of_a_meeting_emails_every_member_who_may_see_it_title_and_link(
    meetings_index,
    focal_point,
    other_focal_point,
    dmr_user,
    guest,
    outsider,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = make_meeting(
            meetings_index,
            title="Plenary meeting 2031",
            agenda=("Opening", "Confidential exchange of views"),
            user=dmr_user,
        )

    assert recipients() == {"fp_fr@example.org", "fp_de@example.org"}  # not the DMR who
    # published it, nor a guest of no meeting, nor an outsider
    assert all("Plenary meeting 2031" in message.subject for message in mail.outbox)
    assert not any("Confidential exchange" in message.body for message in mail.outbox)
    assert f"/en/network/meetings/{meeting.slug}/" in mail.outbox[0].body


def test_publishing_a_meeting_again_announces_nothing_twice(
    meetings_index, focal_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = make_meeting(meetings_index, title="Plenary meeting 2031")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        meeting.venue = "Palais de l'Europe"
        meeting.save_revision().publish()

    assert mail.outbox == []
    assert Notification.objects.filter(kind=Kind.MEETING).count() == 1


def test_a_draft_meeting_is_not_announced(
    meetings_index, focal_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_meeting(meetings_index, publish=False)

    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_members_who_chose_the_digest_or_nothing_get_no_immediate_email(
    meetings_index, focal_point, other_focal_point, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(
        user=focal_point, kind=Kind.MEETING, delivery=Delivery.DIGEST
    )
    NotificationPreference.objects.create(
        user=other_focal_point, kind=Kind.MEETING, delivery=Delivery.OFF
    )

    with django_capture_on_commit_callbacks(execute=True):
        make_meeting(meetings_index)

    assert mail.outbox == []
    queued = Notification.objects.get(kind=Kind.MEETING)
    assert queued.recipient == focal_point
    assert queued.delivery == Delivery.DIGEST


def test_every_focal_point_invited_to_a_plenary_follows_it(
    meetings_index, focal_point, other_focal_point, dmr_user
):
    meeting = make_meeting(meetings_index)

    assert followers(meeting) == {"fp_fr@example.org", "fp_de@example.org"}
    assert set(Follow.objects.filter(page=meeting).values_list("reason", flat=True)) == {
        Follow.Reason.INVITED
    }


def test_invited_members_and_external_participants_of_a_session_follow_it(
    meetings_index, focal_point, other_focal_point
):
    meeting = make_meeting(
        meetings_index,
        kind=MeetingKind.THEMATIC_SESSION,
        opening=days_from_today(60),
        invited=[focal_point.member_profile],
        guests=(
            {
                "name": "Erin Expert",
                "organisation": "Institute",
                "email": "erin@research.example",
                "preferred_language": "fr",
            },
        ),
    )

    assert followers(meeting) == {"fp_fr@example.org", "erin@research.example"}


def test_an_invited_member_who_unfollowed_stays_unfollowed_when_the_meeting_is_published_again(
    meetings_index, focal_point
):
    meeting = make_meeting(meetings_index)
    unfollow(focal_point, meeting)

    meeting.save_revision().publish()

    assert followers(meeting) == set()


def test_an_external_participant_is_not_sent_the_network_announcement_of_their_meeting(
    meetings_index, focal_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_meeting(
            meetings_index,
            kind=MeetingKind.THEMATIC_SESSION,
            opening=days_from_today(60),
            guests=({"name": "Erin Expert", "email": "erin@research.example"},),
        )

    to_erin = [message for message in mail.outbox if message.to == ["erin@research.example"]]
    assert len(to_erin) == 1  # the invitation to set up an account, nothing else
    assert "/accounts/invitation/" in to_erin[0].body
    assert recipients() == {"erin@research.example", "fp_fr@example.org"}
