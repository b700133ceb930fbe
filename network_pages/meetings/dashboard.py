"""Panels on the Wagtail dashboard for the DMR: upcoming meetings against their convocation
deadline, and a warning when no plenary is scheduled this year (4.1: "at least once per
year")."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from wagtail.admin.ui.components import Component

from network_pages.meetings import convocation
from network_pages.meetings.models import Convocation, MeetingKind, MeetingPage, MeetingStatus

UPCOMING_SHOWN = 10


@dataclass(frozen=True)
class UpcomingMeeting:
    page: MeetingPage
    timing: convocation.ConvocationTiming
    convened_at: datetime.datetime | None  # when the last convocation was sent


def upcoming_meetings(limit: int = UPCOMING_SHOWN, request=None) -> list[UpcomingMeeting]:
    """The next meetings (drafts too: the DMR is preparing them), in two queries, read
    once per `request` (the dashboard's meetings panel and its work lists both show them)."""
    if request is None:
        return _upcoming_meetings(limit)
    if not hasattr(request, "_nfp_upcoming_meetings"):
        request._nfp_upcoming_meetings = {}
    if limit not in request._nfp_upcoming_meetings:
        request._nfp_upcoming_meetings[limit] = _upcoming_meetings(limit)
    return request._nfp_upcoming_meetings[limit]


def _upcoming_meetings(limit: int) -> list[UpcomingMeeting]:
    # The last convocation's date, and whether a plenary is scheduled this year (the same
    # for every row: the panel's warning), in the meetings' own query.
    last_sent = Convocation.objects.filter(meeting=OuterRef("pk")).order_by("-sequence")
    pages = list(
        MeetingPage.objects.filter(alias_of__isnull=True, opening__gt=timezone.now())
        .exclude(status=MeetingStatus.CANCELLED)
        .annotate(
            convened_at=Subquery(last_sent.values("sent_at")[:1]),
            plenary_this_year=Exists(_plenaries_in(convocation.today().year)),
        )
        .order_by("opening", "pk")[:limit]
    )
    if not pages:
        return []
    days = [convocation.opening_day(page) for page in pages]
    holidays = convocation.holidays_for(min(days), max(days))
    return [
        UpcomingMeeting(
            page=page,
            timing=convocation.timing_for(page, holidays=holidays),
            convened_at=page.convened_at,
        )
        for page in pages
    ]


def _plenaries_in(year: int):
    return MeetingPage.objects.filter(
        alias_of__isnull=True, kind=MeetingKind.PLENARY, opening__year=year
    ).exclude(status=MeetingStatus.CANCELLED)


def plenary_scheduled_in(year: int, upcoming: list[UpcomingMeeting] = ()) -> bool:
    """4.1: is a plenary meeting (not cancelled) opening in `year`? Answered without a query
    by this year's `upcoming` meetings when there are some."""
    if upcoming and year == convocation.today().year:
        return upcoming[0].page.plenary_this_year
    return _plenaries_in(year).exists()


class MeetingsPanel(Component):
    name = "meetings"
    template_name = "meetings/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        year = convocation.today().year
        upcoming = upcoming_meetings(request=parent_context.get("request"))
        context.update(
            upcoming=upcoming,
            year=year,
            plenary_scheduled=plenary_scheduled_in(year, upcoming),
        )
        return context
