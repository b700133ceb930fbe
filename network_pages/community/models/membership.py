from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Membership(models.Model):
    """A member who joined a thematic group voluntarily (4.8), or whom the DMR added.

    Always attached to the group's source page, so that its French alias shows the same
    members. Joining puts the user in the group's own Django group (see
    `thematic_groups.workspace_group`), which is what a members-only workspace's view
    restriction names: the one access rule does the check.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="thematic_group_memberships",
        verbose_name=_("member"),
    )
    group = models.ForeignKey(
        "community.ThematicGroupPage",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("thematic group"),
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )

    class Meta:
        ordering = ["group__title", "user__last_name", "user__first_name"]
        verbose_name = _("thematic group member")
        verbose_name_plural = _("thematic group members")
        constraints = [
            models.UniqueConstraint(fields=["user", "group"], name="one_membership_per_group")
        ]

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.get_username()
        return f"{name} · {self.group.title}"
