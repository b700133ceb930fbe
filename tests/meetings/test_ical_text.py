"""The iCalendar text `ical.py` writes itself is what the icalendar library wrote: the same
bytes for any meeting (escaping, parameter quoting, folding), and the library reads the
texts back as they were given."""

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event, vCalAddress

from network_pages.meetings import ical
from network_pages.meetings.models import MeetingKind, MeetingStatus
from network_pages.meetings.snapshot import AgendaEntry, MeetingSnapshot

STAMP = datetime(2026, 12, 3, 9, 0, 1, 123456, tzinfo=UTC)
# What escaping, quoting and folding are about, among ordinary and multi-octet characters.
TRICKY = ",;:\\\"'^\n\r\t ’éàç€😀ßÆ\u00a0\u202f"
texts = st.text(
    alphabet=st.one_of(
        st.sampled_from(TRICKY),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=200,
)
# Control characters aside (icalendar refuses to read them back in a parameter).
readable_texts = st.text(
    alphabet=st.one_of(st.sampled_from(TRICKY), st.characters(blacklist_categories=("Cs", "Cc"))),
    max_size=200,
)
moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


def reference_event(snapshot, *, uid, sequence, url, stamp, attendee=None) -> Event:
    """The event as the icalendar library built it before `ical.py` wrote the text."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", snapshot.opening.astimezone(UTC))
    event.add("dtend", snapshot.closing.astimezone(UTC))
    event.add("summary", snapshot.title)
    event.add("sequence", sequence)
    event.add("status", ical.EVENT_STATUS.get(snapshot.status, "TENTATIVE"))
    event.add("url", url)
    location = snapshot.venue or snapshot.online_link
    if location:
        event.add("location", location)
    event.add("description", ical.description_of(snapshot, url))
    organizer = vCalAddress(f"mailto:{ical.organizer_address()}")
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


def reference_calendar(events, *, method=ical.PUBLISH, name="") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", ical.PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


@st.composite
def snapshots(draw, texts=texts) -> MeetingSnapshot:
    opening = draw(moments)
    long_texts = st.builds(lambda head, tail: head + tail, st.text("ab\\;,", max_size=80), texts)
    return MeetingSnapshot(
        title=draw(st.one_of(texts, long_texts)),
        kind=draw(st.sampled_from(MeetingKind.values)),
        opening=opening,
        closing=opening + draw(st.timedeltas(min_value=timedelta(0), max_value=timedelta(5))),
        status=draw(st.sampled_from(MeetingStatus.values)),
        partner=draw(texts),
        venue=draw(texts),
        online_link=draw(st.sampled_from(["", "https://meet.example/a?b=1,2;c"])),
        chair=draw(texts),
        agenda_is_final=draw(st.booleans()),
        agenda=tuple(AgendaEntry(title) for title in draw(st.lists(long_texts, max_size=4))),
    )


def both(snapshot, *, method=ical.PUBLISH, name="NFP", attendee=None, url="https://x/a/"):
    arguments = {"uid": "meeting-1@nfp-site", "sequence": 3, "url": url, "stamp": STAMP}
    ours = ical.calendar_bytes(
        [ical.meeting_event(snapshot, attendee=attendee, **arguments)], method=method, name=name
    )
    theirs = reference_calendar(
        [reference_event(snapshot, attendee=attendee, **arguments)], method=method, name=name
    )
    return ours, theirs


@settings(derandomize=True, database=None, deadline=None, max_examples=120)
@given(snapshots())
def test_a_feed_event_is_written_as_the_library_wrote_it(snapshot):
    ours, theirs = both(snapshot)

    assert ours == theirs


@settings(derandomize=True, database=None, deadline=None, max_examples=60)
@given(snapshots(), texts, st.sampled_from([ical.REQUEST, ical.CANCEL]))
def test_an_invitation_is_written_as_the_library_wrote_it(snapshot, name, method):
    ours, theirs = both(snapshot, method=method, name="", attendee=(name, "jean@example.org"))

    assert ours == theirs


@settings(derandomize=True, database=None, deadline=None, max_examples=60)
@given(snapshots(readable_texts))
def test_the_library_reads_back_the_texts_and_times(snapshot):
    ours, _theirs = both(snapshot)

    (event,) = Calendar.from_ical(ours).walk("VEVENT")

    def written(text: str) -> str:
        # What a TEXT value can say: its line breaks are \n (icalendar reads \N as one).
        return text.replace("\\N", "\n").replace("\r\n", "\n").replace("\r", "\n")

    assert str(event["SUMMARY"]) == written(snapshot.title)
    assert str(event["DESCRIPTION"]) == written(ical.description_of(snapshot, "https://x/a/"))
    assert event.decoded("DTSTART") == snapshot.opening.replace(microsecond=0)


def test_text_values_escape_backslash_semicolon_comma_and_line_breaks():
    assert ical.escape_text('a\\b;c,d\ne\r\nf"g:h') == 'a\\\\b\\;c\\,d\\ne\\nf"g:h'


def test_parameter_values_are_quoted_and_carets_quotes_and_breaks_escaped():
    assert ical.parameter("Plain") == "Plain"
    assert ical.parameter("Dupont, Jean") == '"Dupont, Jean"'
    assert ical.parameter('Say "hi"^\n') == "Say ^'hi^'^^^n"
    assert ical.parameter("Jean Dupont", quote_also=ical.CN_QUOTED_ALSO) == '"Jean Dupont"'


def test_long_lines_fold_at_75_octets_without_splitting_a_character_or_an_escape():
    ascii_line = "DESCRIPTION:" + "x" * 61 + "\\;" + "y" * 100
    accented = "SUMMARY:" + "é" * 80

    for line in (ascii_line, accented):
        folded = ical.fold(line)
        pieces = folded.split("\r\n ")
        assert "".join(pieces) == line
        assert all(len(piece.encode()) <= 74 for piece in pieces)
    # The escape moved whole to the next line rather than split.
    assert ical.fold(ascii_line).split("\r\n ")[1].startswith("\\;")


def test_times_are_written_in_utc_to_the_second():
    paris = timezone(timedelta(hours=1))

    assert ical.utc_stamp(datetime(2030, 1, 2, 10, 30, 15, 999, tzinfo=paris)) == "20300102T093015Z"
