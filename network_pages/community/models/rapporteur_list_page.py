from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .rapporteur import Rapporteur


class RapporteurListPage(Page):
    """The current thematic rapporteurs (4.8), with or without a thematic group."""

    intro = models.TextField(_("introduction"), blank=True, max_length=2000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["network_pages.NetworkHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("thematic rapporteurs page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rapporteurs"] = list(
            Rapporteur.objects.current()
            .select_related("user__member_profile__member_state", "thematic_group")
            .order_by("user__last_name", "user__first_name", "start_date")
        )
        return context
