from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network_pages.models import MemberState


class ReminderLog(models.Model):
    """A reminder sent to one member state about one request it has not answered yet.

    Automatic reminders (`send_request_reminders`) go once per state and request; the DMR's
    own reminders at most once a day, so that a repeated click sends nothing twice.
    """

    class Kind(models.TextChoices):
        AUTOMATIC = "automatic", _("Automatic, before the deadline")
        MANUAL = "manual", _("Sent by the DMR")

    request = models.ForeignKey(
        "information.InformationRequestPage",
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("information request"),
    )
    member_state = models.ForeignKey(
        MemberState, on_delete=models.CASCADE, related_name="+", verbose_name=_("member state")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    sent_on = models.DateField(_("sent on"), default=timezone.localdate)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "member_state"],
                condition=models.Q(kind="automatic"),
                name="one_automatic_reminder_per_state_and_request",
            ),
            models.UniqueConstraint(
                fields=["request", "member_state", "kind", "sent_on"],
                name="one_reminder_per_state_request_and_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_state} · {self.sent_on}"
