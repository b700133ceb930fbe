from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class ExternalParticipant(Orderable):
    """An expert or organisation invited to one meeting (1.2, 4.3).

    When the meeting is published, each gets a guest account (an invitation to set a
    password and a second factor, like everyone) that opens this meeting and its documents
    only.
    """

    meeting = ParentalKey(
        "meetings.MeetingPage", on_delete=models.CASCADE, related_name="external_participants"
    )
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES, default="en"
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("preferred_language")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("external participant")
        verbose_name_plural = _("external participants")

    def __str__(self) -> str:
        return self.name
