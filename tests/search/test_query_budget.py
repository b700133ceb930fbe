"""The members' search costs the same number of queries for one result or a full page."""

import pytest

from network_pages.community.factories import make_comment
from tests.conftest import sign_in

from .conftest import count_queries, search_url

pytestmark = pytest.mark.django_db

BUDGET = 25


def test_the_query_count_does_not_grow_with_the_number_of_results(
    client, library, focal_point, other_focal_point, django_capture_on_commit_callbacks
):
    sign_in(client, focal_point)
    url = search_url(q="walrus")
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(library["item"], other_focal_point, "A walrus.")
    client.get(url)  # the per-process caches (locales, sections, restricted roots) fill once
    one = count_queries(client, url)

    with django_capture_on_commit_callbacks(execute=True):
        for number in range(30):
            page = library["meeting"] if number % 2 else library["request"]
            make_comment(page, other_focal_point, f"Walrus number {number}.")
    many = count_queries(client, url)

    assert many == one
    assert one <= BUDGET
