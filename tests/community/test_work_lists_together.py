"""Issue 17: lists drawn from the same pages keep their own order, first rows and total (a
Focal Point's requests to answer and own submissions, the DMR's submissions to review and
open requests); in French the home's links are looked up in the new pages' query, not in
one of their own."""

import datetime

import pytest
from django.utils import timezone

from network_pages.community.worklists import ITEMS_SHOWN, work_lists_for
from network_pages.information.factories import make_request
from network_pages.information.site_setup import ensure_information_indexes
from tests.conftest import sign_in
from tests.page_queries import queries_of_a_get

pytestmark = pytest.mark.django_db


def lists_by_key(user) -> dict:
    return {work_list.key: work_list for work_list in work_lists_for(user)}


@pytest.fixture
def requests_index(network):
    requests, _items = ensure_information_indexes(network)
    return requests


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_a_request_the_focal_point_sent_is_in_both_their_lists(requests_index, focal_point):
    own = make_request(
        requests_index, title="Our own question", deadline=in_days(3), requested_by=focal_point
    )
    for number in range(ITEMS_SHOWN):
        make_request(requests_index, title=f"Question {number}", deadline=in_days(10 + number))

    lists = lists_by_key(focal_point)

    to_answer = lists["requests-to-answer"]
    assert to_answer.items[0].title == own.title  # the nearest deadline first
    assert len(to_answer.items) == ITEMS_SHOWN
    assert to_answer.total == ITEMS_SHOWN + 1
    assert to_answer.items[0].due == own.deadline
    assert to_answer.items[0].status == "Not started"
    submissions = lists["my-submissions"]
    assert [item.title for item in submissions.items] == [own.title]
    assert submissions.total is None


def test_the_dmr_gets_the_first_submissions_to_review_and_how_many_wait(
    requests_index, focal_point, dmr_user
):
    for number in range(ITEMS_SHOWN + 2):
        make_request(
            requests_index, title=f"Proposal {number}", requested_by=focal_point, live=False
        )
    make_request(requests_index, title="Open one", deadline=in_days(5))

    lists = lists_by_key(dmr_user)

    review = lists["submissions-to-review"]
    assert [item.title for item in review.items] == [f"Proposal {n}" for n in range(ITEMS_SHOWN)]
    assert review.total == ITEMS_SHOWN + 2
    assert [item.title for item in lists["open-requests"].items] == ["Open one"]
    assert lists["open-requests"].items[0].due == in_days(5)


def queries_and_html(client, url: str) -> tuple[int, str]:
    client.get(url)  # what production keeps warm: the site root paths, the locales
    queries, response = queries_of_a_get(client, url)
    return queries, response.content.decode()


def test_the_french_home_links_in_french_without_a_lookup_of_their_own(
    client, requests_index, focal_point
):
    make_request(requests_index, title="To answer", deadline=in_days(5), requested_by=focal_point)
    sign_in(client, focal_point)

    english, _html = queries_and_html(client, "/en/network/")
    french, html = queries_and_html(client, "/fr/reseau/")

    main = html.split('<main id="main-content"', 1)[1]
    assert 'href="/fr/reseau/demandes-d-information/to-answer/reponse/"' in main
    assert 'href="/fr/reseau/demandes-d-information/to-answer/"' in main
    assert 'href="/en/network/' not in main
    assert french == english
