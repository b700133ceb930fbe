from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Attendance(models.Model):
    """An invited person's answer: in person, online or not attending. One per meeting."""

    class Response(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        NOT_ATTENDING = "not_attending", _("Not attending")

    meeting = models.ForeignKey(
        "meetings.MeetingPage",
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("meeting"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_attendances",
        verbose_name=_("user"),
    )
    response = models.CharField(_("attendance"), max_length=20, choices=Response.choices)
    updated_at = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        ordering = ["meeting", "user__last_name", "user__first_name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_answer_per_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_response_display()}"
