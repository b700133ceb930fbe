"""The background worker: django-tasks-db's worker, plus housekeeping once a minute.

Housekeeping (in a thread beside the task loop):
* emails whose delivery task was lost are enqueued again (`outbox.sweep`);
* a task left "running" by a worker that was killed goes back to the queue after
  `NFP_TASK_STALE_AFTER_MINUTES` (every task of the project is safe to run again);
* the daily jobs whose time has come run (`schedule`), unless `--no-schedule`.
"""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connections
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from . import outbox, schedule

logger = logging.getLogger(__name__)

DELIVERY_TASK = outbox.deliver_email.module_path


def emails_with_a_task() -> set[int]:
    """Emails that a waiting or running delivery task already covers."""
    pending = DBTaskResult.objects.filter(
        task_path=DELIVERY_TASK,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).values_list("args_kwargs", flat=True)
    return {arguments["args"][0] for arguments in pending.iterator() if arguments.get("args")}


def requeue_stale_tasks() -> int:
    """Tasks "running" for longer than any of ours takes: their worker died."""
    limit = timezone.now() - timedelta(minutes=settings.NFP_TASK_STALE_AFTER_MINUTES)
    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=limit)
    count = stale.update(status=TaskResultStatus.READY, started_at=None)
    if count:
        logger.warning("%d stale task(s) put back in the queue", count)
    return count


def housekeeping(*, run_schedule: bool) -> None:
    close_old_connections()
    try:
        requeue_stale_tasks()
        swept = outbox.sweep(exclude=emails_with_a_task())
        if swept:
            logger.warning("%d waiting email(s) enqueued again", swept)
        if run_schedule:
            schedule.run_due_jobs()
    except Exception:
        logger.exception("worker housekeeping failed")
    finally:
        close_old_connections()


class Housekeeper(threading.Thread):
    def __init__(self, *, every: float, run_schedule: bool) -> None:
        super().__init__(name="housekeeping", daemon=True)
        self.every = every
        self.run_schedule = run_schedule
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            housekeeping(run_schedule=self.run_schedule)
            self.stopped.wait(self.every)
        connections.close_all()
