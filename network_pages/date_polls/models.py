from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable


class DatePoll(ClusterableModel):
    """The DMR's proposal of dates for a meeting not yet convened (4.1, 4.3); each member
    state answers for each date, and the DMR turns the best one into the meeting's dates."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DECIDED = "decided", _("Decided")

    meeting = models.ForeignKey(
        "meetings.MeetingPage",
        on_delete=models.CASCADE,
        related_name="date_polls",
        verbose_name=_("meeting"),
        limit_choices_to={"alias_of__isnull": True},
    )
    message = models.TextField(_("message to the Focal Points"), blank=True, max_length=2000)
    answer_by = models.DateField(_("answer by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, editable=False
    )
    chosen = models.ForeignKey(
        "date_polls.DateOption",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("chosen dates"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("meeting"),
        FieldPanel("message"),
        FieldPanel("answer_by"),
        InlinePanel("options", label=_("Proposed dates"), min_num=1),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("date poll")
        verbose_name_plural = _("date polls")

    def __str__(self) -> str:
        return str(self.meeting)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class DateOption(Orderable):
    poll = ParentalKey(DatePoll, on_delete=models.CASCADE, related_name="options")
    opening = models.DateTimeField(_("opens"), help_text=_("Paris time."))
    closing = models.DateTimeField(_("closes"), help_text=_("Paris time."))

    panels = [FieldRowPanel([FieldPanel("opening"), FieldPanel("closing")])]

    class Meta(Orderable.Meta):
        verbose_name = _("proposed dates")
        verbose_name_plural = _("proposed dates")

    def __str__(self) -> str:
        return f"{self.opening:%Y-%m-%d %H:%M} – {self.closing:%Y-%m-%d %H:%M}"

    def clean(self) -> None:
        if self.opening and self.closing and self.closing <= self.opening:
            raise ValidationError({"closing": _("The meeting must close after it opens.")})


class Availability(models.TextChoices):
    YES = "yes", _("Yes")
    IF_NEED_BE = "if_need_be", _("If need be")
    NO = "no", _("No")


class DateAnswer(models.Model):
    """One member state's answer for one proposed date, given by its Focal Point."""

    option = models.ForeignKey(
        DateOption, on_delete=models.CASCADE, related_name="answers", verbose_name=_("dates")
    )
    member_state = models.ForeignKey(
        "network_pages.MemberState",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("member state"),
    )
    answer = models.CharField(_("answer"), max_length=12, choices=Availability.choices)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("date answer")
        verbose_name_plural = _("date answers")
        constraints = [
            models.UniqueConstraint(
                fields=["option", "member_state"], name="one_answer_per_state_and_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_state} · {self.get_answer_display()}"
