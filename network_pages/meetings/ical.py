"""iCalendar (RFC 5545) for meetings: the invitation a convocation carries, the download of
one meeting and a member's personal feed.

One UID per meeting, whatever the language or the alias it is read through, so that a
calendar keeps one event and applies updates to it; SEQUENCE is the number of the last
convocation sent (0 for the convocation, then one more per update: RFC 5546). Times are
written in UTC, which every client converts to its own time zone.
"""

from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, Event, vCalAddress

from network_pages.meetings.models.choices import MeetingStatus
from network_pages.meetings.snapshot import MeetingSnapshot
from network_pages.network_area import source_of

PRODID = "-//Council of Europe//Network of Focal Points on Migration//EN"
PUBLISH = "PUBLISH"
REQUEST = "REQUEST"
CANCEL = "CANCEL"

EVENT_STATUS = {
    MeetingStatus.PLANNED: "TENTATIVE",
    MeetingStatus.CONVENED: "CONFIRMED",
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def event_uid(meeting) -> str:
    """Stable per meeting: its EN page and FR alias share it."""
    return f"meeting-{source_of(meeting).translation_key}@nfp-site"


def organizer_address() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "noreply@localhost"


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def description_of(snapshot: MeetingSnapshot, url: str) -> str:
    """The event's text in the active language: chair, link, the numbered agenda."""
    lines = [f"{snapshot.kind_label}"]
    if snapshot.partner:
        lines.append(gettext("With: %(partner)s") % {"partner": snapshot.partner})
    lines.append(gettext("Chair: %(chair)s") % {"chair": snapshot.chair_label})
    if snapshot.online_link:
        lines.append(gettext("Online: %(link)s") % {"link": snapshot.online_link})
    if snapshot.agenda:
        lines.append("")
        lines.append(gettext("Agenda") if snapshot.agenda_is_final else gettext("Draft agenda"))
        for number, entry in enumerate(snapshot.agenda, start=1):
            lines.append(f"{number}. {entry.title}")
    lines.append("")
    lines.append(url)
    return "\n".join(lines)


def meeting_event(
    snapshot: MeetingSnapshot,
    *,
    uid: str,
    sequence: int,
    url: str,
    stamp: datetime | None = None,
    attendee: tuple[str, str] | None = None,
) -> Event:
    """A VEVENT for the meeting; `attendee` is (name, email) for an invitation."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", _utc(stamp or timezone.now()))
    event.add("dtstart", _utc(snapshot.opening))
    event.add("dtend", _utc(snapshot.closing))
    event.add("summary", snapshot.title)
    event.add("sequence", sequence)
    event.add("status", EVENT_STATUS.get(snapshot.status, "TENTATIVE"))
    event.add("url", url)
    location = snapshot.venue or snapshot.online_link
    if location:
        event.add("location", location)
    event.add("description", description_of(snapshot, url))
    organizer = vCalAddress(f"mailto:{organizer_address()}")
    organizer.params["cn"] = snapshot.chair_label
    event.add("organizer", organizer)
    if attendee:
        name, email = attendee
        address = vCalAddress(f"mailto:{email}")
        address.params["cn"] = name
        address.params["role"] = "REQ-PARTICIPANT"
        address.params["rsvp"] = "FALSE"
        event.add("attendee", address)
    return event


def calendar_bytes(events: Iterable[Event], *, method: str = PUBLISH, name: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()
