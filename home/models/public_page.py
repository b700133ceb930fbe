"""What every public page type shares: a summary, a body, a date, and where it may live.

These pages are drafted in the restricted network area and reach the public section only
through the joint approval (3.3). `home` knows nothing of the network area: any page type
that declares `holds_public_drafts = True` may hold their drafts.
"""

from typing import ClassVar

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import index_cards
from home.blocks import BaseStreamBlock
from home.public_pages import only_public
from nfp_site.page_counts import OncePerParent
from workflows.gate import JointApprovalGated

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class PublicPage(JointApprovalGated, Page):
    """Base of News item, Publication and Good practice."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Shown in lists, search results and feeds."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("date"),
        TranslatableField("intro"),
        TranslatableField("body"),
    ]
    # Nothing travels with a public page: it has no sub-pages (3.3).
    subpage_types: ClassVar[list[str]] = []
    # The index it belongs to in the public section, per language.
    index_page_type: ClassVar[str] = ""

    class Meta:
        abstract = True

    @classmethod
    def clean_parent_page_models(cls):
        """Its public index, and the page types holding drafts waiting for the joint approval."""
        parents = list(super().clean_parent_page_models())
        drafts = [
            model
            for model in get_page_models()
            if getattr(model, "holds_public_drafts", False) and model not in parents
        ]
        return [*parents, *drafts]


class PublicIndexPage(OncePerParent, JointApprovalGated, Page):
    """A public list of one page type, newest first, in the language of the page."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]
    parent_page_types: ClassVar[list[str]] = ["home.HomePage"]
    max_count_per_parent = 1
    per_page = 10

    class Meta:
        abstract = True

    @classmethod
    def item_model(cls) -> type[PublicPage]:
        return cls.clean_subpage_models()[0]

    def items(self) -> models.QuerySet:
        """Live, public items of this index: never a draft nor anything restricted."""
        return only_public(
            self.item_model()
            .objects.child_of(self)
            .live()
            .select_related("locale")
            .order_by("-date", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        rows = self.items().values_list(*index_cards.COLUMNS)
        items = Paginator(rows, self.per_page).get_page(request.GET.get("page"))
        items.object_list = index_cards.cards(items.object_list, request)
        context["items"] = items
        context["pagination"] = index_cards.pagination(items)
        return context
