"""An RSS feed per language of the news and publications made public (3.3)."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from home import locales
from home.models import NewsItemPage, PublicationPage
from home.public_pages import only_public

FEED_LENGTH = 20


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

    def items(self, feed: FeedOf):
        items = list(
            only_public(Page.objects.live())
            .type(NewsItemPage, PublicationPage)
            .filter(locale=feed.locale)
            .select_related("locale")
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
            .specific()
        )
        # With the request, Wagtail reads the site's root paths once, not once per item.
        for item in items:
            item.feed_url = item.get_url(feed.request)
        return items

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.intro

    def item_link(self, item) -> str:
        return item.feed_url

    def item_pubdate(self, item):
        return item.first_published_at
