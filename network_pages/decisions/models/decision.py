from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .numbering import next_number


class Decision(models.Model):
    """A decision the network took at a meeting, numbered within it, with the agenda item
    it answers (4.1, 4.2: the DMR chairs and keeps the record)."""

    meeting = models.ForeignKey(
        "meetings.MeetingPage",
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("meeting"),
        limit_choices_to={"alias_of__isnull": True},
    )
    number = models.PositiveIntegerField(
        _("number"), blank=True, help_text=_("Left empty, the next number of the meeting.")
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("agenda item"),
    )
    text = models.TextField(_("decision"), max_length=4000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
        editable=False,
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="one_decision_number_per_meeting",
                violation_error_message=_("This meeting already has a decision with this number."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.label} · {self.text[:60]}"

    def save(self, *args, **kwargs) -> None:
        if not self.number:
            self.number = next_number(Decision, self.meeting_id)
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        return _("Decision %(number)s") % {"number": self.number}

    def clean(self) -> None:
        super().clean()
        if self.agenda_item_id and self.meeting_id:
            if self.agenda_item.meeting_id != self.meeting_id:
                raise ValidationError(
                    {"agenda_item": _("Choose an item of this meeting's agenda.")}
                )
