from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .member_state import MemberState


class NationalNetworkOrganisation(models.Model):
    """A stakeholder in a member state's national migration network (3.4)."""

    class Kind(models.TextChoices):
        GOVERNMENTAL = "governmental", _("Governmental")
        NON_GOVERNMENTAL = "non_governmental", _("Non-governmental")
        INTERNATIONAL = "international", _("International")

    member_state = models.ForeignKey(
        MemberState,
        on_delete=models.CASCADE,
        related_name="national_network",
        verbose_name=_("member state"),
    )
    name = models.CharField(_("organisation"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        ordering = ["member_state__name_en", "name"]
        verbose_name = _("national network organisation")
        verbose_name_plural = _("national network organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["member_state", "name"], name="one_organisation_name_per_state"
            )
        ]

    def __str__(self) -> str:
        return self.name
