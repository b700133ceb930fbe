from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .member_state import MemberState


class MemberProfile(models.Model):
    """Who a user is in the network: Focal Point or deputy of one state (1.1), DMR, or guest."""

    class Function(models.TextChoices):
        FOCAL_POINT = "focal_point", _("Focal Point")
        DEPUTY = "deputy", _("Deputy Focal Point")
        SECRETARIAT = "secretariat", _("DMR Secretariat")
        GUEST = "guest", _("Guest")

    STATE_FUNCTIONS = (Function.FOCAL_POINT, Function.DEPUTY)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="member_profile",
        verbose_name=_("user"),
    )
    member_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("member state"),
    )
    function = models.CharField(
        _("function"), max_length=20, choices=Function.choices, default=Function.FOCAL_POINT
    )
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES, default="en"
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive members are not listed in the directory.")
    )

    class Meta:
        ordering = ["member_state__name_en", "function", "user__last_name", "user__first_name"]
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(function__in=["focal_point", "deputy"])
                | models.Q(member_state__isnull=False),
                name="state_function_needs_a_member_state",
                violation_error_message=_("A Focal Point or deputy represents a member state."),
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    def clean(self) -> None:
        if self.function in self.STATE_FUNCTIONS and self.member_state_id is None:
            raise ValidationError(
                {"member_state": _("A Focal Point or deputy represents a member state.")}
            )
