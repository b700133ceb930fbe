"""The information item index and the information request index cost a fixed number of
queries (issue 17): a page of 20 items or requests, each with its themes or its state's
response, costs no more than a page of one, and stays within the site's budget of 15."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network_pages.information.factories import make_item, make_request, make_response
from network_pages.models import MemberState
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

SITE_PAGE_BUDGET = 15
ITEMS = "/en/network/information/"
REQUESTS = "/en/network/information-requests/"


def count_queries(client, url: str) -> int:
    client.get(url)  # warm the site root paths cache, as in production
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_items(item_index, count: int, start: int = 0) -> None:
    states = list(MemberState.objects.order_by("code")[:5])
    for number in range(start, start + count):
        make_item(
            item_index,
            title=f"Item {number:02d}",
            member_state=states[number % 5],
            good_practice=number % 2 == 0,
            themes=(f"theme {number % 7}", f"theme {number % 3}"),
        )


def add_requests(request_index, count: int, start: int = 0) -> None:
    deadline = timezone.localdate() + timezone.timedelta(days=10)
    for number in range(start, start + count):
        page = make_request(
            request_index, title=f"Request {number:02d}", questions=["Q?"], deadline=deadline
        )
        make_response(page, "FR", ["Réponse"])


@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
@pytest.mark.parametrize("query", ["", "?theme=theme-0", "?state=AD&good_practice=on"])
def test_the_item_index_costs_the_same_queries_for_one_item_and_a_full_page(
    client, item_index, request, reader, query
):
    sign_in(client, request.getfixturevalue(reader))
    add_items(item_index, 1)
    small = count_queries(client, ITEMS + query)

    add_items(item_index, 24, start=1)
    large = count_queries(client, ITEMS + query)

    assert large == small
    assert large <= SITE_PAGE_BUDGET


@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_request_index_costs_the_same_queries_for_one_request_and_a_full_page(
    client, request_index, request, reader
):
    sign_in(client, request.getfixturevalue(reader))
    add_requests(request_index, 1)
    small = count_queries(client, REQUESTS)

    add_requests(request_index, 21, start=1)
    large = count_queries(client, REQUESTS)

    assert large == small
    assert large <= SITE_PAGE_BUDGET
