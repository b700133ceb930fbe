"""A large cached page (the sitemap at network size) is also kept in the worker's memory
under the same key (home.page_cache): a hit no longer moves the whole page out of Redis, and
a new generation or the entry's expiry leaves the copy behind as it leaves the entry."""

import time

import pytest
from django.core.cache import cache

from home import page_cache
from home.models import NewsItemPage
from tests.conftest import sign_in
from tests.home.conftest import publish_under

pytestmark = pytest.mark.django_db

STATUS = page_cache.STATUS_HEADER


@pytest.fixture(autouse=True)
def no_copies_between_tests():
    page_cache._kept_locally.clear()
    yield
    page_cache._kept_locally.clear()


@pytest.fixture
def every_page_is_large(monkeypatch):
    monkeypatch.setattr(page_cache, "KEPT_LOCALLY_FROM_BYTES", 1)


def shared_entry_keys() -> list[str]:
    return [key.split(":", 2)[2] for key in list(cache._cache) if page_cache.ENTRY_PREFIX in key]


def test_a_small_page_is_kept_in_the_shared_cache_only(client, public_section):
    client.get("/en/news/")
    assert client.get("/en/news/")[STATUS] == "hit"
    assert not page_cache._kept_locally


def test_a_large_page_is_served_from_the_workers_copy_without_the_shared_cache(
    client, public_section, every_page_is_large
):
    first = client.get("/en/news/")
    for key in shared_entry_keys():
        cache.delete(key)

    second = client.get("/en/news/")

    assert second[STATUS] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_a_publication_is_shown_at_once_whatever_the_worker_kept(
    client, public_section, every_page_is_large
):
    client.get("/en/news/")
    publish_under(
        public_section.indexes["en"]["newsindexpage"],
        NewsItemPage(title="Fresh from the press", intro="x"),
    )

    response = client.get("/en/news/")

    assert response[STATUS] == "stored"
    assert "Fresh from the press" in response.content.decode()


def test_an_expired_copy_is_not_served(client, public_section, every_page_is_large, monkeypatch):
    client.get("/en/news/")
    for key in shared_entry_keys():
        cache.delete(key)
    later = time.time() + page_cache._seconds() + 1
    monkeypatch.setattr(page_cache.time, "time", lambda: later)

    assert client.get("/en/news/")[STATUS] == "stored"


def test_the_worker_keeps_a_bounded_number_of_copies(
    client, public_section, every_page_is_large, monkeypatch
):
    monkeypatch.setattr(page_cache, "KEPT_LOCALLY_AT_MOST", 2)
    for url in ("/en/", "/fr/", "/en/news/"):
        client.get(url)

    assert len(page_cache._kept_locally) == 2


def test_a_signed_in_visitor_is_never_served_the_workers_copy(
    client, public_section, every_page_is_large, focal_point
):
    client.get("/en/news/")
    sign_in(client, focal_point)

    assert page_cache.STATUS_HEADER not in client.get("/en/news/")
