"""Panels on the Wagtail dashboard for the DMR: upcoming meetings against their convocation
deadline, and a warning when no plenary is scheduled this year (4.1: "at least once per
year")."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from wagtail.admin.ui.components import Component

from network_pages.meetings import convocation, holiday_cache
from network_pages.meetings.models import Convocation, MeetingKind, MeetingPage, MeetingStatus
from nfp_site.prepared_sql import prepared_objects

UPCOMING_SHOWN = 10
# The meeting's columns the panel and the work list read; any other is read when asked for.
UPCOMING_COLUMNS = ("title", "live", "kind", "opening")


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
    # Every DMR's network home asks it: its SQL is compiled once per process (prepared_sql).
    year_start, year_end = _bounds_of(convocation.today().year)
    pages = prepared_objects(
        f"meetings.upcoming:{limit}",
        lambda now, start, end: _upcoming_pages(now, start, end)[:limit],
        timezone.now(),
        year_start,
        year_end,
    )
    if not pages:
        return []
    days = [convocation.opening_day(page) for page in pages]
    # Kept in the shared cache (a few rows a year), not read on every home.
    holidays = holiday_cache.holidays_for(min(days), max(days))
    return [
        UpcomingMeeting(
            page=page,
            timing=convocation.timing_for(page, holidays=holidays),
            convened_at=page.convened_at,
        )
        for page in pages
    ]


def _upcoming_pages(now: datetime.datetime, year_start, year_end):
    # The last convocation's date, and whether a plenary is scheduled this year (the same
    # for every row: the panel's warning), in the meetings' own query.
    last_sent = Convocation.objects.filter(meeting=OuterRef("pk")).order_by("-sequence")
    return (
        MeetingPage.objects.filter(alias_of__isnull=True, opening__gt=now)
        .exclude(status=MeetingStatus.CANCELLED)
        .annotate(
            convened_at=Subquery(last_sent.values("sent_at")[:1]),
            plenary_this_year=Exists(_plenaries_between(year_start, year_end)),
        )
        .order_by("opening", "pk")
        # What the panel and the work list show (`UpcomingMeeting`): the other columns
        # (the agenda, the intro, the documents' blocks) are not read (issue 17).
        .only(*UPCOMING_COLUMNS)
    )


def _bounds_of(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The first and last instants of `year` as `opening__year=year` compares them (Django's
    `year_lookup_bounds_for_datetime_field`, before the database's own adaptation)."""
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.datetime(year, 1, 1), zone),
        timezone.make_aware(datetime.datetime(year, 12, 31, 23, 59, 59, 999999), zone),
    )


def _plenaries_between(start: datetime.datetime, end: datetime.datetime):
    return MeetingPage.objects.filter(
        alias_of__isnull=True, kind=MeetingKind.PLENARY, opening__range=(start, end)
    ).exclude(status=MeetingStatus.CANCELLED)


def _plenaries_in(year: int):
    return _plenaries_between(*_bounds_of(year))


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
