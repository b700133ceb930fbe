from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class AgendaItem(Orderable):
    """One item of a meeting's agenda; items are numbered in their order (4.1, 4.4)."""

    meeting = ParentalKey(
        "meetings.MeetingPage", on_delete=models.CASCADE, related_name="agenda_items"
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("short description"), blank=True, max_length=1000)
    speaker = models.CharField(
        _("rapporteur or speaker"), max_length=255, blank=True, help_text=_("Optional.")
    )
    suggested_by_state = models.ForeignKey(
        "network_pages.MemberState",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("suggested by"),
        help_text=_("Set when a member state's suggestion is accepted (4.4)."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("speaker"),
        FieldPanel("suggested_by_state", read_only=True),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title
