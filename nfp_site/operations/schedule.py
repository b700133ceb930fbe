"""The daily jobs the worker runs itself (or cron, one line each: see the README).

`NFP_DAILY_JOBS` maps a management command to the local time (TIME_ZONE) after which it
runs each day. The `ScheduledRun` row for (job, day) is the claim, so one worker of many
runs it. A run that failed (the command raised: e.g. emails it could not send) is run
again after `RETRY_FAILED_AFTER`; the commands are idempotent, so a rerun only finishes
what is left. A run whose worker died is taken over after `TAKE_OVER_AFTER`.
"""

import io
import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .models import ScheduledRun

logger = logging.getLogger(__name__)

RETRY_FAILED_AFTER = timedelta(minutes=15)
TAKE_OVER_AFTER = timedelta(hours=1)
OUTPUT_LENGTH = 10_000


@dataclass(frozen=True)
class DailyJob:
    command: str
    at: time


def daily_jobs() -> list[DailyJob]:
    return [
        DailyJob(command, time.fromisoformat(at))
        for command, at in settings.NFP_DAILY_JOBS.items()
        if at
    ]


def _claim(job: DailyJob, period: str, now: datetime) -> ScheduledRun | None:
    try:
        with transaction.atomic():
            return ScheduledRun.objects.create(job=job.command, period=period, started_at=now)
    except IntegrityError:
        pass
    again = Q(succeeded=False, finished_at__lt=now - RETRY_FAILED_AFTER) | Q(
        succeeded__isnull=True, started_at__lt=now - TAKE_OVER_AFTER
    )
    run = ScheduledRun.objects.filter(job=job.command, period=period).filter(again).first()
    if run is None:
        return None
    taken = (
        ScheduledRun.objects.filter(pk=run.pk, started_at=run.started_at, attempts=run.attempts)
        .filter(again)
        .update(
            started_at=now,
            finished_at=None,
            succeeded=None,
            attempts=run.attempts + 1,
        )
    )
    if not taken:
        return None
    run.refresh_from_db()
    return run


def execute(run: ScheduledRun) -> ScheduledRun:
    output = io.StringIO()
    try:
        call_command(run.job, stdout=output, stderr=output)
    except Exception as error:
        succeeded = False
        output.write(f"\n{type(error).__name__}: {error}")
        logger.error("scheduled job %s failed", run.job, exc_info=error)
    else:
        succeeded = True
        logger.info("scheduled job %s done", run.job)
    ScheduledRun.objects.filter(pk=run.pk).update(
        finished_at=timezone.now(), succeeded=succeeded, output=output.getvalue()[-OUTPUT_LENGTH:]
    )
    run.refresh_from_db()
    return run


def run_due_jobs(now: datetime | None = None) -> list[ScheduledRun]:
    """Run every daily job whose time has come today and that no worker ran yet."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    runs = []
    for job in daily_jobs():
        if local.time() < job.at:
            continue
        run = _claim(job, local.date().isoformat(), now)
        if run is not None:
            runs.append(execute(run))
    return runs
