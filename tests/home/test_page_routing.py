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
from home.templatetags.language_links import language_links_for
from network_pages.publication_drafts.setup import ensure_publication_drafts
from workflows.gate import acting_as_system

pytestmark = pytest.mark.django_db

NEWS_PATH = "news/network-meeting-in-strasbourg/"
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


def _routed_request(path: str):
    request = RequestFactory().get(f"/en/{path}")
    request.user = AnonymousUser()
    with translation.override("en"):
        route = page_routing.route_for_request(request, path)
    return request, route[0]


def _language_links(request, page) -> tuple[dict[str, str], int]:
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        links = language_links_for(request, page)
    return {link.code: link.url for link in links}, len(queries)


def test_the_language_switcher_of_a_routed_page_reads_nothing_more(public_section):
    # A first request warms what production keeps per process: Wagtail's site root paths
    # and the locales (home/locales.py), which a test run first in its worker finds empty.
    _language_links(*_routed_request(NEWS_PATH))
    request, page = _routed_request(NEWS_PATH)

    links, queries = _language_links(request, page)

    assert links == {"en": f"/en/{NEWS_PATH}", "fr": public_section.news_fr.url}
    assert queries == 0


def test_a_translation_taken_offline_is_not_offered_by_the_switcher(public_section):
    with acting_as_system("withdrawal"):
        public_section.news_fr.unpublish()
    _routed_request(NEWS_PATH)
    request, page = _routed_request(NEWS_PATH)

    links, _queries = _language_links(request, page)

    assert links["fr"] == f"/en/{NEWS_PATH}?untranslated=fr"


def test_a_page_shown_by_another_view_still_gets_its_translations(public_section):
    """A page the request was not routed to: its translations are read for it."""
    request, _page = _routed_request("news/")

    links, queries = _language_links(request, public_section.news_en)

    assert links["fr"] == public_section.news_fr.url
    assert queries == 1
