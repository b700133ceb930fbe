"""Calendars: an .ics per meeting, and a personal feed behind a secret, revocable link."""

import re
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY

from network_pages.admin.two_factor import reset_two_factor
from network_pages.meetings import feed_cache, ical, participants
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import CalendarFeed, MeetingKind
from tests.conftest import PASSWORD, sign_in

from .conftest import meeting_url

pytestmark = pytest.mark.django_db

FEED_LINK = re.compile(r'value="(http://testserver/(en|fr)/calendar/[^"]+\.ics)"')


def events_of(response) -> list:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content).walk("VEVENT")


def create_link(client) -> str:
    page = client.post("/en/calendar/", {"action": "create"}, follow=True).content.decode()
    return FEED_LINK.search(page).group(1).removeprefix("http://testserver")


def test_meeting_calendar_download_parses_and_names_the_meeting(client, plenary, focal_point):
    response = sign_in(client, focal_point).get(meeting_url(plenary, "calendar/"))

    (event,) = events_of(response)
    assert response["Content-Disposition"] == 'attachment; filename="plenary-meeting-2030.ics"'
    assert str(Calendar.from_ical(response.content)["METHOD"]) == "PUBLISH"
    assert str(event["SUMMARY"]) == "Plenary meeting 2030"
    assert event.decoded("DTSTART") == plenary.opening
    assert "1. Opening of the meeting" in str(event["DESCRIPTION"])


def test_meeting_has_one_uid_in_both_languages(client, plenary, focal_point):
    client = sign_in(client, focal_point)

    (english,) = events_of(client.get(meeting_url(plenary, "calendar/")))
    (french,) = events_of(client.get(meeting_url(plenary, "calendar/", language="fr")))

    assert str(english["UID"]) == str(french["UID"]) == ical.event_uid(plenary)
    assert str(french["URL"]).endswith("/fr/reseau/reunions/plenary-2030/")


def test_feed_lists_the_meetings_a_member_may_see(client, plenary, thematic_session, focal_point):
    link = create_link(sign_in(client, focal_point))

    response = client.get(link)

    titles = sorted(str(event["SUMMARY"]) for event in events_of(response))
    assert titles == ["Plenary meeting 2030", "Thematic session on reception"]
    assert "no-store" in response["Cache-Control"]


def test_feed_needs_no_session(client, plenary, focal_point):
    link = create_link(sign_in(client, focal_point))
    client.logout()

    assert len(events_of(client.get(link))) == 1


def test_guest_feed_lists_only_their_meeting(client, plenary, thematic_session, guest):
    guest.groups.add(Group.objects.get(name=participants.guest_group_name(thematic_session)))
    link = create_link(sign_in(client, guest))

    titles = [str(event["SUMMARY"]) for event in events_of(client.get(link))]

    assert titles == ["Thematic session on reception"]


def test_feed_in_french_links_to_the_french_pages(client, plenary, focal_point):
    link = create_link(sign_in(client, focal_point)).replace("/en/", "/fr/", 1)

    (event,) = events_of(client.get(link))

    assert str(event["URL"]) == "http://testserver/fr/reseau/reunions/plenary-2030/"


def test_regenerated_link_replaces_the_old_one(client, plenary, focal_point):
    client = sign_in(client, focal_point)
    old = create_link(client)

    new = create_link(client)

    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_revoked_link_gets_an_empty_404(client, plenary, focal_point):
    client = sign_in(client, focal_point)
    link = create_link(client)

    client.post("/en/calendar/", {"action": "revoke"})
    response = client.get(link)

    assert response.status_code == 404
    assert response.content == b""
    assert "no-store" in response["Cache-Control"]
    assert not CalendarFeed.objects.exists()


def test_unknown_link_gets_an_empty_404(client, plenary):
    response = client.get("/en/calendar/not-a-real-token.ics")

    assert response.status_code == 404
    assert response.content == b""


def test_link_of_a_deactivated_account_stops_working(client, plenary, focal_point):
    link = create_link(sign_in(client, focal_point))
    focal_point.is_active = False
    focal_point.save()

    assert client.get(link).status_code == 404


def test_signing_out_everywhere_revokes_the_calendar_link(client, plenary, focal_point):
    """Issue 13, 8: the link stands for the member; "sign out everywhere" ends it too."""
    client = sign_in(client, focal_point)
    link = create_link(client)

    client.post("/en/accounts/sign-out-everywhere/", {"password": PASSWORD})

    assert client.get(link).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_a_second_factor_reset_revokes_the_calendar_link(client, plenary, focal_point, dmr_user):
    link = create_link(sign_in(client, focal_point))

    reset_two_factor(focal_point.member_profile, reset_by=dmr_user)

    assert client.get(link).status_code == 404


def test_deactivating_the_profile_revokes_the_calendar_link(client, plenary, focal_point):
    link = create_link(sign_in(client, focal_point))
    profile = focal_point.member_profile
    profile.is_active = False
    profile.save()

    assert client.get(link).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_feed_follows_the_access_rule_when_a_member_leaves_the_network(
    client, plenary, focal_point
):
    link = create_link(sign_in(client, focal_point))
    focal_point.groups.clear()

    assert events_of(client.get(link)) == []


def test_feed_query_count_does_not_grow_with_the_meetings(
    client, meetings_index, plenary, focal_point
):
    link = create_link(sign_in(client, focal_point))
    client.get(link)
    feed_cache.start_new_generation()  # written again, not read from the cache
    with CaptureQueriesContext(connection) as few:
        client.get(link)
    for number in range(5):
        make_meeting(
            meetings_index,
            title=f"Session {number}",
            kind=MeetingKind.THEMATIC_SESSION,
            opening=days_from_today(20 + number),
            slug=f"session-{number}",
        )

    feed_cache.start_new_generation()
    with CaptureQueriesContext(connection) as many:
        response = client.get(link)

    assert len(events_of(response)) == 6
    assert len(many) == len(few)


def test_feed_reads_the_site_root_paths_once_not_once_per_meeting(
    client, meetings_index, plenary, focal_point
):
    link = create_link(sign_in(client, focal_point))
    for number in range(3):
        make_meeting(meetings_index, title=f"Session {number}", slug=f"session-{number}")
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    with mock.patch.object(cache, "get", counting_get):
        assert len(events_of(client.get(link))) == 4

    assert reads.count(SITE_ROOT_PATHS_CACHE_KEY) <= 1
