"""An RSS feed per language of the news and publications made public (3.3)."""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from home.models import NewsItemPage, PublicationPage
from home.public_pages import only_public

FEED_LENGTH = 20


class NewsAndPublicationsFeed(Feed):
    title = _("Network of Focal Points on Migration: news and publications")
    description = _(
        "What the Network of Focal Points on Migration and the Division on Migration and "
        "Refugees of the Council of Europe have made public."
    )

    def get_object(self, request, *args, **kwargs) -> Locale:
        return Locale.get_active()

    def link(self, locale: Locale) -> str:
        return f"/{locale.language_code}/"

    def items(self, locale: Locale):
        return (
            only_public(Page.objects.live())
            .type(NewsItemPage, PublicationPage)
            .filter(locale=locale)
            .select_related("locale")
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
            .specific()
        )

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.intro

    def item_link(self, item) -> str:
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at
