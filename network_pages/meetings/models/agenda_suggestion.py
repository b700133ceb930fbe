from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AgendaSuggestion(models.Model):
    """4.4: a member state's suggestion for a meeting's agenda, and the DMR's decision."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    meeting = models.ForeignKey(
        "meetings.MeetingPage",
        on_delete=models.CASCADE,
        related_name="agenda_suggestions",
        verbose_name=_("meeting"),
    )
    title = models.CharField(_("suggested item"), max_length=255)
    rationale = models.TextField(_("rationale"), max_length=1000)
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("suggested by"),
    )
    member_state = models.ForeignKey(
        "network_pages.MemberState",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("member state"),
        help_text=_("The state the Focal Point represented when suggesting; empty for the DMR."),
    )
    created_at = models.DateTimeField(_("suggested"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True, max_length=1000)
    outcome_sent_at = models.DateTimeField(_("outcome emailed"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("agenda suggestion")
        verbose_name_plural = _("agenda suggestions")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "suggested_by", "title"],
                name="one_suggestion_per_title_and_person",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(decline_reason=""),
                name="declined_suggestion_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
