from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingAccess(models.Model):
    """Who besides the members may open one meeting: its guest group and its documents'
    collection (1.2). Kept apart from the page, so that revisions never carry it."""

    meeting = models.OneToOneField(
        "meetings.MeetingPage",
        on_delete=models.CASCADE,
        related_name="access",
        verbose_name=_("meeting"),
    )
    guest_group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="+", verbose_name=_("guest group")
    )
    documents_collection = models.OneToOneField(
        "wagtailcore.Collection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("documents collection"),
    )

    class Meta:
        verbose_name = _("meeting access")
        verbose_name_plural = _("meeting access")

    def __str__(self) -> str:
        return str(self.guest_group)
