"""What needs doing (the network home, the first screen after signing in): each role finds
its own lists, each item with its link, in a fixed number of queries; the DMR's lists are
also panels of the Wagtail dashboard; a guest is sent to their meetings."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network_pages.community.worklists import ITEMS_SHOWN, work_lists_for
from network_pages.information.factories import make_request
from network_pages.information.models import InformationItemPage
from network_pages.information.models.response import Response
from network_pages.information.site_setup import ensure_information_indexes
from network_pages.meetings import participants
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.models import AgendaSuggestion, MeetingKind
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.models import MemberState
from nfp_site.operations.models import OutboundEmail
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def lists_by_key(user) -> dict:
    return {work_list.key: work_list for work_list in work_lists_for(user)}


def titles(work_list) -> list[str]:
    return [item.title for item in work_list.items]


@pytest.fixture
def requests_index(network):
    requests, _items = ensure_information_indexes(network)
    return requests


@pytest.fixture
def open_request(requests_index):
    return make_request(
        requests_index,
        title="Age assessment",
        questions=["Who assesses the age?"],
        deadline=timezone.localdate() + datetime.timedelta(days=14),
    )


def test_a_focal_point_sees_the_open_requests_their_state_has_not_submitted(
    open_request, requests_index, focal_point
):
    answered = make_request(
        requests_index,
        title="Detention",
        questions=["How long?"],
        deadline=timezone.localdate() + datetime.timedelta(days=7),
    )
    Response.objects.create(
        request=answered,
        member_state=MemberState.objects.get(code="FR"),
        status=Response.Status.SUBMITTED,
    )

    to_answer = lists_by_key(focal_point)["requests-to-answer"]

    assert titles(to_answer) == ["Age assessment"]
    item = to_answer.items[0]
    assert item.status == "Not started"
    assert item.url == "/en/network/information-requests/age-assessment/response/"
    assert item.due == open_request.deadline


def test_a_focal_point_keeps_seeing_what_they_submitted_with_its_status(
    requests_index, network, focal_point
):
    _requests, items_index = ensure_information_indexes(network)
    item = items_index.add_child(
        instance=InformationItemPage(
            title="Our new reception law",
            summary="s",
            live=False,
            submitted_by=focal_point,
            member_state=MemberState.objects.get(code="FR"),
        )
    )

    submissions = lists_by_key(focal_point)["my-submissions"]

    assert [(i.title, i.status) for i in submissions.items] == [
        ("Our new reception law", "Waiting for review by the DMR Secretariat")
    ]
    item.save_revision().publish()
    submissions = lists_by_key(focal_point)["my-submissions"]
    assert submissions.items[0].status == "Published"
    assert submissions.items[0].url.startswith("/en/network/information/")


def test_a_focal_point_sees_meetings_to_answer_and_their_suggestions(network, focal_point):
    index = ensure_meetings_index(network)
    meeting = make_meeting(index, title="Plenary 2027")
    AgendaSuggestion.objects.create(
        meeting=meeting, title="Age assessment", rationale="Why", suggested_by=focal_point
    )

    lists = lists_by_key(focal_point)

    assert titles(lists["meetings-to-answer"]) == ["Plenary 2027"]
    assert lists["meetings-to-answer"].items[0].url.endswith("#attendance")
    assert [(i.title, i.status) for i in lists["my-suggestions"].items] == [
        ("Age assessment", "Waiting for a decision")
    ]


def test_the_dmr_sees_everything_waiting_for_a_decision(
    network, requests_index, open_request, dmr_user, focal_point
):
    index = ensure_meetings_index(network)
    meeting = make_meeting(index, title="Plenary 2027")
    AgendaSuggestion.objects.create(
        meeting=meeting, title="Age assessment", rationale="Why", suggested_by=focal_point
    )
    _requests, items_index = ensure_information_indexes(network)
    items_index.add_child(
        instance=InformationItemPage(
            title="Our new reception law",
            summary="s",
            live=False,
            submitted_by=focal_point,
            member_state=MemberState.objects.get(code="FR"),
        )
    )
    OutboundEmail.objects.create(
        subject="Convocation",
        recipients="a@example.org",
        message={},
        status=OutboundEmail.Status.FAILED,
    )

    lists = lists_by_key(dmr_user)

    assert titles(lists["suggestions-to-decide"]) == ["Age assessment"]
    assert lists["suggestions-to-decide"].items[0].url.startswith("/admin/")
    assert titles(lists["submissions-to-review"]) == ["Our new reception law"]
    assert titles(lists["failed-emails"]) == ["Convocation"]
    assert lists["open-requests"].items[0].status == "0 of 46 states answered"
    assert {"joint-approvals", "translations-waiting", "overdue-convocations"} <= set(lists)
    assert "requests-to-answer" not in lists  # the DMR answers for no state


def test_the_dmr_sees_the_first_open_requests_and_how_many_are_open(
    requests_index, open_request, dmr_user
):
    for number in range(ITEMS_SHOWN):
        make_request(
            requests_index,
            title=f"Later request {number}",
            deadline=timezone.localdate() + datetime.timedelta(days=30 + number),
        )

    open_requests = lists_by_key(dmr_user)["open-requests"]

    assert titles(open_requests)[0] == "Age assessment"  # the nearest deadline first
    assert len(open_requests.items) == ITEMS_SHOWN
    assert open_requests.total == ITEMS_SHOWN + 1
    assert open_requests.items[0].status == "0 of 46 states answered"


def test_a_member_sees_none_of_the_dmrs_lists(network, focal_point):
    lists = lists_by_key(focal_point)

    assert not {"suggestions-to-decide", "failed-emails", "submissions-to-review"} & set(lists)


@pytest.mark.parametrize("who", ["guest", "outsider"])
def test_people_outside_the_network_get_no_lists(request, network, who):
    assert lists_by_key(request.getfixturevalue(who)) == {}


def test_the_network_home_starts_with_what_needs_doing(client, open_request, focal_point):
    html = sign_in(client, focal_point).get("/en/network/").content.decode()

    main = html.split("<main", 1)[1]
    assert main.index("What needs doing") < main.index("Latest activity")
    assert 'id="requests-to-answer"' in main
    assert "/en/network/information-requests/age-assessment/response/" in main


def test_the_dmr_dashboard_has_the_same_lists_as_panels(client, open_request, dmr_user):
    html = sign_in(client, dmr_user).get("/admin/").content.decode()

    assert "Agenda suggestions to decide on" in html
    assert "Open requests and their response rates" in html
    assert "Age assessment" in html


def test_the_dmr_dashboard_opens_on_its_lists_not_on_wagtails_counts(
    client, open_request, dmr_user
):
    html = sign_in(client, dmr_user).get("/admin/").content.decode()

    assert "Open requests and their response rates" in html
    assert "w-summary" not in html  # Wagtail's pages, images and documents counts


def test_a_focal_point_gets_no_dmr_panel_on_the_network_home(client, network, focal_point):
    html = sign_in(client, focal_point).get("/en/network/").content.decode()

    assert "Agenda suggestions to decide on" not in html


@pytest.mark.parametrize("path", ["/en/network/", "/en/network/meetings/", "/fr/reseau/"])
def test_a_guest_is_sent_to_their_meetings_instead_of_a_refusal(client, network, guest, path):
    ensure_meetings_index(network)

    response = sign_in(client, guest).get(path)

    assert response.status_code == 302
    assert response["Location"].endswith("/your-meetings/")
    assert "no-store" in response["Cache-Control"]


def test_your_meetings_lists_only_the_meetings_a_guest_is_invited_to(client, network, guest):
    index = ensure_meetings_index(network)
    make_meeting(index, title="Plenary for members")
    session = make_meeting(
        index,
        title="Thematic session with experts",
        kind=MeetingKind.THEMATIC_SESSION,
        guests=({"name": "Guest", "email": guest.email, "organisation": "Institute"},),
    )
    participants.sync_external_participants(session)

    html = sign_in(client, guest).get("/en/your-meetings/").content.decode()

    assert "Thematic session with experts" in html
    assert "Plenary for members" not in html


@pytest.mark.parametrize(
    ("who", "verified", "status"),
    [("anonymous", False, 302), ("focal_point", False, 302), ("outsider", True, 403)],
)
def test_your_meetings_refuses_anyone_outside_the_network(
    client, request, network, who, verified, status
):
    if who != "anonymous":
        sign_in(client, request.getfixturevalue(who), verified=verified)

    response = client.get("/en/your-meetings/")

    assert response.status_code == status
    assert "no-store" in response["Cache-Control"]


HOME_BUDGET = 45
YOUR_MEETINGS_BUDGET = 20


def count_queries(client, url: str) -> int:
    client.get(url)  # warm the caches (sections, site root)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["focal_point", "dmr_user"])
def test_the_network_home_costs_the_same_queries_with_more_work(
    client, request, network, requests_index, focal_point, who
):
    meetings = ensure_meetings_index(network)

    def add_work(number: int) -> None:
        make_request(
            requests_index,
            title=f"Request {number}",
            questions=["Q?"],
            deadline=timezone.localdate() + datetime.timedelta(days=10 + number),
        )
        meeting = make_meeting(meetings, title=f"Meeting {number}", slug=f"meeting-{number}")
        AgendaSuggestion.objects.create(
            meeting=meeting, title=f"Item {number}", rationale="Why", suggested_by=focal_point
        )

    add_work(0)
    sign_in(client, request.getfixturevalue(who))
    few = count_queries(client, "/en/network/")
    for number in range(1, 5):
        add_work(number)
    many = count_queries(client, "/en/network/")

    assert many == few <= HOME_BUDGET


def test_your_meetings_costs_the_same_queries_with_more_meetings(client, network, focal_point):
    sign_in(client, focal_point)
    index = ensure_meetings_index(network)
    make_meeting(index, title="Meeting", slug="meeting")
    few = count_queries(client, "/en/your-meetings/")
    for number in range(4):
        make_meeting(index, title=f"Meeting {number}", slug=f"meeting-{number}")
    many = count_queries(client, "/en/your-meetings/")

    assert many == few <= YOUR_MEETINGS_BUDGET
