"""Panels on the Wagtail dashboard for the DMR: upcoming meetings against their convocation
deadline, and a warning when no plenary is scheduled this year (4.1: "at least once per
year")."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone
from wagtail.admin.ui.components import Component

from network_pages.meetings import convocation
from network_pages.meetings.models import Convocation, MeetingKind, MeetingPage, MeetingStatus

UPCOMING_SHOWN = 10


@dataclass(frozen=True)
class UpcomingMeeting:
    page: MeetingPage
    timing: convocation.ConvocationTiming
    last_convocation: Convocation | None


def upcoming_meetings(limit: int = UPCOMING_SHOWN, request=None) -> list[UpcomingMeeting]:
    """The next meetings (drafts too: the DMR is preparing them), in three queries, read
    once per `request` (the dashboard's meetings panel and its work lists both show them)."""
    if request is None:
        return _upcoming_meetings(limit)
    if not hasattr(request, "_nfp_upcoming_meetings"):
        request._nfp_upcoming_meetings = {}
    if limit not in request._nfp_upcoming_meetings:
        request._nfp_upcoming_meetings[limit] = _upcoming_meetings(limit)
    return request._nfp_upcoming_meetings[limit]


def _upcoming_meetings(limit: int) -> list[UpcomingMeeting]:
    pages = list(
        MeetingPage.objects.filter(alias_of__isnull=True, opening__gt=timezone.now())
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("opening", "pk")[:limit]
    )
    if not pages:
        return []
    days = [convocation.opening_day(page) for page in pages]
    holidays = convocation.holidays_for(min(days), max(days))
    last_of: dict[int, Convocation] = {}
    by_meeting = defaultdict(list)
    for sent in Convocation.objects.filter(meeting__in=pages).order_by("sequence"):
        by_meeting[sent.meeting_id].append(sent)
    for meeting_id, sent in by_meeting.items():
        last_of[meeting_id] = sent[-1]
    return [
        UpcomingMeeting(
            page=page,
            timing=convocation.timing_for(page, holidays=holidays),
            last_convocation=last_of.get(page.pk),
        )
        for page in pages
    ]


def plenary_scheduled_in(year: int) -> bool:
    """4.1: is a plenary meeting (not cancelled) opening in `year`?"""
    return (
        MeetingPage.objects.filter(
            alias_of__isnull=True, kind=MeetingKind.PLENARY, opening__year=year
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .exists()
    )


class MeetingsPanel(Component):
    name = "meetings"
    template_name = "meetings/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        year = convocation.today().year
        context.update(
            upcoming=upcoming_meetings(request=parent_context.get("request")),
            year=year,
            plenary_scheduled=plenary_scheduled_in(year),
        )
        return context
