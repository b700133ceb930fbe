"""One email in the outbox: queued with the work that caused it, sent by the worker.

It counts as sent only once the mail server accepted it. Until then it is tried again with
growing delays; a permanent failure (the server refused the address, or it kept failing
past `NFP_EMAIL_GIVE_UP_AFTER_HOURS`) is left for the DMR, who can send it again.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboundEmail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    subject = models.CharField(_("subject"), max_length=255)
    recipients = models.TextField(_("recipients"))
    # What kind of email (e.g. "information.reminder"): commands report on their own.
    purpose = models.CharField(_("purpose"), max_length=64, blank=True, db_index=True)
    # Who asked for it, for the feature that waits for its outcome (e.g. a convocation
    # delivery): "<label>:<pk>".
    reference = models.CharField(_("reference"), max_length=64, blank=True, db_index=True)
    message = models.JSONField(_("message"))

    created_at = models.DateTimeField(_("queued at"), default=timezone.now, db_index=True)
    # The give-up clock starts here; "send again" restarts it.
    queued_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # A worker that claimed the email owns it until then (a killed worker's claim lapses).
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx")]
        permissions = [("resend_outboundemail", _("Can send a failed email again"))]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipients}"
