"""Issue 17: the feed reads its items as rows of the columns it shows, not as whole pages:
the feed is, byte for byte, what it was (English and French, news and publications mixed,
a hostile title, more items than the feed holds), in no more queries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home import feeds
from home.feeds import FEED_LENGTH, NewsAndPublicationsFeed
from home.models import NewsItemPage, PublicationPage
from home.page_cache import start_new_generation
from home.public_pages import only_public
from tests.home.conftest import DRAFT_MARKER, RESTRICTED_MARKER, publish_under, rendered

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & l\'été "quoted" ]]>'


def items_before(self, feed):
    """`NewsAndPublicationsFeed.items` as it was, verbatim."""
    items = list(
        only_public(Page.objects.live())
        .type(NewsItemPage, PublicationPage)
        .filter(locale=feed.locale)
        .select_related("locale")
        .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        .specific()
    )
    for item in items:
        item.feed_url = item.get_url(feed.request)
    return items


def rendered_before(url: str, monkeypatch) -> str:
    with monkeypatch.context() as patched:
        patched.setattr(NewsAndPublicationsFeed, "items", items_before)
        patched.setattr(NewsAndPublicationsFeed, "item_link", lambda self, item: item.feed_url)
        return rendered(url)


@pytest.fixture
def many_items(public_section):
    news = public_section.indexes["en"]["newsindexpage"]
    publications = public_section.indexes["en"]["publicationindexpage"]
    for number in range(FEED_LENGTH):
        parent, model = (news, NewsItemPage) if number % 3 else (publications, PublicationPage)
        publish_under(parent, model(title=f"{HOSTILE} {number}", intro=HOSTILE))


@pytest.mark.parametrize("url", ["/en/feed/", "/fr/feed/"])
def test_the_feed_is_written_as_before(many_items, url, monkeypatch):
    now = rendered(url)
    assert now == rendered_before(url, monkeypatch)
    assert "<script>" not in now
    assert DRAFT_MARKER not in now and RESTRICTED_MARKER not in now


def test_the_feed_holds_its_length_of_the_newest_items(many_items):
    xml = rendered("/en/feed/")
    assert xml.count("<item>") == FEED_LENGTH
    assert f"{FEED_LENGTH - 1}</title>" in xml and "Network meeting in Strasbourg" not in xml


def test_the_feed_reads_no_more_queries_than_before(many_items, monkeypatch):
    def queries(patch: bool) -> int:
        with monkeypatch.context() as patched:
            if patch:
                patched.setattr(NewsAndPublicationsFeed, "items", items_before)
                patched.setattr(NewsAndPublicationsFeed, "item_link", lambda s, i: i.feed_url)
            rendered("/en/feed/")  # the site's lookups kept, as on a server that runs
            start_new_generation()
            with CaptureQueriesContext(connection) as captured:
                Client().get("/en/feed/")
        return len(captured)

    assert queries(patch=False) <= queries(patch=True)


def test_a_page_never_published_is_ordered_as_postgresql_orders_it():
    never = (1, "/x/", "t", "i", None)
    published = (2, "/y/", "t", "i", feeds.datetime(2030, 1, 1, tzinfo=feeds.UTC))
    assert sorted([published, never], key=feeds._newest_first_key, reverse=True) == [
        never,
        published,
    ]
