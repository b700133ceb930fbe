from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField

from .public_page import PublicIndexPage, PublicPage


class PublicationPage(PublicPage):
    """A publication (report, study, summary of exchanges) made public jointly (3.3)."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("publication file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A public document: files of the network's collection are refused."),
    )

    content_panels = [*PublicPage.content_panels, FieldPanel("document")]
    translatable_fields = [*PublicPage.translatable_fields, SynchronizedField("document")]
    parent_page_types = ["home.PublicationIndexPage"]
    index_page_type = "home.PublicationIndexPage"

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")


class PublicationIndexPage(PublicIndexPage):
    subpage_types = ["home.PublicationPage"]

    class Meta:
        verbose_name = _("publications index")
