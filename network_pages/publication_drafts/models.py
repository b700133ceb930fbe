from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, WorkflowState

from network_pages import network_area
from nfp_site.page_counts import OncePerParent
from workflows.gate import JointApprovalGated


class PublicationDraftsPage(OncePerParent, JointApprovalGated, Page):
    """Publication drafts (3.3): public page types written in the network area, waiting for
    the network and the DMR to approve them jointly. Restricted by the network root."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["network_pages.NetworkHomePage"]
    subpage_types = ["home.NewsItemPage", "home.PublicationPage", "home.GoodPracticePage"]
    max_count_per_parent = 1
    # The public page types (home) accept any parent that declares this.
    holds_public_drafts = True

    class Meta:
        verbose_name = _("publication drafts")
        verbose_name_plural = _("publication drafts")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The drafts live under the original; its French page lists the same ones.
        source = network_area.source_of(self)
        drafts = list(source.get_children().order_by("-latest_revision_created_at"))
        in_moderation = set(
            WorkflowState.objects.active()
            .filter(
                base_content_type_id=source.get_base_content_type().pk,
                object_id__in=[str(draft.pk) for draft in drafts],
            )
            .values_list("object_id", flat=True)
        )
        for draft in drafts:
            draft.in_joint_approval = str(draft.pk) in in_moderation
        context["drafts"] = drafts
        return context
