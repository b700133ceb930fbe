from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from network_pages.meetings.documents import is_members_only_collection


class MeetingDocument(Orderable):
    """A document of the meeting. It must sit in a members-only collection (3.1)."""

    meeting = ParentalKey(
        "meetings.MeetingPage", on_delete=models.CASCADE, related_name="meeting_documents"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Leave empty to use the document's.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or self.document.title

    def clean(self) -> None:
        super().clean()
        if self.document_id and not is_members_only_collection(self.document.collection):
            raise ValidationError(
                {
                    "document": _(
                        "This document is in a public collection. Move it to the meeting's "
                        "collection (under “Network documents”) first."
                    )
                }
            )
