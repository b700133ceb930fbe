"""A meeting page costs a fixed number of queries, however long its agenda and however many
suggestions the member states made."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import AgendaSuggestion, Attendance, MeetingKind
from network_pages.models import MemberState
from tests.conftest import sign_in

from .conftest import meeting_url

pytestmark = pytest.mark.django_db

AGENDA_ITEMS = 30
SUGGESTIONS = 100
# Measured: 31 queries for a Focal Point's view of a meeting with 30 agenda items and 100
# suggestions (38 through the French alias, whose restrictions Wagtail resolves to the
# English pages). The meeting's own share is 7: agenda items, documents, the first
# convocation, suggestions, the reader's profile (may they suggest?), their invitation and
# their attendance answer; the rest is the
# session, the OTP device, page routing, the view restrictions (checked by the access rule
# and again by Wagtail), the reader's groups and the language switcher.
MEETING_BUDGET = 34 + 2  # 31, and 3 for the members' comments (community)
ALIAS_BUDGET = 41 + 2
# Measured: 24 for the index with 25 meetings (two paginated lists and the years).
INDEX_BUDGET = 24 + 2


@pytest.fixture
def busy_plenary(meetings_index, focal_point, other_focal_point):
    meeting = make_meeting(
        meetings_index,
        agenda=tuple(f"Item {number}" for number in range(AGENDA_ITEMS)),
        slug="busy",
    )
    states = list(MemberState.objects.all())
    AgendaSuggestion.objects.bulk_create(
        AgendaSuggestion(
            meeting=meeting,
            title=f"Suggestion {number}",
            rationale="Because.",
            suggested_by=other_focal_point,
            member_state=states[number % len(states)],
        )
        for number in range(SUGGESTIONS)
    )
    Attendance.objects.create(meeting=meeting, user=focal_point, response="online")
    return meeting


def count_queries(client, url: str) -> int:
    client.get(url)  # warm the site root paths cache, as in production
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_meeting_page_query_count_does_not_grow_with_agenda_and_suggestions(
    client, meetings_index, focal_point, other_focal_point
):
    # One suggestion each: a meeting without any reads none (one query fewer).
    small = make_meeting(meetings_index, agenda=("Only item",), slug="small")
    AgendaSuggestion.objects.create(
        meeting=small, title="S", rationale="r", suggested_by=other_focal_point
    )
    client = sign_in(client, focal_point)
    few = count_queries(client, meeting_url(small))

    for number in range(AGENDA_ITEMS):
        AgendaSuggestion.objects.create(
            meeting=small, title=f"S{number}", rationale="r", suggested_by=other_focal_point
        )
    busy = make_meeting(
        meetings_index, agenda=tuple(f"Item {n}" for n in range(AGENDA_ITEMS)), slug="big"
    )
    AgendaSuggestion.objects.create(
        meeting=busy, title="S", rationale="r", suggested_by=other_focal_point
    )

    assert count_queries(client, meeting_url(small)) == few
    assert count_queries(client, meeting_url(busy)) == few


def test_meeting_with_30_items_and_100_suggestions_stays_within_its_query_budget(
    client, busy_plenary, focal_point, django_assert_max_num_queries
):
    client = sign_in(client, focal_point)
    client.get(meeting_url(busy_plenary))

    with django_assert_max_num_queries(MEETING_BUDGET):
        response = client.get(meeting_url(busy_plenary))

    assert len(response.context["agenda_items"]) == AGENDA_ITEMS
    assert len(response.context["suggestions"]) == SUGGESTIONS


def test_french_alias_of_a_busy_meeting_stays_within_its_query_budget(
    client, busy_plenary, focal_point, django_assert_max_num_queries
):
    client = sign_in(client, focal_point)
    url = meeting_url(busy_plenary, language="fr")
    client.get(url)

    with django_assert_max_num_queries(ALIAS_BUDGET):
        response = client.get(url)

    assert len(response.context["suggestions"]) == SUGGESTIONS


def test_meetings_index_stays_within_its_query_budget(
    client, meetings_index, plenary, focal_point, django_assert_max_num_queries
):
    make_meeting(
        meetings_index,
        opening=days_from_today(-30),
        closing=days_from_today(-30, hour=17),
        slug="last",
    )
    client = sign_in(client, focal_point)
    few = count_queries(client, "/en/network/meetings/")  # one upcoming, one past
    for number in range(25):
        make_meeting(
            meetings_index,
            title=f"Session {number}",
            kind=MeetingKind.THEMATIC_SESSION,
            opening=days_from_today(number - 12),
            closing=days_from_today(number - 12, hour=17),
            slug=f"s{number}",
        )

    with django_assert_max_num_queries(INDEX_BUDGET):
        client.get("/en/network/meetings/")
    assert count_queries(client, "/en/network/meetings/") == few
