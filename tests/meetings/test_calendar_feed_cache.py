"""A calendar feed is kept per reader between polls, answers a calendar application that
has it already with a 304, and is written again whenever what it shows may have changed
(network_pages/meetings/feed_cache.py)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from network_pages import roles
from network_pages.meetings import calendar_feeds, feed_cache, participants
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import AgendaItem, CalendarFeed, Convocation, MeetingKind
from tests.conftest import sign_in

from .test_calendars import create_link, events_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed_of(client):
    """The feed link of a user, read as a calendar application reads it: no session."""

    def link_of(user) -> str:
        link = create_link(sign_in(client, user))
        client.logout()
        return link

    return link_of


def titles(response) -> list[str]:
    return sorted(str(event["SUMMARY"]) for event in events_of(response))


def cache_control(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_a_feed_the_application_has_already_gets_a_304(client, plenary, focal_point, feed_of):
    link = feed_of(focal_point)
    first = client.get(link)

    again = client.get(link, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert {"private", "no-store"} <= cache_control(again)


def test_a_feed_not_changed_since_its_date_gets_a_304(client, plenary, focal_point, feed_of):
    link = feed_of(focal_point)
    first = client.get(link)

    again = client.get(link, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 304


def test_another_etag_gets_the_whole_feed(client, plenary, focal_point, feed_of):
    link = feed_of(focal_point)
    first = client.get(link)

    again = client.get(link, HTTP_IF_NONE_MATCH='"an-older-feed"')

    assert again.status_code == 200
    assert again.content == first.content


def test_an_unknown_link_gets_its_404_whatever_etag_it_sends(client, plenary, focal_point, feed_of):
    link = feed_of(focal_point)
    etag = client.get(link)["ETag"]
    CalendarFeed.objects.all().delete()

    response = client.get(link, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 404
    assert response.content == b""


def test_a_kept_feed_reads_no_meeting(client, plenary, thematic_session, focal_point, feed_of):
    link = feed_of(focal_point)
    first = client.get(link)

    with CaptureQueriesContext(connection) as queries:
        again = client.get(link)

    assert again.content == first.content
    # The link's owner and their groups: what decides the key.
    assert len(queries) <= 2
    assert not any("meetings_meetingpage" in query["sql"] for query in queries)


def test_a_changed_meeting_is_in_the_next_feed(client, plenary, focal_point, feed_of):
    link = feed_of(focal_point)
    first = client.get(link)
    plenary.title = "Plenary meeting 2030 (moved)"
    plenary.save_revision().publish()

    again = client.get(link, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert titles(again) == ["Plenary meeting 2030 (moved)"]


def test_a_new_meeting_is_in_the_next_feed(client, meetings_index, plenary, focal_point, feed_of):
    link = feed_of(focal_point)
    client.get(link)

    make_meeting(meetings_index, title="Extra plenary", opening=days_from_today(30), slug="x")

    assert titles(client.get(link)) == ["Extra plenary", "Plenary meeting 2030"]


def test_an_unpublished_meeting_leaves_the_next_feed(
    client, plenary, thematic_session, focal_point, feed_of
):
    link = feed_of(focal_point)
    client.get(link)

    thematic_session.unpublish()

    assert titles(client.get(link)) == ["Plenary meeting 2030"]


def test_an_agenda_item_changed_on_its_own_is_in_the_next_feed(
    client, plenary, focal_point, feed_of
):
    link = feed_of(focal_point)
    client.get(link)
    item = AgendaItem.objects.filter(meeting=plenary).order_by("sort_order").first()
    item.title = "Opening by the chair"
    item.save()

    (event,) = events_of(client.get(link))

    assert "1. Opening by the chair" in str(event["DESCRIPTION"])


def test_a_convocation_sent_raises_the_sequence_in_the_next_feed(
    client, plenary, focal_point, feed_of
):
    link = feed_of(focal_point)
    client.get(link)
    Convocation.objects.create(
        meeting=plenary, kind="update", sequence=4, deadline=date(2030, 1, 1)
    )

    (event,) = events_of(client.get(link))

    assert int(event["SEQUENCE"]) == 4


def test_a_guest_who_leaves_the_meetings_guests_loses_it_at_once(
    client, plenary, thematic_session, guest, feed_of
):
    guests = Group.objects.get(name=participants.guest_group_name(thematic_session))
    guest.groups.add(guests)
    link = feed_of(guest)
    assert titles(client.get(link)) == ["Thematic session on reception"]

    guest.groups.remove(guests)  # no signal the feed listens to: its key has the groups

    assert titles(client.get(link)) == []


def test_a_meeting_restricted_further_leaves_the_feeds_of_those_outside(
    client, plenary, thematic_session, focal_point, feed_of
):
    link = feed_of(focal_point)
    assert len(titles(client.get(link))) == 2
    restriction = PageViewRestriction.objects.get(page=thematic_session)

    restriction.groups.set(Group.objects.filter(name=roles.DMR_SECRETARIAT))

    assert titles(client.get(link)) == ["Plenary meeting 2030"]


def test_each_reader_gets_their_own_feed(
    client, plenary, thematic_session, focal_point, guest, feed_of
):
    guest.groups.add(Group.objects.get(name=participants.guest_group_name(thematic_session)))
    member_link, guest_link = feed_of(focal_point), feed_of(guest)

    member_first = titles(client.get(member_link))
    guest_then = titles(client.get(guest_link))
    member_again = titles(client.get(member_link))

    assert member_first == member_again == ["Plenary meeting 2030", "Thematic session on reception"]
    assert guest_then == ["Thematic session on reception"]


def test_a_regenerated_link_does_not_read_the_old_links_feed(client, plenary, focal_point):
    client = sign_in(client, focal_point)
    old = create_link(client)
    client.get(old)
    feed = CalendarFeed.objects.get()
    old_key = feed_cache.entry_key(feed, "en", date(2030, 1, 1))

    create_link(client)
    feed.refresh_from_db()

    assert feed_cache.entry_key(feed, "en", date(2030, 1, 1)) != old_key


def test_the_feed_is_kept_for_one_day_and_language_at_most(plenary, focal_point):
    feed, _token = CalendarFeed.issue(focal_point)

    keys = {
        feed_cache.entry_key(feed, language, day)
        for language in ("en", "fr")
        for day in (date(2030, 1, 1), date(2030, 1, 2))
    }

    assert len(keys) == 4


def test_a_meeting_stays_in_the_feed_for_366_whole_days_after_it_closed(
    meetings_index, focal_point
):
    today = date(2031, 6, 1)
    last_day = datetime(2030, 5, 31, 12, tzinfo=UTC)  # 366 days before, at noon
    make_meeting(
        meetings_index,
        title="Within the year",
        kind=MeetingKind.PLENARY,
        opening=last_day - timedelta(hours=4),
        closing=last_day,
        slug="within",
    )
    make_meeting(
        meetings_index,
        title="Before the year",
        kind=MeetingKind.PLENARY,
        opening=last_day - timedelta(days=1, hours=4),
        closing=last_day - timedelta(days=1),
        slug="before",
    )

    shown = calendar_feeds.meetings_visible_to(focal_point, today)

    assert [meeting.title for meeting in shown] == ["Within the year"]


def test_a_change_starts_a_new_generation_now_and_again_at_commit(
    django_capture_on_commit_callbacks,
):
    before = feed_cache.current_generation()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        feed_cache.start_new_generation()
        during = feed_cache.current_generation()

    assert len(callbacks) == 1
    assert len({before, during, feed_cache.current_generation()}) == 3


def test_with_no_cache_seconds_each_request_writes_the_feed(
    client, settings, plenary, focal_point, feed_of
):
    settings.NFP_CALENDAR_FEED_CACHE_SECONDS = 0
    link = feed_of(focal_point)
    client.get(link)

    with CaptureQueriesContext(connection) as queries:
        client.get(link)

    assert any("meetings_meetingpage" in query["sql"] for query in queries)
