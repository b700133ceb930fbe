import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from nfp_site.page_counts import OncePerParent
from nfp_site.prepared_sql import prepared_objects

from .rapporteur import Rapporteur


class RapporteurListPage(OncePerParent, Page):
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
        # SQL compiled once per process (prepared_sql): its shape never changes.
        rapporteurs = prepared_objects("rapporteurs.current", _current_terms, timezone.localdate())
        group_urls = _group_urls_in(self.locale_id, rapporteurs, request)
        for term in rapporteurs:
            term.group_url = group_urls.get(term.thematic_group_id, "")
        context["rapporteurs"] = rapporteurs
        return context


def _current_terms(today: datetime.date):
    return (
        Rapporteur.objects.current(today)
        .select_related("user__member_profile__member_state", "thematic_group")
        .order_by("user__last_name", "user__first_name", "start_date")
    )


def _group_urls_in(locale_id: int, rapporteurs: list[Rapporteur], request) -> dict[int, str]:
    """{group id: URL of the group in this page's language} (its alias there, if any)."""
    groups = {
        term.thematic_group_id: term.thematic_group for term in rapporteurs if term.thematic_group
    }
    keys = {group.translation_key for group in groups.values()}
    in_locale = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale_id=locale_id)
    }
    return {
        pk: in_locale.get(group.translation_key, group).get_url(request)
        for pk, group in groups.items()
    }
