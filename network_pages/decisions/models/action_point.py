from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .numbering import next_number


class OwnerKind(models.TextChoices):
    STATE = "state", _("A member state")
    GROUP = "group", _("A thematic group")
    DMR = "dmr", _("The DMR Secretariat")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ActionPointQuerySet(models.QuerySet):
    def still_open(self) -> "ActionPointQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, on=None) -> "ActionPointQuerySet":
        return self.still_open().filter(due_date__lt=on or timezone.localdate())


class ActionPoint(models.Model):
    """Something a meeting asked someone to do by a date: a member state, a thematic group
    or the DMR. Its owner reports progress with a note (`ActionProgress`)."""

    meeting = models.ForeignKey(
        "meetings.MeetingPage",
        on_delete=models.CASCADE,
        related_name="action_points",
        verbose_name=_("meeting"),
        limit_choices_to={"alias_of__isnull": True},
    )
    number = models.PositiveIntegerField(
        _("number"), blank=True, help_text=_("Left empty, the next number of the meeting.")
    )
    decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_points",
        verbose_name=_("decision"),
    )
    description = models.TextField(_("what is to be done"), max_length=2000)
    owner_kind = models.CharField(
        _("owner"), max_length=10, choices=OwnerKind.choices, default=OwnerKind.STATE
    )
    owner_state = models.ForeignKey(
        "network_pages.MemberState",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_points",
        verbose_name=_("member state"),
    )
    owner_group = models.ForeignKey(
        "community.ThematicGroupPage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_points",
        verbose_name=_("thematic group"),
        limit_choices_to={"alias_of__isnull": True},
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # The reminders command writes it: an overdue action is recalled once a week.
    last_reminded_on = models.DateField(null=True, blank=True, editable=False)

    objects = ActionPointQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("action point")
        verbose_name_plural = _("action points")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="one_action_number_per_meeting",
                violation_error_message=_(
                    "This meeting already has an action point with this number."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    Q(owner_kind="state", owner_state__isnull=False, owner_group__isnull=True)
                    | Q(owner_kind="group", owner_group__isnull=False, owner_state__isnull=True)
                    | Q(owner_kind="dmr", owner_state__isnull=True, owner_group__isnull=True)
                ),
                name="action_point_has_one_owner",
            ),
        ]
        indexes = [models.Index(fields=["status", "due_date"], name="action_open_due_idx")]

    def __str__(self) -> str:
        return f"{self.label} · {self.description[:60]}"

    def save(self, *args, **kwargs) -> None:
        if not self.number:
            self.number = next_number(ActionPoint, self.meeting_id)
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        return _("Action %(number)s") % {"number": self.number}

    @property
    def owner_label(self) -> str:
        if self.owner_kind == OwnerKind.STATE and self.owner_state_id:
            return self.owner_state.name
        if self.owner_kind == OwnerKind.GROUP and self.owner_group_id:
            return self.owner_group.title
        return str(OwnerKind.DMR.label)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.is_open and self.due_date is not None and self.due_date < on

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.owner_kind == OwnerKind.STATE and not self.owner_state_id:
            errors["owner_state"] = _("Choose the member state that owns this action.")
        if self.owner_kind == OwnerKind.GROUP and not self.owner_group_id:
            errors["owner_group"] = _("Choose the thematic group that owns this action.")
        if self.owner_kind != OwnerKind.STATE and self.owner_state_id:
            errors["owner_state"] = _("Only an action owned by a member state names one.")
        if self.owner_kind != OwnerKind.GROUP and self.owner_group_id:
            errors["owner_group"] = _("Only an action owned by a thematic group names one.")
        if self.decision_id and self.meeting_id and self.decision.meeting_id != self.meeting_id:
            errors["decision"] = _("Choose a decision of this meeting.")
        if errors:
            raise ValidationError(errors)


class ActionProgress(models.Model):
    """A note on an action point's progress, by its owner or the DMR, with the status it
    set: the history of the action stays readable."""

    action = models.ForeignKey(
        ActionPoint, on_delete=models.CASCADE, related_name="progress", verbose_name=_("action")
    )
    status = models.CharField(_("status"), max_length=12, choices=ActionStatus.choices)
    note = models.TextField(_("note"), max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self) -> str:
        return self.note[:60]
