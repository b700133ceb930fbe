from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from network_pages.community.thematic_groups import group_listing
from nfp_site.page_counts import OncePerParent

from .thematic_group_page import ThematicGroupPage


class ThematicGroupIndexPage(OncePerParent, Page):
    """The network's thematic groups (4.8), with a way to join each one."""

    intro = models.TextField(_("introduction"), blank=True, max_length=2000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["network_pages.NetworkHomePage"]
    subpage_types = ["community.ThematicGroupPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("thematic groups index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The groups' own rows in the query of the children (`specific()` read them next).
        groups = list(ThematicGroupPage.objects.child_of(self).live().order_by("title"))
        context["groups"] = group_listing(groups, request.user)
        return context
