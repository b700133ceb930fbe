"""4.10: the DMR's activity statistics: accessible charts with their tables, CSV and XLSX
downloads, for the DMR only, in a number of queries that does not grow with the network."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network_pages.information.factories import make_request
from network_pages.information.models.response import Response
from network_pages.information.site_setup import ensure_information_indexes
from network_pages.models import MemberState
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

URL = "/admin/statistics/"
BUDGET = 30


@pytest.fixture
def requests_index(network):
    requests, _items = ensure_information_indexes(network)
    return requests


def add_request(index, title: str, answered_by=()):
    page = make_request(
        index,
        title=title,
        questions=["Q?"],
        deadline=timezone.localdate() + datetime.timedelta(days=10),
    )
    for code in answered_by:
        Response.objects.create(
            request=page,
            member_state=MemberState.objects.get(code=code),
            status=Response.Status.SUBMITTED,
            submitted_at=timezone.now(),
        )
    return page


def test_the_dmr_sees_response_rates_as_a_chart_and_a_table(client, requests_index, dmr_user):
    add_request(requests_index, "Age assessment", answered_by=("FR", "DE"))

    html = sign_in(client, dmr_user).get(URL).content.decode()

    assert '<svg role="img"' in html
    assert "Response rate per request" in html
    assert "<td>4</td>" in html  # 2 of 46 states: 4 %
    assert "Response rate per member state" in html


@pytest.mark.parametrize(("suffix", "kind"), [("csv/", "text/csv"), ("xlsx/", "spreadsheetml")])
def test_the_statistics_download_as_csv_and_xlsx(client, requests_index, dmr_user, suffix, kind):
    add_request(requests_index, "Age assessment", answered_by=("FR",))

    response = sign_in(client, dmr_user).get(URL + suffix)

    assert response.status_code == 200
    assert kind in response["Content-Type"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("who", "verified"),
    [("anonymous", False), ("dmr_user", False), ("focal_point", True), ("guest", True)],
)
@pytest.mark.parametrize("suffix", ["", "csv/", "xlsx/"])
def test_only_a_verified_dmr_reads_the_statistics(client, request, network, who, verified, suffix):
    if who != "anonymous":
        sign_in(client, request.getfixturevalue(who), verified=verified)

    response = client.get(URL + suffix)

    assert response.status_code in (302, 403)
    assert b"Response rate per request" not in response.content


def test_the_statistics_cost_the_same_queries_with_more_requests(client, requests_index, dmr_user):
    sign_in(client, dmr_user)
    add_request(requests_index, "First", answered_by=("FR",))
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for number in range(5):
        add_request(requests_index, f"Request {number}", answered_by=("FR", "DE", "IT"))
    with CaptureQueriesContext(connection) as many:
        client.get(URL)

    assert len(many) == len(few) <= BUDGET
