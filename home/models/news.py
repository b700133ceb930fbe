from django.utils.translation import gettext_lazy as _

from .public_page import PublicIndexPage, PublicPage


class NewsItemPage(PublicPage):
    """A news item of the DMR, public after the joint approval (3.3)."""

    parent_page_types = ["home.NewsIndexPage"]
    index_page_type = "home.NewsIndexPage"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


class NewsIndexPage(PublicIndexPage):
    subpage_types = ["home.NewsItemPage"]

    class Meta:
        verbose_name = _("news index")
