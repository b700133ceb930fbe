import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from network_pages.community import thematic_groups
from network_pages.community.comments.mixin import CommentablePageMixin
from network_pages.community.workspace_audiences import workspace_comment_audiences

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


def today() -> datetime.date:
    return timezone.localdate()


class ThematicGroupUpdateForm(WagtailAdminPageForm):
    """Documents of a workspace must be confidential ones (3.1): in the network's collection,
    or in the group's own collection when the workspace is for its members only."""

    def clean(self):
        cleaned_data = super().clean()
        group = self.parent_page
        if group is None and self.instance.pk:
            group = self.instance.get_parent()
        if group is None or not hasattr(group.specific, "workspace_members_only"):
            return cleaned_data
        group = group.specific
        for form in self.formsets["documents"].forms:
            document = form.cleaned_data.get("document") if form.is_valid() else None
            if document is None or form.cleaned_data.get("DELETE"):
                continue
            if not thematic_groups.document_collection_allowed(group, document.collection):
                if group.workspace_members_only:
                    collection = thematic_groups.workspace_collection(group)
                    message = gettext(
                        "This workspace is for the group's members only: put its documents "
                        "in the collection “%(collection)s”."
                    ) % {"collection": collection.name}
                else:
                    message = gettext(
                        "Documents of the network area belong in the members-only "
                        "collection “Network documents” (or one inside it)."
                    )
                form.add_error("document", message)
        return cleaned_data


class ThematicGroupUpdatePage(CommentablePageMixin, Page):
    """An update in a thematic group's workspace: news, minutes, documents (4.8)."""

    date = models.DateField(_("date"), default=today)
    body = RichTextField(_("text"), features=TEXT_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Document")),
    ]
    parent_page_types = ["community.ThematicGroupPage"]
    subpage_types: list[str] = []
    base_form_class = ThematicGroupUpdateForm

    class Meta:
        verbose_name = _("thematic group update")

    fixed_comment_audience = None  # it depends on the group's setting

    # Groups and updates answered together (`audience.audiences_of`): one query for both.
    comment_audiences_of = staticmethod(workspace_comment_audiences)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source_id = self.alias_of_id or self.pk
        context["documents"] = [
            link.document
            for link in UpdateDocument.objects.filter(update_id=source_id)
            .select_related("document")
            .order_by("sort_order")
        ]
        context["group"] = self.get_parent()
        return context


class UpdateDocument(Orderable):
    update = ParentalKey(
        ThematicGroupUpdatePage, on_delete=models.CASCADE, related_name="documents"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="thematic_group_updates",
        verbose_name=_("document"),
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
