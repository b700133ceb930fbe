"""The DMR's dashboard: convocation deadlines of upcoming meetings and the annual plenary."""

from datetime import date

import pytest

from network_pages.meetings import convocation
from network_pages.meetings.dashboard import plenary_scheduled_in, upcoming_meetings
from network_pages.meetings.factories import days_from_today, make_meeting, paris
from network_pages.meetings.models import MeetingKind, MeetingStatus
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def dashboard(client, user) -> str:
    return sign_in(client, user).get("/admin/").content.decode()


def test_dashboard_shows_convocation_due_in_n_working_days(client, plenary, dmr_user):
    html = dashboard(client, dmr_user)

    timing = convocation.timing_for(plenary)
    assert "Meetings and convocations" in html
    assert "Plenary meeting 2030" in html
    assert f"Convocation due in {timing.working_days_left} working days" in html


def test_dashboard_shows_an_overdue_convocation(client, meetings_index, dmr_user):
    make_meeting(meetings_index, title="Too soon", opening=days_from_today(5), slug="too-soon")

    html = dashboard(client, dmr_user)

    assert "Convocation overdue" in html


def test_dashboard_shows_when_a_meeting_was_convened(client, plenary, dmr_user):
    convocation.send_convocation(plenary, sent_by=dmr_user)

    html = dashboard(client, dmr_user)

    assert "Convened on" in html


def test_dashboard_warns_when_no_plenary_is_scheduled_this_year(client, network, dmr_user):
    html = dashboard(client, dmr_user)

    assert f"No plenary meeting is scheduled in {convocation.today().year}" in html


def test_no_warning_when_a_plenary_is_scheduled_this_year(client, meetings_index, dmr_user):
    this_year = convocation.today().year
    make_meeting(meetings_index, opening=paris(date(this_year, 12, 31)), slug="year-end")

    html = dashboard(client, dmr_user)

    assert "No plenary meeting is scheduled" not in html


def test_a_cancelled_plenary_or_a_thematic_session_does_not_count_as_the_annual_plenary(
    meetings_index,
):
    this_year = convocation.today().year
    make_meeting(
        meetings_index,
        kind=MeetingKind.THEMATIC_SESSION,
        opening=paris(date(this_year, 12, 31)),
        slug="session",
    )
    make_meeting(
        meetings_index,
        opening=paris(date(this_year, 12, 30)),
        status=MeetingStatus.CANCELLED,
        slug="cancelled",
    )

    assert not plenary_scheduled_in(this_year)


def test_upcoming_meetings_are_read_in_a_fixed_number_of_queries(
    meetings_index, django_assert_max_num_queries
):
    for number in range(8):
        make_meeting(meetings_index, opening=days_from_today(40 + number), slug=f"m{number}")

    with django_assert_max_num_queries(2):
        upcoming = upcoming_meetings()

    assert len(upcoming) == 8


def test_focal_points_have_no_dashboard_panel(client, plenary, focal_point):
    response = sign_in(client, focal_point).get("/admin/")

    assert response.status_code == 302
