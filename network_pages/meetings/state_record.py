"""A member state's agenda suggestions (4.4) and its Focal Points' attendance answers, for
'Our state'."""

from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext

from network_pages.community.activity import ReaderUrls
from network_pages.community.state_record import Cell, RecordSection
from network_pages.meetings import convocation
from network_pages.meetings.models import AgendaSuggestion, Attendance

SHOWN = 100


def _person(user) -> str:
    return user.get_full_name() or user.get_username()


def suggestions_section(state, urls: ReaderUrls) -> RecordSection:
    suggestions = list(
        AgendaSuggestion.objects.filter(member_state=state)
        .select_related("meeting", "suggested_by")
        .order_by("-created_at", "-pk")[:SHOWN]
    )
    links = urls.map(list({s.meeting_id: s.meeting for s in suggestions}.values()))
    rows = [
        [
            Cell(suggestion.title),
            Cell(
                suggestion.meeting.title,
                format_lazy("{}#suggestions", links.get(suggestion.meeting_id, "")),
            ),
            Cell(_person(suggestion.suggested_by) if suggestion.suggested_by else ""),
            Cell(suggestion.get_status_display()),
        ]
        for suggestion in suggestions
    ]
    return RecordSection(
        key="suggestions",
        title=gettext("Agenda suggestions"),
        columns=[gettext("Suggested item"), gettext("Meeting"), gettext("By"), gettext("Status")],
        rows=rows,
        empty=gettext("The state has not suggested an agenda item yet."),
        order=30,
    )


def attendance_section(state, urls: ReaderUrls) -> RecordSection:
    answers = list(
        Attendance.objects.filter(user__member_profile__member_state=state)
        .select_related("meeting", "user")
        .order_by("-meeting__opening", "user__last_name", "pk")[:SHOWN]
    )
    links = urls.map(list({a.meeting_id: a.meeting for a in answers}.values()))
    rows = [
        [
            Cell(answer.meeting.title, links.get(answer.meeting_id, "")),
            Cell(date_format(convocation.opening_day(answer.meeting), "DATE_FORMAT")),
            Cell(_person(answer.user)),
            Cell(answer.get_response_display()),
        ]
        for answer in answers
    ]
    return RecordSection(
        key="attendance",
        title=gettext("Attendance at meetings"),
        columns=[gettext("Meeting"), gettext("Opens"), gettext("Person"), gettext("Attendance")],
        rows=rows,
        empty=gettext("No attendance answer yet."),
        order=40,
    )


def meetings_record(state, user, request=None) -> list[RecordSection]:
    urls = ReaderUrls.of(request)
    return [suggestions_section(state, urls), attendance_section(state, urls)]
