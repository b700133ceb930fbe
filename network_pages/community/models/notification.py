from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .notification_preference import Delivery, Kind


class Notification(models.Model):
    """One event for one recipient: the queue of digests and the log of what was sent.

    `event_key` names the event ("comment:42", "page:17"): a recipient hears of an event
    once, however often it is announced. The access rule is checked again when the email
    goes out; someone who may no longer see the page gets nothing (state DROPPED).
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENT = "sent", _("Sent")
        DROPPED = "dropped", _("Not sent: no longer visible to the recipient")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("about"), max_length=20, choices=Kind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    event_key = models.CharField(max_length=100)
    anchor = models.CharField(max_length=50, blank=True)
    delivery = models.CharField(
        _("delivery"),
        max_length=10,
        choices=Delivery.choices[:2],  # never "off"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event_key"], name="one_notification_per_event"
            )
        ]
        indexes = [
            models.Index(fields=["delivery", "state", "recipient"], name="notification_queue_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}"
