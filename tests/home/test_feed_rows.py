"""Issue 17: the feed reads its items as rows of the columns it shows, not as whole pages:
the feed is, byte for byte, what it was (English and French, news and publications mixed,
a hostile title, more items than the feed holds), in no more queries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.models import Page

from home.feeds import FEED_LENGTH, NewsAndPublicationsFeed
from home.models import NewsItemPage, PublicationPage
from home.page_cache import start_new_generation
from home.public_pages import only_public
from tests.home.conftest import DRAFT_MARKER, RESTRICTED_MARKER, publish_under, rendered
from workflows.gate import acting_as_system

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


def feed_before(patched) -> None:
    """`NewsAndPublicationsFeed` as it was, verbatim: Django's own writer and item loop."""
    patched.setattr(NewsAndPublicationsFeed, "feed_type", Rss201rev2Feed)
    patched.setattr(NewsAndPublicationsFeed, "feed_extra_kwargs", lambda self, feed: {})
    patched.setattr(NewsAndPublicationsFeed, "items", items_before)
    patched.setattr(NewsAndPublicationsFeed, "item_title", lambda self, item: item.title)
    patched.setattr(NewsAndPublicationsFeed, "item_description", lambda self, item: item.intro)
    patched.setattr(NewsAndPublicationsFeed, "item_link", lambda self, item: item.feed_url)
    patched.setattr(
        NewsAndPublicationsFeed, "item_pubdate", lambda self, item: item.first_published_at
    )


def rendered_before(url: str, monkeypatch) -> str:
    with monkeypatch.context() as patched:
        feed_before(patched)
        return rendered(url)


@pytest.fixture
def many_items(public_section):
    news = public_section.indexes["en"]["newsindexpage"]
    publications = public_section.indexes["en"]["publicationindexpage"]
    for number in range(FEED_LENGTH):
        parent, model = (news, NewsItemPage) if number % 3 else (publications, PublicationPage)
        publish_under(parent, model(title=f"{HOSTILE} {number}", intro=HOSTILE))
    # In French, and with an address `reverse` quotes (written by Wagtail itself).
    french = public_section.indexes["fr"]["newsindexpage"]
    for number in range(3):
        publish_under(
            french, NewsItemPage(title=f"Été {HOSTILE} {number}", slug=f"été-{number}", intro="é")
        )


@pytest.mark.parametrize("url", ["/en/feed/", "/fr/feed/"])
def test_the_feed_is_written_as_before(many_items, url, monkeypatch):
    now = rendered(url)
    assert now == rendered_before(url, monkeypatch)
    assert "<script>" not in now
    assert DRAFT_MARKER not in now and RESTRICTED_MARKER not in now
    if url.startswith("/fr/"):
        assert "/fr/actualites/%C3%A9t%C3%A9-2/</link>" in now


def test_the_feed_holds_its_length_of_the_newest_items(many_items):
    xml = rendered("/en/feed/")
    assert xml.count("<item>") == FEED_LENGTH
    assert f"{FEED_LENGTH - 1}</title>" in xml and "Network meeting in Strasbourg" not in xml


def test_the_feed_reads_no_more_queries_than_before(many_items, monkeypatch):
    def queries(patch: bool) -> int:
        with monkeypatch.context() as patched:
            if patch:
                feed_before(patched)
            rendered("/en/feed/")  # the site's lookups kept, as on a server that runs
            start_new_generation()
            with CaptureQueriesContext(connection) as captured:
                Client().get("/en/feed/")
        return len(captured)

    assert queries(patch=False) <= queries(patch=True)


@pytest.mark.parametrize("url", ["/en/feed/", "/fr/feed/"])
def test_the_feed_sends_the_same_last_modified(many_items, url, monkeypatch):
    def last_modified() -> str:
        # Past the page cache, which would send the time it stored the feed instead.
        response = Client().get(f"{url}?uncached=1")
        assert "X-Page-Cache" not in response
        return response["Last-Modified"]

    with monkeypatch.context() as patched:
        feed_before(patched)
        before = last_modified()
    assert last_modified() == before


def test_an_item_renamed_is_in_the_feed_renamed_at_once(many_items):
    assert rendered("/en/feed/").count("<item>") == FEED_LENGTH  # each item now kept
    item = NewsItemPage.objects.filter(locale__language_code="en").latest("first_published_at")
    item.title = "Renamed news"
    with acting_as_system("test arrangement: a change the joint approval released"):
        item.save_revision().publish()
    assert "<title>Renamed news</title>" in rendered("/en/feed/")
