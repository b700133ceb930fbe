from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UploadPolicy(models.Model):
    """Whether the Focal Points may add documents to the library of one meeting or thematic
    group (the DMR always may). Kept here rather than on the pages, so that the DMR sets it
    from the library itself and the page types stay as they are."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="library_upload_policy",
        verbose_name=_("meeting or thematic group"),
    )
    focal_points_may_upload = models.BooleanField(
        _("Focal Points may add documents"), default=False
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("library upload policy")
        verbose_name_plural = _("library upload policies")

    def __str__(self) -> str:
        return str(self.page_id)
