"""The worker: it runs what web instances enqueued, puts back what a dead worker left,
runs each daily job once per day whatever the number of workers, and pauses during
maintenance."""

from datetime import timedelta

import pytest
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from nfp_site.operations import outbox, schedule, worker
from nfp_site.operations.models import OutboundEmail, ScheduledRun, WorkerHeartbeat

pytestmark = pytest.mark.django_db


# The worker commits its own transactions, as in production.
real_worker = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@real_worker
def test_the_worker_sends_what_was_queued(smtp, database_tasks):
    outbox.queue(EmailMessage("Convocation", "Body", to=["fp@example.org"]))
    assert smtp.messages == []  # waiting for the worker

    call_command("run_worker", "--batch", "--no-startup-delay", "--housekeeping-interval", "0")

    assert smtp.recipients == ["fp@example.org"]
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.SENT
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


@real_worker
def test_a_task_left_running_by_a_dead_worker_runs_again(smtp, database_tasks, settings):
    outbox.queue(EmailMessage("Convocation", "Body", to=["fp@example.org"]))
    DBTaskResult.objects.update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(minutes=settings.NFP_TASK_STALE_AFTER_MINUTES + 1),
    )

    assert worker.requeue_stale_tasks() == 1
    call_command("run_worker", "--batch", "--no-startup-delay", "--housekeeping-interval", "0")

    assert smtp.recipients == ["fp@example.org"]


@real_worker
def test_housekeeping_says_the_worker_is_alive(database_tasks):
    worker.housekeeping(worker_id="worker-1", run_schedule=False)

    assert WorkerHeartbeat.objects.get().worker_id == "worker-1"


def test_a_daily_job_runs_once_a_day_whatever_the_number_of_workers(settings):
    settings.NFP_DAILY_JOBS = {"send_digests": "06:00"}
    morning = timezone.make_aware(timezone.datetime(2030, 3, 4, 7, 0))

    first = schedule.run_due_jobs(morning)
    second = schedule.run_due_jobs(morning + timedelta(minutes=1))

    assert [run.succeeded for run in first] == [True]
    assert second == []
    assert ScheduledRun.objects.get().period == "2030-03-04"


def test_a_daily_job_does_not_run_before_its_time(settings):
    settings.NFP_DAILY_JOBS = {"send_digests": "06:00"}

    assert schedule.run_due_jobs(timezone.make_aware(timezone.datetime(2030, 3, 4, 5, 0))) == []


def test_a_failed_daily_job_runs_again_after_a_delay(settings, smtp):
    settings.NFP_DAILY_JOBS = {"send_request_reminders": "06:00"}
    morning = timezone.make_aware(timezone.datetime(2030, 3, 4, 7, 0))
    ScheduledRun.objects.create(
        job="send_request_reminders",
        period="2030-03-04",
        started_at=morning,
        finished_at=morning,
        succeeded=False,
    )

    assert schedule.run_due_jobs(morning + timedelta(minutes=1)) == []
    (run,) = schedule.run_due_jobs(morning + schedule.RETRY_FAILED_AFTER + timedelta(minutes=1))
    assert run.succeeded is True
    assert run.attempts == 2


def test_no_task_runs_in_maintenance_mode(smtp, database_tasks, settings, tmp_path):
    settings.NFP_MAINTENANCE_FILE = str(tmp_path / "maintenance.on")
    (tmp_path / "maintenance.on").write_text("restore")
    outbox.queue(EmailMessage("Convocation", "Body", to=["fp@example.org"]))
    task = DBTaskResult.objects.get()
    paused = worker.ProjectWorker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=1,
        worker_id="w",
    )
    paused.running = False  # stop waiting at once

    paused.run_task(task)

    task.refresh_from_db()
    assert task.status == TaskResultStatus.READY
    assert smtp.messages == []
