"""The background worker: django-tasks-db's worker, plus housekeeping once a minute.

Housekeeping (in a thread beside the task loop):
* emails whose delivery task was lost are enqueued again (`outbox.sweep`);
* a task left "running" by a worker that was killed goes back to the queue after
  `NFP_TASK_STALE_AFTER_MINUTES` (every task of the project is safe to run again);
* the daily jobs whose time has come run (`schedule`), unless `--no-schedule`.
"""

import logging
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connections
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from . import maintenance, outbox, schedule
from .models import WorkerHeartbeat

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


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": timezone.now(), "hostname": socket.gethostname()[:255]},
    )
    WorkerHeartbeat.objects.filter(seen_at__lt=timezone.now() - timedelta(days=1)).delete()


def housekeeping(*, worker_id: str, run_schedule: bool) -> None:
    close_old_connections()
    try:
        if maintenance.is_on():
            return
        beat(worker_id)
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
    def __init__(self, *, worker_id: str, every: float, run_schedule: bool) -> None:
        super().__init__(name="housekeeping", daemon=True)
        self.worker_id = worker_id
        self.every = every
        self.run_schedule = run_schedule
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            housekeeping(worker_id=self.worker_id, run_schedule=self.run_schedule)
            self.stopped.wait(self.every)
        connections.close_all()


class ProjectWorker(Worker):
    """django-tasks-db's worker, which runs no task while maintenance mode is on: a task it
    had just taken goes back to the queue, untouched."""

    def run_task(self, db_task_result: DBTaskResult) -> None:
        if maintenance.is_on():
            DBTaskResult.objects.filter(pk=db_task_result.pk).update(
                status=TaskResultStatus.READY, started_at=None
            )
            while maintenance.is_on() and self.running:
                time.sleep(1)
            return
        super().run_task(db_task_result)
