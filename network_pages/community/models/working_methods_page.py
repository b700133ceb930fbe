from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page

from network_pages.community import working_methods
from network_pages.community.blocks import WorkingMethodsStreamBlock
from network_pages.community.comments.mixin import CommentablePageMixin
from nfp_site.page_counts import OncePerParent


class WorkingMethodsPage(OncePerParent, CommentablePageMixin, Page):
    """The network's current working methods (4.10): the DMR revises them, members see
    what changed and when, and comment with suggestions."""

    adopted_on = models.DateField(
        _("date of this version"), null=True, blank=True, help_text=_("As printed on it.")
    )
    body = StreamField(WorkingMethodsStreamBlock(), verbose_name=_("working methods"))

    content_panels = [*Page.content_panels, FieldPanel("adopted_on"), FieldPanel("body")]
    parent_page_types = ["network_pages.NetworkHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("working methods page")

    @path("history/", name="history")
    def history_route(self, request: HttpRequest) -> TemplateResponse:
        """4.10: the published versions, newest first, each with what changed."""
        request.is_preview = getattr(request, "is_preview", False)
        texts = self.texts()
        paginator = Paginator(
            working_methods.published_versions(texts), working_methods.VERSIONS_PER_PAGE
        )
        listing = paginator.get_page(request.GET.get("page"))
        return self.render(
            request,
            template="community/working_methods_history.html",
            context_overrides={
                "versions": working_methods.with_changes(listing.object_list),
                "pending": working_methods.pending_languages(texts),
                "pagination": listing,
            },
        )

    def texts(self):
        """The working methods in each language (issue 15): the English page and its French
        translation, never an alias (a subquery, read with what uses it)."""
        return Page.objects.filter(translation_key=self.translation_key, alias_of__isnull=True)
