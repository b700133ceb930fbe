"""iCalendar (RFC 5545) for meetings: the invitation a convocation carries, the download of
one meeting and a member's personal feed.

One UID per meeting, whatever the language or the alias it is read through, so that a
calendar keeps one event and applies updates to it; SEQUENCE is the number of the last
convocation sent (0 for the convocation, then one more per update: RFC 5546). Times are
written in UTC, which every client converts to its own time zone.

The text is written here, not through the icalendar library: a feed lists every meeting a
member may open (~60 at the network's size), and building each event as the library's
objects cost about 1 ms, most of a feed's time (issue 17). Each event is a few content lines
with the RFC's escaping (TEXT values: backslash, semicolon, comma, newline, 3.3.11;
parameter values: RFC 6868 and double quotes, 3.2) and folding (lines of at most 75 octets,
3.1), written in the order icalendar 7 writes them: the same bytes, which
tests/meetings/test_ical_text.py checks against the library.
"""

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from network_pages.meetings.models.choices import MeetingStatus
from network_pages.meetings.snapshot import MeetingSnapshot
from network_pages.network_area import source_of

PRODID = "-//Council of Europe//Network of Focal Points on Migration//EN"
PUBLISH = "PUBLISH"
REQUEST = "REQUEST"
CANCEL = "CANCEL"
LINE_OCTETS = 75  # 3.1: a content line is folded before 75 octets
FOLD = "\r\n "
CRLF = "\r\n"
# icalendar quotes a CN with a space or an apostrophe too (not only the RFC's , ; :).
CN_QUOTED_ALSO = " '"

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
) -> str:
    """A VEVENT for the meeting, as folded content lines; `attendee` is (name, email) for
    an invitation. The properties come in icalendar's order: the first ones its `Event`
    names, then the others alphabetically."""
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{escape_text(snapshot.title)}",
        f"DTSTART:{utc_stamp(snapshot.opening)}",
        f"DTEND:{utc_stamp(snapshot.closing)}",
        f"DTSTAMP:{utc_stamp(stamp or timezone.now())}",
        f"UID:{escape_text(uid)}",
        f"SEQUENCE:{int(sequence)}",
    ]
    if attendee:
        name, email = attendee
        lines.append(
            f"ATTENDEE;CN={parameter(name, quote_also=CN_QUOTED_ALSO)};ROLE=REQ-PARTICIPANT;"
            f"RSVP=FALSE:mailto:{email}"
        )
    lines.append(f"DESCRIPTION:{escape_text(description_of(snapshot, url))}")
    location = snapshot.venue or snapshot.online_link
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    chair = parameter(snapshot.chair_label, quote_also=CN_QUOTED_ALSO)
    lines += [
        f"ORGANIZER;CN={chair}:mailto:{organizer_address()}",
        f"STATUS:{EVENT_STATUS.get(snapshot.status, 'TENTATIVE')}",
        f"URL:{url}",
        "END:VEVENT",
    ]
    return CRLF.join(fold(line) for line in lines)


def calendar_bytes(events: Iterable[str], *, method: str = PUBLISH, name: str = "") -> bytes:
    """A VCALENDAR of `events` (from `meeting_event`), UTF-8 with CRLF line ends."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{escape_text(PRODID)}"]
    lines += ["CALSCALE:GREGORIAN", f"METHOD:{escape_text(method)}"]
    if name:
        lines.append(fold(f"X-WR-CALNAME:{escape_text(name)}"))
    lines += [*events, "END:VCALENDAR", ""]
    return CRLF.join(lines).encode()


def utc_stamp(moment: datetime) -> str:
    """A DATE-TIME in UTC (3.3.5, form 2), to the second."""
    return _utc(moment).strftime("%Y%m%dT%H%M%SZ")


def escape_text(value: str) -> str:
    """A TEXT value (3.3.11): backslash, semicolon and comma escaped, line breaks as \\n.

    As icalendar 7 writes it, a literal backslash-N in the text is first read as a line
    break (the RFC's own escape for one)."""
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


_RFC_6868 = re.compile(r'\^|\r\n|\r|\n|"')
_RFC_6868_ESCAPES = {"^": "^^", "\r\n": "^n", "\r": "^n", "\n": "^n", '"': "^'"}
# 3.2: a parameter value with one of these is written between double quotes.
_QUOTED = re.compile("[,;:\u2019]")


def parameter(value: str, *, quote_also: str = "") -> str:
    """A parameter value (3.2) with RFC 6868's escapes (^^, ^n, ^'), between double quotes
    when it holds a comma, semicolon or colon (or one of `quote_also`)."""
    escaped = _RFC_6868.sub(lambda match: _RFC_6868_ESCAPES[match.group(0)], value)
    if _QUOTED.search(escaped) or any(char in value for char in quote_also):
        return f'"{escaped}"'
    return escaped


def fold(line: str) -> str:
    """3.1: a line longer than 75 octets split into lines of fewer, each continuation
    starting with a space; never inside a UTF-8 character, nor between a backslash (or a
    caret) and the character it escapes, as icalendar does: each line holds at most 74
    octets (75 with the continuation's space)."""
    if line.isascii():
        return _fold_ascii(line)
    parts: list[str] = []
    current: list[str] = []
    octets = 0
    for char in line:
        size = 1 if char < "\x80" else len(char.encode())
        if current and octets + size >= LINE_OCTETS:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                parts.append("".join(current))
                current = [carried]
                octets = 1
            else:
                parts.append("".join(current))
                current = []
                octets = 0
        current.append(char)
        octets += size
    parts.append("".join(current))
    return FOLD.join(parts)


def _fold_ascii(line: str) -> str:
    """`fold` for a line of one octet per character: slices, not a loop per character."""
    width = LINE_OCTETS - 1
    if len(line) <= width:
        return line
    parts = []
    start = 0
    while len(line) - start > width:
        end = start + width
        if line[end - 1] in "\\^":
            end -= 1
        parts.append(line[start:end])
        start = end
    parts.append(line[start:])
    return FOLD.join(parts)
