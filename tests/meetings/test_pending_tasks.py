"""The network home lists the meetings a member still has to answer for."""

import pytest
from django.contrib.auth.models import Group

from network_pages.community.activity import pending_tasks_for
from network_pages.meetings import attendance, participants
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import Attendance, MeetingKind
from network_pages.meetings.pending import meetings_awaiting_answer

pytestmark = pytest.mark.django_db


def titles(meetings) -> list[str]:
    return [meeting.title for meeting in meetings]


def test_focal_point_is_asked_about_the_plenary_and_their_own_sessions(
    plenary, thematic_session, focal_point, other_focal_point
):
    assert titles(meetings_awaiting_answer(focal_point)) == [
        "Thematic session on reception",
        "Plenary meeting 2030",
    ]
    assert titles(meetings_awaiting_answer(other_focal_point)) == ["Plenary meeting 2030"]


def test_an_answered_meeting_is_no_longer_pending(plenary, focal_point):
    attendance.record_attendance(plenary, focal_point, Attendance.Response.ONLINE)

    assert meetings_awaiting_answer(focal_point) == []


def test_guest_is_asked_about_their_meeting_only(plenary, thematic_session, guest):
    guest.groups.add(Group.objects.get(name=participants.guest_group_name(thematic_session)))

    assert titles(meetings_awaiting_answer(guest)) == ["Thematic session on reception"]


def test_dmr_and_past_meetings_are_not_pending(meetings_index, dmr_user, focal_point):
    make_meeting(
        meetings_index,
        kind=MeetingKind.PLENARY,
        opening=days_from_today(-5),
        closing=days_from_today(-4),
        slug="past",
    )

    assert meetings_awaiting_answer(focal_point) == []
    assert meetings_awaiting_answer(dmr_user) == []


def test_pending_attendance_reaches_the_network_home_tasks(plenary, focal_point):
    (task,) = pending_tasks_for(focal_point)

    assert task.title == "Plenary meeting 2030"
    assert task.url == "/en/network/meetings/plenary-2030/#attendance"
    assert task.due == plenary.opening.date()


def test_pending_meetings_are_read_in_a_fixed_number_of_queries(
    meetings_index, focal_point, django_assert_max_num_queries
):
    for number in range(6):
        make_meeting(meetings_index, opening=days_from_today(30 + number), slug=f"p{number}")

    with django_assert_max_num_queries(4):
        assert len(meetings_awaiting_answer(focal_point)) == 6
