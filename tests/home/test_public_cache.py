"""Anonymous visitors of the public section are served from the cache (home.page_cache);
signed-in visitors and restricted pages never are, and every change that matters empties it."""

from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.http import http_date
from wagtail.models import Page, PageViewRestriction

from home import page_cache
from home.models import NewsItemPage
from tests.conftest import sign_in
from tests.home.conftest import RESTRICTED_MARKER, publish_under, translate_into_french
from workflows.gate import acting_as_system

pytestmark = pytest.mark.django_db

STATUS = page_cache.STATUS_HEADER


def cached_entries() -> list[dict]:
    """Every page the cache holds (local memory in the tests)."""
    return [
        cache.get(key.split(":", 2)[2])
        for key in list(cache._cache)
        if page_cache.ENTRY_PREFIX in key
    ]


def test_the_second_anonymous_request_of_a_public_page_comes_from_the_cache(
    client, public_section, django_assert_num_queries
):
    first = client.get("/en/news/")
    with django_assert_num_queries(0):
        second = client.get("/en/news/")

    assert first[STATUS] == "stored"
    assert second[STATUS] == "hit"
    assert second.content == first.content


@pytest.mark.parametrize(
    "url", ["/en/", "/fr/", "/en/news/", "/en/news/?page=1", "/sitemap.xml", "/en/feed/"]
)
def test_public_pages_sitemap_and_feeds_are_cached(client, public_section, url):
    client.get(url)

    assert client.get(url)[STATUS] == "hit"


def test_a_cached_page_tells_browsers_and_cdns_how_long_to_keep_it(client, public_section):
    response = client.get("/en/news/")

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=60", "s-maxage=600"}
    assert "Cookie" in response["Vary"]
    assert response["ETag"]
    assert response["Last-Modified"]


def test_a_browser_holding_the_page_gets_304(client, public_section):
    etag = client.get("/en/news/")["ETag"]

    assert client.get("/en/news/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    later = http_date()
    assert client.get("/en/news/", HTTP_IF_MODIFIED_SINCE=later).status_code == 304
    assert client.get("/en/news/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


@pytest.mark.parametrize("verified", [True, False], ids=["verified", "password-only"])
def test_a_signed_in_visitor_is_never_served_from_the_cache(
    client, public_section, focal_point, verified
):
    client.get("/en/news/")
    sign_in(client, focal_point, verified=verified)

    response = client.get("/en/news/")

    assert STATUS not in response
    assert "public" not in response.get("Cache-Control", "")


def test_a_signed_in_visitor_is_never_stored(client, public_section, dmr_user):
    sign_in(client, dmr_user)
    client.get("/en/news/")
    assert cached_entries() == []
    client.logout()

    assert client.get("/en/news/")[STATUS] == "stored"


def test_restricted_pages_are_never_stored(client, public_section, network, dmr_user):
    anonymous = client.get(network.url)
    sign_in(client, dmr_user)
    allowed = client.get(network.url)
    client.logout()
    again = client.get(network.url)

    assert anonymous.status_code == 302
    assert allowed.status_code == 200
    assert again.status_code == 302
    assert STATUS not in allowed
    assert all(RESTRICTED_MARKER not in entry["content"].decode() for entry in cached_entries())
    assert all(network.url not in entry["url"] for entry in cached_entries())


def test_searches_and_other_queries_are_not_cached(client, public_section):
    for url in ("/en/search/?q=migration", "/en/news/?utm_source=x", "/en/news/?page=1&page=2"):
        client.get(url)
        assert STATUS not in client.get(url), url


def _warm(client, url: str) -> None:
    client.get(url)
    assert client.get(url)[STATUS] == "hit"


def test_publishing_a_page_empties_the_cache(client, public_section):
    _warm(client, "/en/news/")
    publish_under(
        public_section.indexes["en"]["newsindexpage"],
        NewsItemPage(title="Fresh from the press", intro="x"),
    )

    response = client.get("/en/news/")

    assert response[STATUS] == "stored"
    assert "Fresh from the press" in response.content.decode()


def test_unpublishing_a_page_empties_the_cache(client, public_section):
    _warm(client, "/en/news/")
    with acting_as_system("withdrawal"):
        public_section.news_en.unpublish()

    response = client.get("/en/news/")

    assert "Network meeting in Strasbourg" not in response.content.decode()


def test_deleting_a_page_empties_the_cache(client, public_section):
    _warm(client, "/en/news/")
    Page.objects.get(pk=public_section.news_en.pk).delete()

    assert "Network meeting in Strasbourg" not in client.get("/en/news/").content.decode()


def test_moving_a_page_empties_the_cache(client, public_section):
    _warm(client, "/en/news/")
    news = Page.objects.get(pk=public_section.news_en.pk)
    news.move(public_section.indexes["en"]["publicationindexpage"], pos="last-child")

    assert "Network meeting in Strasbourg" not in client.get("/en/news/").content.decode()


def test_restricting_a_page_empties_the_cache(client, public_section):
    url = public_section.publication_en.url
    _warm(client, url)
    PageViewRestriction.objects.create(
        page=public_section.publication_en, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(url)

    assert response.status_code == 302
    assert STATUS not in response


def test_translating_a_page_empties_the_cache(client, public_section):
    _warm(client, "/fr/publications/")
    translate_into_french(public_section.publication_en, title="Accueil des demandeurs d'asile")

    assert "Accueil des demandeurs" in client.get("/fr/publications/").content.decode()


def test_publishing_purges_the_cdn_when_one_is_configured(settings, public_section):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://cdn.invalid/",
        }
    }
    with mock.patch("home.cdn_purge.purge_urls_from_cache") as purge:
        with acting_as_system("release"):
            public_section.news_en.save_revision().publish()

    urls = purge.call_args.args[0]
    assert any(url.endswith("/en/news/network-meeting-in-strasbourg/") for url in urls)
    assert any(url.endswith("/en/news/") for url in urls)
    assert any(url.endswith("/sitemap.xml") for url in urls)
    assert any(url.endswith("/fr/feed/") for url in urls)


def test_nothing_is_purged_without_a_cdn(public_section):
    with mock.patch("home.cdn_purge.purge_urls_from_cache") as purge:
        with acting_as_system("release"):
            public_section.news_en.save_revision().publish()

    purge.assert_not_called()


# The middleware's own refusals, whatever the view says.


def _through_middleware(request, response: HttpResponse) -> HttpResponse:
    def view(request):
        page_cache.mark_public(request)
        return response

    return page_cache.PublicPageCacheMiddleware(view)(request)


def _anonymous_get(path="/en/somewhere/", **cookies):
    request = RequestFactory().get(path)
    request.COOKIES.update(cookies)
    request.user = AnonymousUser()
    return request


def test_a_response_setting_a_cookie_is_never_stored(db):
    response = HttpResponse("hello")
    response.set_cookie("csrftoken", "x")

    assert STATUS not in _through_middleware(_anonymous_get(), response)
    assert cached_entries() == []


def test_a_private_response_is_never_stored(db):
    response = HttpResponse("hello")
    response["Cache-Control"] = "private, no-store"

    assert STATUS not in _through_middleware(_anonymous_get(), response)


def test_a_request_marked_restricted_is_never_stored(db):
    request = _anonymous_get()
    request.nfp_restricted = True

    assert STATUS not in _through_middleware(request, HttpResponse("hello"))


def test_a_request_with_a_session_cookie_bypasses_the_cache(db, settings):
    _through_middleware(_anonymous_get(), HttpResponse("hello"))

    with_session = _anonymous_get(**{settings.SESSION_COOKIE_NAME: "abc"})
    assert STATUS not in _through_middleware(with_session, HttpResponse("fresh"))


def test_a_view_not_marked_public_is_never_stored(db):
    middleware = page_cache.PublicPageCacheMiddleware(lambda request: HttpResponse("hello"))

    assert STATUS not in middleware(_anonymous_get())
    assert cached_entries() == []
