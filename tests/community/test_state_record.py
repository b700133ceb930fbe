"""'Our state': a member state's whole record in the network, for its own Focal Points and
the DMR only, in a number of queries that does not grow with the record."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network_pages.information.factories import make_request
from network_pages.information.models.response import Response
from network_pages.information.site_setup import ensure_information_indexes
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.models import AgendaSuggestion
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.models import MemberState, NationalNetworkOrganisation
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

FRANCE = "/en/states/FR/"
BUDGET = 20


@pytest.fixture
def record(network, focal_point):
    requests, _items = ensure_information_indexes(network)
    france = MemberState.objects.get(code="FR")
    answered = make_request(
        requests,
        title="Age assessment",
        questions=["Who?"],
        deadline=timezone.localdate() + datetime.timedelta(days=14),
    )
    Response.objects.create(request=answered, member_state=france, status=Response.Status.DRAFT)
    meeting = make_meeting(ensure_meetings_index(network), title="Plenary 2027")
    AgendaSuggestion.objects.create(
        meeting=meeting,
        title="Statelessness",
        rationale="Why",
        suggested_by=focal_point,
        member_state=france,
    )
    NationalNetworkOrganisation.objects.create(
        member_state=france, name="Forum des migrations", kind="non_governmental"
    )
    return requests


def test_a_focal_point_reads_their_states_record(client, record, focal_point):
    response = sign_in(client, focal_point).get(FRANCE)

    html = response.content.decode()
    assert response.status_code == 200
    assert "France in the network" in html
    for text in ("Age assessment", "Draft", "Statelessness", "Forum des migrations"):
        assert text in html
    assert "no-store" in response["Cache-Control"]


def test_our_state_leads_a_focal_point_to_their_own_state(client, network, focal_point):
    response = sign_in(client, focal_point).get("/en/our-state/")

    assert response.status_code == 302
    assert response["Location"] == FRANCE


def test_the_dmr_reads_every_states_record_and_chooses_among_them(client, record, dmr_user):
    sign_in(client, dmr_user)

    assert client.get(FRANCE).status_code == 200
    index = client.get("/en/our-state/").content.decode()
    assert 'href="/en/states/DE/"' in index


def test_another_states_focal_point_is_refused(client, record, other_focal_point):
    response = sign_in(client, other_focal_point).get(FRANCE)

    assert response.status_code == 403
    assert "Forum des migrations" not in response.content.decode()


@pytest.mark.parametrize(
    ("who", "verified", "status"),
    [
        ("anonymous", False, 302),
        ("focal_point", False, 302),
        ("outsider", True, 403),
        ("guest", True, 403),
    ],
)
@pytest.mark.parametrize("path", [FRANCE, "/en/our-state/"])
def test_anyone_but_a_verified_member_is_refused(
    client, request, record, who, verified, status, path
):
    if who != "anonymous":
        sign_in(client, request.getfixturevalue(who), verified=verified)

    response = client.get(path)

    assert response.status_code == status
    assert "Forum des migrations" not in response.content.decode()


def test_the_record_costs_the_same_queries_with_more_requests(client, record, focal_point):
    sign_in(client, focal_point).get(FRANCE)
    with CaptureQueriesContext(connection) as few:
        client.get(FRANCE)
    for number in range(5):
        make_request(
            record,
            title=f"Request {number}",
            questions=["Q?"],
            deadline=timezone.localdate() + datetime.timedelta(days=20 + number),
        )
    client.get(FRANCE)
    with CaptureQueriesContext(connection) as many:
        client.get(FRANCE)

    assert len(many) == len(few) <= BUDGET
