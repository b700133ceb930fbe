from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Approval(models.Model):
    """One person's approval of one revision, for one party of a joint approval (3.3)."""

    task_state = models.ForeignKey(
        "workflows.JointApprovalTaskState",
        on_delete=models.CASCADE,
        related_name="approvals",
        verbose_name=_("task state"),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("revision"),
    )
    party = models.ForeignKey(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("party")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["approved_at", "pk"]
        constraints = [
            # One person counts once per revision, whatever the party.
            models.UniqueConstraint(
                fields=["task_state", "revision", "user"],
                name="workflows_one_approval_per_person_and_revision",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_display} ({self.party})"

    @property
    def user_display(self) -> str:
        if self.user is None:
            return str(_("(deleted user)"))
        return self.user.get_full_name() or self.user.get_username()


class PrecautionReview(models.Model):
    """The precaution review (3.3) completed with an approval: the ticked checklist and notes."""

    approval = models.OneToOneField(
        Approval,
        on_delete=models.CASCADE,
        related_name="precaution_review",
        verbose_name=_("approval"),
    )
    checklist = models.JSONField(_("checklist"), default=list)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("completed at"), default=timezone.now)

    class Meta:
        verbose_name = _("precaution review")
        verbose_name_plural = _("precaution reviews")

    def __str__(self) -> str:
        return str(_("Precaution review by %(user)s") % {"user": self.approval.user_display})
