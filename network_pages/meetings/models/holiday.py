from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class HolidayQuerySet(models.QuerySet):
    def dates_between(self, start: date, end: date) -> frozenset[date]:
        """The holidays from `start` to `end` (both included), for the working-day rules."""
        return frozenset(self.filter(date__range=(start, end)).values_list("date", flat=True))


class Holiday(models.Model):
    """A day the DMR does not work, kept in the admin: it is not a working day (4.1)."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    objects = HolidayQuerySet.as_manager()

    class Meta:
        ordering = ["date"]
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.name}"
