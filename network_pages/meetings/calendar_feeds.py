"""Personal calendar feeds: the meetings a member may see, for their calendar application.

The feed is read without a session (calendar applications have none): its secret token
stands for the member. What it lists is decided by the one access rule, as if the member
were signed in and verified (`access.verdict_for_user`), with every view restriction read in
two queries for all meetings at once.
"""

from datetime import UTC, date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from network_pages import access
from network_pages.meetings import ical
from network_pages.meetings.emails import absolute_url
from network_pages.meetings.models import Convocation, MeetingPage
from network_pages.meetings.snapshot import MeetingSnapshot

# Past meetings stay in the feed for a year, counted in whole days (UTC): the feed of one
# day is the same all day long (feed_cache.py).
FEED_HISTORY = timedelta(days=366)


def _candidate_meetings(today: date) -> QuerySet[MeetingPage]:
    since = datetime.combine(today - FEED_HISTORY, time.min, tzinfo=UTC)
    return (
        MeetingPage.objects.live()
        .filter(alias_of__isnull=True, closing__gte=since)
        .prefetch_related("agenda_items")
        .order_by("opening", "pk")
    )


def meetings_visible_to(user, today: date | None = None) -> list[MeetingPage]:
    """The live meetings (and those of the past year) that `user` may open."""
    if not user.is_active:
        return []
    meetings = list(_candidate_meetings(today or timezone.now().date()))
    ancestor_paths = {
        meeting.path[:end]
        for meeting in meetings
        for end in range(MeetingPage.steplen, len(meeting.path) + 1, MeetingPage.steplen)
    }
    restrictions = access.restrictions_with_groups(Q(page__path__in=ancestor_paths))
    return [
        meeting
        for meeting in meetings
        if access.verdict_for_user(
            user,
            [r for r in restrictions if meeting.path.startswith(r.page.path)],
            verified=True,
        )
        is access.Verdict.ALLOW
    ]


def feed_calendar(
    user, language: str, request: HttpRequest | None = None, today: date | None = None
) -> bytes:
    """The iCalendar feed of `user`, its links in `language` (the French aliases for fr).

    With the request, Wagtail reads the site's root paths once, not once per meeting."""
    meetings = meetings_visible_to(user, today)
    ids = [meeting.pk for meeting in meetings]
    translations = {
        alias.alias_of_id: alias
        for alias in MeetingPage.objects.filter(alias_of_id__in=ids, locale__language_code=language)
    }
    sequences: dict[int, int] = {}
    for meeting_id, sequence in Convocation.objects.filter(meeting_id__in=ids).values_list(
        "meeting_id", "sequence"
    ):
        sequences[meeting_id] = max(sequence, sequences.get(meeting_id, 0))
    events = []
    for meeting in meetings:
        shown = translations.get(meeting.pk, meeting)
        events.append(
            ical.meeting_event(
                MeetingSnapshot.from_page(meeting),
                uid=ical.event_uid(meeting),
                sequence=sequences.get(meeting.pk, 0),
                url=absolute_url(shown.get_url_parts(request)[2]),
            )
        )
    return ical.calendar_bytes(events, name="NFP")
