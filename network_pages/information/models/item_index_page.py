from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from network_pages.area_addresses import LocalizedRoutesMixin
from network_pages.information.views import items as item_views
from nfp_site.page_counts import OncePerParent

from .item_page import InformationItemAttachment, InformationItemPage
from .request_index_page import unique_child_slug


class InformationItemIndexPage(OncePerParent, LocalizedRoutesMixin, RoutablePageMixin, Page):
    """Information and good practices shared in the network (2.1.a, 2.1.b, 2.1.d, 4.7)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["network_pages.NetworkHomePage"]
    subpage_types = ["information.InformationItemPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("information item index")

    @path("")
    def index_route(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return item_views.item_index(request, self)

    @path("submit/", name="submit_item")
    def submit_item(self, request: HttpRequest) -> HttpResponse:
        return item_views.submit_item(request, self)

    def live_items(self):
        return InformationItemPage.objects.child_of(self).live()

    def add_draft_item(
        self, *, user, member_state, title: str, themes: list[str], documents=(), **fields
    ) -> InformationItemPage:
        """Information a Focal Point submitted (4.7): a draft for the DMR to review."""
        page = InformationItemPage(
            title=title,
            slug=unique_child_slug(self, title, "information"),
            live=False,
            owner=user,
            submitted_by=user,
            member_state=member_state,
            item_type=InformationItemPage.Kind.MEMBER_INFORMATION,
            locale_id=self.locale_id,
            **fields,
        )
        page.attachments = [
            InformationItemAttachment(document=document, sort_order=order)
            for order, document in enumerate(documents)
        ]
        page.tags.set(themes)
        self.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        return page
