from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Convocation(models.Model):
    """A convocation (or an update of it) as sent: by whom, when, what, to whom (4.1).

    `sequence` is the iCalendar SEQUENCE of the invitation it carried: 0 for the
    convocation, then one more for each update. Unique per meeting, so that a double
    submission cannot send the same convocation twice.
    """

    class Kind(models.TextChoices):
        CONVOCATION = "convocation", _("Convocation")
        UPDATE = "update", _("Update")
        CANCELLATION = "cancellation", _("Cancellation")

    meeting = models.ForeignKey(
        "meetings.MeetingPage",
        on_delete=models.CASCADE,
        related_name="convocations",
        verbose_name=_("meeting"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sequence = models.PositiveIntegerField(_("sequence"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    deadline = models.DateField(_("convocation deadline"))
    is_late = models.BooleanField(_("late"), default=False)
    late_reason = models.TextField(_("reason for the late convocation"), blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revision"),
    )
    snapshot = models.JSONField(_("content sent"), default=dict)

    class Meta:
        ordering = ["meeting", "sequence"]
        get_latest_by = "sequence"
        verbose_name = _("convocation")
        verbose_name_plural = _("convocations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "sequence"], name="one_convocation_per_meeting_sequence"
            ),
            models.CheckConstraint(
                condition=models.Q(is_late=False) | ~models.Q(late_reason=""),
                name="late_convocation_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.sequence}"


class ConvocationDelivery(models.Model):
    """One recipient of a convocation, and whether the email went out."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    convocation = models.ForeignKey(
        Convocation, on_delete=models.CASCADE, related_name="deliveries"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=255)
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    is_guest = models.BooleanField(_("guest"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=255, blank=True)

    class Meta:
        ordering = ["convocation", "name"]
        verbose_name = _("convocation delivery")
        verbose_name_plural = _("convocation deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["convocation", "email"], name="one_delivery_per_convocation_and_email"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
