"""One run of a periodic job (reminders, digests) for one period.

The row is the claim: however many workers tick at the same time, one of them runs the
job for a given day. A run that failed is tried again at the next tick after its delay.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    job = models.CharField(_("job"), max_length=64)
    period = models.CharField(_("period"), max_length=32)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    succeeded = models.BooleanField(_("succeeded"), null=True)
    output = models.TextField(_("output"), blank=True)
    attempts = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [
            models.UniqueConstraint(fields=["job", "period"], name="one_run_per_job_and_period")
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.period}"
