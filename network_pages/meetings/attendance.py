"""Attendance: invited people answer in person, online or not attending; the DMR reads the
list per meeting and exports it (4.9: the DMR manages the network's meetings)."""

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from network_pages import spreadsheets
from network_pages.meetings import participants
from network_pages.meetings.models.attendance import Attendance
from network_pages.meetings.models.choices import CLOSED_STATUSES
from network_pages.network_area import source_of


class AttendanceRefused(Exception):
    """The answer cannot be recorded; the message says why."""


CLOSED_MESSAGE = _("This meeting is over or cancelled: attendance can no longer change.")


def is_closed(meeting) -> bool:
    return meeting.status in CLOSED_STATUSES or meeting.closing <= timezone.now()


def attendance_refusal(user, meeting) -> str | None:
    if is_closed(meeting):
        return str(CLOSED_MESSAGE)
    if not participants.is_invited(user, meeting):
        return str(_("Only the people invited to this meeting answer for it."))
    return None


def record_attendance(meeting, user, response: str) -> Attendance:
    """Record or change `user`'s answer (one per person and meeting)."""
    refusal = attendance_refusal(user, meeting)
    if refusal:
        raise AttendanceRefused(refusal)
    with transaction.atomic():
        answer, created = Attendance.objects.select_for_update().get_or_create(
            meeting=source_of(meeting), user=user, defaults={"response": response}
        )
        if not created:
            answer.response = response
            answer.updated_at = timezone.now()
            answer.save(update_fields=["response", "updated_at"])
    return answer


def answer_of(user, meeting) -> Attendance | None:
    if not user.is_authenticated:
        return None
    return Attendance.objects.filter(meeting_id=source_of(meeting).pk, user=user).first()


@dataclass(frozen=True)
class AttendanceRow:
    name: str
    member_state: str
    organisation: str
    email: str
    is_guest: bool
    response: str  # "" when the person has not answered
    response_label: str
    answered_at: datetime | None
    is_invited: bool = True


def attendance_rows(meeting) -> list[AttendanceRow]:
    """Every invited person with their answer, then answers of people no longer invited."""
    source = source_of(meeting)
    answers = {
        answer.user_id: answer
        for answer in Attendance.objects.filter(meeting_id=source.pk).select_related("user")
    }
    no_answer = gettext("No answer yet")
    rows = []
    for invitee in participants.invitees(source):
        answer = answers.pop(invitee.user_id, None) if invitee.user_id else None
        rows.append(
            AttendanceRow(
                name=invitee.name,
                member_state=invitee.member_state,
                organisation=invitee.organisation,
                email=invitee.email,
                is_guest=invitee.is_guest,
                response=answer.response if answer else "",
                response_label=answer.get_response_display() if answer else no_answer,
                answered_at=answer.updated_at if answer else None,
            )
        )
    for answer in answers.values():
        rows.append(
            AttendanceRow(
                name=answer.user.get_full_name() or answer.user.get_username(),
                member_state="",
                organisation="",
                email=answer.user.email,
                is_guest=False,
                response=answer.response,
                response_label=answer.get_response_display(),
                answered_at=answer.updated_at,
                is_invited=False,
            )
        )
    return rows


def attendance_summary(rows: list[AttendanceRow]) -> dict[str, int]:
    """How many invited people answered each way; "no_answer" for the others."""
    summary = {choice: 0 for choice in Attendance.Response.values}
    summary["no_answer"] = 0
    for row in rows:
        if row.is_invited:
            summary[row.response or "no_answer"] += 1
    return summary


def attendance_csv(rows: list[AttendanceRow]) -> str:
    """One row per person; starts with a byte order mark so spreadsheets read UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            gettext("Name"),
            gettext("Member state"),
            gettext("Organisation"),
            gettext("Email"),
            gettext("Guest"),
            gettext("Attendance"),
            gettext("Answered"),
        ]
    )
    for row in rows:
        answered = (
            timezone.localtime(row.answered_at).strftime("%Y-%m-%d %H:%M")
            if row.answered_at
            else ""
        )
        cells = [
            row.name,
            row.member_state,
            row.organisation,
            row.email,
            gettext("yes") if row.is_guest else "",
            row.response_label
            if row.is_invited
            else "{} ({})".format(row.response_label, gettext("no longer invited")),
            answered,
        ]
        writer.writerow([spreadsheets.csv_cell(str(cell)) for cell in cells])
    return "\ufeff" + buffer.getvalue()
