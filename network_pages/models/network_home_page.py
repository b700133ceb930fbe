from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from network_pages import access


class NetworkHomePage(Page):
    """The root of the restricted network area (3.1): members only, never public."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("network home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Titles and links only: no specific rows (one query per section type).
        context["sections"] = self.get_children().live().in_menu()
        return context

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            return self.route_not_found(request, path_components)

    def route_not_found(self, request, path_components):
        """A path under the network area that leads nowhere (no such page, a page never
        published, an unknown route) answers whoever may not enter the area exactly as
        an existing restricted page does: the area's refusal, never a 404 that tells them
        the page does not exist (issue 13). `home.page_routing` calls this too."""
        access.mark_restricted(request)
        if access.page_verdict(request, self) is access.Verdict.ALLOW:
            raise Http404
        # The network root itself goes to the access rule (before_serve_page), which
        # refuses this visitor as it refuses them any page of the area.
        return RouteResult(self)
