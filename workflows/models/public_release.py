from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublicRelease(models.Model):
    """A page that a completed joint approval moved into the public section (3.3).

    One per workflow (the unique key makes a double release impossible); it keeps the
    approved revision and, if the DMR withdraws the page, when, by whom and why.
    """

    workflow_state = models.OneToOneField(
        "wagtailcore.WorkflowState",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("workflow"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("page"),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("approved revision"),
    )
    title = models.CharField(_("title"), max_length=255)
    released_at = models.DateTimeField(_("made public at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    withdrawal_reason = models.TextField(_("reason for the withdrawal"), blank=True)

    class Meta:
        verbose_name = _("public release")
        verbose_name_plural = _("public releases")
        ordering = ["-released_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None
