"""The work lists' details and statuses, their labels and date formats looked up once per
list (issue 17), say what they said when each item asked them: the meeting's kind and
opening day, the request's deadline, the suggestion's status, in English and French."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from network_pages.community.worklists import work_lists_for
from network_pages.information.factories import make_request
from network_pages.information.models.response import Response
from network_pages.information.site_setup import ensure_information_indexes
from network_pages.meetings import convocation
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import AgendaSuggestion, MeetingKind
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.models import MemberState

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr"]


def lists_in(language: str, user) -> dict:
    with translation.override(language):
        return {work_list.key: work_list for work_list in work_lists_for(user)}


def meeting_detail(meeting) -> str:
    """As `meetings_to_answer` and `overdue_convocations` wrote it, item by item."""
    day = convocation.opening_day(meeting)
    return f"{meeting.get_kind_display()} · " + date_format(day, "DATE_FORMAT")


@pytest.fixture
def meeting(network):
    index = ensure_meetings_index(network)
    # Opening in a week, not convened: its convocation is overdue (4.1: 30 working days).
    return make_meeting(
        index, title="Plenary <b>&</b>", kind=MeetingKind.PLENARY, opening=days_from_today(7)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_meeting_to_answer_shows_its_kind_and_opening_day(language, meeting, focal_point):
    item = lists_in(language, focal_point)["meetings-to-answer"].items[0]

    with translation.override(language):
        assert item.detail == meeting_detail(meeting)
        assert item.status == gettext("Tell the DMR whether you attend")
    assert item.due == convocation.opening_day(meeting)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_overdue_convocation_shows_its_meetings_kind_and_opening_day(
    language, meeting, dmr_user
):
    item = lists_in(language, dmr_user)["overdue-convocations"].items[0]

    with translation.override(language):
        assert item.detail == meeting_detail(meeting)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_suggestion_shows_its_status_to_its_author_and_to_the_dmr(
    language, meeting, focal_point, dmr_user
):
    suggestion = AgendaSuggestion.objects.create(
        meeting=meeting, title="Age <script>", rationale="Why", suggested_by=focal_point
    )

    mine = lists_in(language, focal_point)["my-suggestions"].items[0]
    to_decide = lists_in(language, dmr_user)["suggestions-to-decide"].items[0]

    with translation.override(language):
        assert mine.status == to_decide.status == suggestion.get_status_display()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("answered", [False, True])
def test_a_request_to_answer_shows_its_deadline_and_the_states_progress(
    language, answered, network, focal_point
):
    requests_index, _items = ensure_information_indexes(network)
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    request = make_request(requests_index, title="Age & <i>", questions=["Who?"], deadline=deadline)
    if answered:
        Response.objects.create(request=request, member_state=MemberState.objects.get(code="FR"))

    item = lists_in(language, focal_point)["requests-to-answer"].items[0]

    with translation.override(language):
        day = date_format(deadline, "DATE_FORMAT")
        assert item.detail == gettext("Deadline: %(day)s") % {"day": day}
        assert item.status == (gettext("Draft") if answered else gettext("Not started"))
