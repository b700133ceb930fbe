"""4.1: the DMR keeps the holidays of the working-day calendar in the admin."""

from datetime import date

import pytest

from network_pages.meetings import convocation
from network_pages.meetings.factories import make_meeting, paris
from network_pages.meetings.models import Holiday
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

HOLIDAYS = "/admin/meetings/holidays/"


def test_dmr_adds_a_holiday_and_the_deadline_moves(client, meetings_index, dmr_user):
    meeting = make_meeting(meetings_index, opening=paris(date(2026, 3, 2)), slug="march")
    client = sign_in(client, dmr_user)

    response = client.post(f"{HOLIDAYS}new/", {"date": "2026-02-13", "name": "Staff day"})

    assert response.status_code == 302
    assert Holiday.objects.get().name == "Staff day"
    assert convocation.timing_for(meeting).deadline == date(2026, 1, 16)
    assert "Staff day" in client.get(HOLIDAYS).content.decode()


def test_the_same_day_cannot_be_a_holiday_twice(client, network, dmr_user):
    Holiday.objects.create(date=date(2026, 12, 25), name="Christmas Day")

    response = sign_in(client, dmr_user).post(
        f"{HOLIDAYS}new/", {"date": "2026-12-25", "name": "Christmas again"}
    )

    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert Holiday.objects.count() == 1


def test_meetings_menu_is_in_the_dmr_admin(client, network, dmr_user):
    html = sign_in(client, dmr_user).get("/admin/").content.decode()

    assert HOLIDAYS in html
    assert "/admin/meetings/agenda-suggestions/" in html


def test_focal_points_have_no_access_to_the_holidays(client, network, focal_point):
    response = sign_in(client, focal_point).get(HOLIDAYS)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
