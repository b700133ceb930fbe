"""The queries one GET of a page costs, as the query budget tests count them."""

from unittest.mock import patch

from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from network_pages import security


def queries_of_a_get(client, url: str) -> tuple[int, HttpResponse]:
    """(queries, response) of `client.get(url)`, which must answer 200. The page, not the
    session's "last seen" time, written once a minute whatever the page (a slow test
    crossing a minute made a page cost 3 more at random)."""
    with (
        patch.object(security, "LAST_SEEN_RESOLUTION_SECONDS", 24 * 3600),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response
