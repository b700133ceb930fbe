"""A request's page, compilation and downloads cost a fixed number of queries: 46 states
that answered 20 questions cost no more than one state that answered one."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from home import page_routing
from network_pages import network_area
from network_pages.information.factories import make_request, make_response
from network_pages.information.models import Response
from network_pages.models import MemberState
from tests.conftest import sign_in

from .conftest import request_url

pytestmark = pytest.mark.django_db

QUESTIONS = [f"Question {number}?" for number in range(1, 21)]
# Measured with 46 responses of 20 answers (and with one response of one answer: the same):
# 25 queries for a Focal Point's view of the request with its matrix, 24 for the printable
# compilation, 23 for the XLSX. The app's own share is 4 or 5 (questions, responses with
# their counts or answers with state and responder, states or attachments, the reader's
# profile); the rest is the session, the OTP device, routing, the view restrictions
# (checked by the access rule and again by Wagtail), groups and the language links.
REQUEST_PAGE = 26 + 2  # with the members' comments (community)
COMPILATION = 24 + 2
DOWNLOAD = 23 + 2


@pytest.fixture
def full_request(request_index):
    page = make_request(
        request_index,
        title="Twenty questions",
        questions=QUESTIONS,
        deadline=timezone.localdate() + timezone.timedelta(days=10),
    )
    return page


def answer_everywhere(page) -> None:
    for number, state in enumerate(MemberState.objects.order_by("code")):
        make_response(
            page,
            state.code,
            [f"{state.code} answer {n}" if (n + number) % 5 else None for n in range(20)],
            status=Response.Status.SUBMITTED if number % 4 else Response.Status.DRAFT,
        )


def count_queries(client, url: str) -> int:
    client.get(url)  # warm the site root paths cache, as in production
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("route", ["", "compilation/", "compilation/xlsx/"])
def test_query_count_does_not_grow_with_responses(client, full_request, focal_point, route):
    sign_in(client, focal_point)
    make_response(full_request, "AL", ["only one"])
    small = count_queries(client, request_url(full_request, route))

    Response.objects.all().delete()
    answer_everywhere(full_request)
    large = count_queries(client, request_url(full_request, route))

    assert large == small


@pytest.mark.parametrize(
    ("route", "budget"),
    [("", REQUEST_PAGE), ("compilation/", COMPILATION), ("compilation/xlsx/", DOWNLOAD)],
)
def test_request_with_46_responses_of_20_answers_stays_within_its_query_budget(
    client, full_request, focal_point, django_assert_max_num_queries, route, budget
):
    answer_everywhere(full_request)
    sign_in(client, focal_point).get(request_url(full_request, route))

    with django_assert_max_num_queries(budget):
        response = client.get(request_url(full_request, route))

    assert response.status_code == 200


def test_the_french_page_reads_its_english_source_with_it(open_request):
    """The French page is an alias: its responses, questions and comments are the English
    page's, whose row routing reads in the same query as the alias's."""
    path = request_url(open_request, language="fr").removeprefix("/fr/")
    request = RequestFactory().get(f"/fr/{path}")
    request.user = AnonymousUser()
    with translation.override("fr"):
        page = page_routing.route_for_request(request, path)[0]

    with CaptureQueriesContext(connection) as queries:
        source = network_area.source_of(page)

    assert page.alias_of_id == open_request.pk
    assert (type(source), source.pk, source.deadline) == (
        type(open_request),
        open_request.pk,
        open_request.deadline,
    )
    assert len(queries) == 0
