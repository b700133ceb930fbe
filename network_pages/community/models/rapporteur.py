import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network_pages import roles


class RapporteurQuerySet(models.QuerySet):
    def current(self, today: datetime.date | None = None) -> "RapporteurQuerySet":
        """Terms that have started and not ended on `today` (the local date by default)."""
        today = today or timezone.localdate()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=today), start_date__lte=today)

    def overlapping(self, start: datetime.date, end: datetime.date | None) -> "RapporteurQuerySet":
        overlaps = Q(end_date__isnull=True) | Q(end_date__gte=start)
        if end is not None:
            overlaps &= Q(start_date__lte=end)
        return self.filter(overlaps)


class Rapporteur(models.Model):
    """A thematic rapporteur appointed on a voluntary basis (4.8), for a term.

    A rapporteur works for a thematic group or on a theme of their own, without a group.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="rapporteur_terms",
        verbose_name=_("rapporteur"),
        limit_choices_to={"groups__name": roles.FOCAL_POINTS, "is_active": True},
    )
    thematic_group = models.ForeignKey(
        "community.ThematicGroupPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rapporteurs",
        verbose_name=_("thematic group"),
        help_text=_("Leave empty for a rapporteur appointed without a thematic group."),
    )
    theme = models.CharField(
        _("theme"),
        max_length=200,
        blank=True,
        help_text=_("Required for a rapporteur without a thematic group."),
    )
    start_date = models.DateField(_("start of the term"))
    end_date = models.DateField(
        _("end of the term"), null=True, blank=True, help_text=_("Leave empty if open-ended.")
    )
    volunteered = models.BooleanField(
        _("volunteered"),
        default=False,
        help_text=_("Rapporteurs are appointed on a voluntary basis (working methods, 4.8)."),
    )
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("appointed by"),
    )
    appointed_at = models.DateTimeField(_("appointed"), default=timezone.now)

    objects = RapporteurQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "user__last_name"]
        verbose_name = _("thematic rapporteur")
        verbose_name_plural = _("thematic rapporteurs")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="rapporteur_term_ends_after_it_starts",
                violation_error_message=_("The term cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.get_username()
        return f"{name} · {self.subject}"

    @property
    def subject(self) -> str:
        """What the rapporteur reports on: the group's theme or their own."""
        if self.thematic_group_id:
            return self.theme or self.thematic_group.theme or self.thematic_group.title
        return self.theme

    def is_current(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.start_date <= today and (self.end_date is None or self.end_date >= today)

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if not self.volunteered:
            errors.setdefault("volunteered", []).append(
                _("A thematic rapporteur is appointed only on a voluntary basis (4.8).")
            )
        if not self.thematic_group_id and not self.theme.strip():
            errors.setdefault("theme", []).append(
                _("Give the theme of a rapporteur appointed without a thematic group.")
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors.setdefault("end_date", []).append(_("The term cannot end before it starts."))
        if self.user_id and self.start_date and not errors:
            others = (
                Rapporteur.objects.filter(user_id=self.user_id)
                .exclude(pk=self.pk)
                .overlapping(self.start_date, self.end_date)
            )
            if self.thematic_group_id:
                others = others.filter(thematic_group_id=self.thematic_group_id)
            else:
                others = others.filter(thematic_group__isnull=True, theme__iexact=self.theme)
            if others.exists():
                errors.setdefault("start_date", []).append(
                    _("This person already has a term on this subject for these dates.")
                )
        if errors:
            raise ValidationError(errors)
