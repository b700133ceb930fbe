"""Invited people answer in person, online or not attending; the DMR lists and exports."""

import csv
import io

import pytest
from django.contrib.auth.models import User

from network_pages.meetings import attendance
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import Attendance
from tests.conftest import sign_in
from tests.spreadsheet_support import formula_cells

from .conftest import meeting_url

pytestmark = pytest.mark.django_db


def answer(client, meeting, response: str, **kwargs):
    return client.post(meeting_url(meeting, "attendance/"), {"response": response}, **kwargs)


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_invited_focal_point_answers_and_changes_their_answer(client, plenary, focal_point):
    client = sign_in(client, focal_point)

    first = answer(client, plenary, "in_person", follow=True)
    answer(client, plenary, "online")

    recorded = Attendance.objects.get()
    assert recorded.response == Attendance.Response.ONLINE
    assert recorded.meeting_id == plenary.pk
    assert "Your answer was saved: In person." in first.content.decode()
    page = client.get(meeting_url(plenary)).content.decode()
    assert "Your answer: Online." in page


def test_answer_on_the_french_alias_belongs_to_the_meeting(client, plenary, focal_point):
    sign_in(client, focal_point).post(
        meeting_url(plenary, "attendance/", language="fr"), {"response": "not_attending"}
    )

    assert Attendance.objects.get().meeting_id == plenary.pk


def test_member_not_invited_to_a_thematic_session_cannot_answer(
    client, thematic_session, other_focal_point
):
    client = sign_in(client, other_focal_point)

    page = client.get(meeting_url(thematic_session)).content.decode()
    response = answer(client, thematic_session, "online", follow=True)

    assert "Your attendance" not in page
    assert "Only the people invited to this meeting answer for it." in response.content.decode()
    assert not Attendance.objects.exists()


def test_dmr_is_not_asked_for_attendance(client, plenary, dmr_user):
    response = answer(sign_in(client, dmr_user), plenary, "online")

    assert response.status_code == 302
    assert not Attendance.objects.exists()


def test_an_unknown_answer_is_refused_with_a_message(client, plenary, focal_point):
    response = answer(sign_in(client, focal_point), plenary, "maybe")

    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert not Attendance.objects.exists()


def test_attendance_is_closed_once_the_meeting_is_over(client, meetings_index, focal_point):
    past = make_meeting(
        meetings_index,
        opening=days_from_today(-3),
        closing=days_from_today(-2),
        slug="last-week",
    )

    response = answer(sign_in(client, focal_point), past, "online", follow=True)

    assert "attendance can no longer change" in response.content.decode()
    assert not Attendance.objects.exists()


def test_dmr_sees_everyone_invited_with_their_answer(client, plenary, focal_point, dmr_user):
    attendance.record_attendance(plenary, focal_point, Attendance.Response.IN_PERSON)

    response = sign_in(client, dmr_user).get(f"/admin/meetings/{plenary.pk}/attendance/")

    rows = {row.email: row.response_label for row in response.context["rows"]}
    assert rows == {
        "fp_fr@example.org": "In person",
        "fp_de@example.org": "No answer yet",
        "approver@example.org": "No answer yet",
    }
    assert response.context["summary"]["in_person"] == 1
    assert response.context["summary"]["no_answer"] == 2


def test_dmr_exports_the_attendance_as_csv_with_formulas_defused(
    client, plenary, focal_point, dmr_user
):
    User.objects.filter(pk=focal_point.pk).update(first_name="=HYPERLINK(1)")
    attendance.record_attendance(plenary, focal_point, Attendance.Response.ONLINE)

    response = sign_in(client, dmr_user).get(f"/admin/meetings/{plenary.pk}/attendance.csv")

    rows = read_csv(response)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert rows[0][0] == "Name"
    answered = next(row for row in rows if row[3] == "fp_fr@example.org")
    assert answered[0] == "'=HYPERLINK(1) Tester"
    assert answered[5] == "Online"
    assert len(rows) == 4


def test_attendance_csv_names_hiding_formulas_behind_a_separator_stay_text(
    client, plenary, focal_point, dmr_user
):
    User.objects.filter(pk=focal_point.pk).update(first_name="Anna;=1+1;")
    attendance.record_attendance(plenary, focal_point, Attendance.Response.ONLINE)

    response = sign_in(client, dmr_user).get(f"/admin/meetings/{plenary.pk}/attendance.csv")

    assert formula_cells(response.content) == []


def test_focal_point_cannot_export_the_attendance(client, plenary, focal_point):
    response = sign_in(client, focal_point).get(f"/admin/meetings/{plenary.pk}/attendance.csv")

    assert response.status_code == 302
    assert b"fp_fr@example.org" not in response.content
