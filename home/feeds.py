"""An RSS feed per language of the news and publications made public (3.3)."""

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from io import StringIO
from typing import NamedTuple

from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.timezone import get_default_timezone, is_naive, make_aware
from django.utils.translation import gettext_lazy as _
from django.utils.xmlutils import SimplerXMLGenerator
from wagtail.models import Locale

from home import locales
from home.models import NewsItemPage, PublicationPage
from home.page_urls import Address, page_urls
from home.public_pages import only_public, restricted_root_paths
from nfp_site import fragments
from nfp_site.prepared_sql import prepared_rows

FEED_LENGTH = 20
# The columns read, in the order of `values_list`.
COLUMNS = ("id", "url_path", "title", "intro", "first_published_at")


def _newest(roots: list[str], locale_id: int) -> QuerySet:
    """The `FEED_LENGTH` newest public news items and publications of a language, newest
    first (as PostgreSQL orders them: a page never published first), as rows of
    `COLUMNS`."""
    news, publications = (
        only_public(model.objects.live(), roots)
        .filter(locale_id=locale_id)
        .order_by()  # not the pages' own order (by path): the union's
        .values_list(*COLUMNS)
        for model in (NewsItemPage, PublicationPage)
    )
    return news.union(publications, all=True).order_by("-first_published_at", "-id")[:FEED_LENGTH]


def _pubdate(published: datetime | None) -> datetime | None:
    """An item's date as Django's `Feed.get_feed` makes it (aware; PostgreSQL's always is)."""
    if published and is_naive(published):
        return make_aware(published, get_default_timezone())
    return published


class FeedItem(NamedTuple):
    """An item of the feed: everything its `<item>` element is written from, hence the key
    its XML is kept under for the process (`xml`): a page renamed, redated or moved is
    another item, so nothing invalidates it (as the public indexes' cards, `index_cards`).
    A tuple: twenty are made, hashed and compared on every rendering of the feed."""

    title: str
    intro: str
    url: str
    # `first_published_at`, as Django's `Feed.get_feed` makes an item's date (`_pubdate`).
    pubdate: datetime | None
    # Where the absolute link points (`add_domain`): the request's domain and scheme.
    domain: str = ""
    secure: bool = False

    @classmethod
    def all_of(cls, rows: list[tuple], request: HttpRequest, domain: str) -> list["FeedItem"]:
        """An item for each row of `COLUMNS`, their URLs built at once (`page_urls`)."""
        urls = page_urls(request, {row[0]: Address(row[0], row[1]) for row in rows})
        secure = request.is_secure()
        return [
            cls(title, intro, urls[pk], _pubdate(published), domain, secure)
            for pk, _url_path, title, intro, published in rows
        ]

    @property
    def link(self) -> str:
        return add_domain(self.domain, self.url, self.secure)

    @property
    def xml(self) -> str:
        """The item's `<item>` element, written once per process by Django's own RSS 2.0
        writer, as `Feed.get_feed` would have added it (its guid its link)."""
        return fragments.kept_row(("rss-item", self), self._write)

    def _write(self) -> str:
        link = self.link
        one = Rss201rev2Feed(title="", link="", description="")
        one.add_item(
            title=self.title,
            link=link,
            description=self.intro,
            unique_id=link,
            unique_id_is_permalink=None,
            enclosures=[],
            pubdate=self.pubdate,
            updateddate=None,
            author_name=None,
            author_email=None,
            author_link=None,
            comments=None,
            categories=None,
            item_copyright=None,
        )
        out = StringIO()
        one.write_items(SimplerXMLGenerator(out, "utf-8", short_empty_elements=True))
        return out.getvalue()


class KeptItemsRss(Rss201rev2Feed):
    """Django's RSS 2.0 feed whose items (`FeedItem`, given as `feed_items`) each write the
    XML they keep: the channel is written by Django as before."""

    def __init__(self, *args, feed_items: tuple[FeedItem, ...] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.feed_items = feed_items

    def latest_post_date(self) -> datetime:
        dates = [item.pubdate for item in self.feed_items if item.pubdate]
        return max(dates) if dates else super().latest_post_date()

    def write_items(self, handler: SimplerXMLGenerator) -> None:
        # Written as it is, in one piece kept for these items (made of each item's own
        # until another is published): `ignorableWhitespace` closes any start tag left
        # open, then writes its text without escaping it again.
        items = self.feed_items
        handler.ignorableWhitespace(
            fragments.kept_row(("rss-items", items), lambda: "".join(i.xml for i in items))
        )


@dataclass(frozen=True)
class FeedOf:
    """What a feed is built from: a language, and the request (for page URLs)."""

    locale: Locale
    request: HttpRequest


class NewsAndPublicationsFeed(Feed):
    feed_type = KeptItemsRss
    title = _("Network of Focal Points on Migration: news and publications")
    description = _(
        "What the Network of Focal Points on Migration and the Division on Migration and "
        "Refugees of the Council of Europe have made public."
    )

    def get_object(self, request, *args, **kwargs) -> FeedOf:
        return FeedOf(locales.active_locale(), request)

    def link(self, feed: FeedOf) -> str:
        return f"/{feed.locale.language_code}/"

    def items(self, feed: FeedOf) -> tuple:
        """None for Django's loop over items: `feed_extra_kwargs` gives them to the writer,
        each of which writes its kept XML (`FeedItem.xml`)."""
        return ()

    def feed_extra_kwargs(self, feed: FeedOf) -> dict:
        return {"feed_items": tuple(self.feed_items(feed))}

    def feed_items(self, feed: FeedOf) -> list[FeedItem]:
        """The newest news items and publications, each read as one row of the columns the
        feed shows, not as a whole page (issue 17: a feed of 20 pages cost 1.8× a feed of one),
        in one query compiled once per process (`prepared_sql`) for each set of restricted
        roots (`only_public`)."""
        roots = restricted_root_paths()
        rows = prepared_rows(
            f"feeds.items:{','.join(roots)}", partial(_newest, roots), feed.locale.pk
        )
        domain = get_current_site(feed.request).domain
        return FeedItem.all_of(rows, feed.request, domain)

    def item_pubdate(self, item: FeedItem) -> datetime | None:
        """Never called (the items are written by `KeptItemsRss`), but Django's `Feed` sends
        `Last-Modified` (`latest_post_date`) only for a feed that defines it."""
        return item.pubdate
