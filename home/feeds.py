"""An RSS feed per language of the news and publications made public (3.3)."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from home import locales
from home.models import NewsItemPage, PublicationPage
from home.public_pages import only_public
from nfp_site.operations.model_loading import in_field_order, page_from_row

FEED_LENGTH = 20


def _newest_first_key(row: tuple) -> tuple:
    """`-first_published_at, -pk` as PostgreSQL orders it (a page never published first)."""
    pk, _url_path, _title, _intro, published = row
    return (published is None, published or datetime.min.replace(tzinfo=UTC), pk)


@dataclass(frozen=True)
class FeedItem:
    # The columns read, in the order of `values_list`.
    COLUMNS: ClassVar[tuple[str, ...]] = ("id", "url_path", "title", "intro", "first_published_at")
    _ADDRESS: ClassVar[tuple[str, ...]] = in_field_order(Page, ("id", "url_path"))

    title: str
    intro: str
    url: str
    first_published_at: datetime | None

    @classmethod
    def of(cls, row: tuple, request: HttpRequest) -> "FeedItem":
        """With the request, Wagtail reads the site's root paths once, not once per item."""
        pk, url_path, title, intro, published = row
        url = page_from_row(cls._ADDRESS, (pk, url_path)).get_url(request)
        return cls(title, intro, url, published)


@dataclass(frozen=True)
class FeedOf:
    """What a feed is built from: a language, and the request (for page URLs)."""

    locale: Locale
    request: HttpRequest


class NewsAndPublicationsFeed(Feed):
    title = _("Network of Focal Points on Migration: news and publications")
    description = _(
        "What the Network of Focal Points on Migration and the Division on Migration and "
        "Refugees of the Council of Europe have made public."
    )

    def get_object(self, request, *args, **kwargs) -> FeedOf:
        return FeedOf(locales.active_locale(), request)

    def link(self, feed: FeedOf) -> str:
        return f"/{feed.locale.language_code}/"

    def items(self, feed: FeedOf) -> list[FeedItem]:
        """The newest news items and publications, each read as one row of the columns the
        feed shows, not as a whole page (issue 17: a feed of 20 pages cost 1.8× a feed of one)."""
        rows = []
        for model in (NewsItemPage, PublicationPage):
            rows += (
                only_public(model.objects.live())
                .filter(locale=feed.locale)
                .order_by("-first_published_at", "-pk")
                .values_list(*FeedItem.COLUMNS)[:FEED_LENGTH]
            )
        rows.sort(key=_newest_first_key, reverse=True)
        return [FeedItem.of(row, feed.request) for row in rows[:FEED_LENGTH]]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.intro

    def item_link(self, item) -> str:
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at
