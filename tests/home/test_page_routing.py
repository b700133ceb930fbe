"""The page for a URL is found in a fixed number of queries, with Wagtail's own answers:
the same page, the same sub-routes of routable pages, and the access rule still applied."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from home import page_routing
from network_pages.publication_drafts.setup import ensure_publication_drafts
from workflows.gate import acting_as_system

pytestmark = pytest.mark.django_db

URLS = [
    "",
    "news/",
    "news/network-meeting-in-strasbourg/",
    "news/no-such-page/",
    "no-such-section/deeper/",
    "network/",
    "network/directory/",
    "network/directory/export/csv/",
    "network/directory/no-such-route/",
    "network/publication-drafts/",
]


def _route(function, language: str, path: str):
    request = RequestFactory().get(f"/{language}/{path}")
    # The network area routes by the reader (no existence oracle): here, a visitor.
    request.user = AnonymousUser()
    with translation.override(language):
        result = function(request, path)
    if result is None:
        return None
    page, args, kwargs = result
    view = args[0].__name__ if args and callable(args[0]) else None
    return (type(page), page.pk, view, tuple(args[1:]) if view else tuple(args), kwargs)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_url_routes_where_wagtail_routes_it(public_section, network, language):
    ensure_publication_drafts(network)
    for path in URLS:
        ours = _route(page_routing.route_for_request, language, path)
        wagtails = _route(Page.route_for_request, language, path)
        assert ours == wagtails, path


def _queries_to_route(path: str) -> int:
    request = RequestFactory().get(f"/en/{path}")
    with CaptureQueriesContext(connection) as queries:
        assert page_routing.route_for_request(request, path) is not None
    return len(queries)


def test_the_queries_do_not_grow_with_the_depth_of_the_page(public_section):
    _queries_to_route("")  # Wagtail's site root paths, cached as in production

    assert _queries_to_route("news/network-meeting-in-strasbourg/") <= _queries_to_route("") + 2


def test_a_draft_page_is_not_found(client, public_section):
    page = public_section.news_en
    with acting_as_system("withdrawal"):
        page.unpublish()

    assert client.get(page.url_path.replace("/home/", "/en/", 1)).status_code == 404


def test_the_access_rule_still_runs_on_routed_pages(client, network):
    response = client.get("/en/network/directory/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
